/**
 * Where a value belongs and for whom: the ways files and sources name a place (a region's code
 * or name, Kolada's "0010" for a region and "0000" for the country, a kommunkod, a healthcare
 * region) and a gender (T, K, M). Pure: the caller passes the geography read from the
 * reference data (never retyped here).
 */
export type Level = 'country' | 'healthcare-region' | 'region' | 'municipality' | 'unit';
export type Gender = 'T' | 'K' | 'M';
export const GENDERS: readonly Gender[] = ['T', 'K', 'M'];

export interface RegionName {
  code: string;
  name: string;
  shortName: string;
}

export interface Geography {
  regions: readonly RegionName[];
  /** Kommunkod → its region's code (and its name, for files that name it). */
  municipalities?: readonly { code: string; name: string; regionCode: string }[];
  healthcareRegions?: readonly { id: string; name: string }[];
}

/** A place in Navet's terms: area 'SE', a region code or a healthcare region id; sub_area the kommunkod. */
export interface Place {
  area: string;
  subArea: string;
  level: Level;
}

const NATION = new Set(['se', 'riket', 'sverige', 'nationellt', 'hela riket', 'alla regioner', '00', '0000']);

const norm = (s: string) =>
  s
    .trim()
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/\s+(län|läns)$/, '');

/** Kolada's id for a region: "00" and the länskod ("0007" is Region Kronoberg); "0000" is the country. */
export const koladaRegionId = (regionCode: string) => `00${regionCode}`;
export const KOLADA_COUNTRY = '0000';

/**
 * A lookup from every way a file or source may name a place to the place: "07", "7",
 * "Region Kronoberg", "Kronoberg", "0007" (Kolada), "Riket", "0000", a kommunkod "0780" or a
 * municipality's name (level municipality, under its region), a healthcare region's id or name.
 */
export function placeLookup(geo: Geography): (raw: string | number | null | undefined) => Place | undefined {
  const map = new Map<string, Place>();
  const region = (code: string): Place => ({ area: code, subArea: '', level: 'region' });
  for (const m of geo.municipalities ?? []) {
    const p: Place = { area: m.regionCode, subArea: m.code, level: 'municipality' };
    map.set(norm(m.name), p);
    map.set(norm(`${m.name} kommun`), p);
  }
  for (const h of geo.healthcareRegions ?? []) {
    const p: Place = { area: h.id, subArea: '', level: 'healthcare-region' };
    map.set(norm(h.id), p);
    map.set(norm(h.name), p);
  }
  for (const r of geo.regions) {
    map.set(r.code, region(r.code));
    map.set(String(Number(r.code)), region(r.code));
    map.set(koladaRegionId(r.code), region(r.code));
    map.set(norm(r.name), region(r.code));
    map.set(norm(r.shortName), region(r.code));
    map.set(norm(`region ${r.shortName}`), region(r.code));
  }
  // Kommunkoder last: four digits never start "00", so they never shadow Kolada's region ids.
  for (const m of geo.municipalities ?? []) map.set(m.code, { area: m.regionCode, subArea: m.code, level: 'municipality' });
  return (raw) => {
    if (raw === null || raw === undefined || raw === '') return undefined;
    const s = norm(String(raw));
    if (NATION.has(s)) return { area: 'SE', subArea: '', level: 'country' };
    return map.get(s);
  };
}

const GENDER_WORDS: Record<string, Gender> = {
  t: 'T',
  totalt: 'T',
  total: 'T',
  alla: 'T',
  båda: 'T',
  'båda könen': 'T',
  k: 'K',
  kvinnor: 'K',
  kvinna: 'K',
  flickor: 'K',
  m: 'M',
  män: 'M',
  man: 'M',
  pojkar: 'M',
};

/** T, K or M from a cell ("Kvinnor", "k", "Totalt"); an empty cell is the total. */
export function parseGender(raw: string | number | null | undefined): Gender | undefined {
  if (raw === null || raw === undefined) return 'T';
  const s = norm(String(raw));
  if (!s) return 'T';
  return GENDER_WORDS[s];
}
