/**
 * Kolada's data points in Navet's terms. Pure: the caller passes the points and the geography
 * (from the reference data). Kolada names the country "0000", a region "00" + länskod, a
 * municipality by its kommunkod; each point holds one value per gender (T, K, M) for a year.
 * A value Kolada lacks (value null, with a status such as "Saknas") is reported, not stored.
 */
import type { Gender, Geography, Level } from './places.js';
import { KOLADA_COUNTRY, koladaRegionId, placeLookup } from './places.js';

export interface KoladaPoint {
  kpi: string;
  municipality: string;
  period: number | string;
  values: { gender: Gender; value: number | null; status?: string | null | undefined; count?: number | null | undefined }[];
}

export interface KoladaRow {
  area: string;
  subArea: string;
  level: Level;
  gender: Gender;
  period: string;
  value: number;
}

export interface KoladaSkip {
  municipality: string;
  period: string;
  gender: Gender | '';
  reason: string;
}

/** The Kolada ids of the country and every region of the geography: what "all 21 regions and the country" asks for. */
export const koladaCountryAndRegionIds = (geo: Geography): string[] => [
  KOLADA_COUNTRY,
  ...geo.regions.map((r) => koladaRegionId(r.code)),
];

/** The years of a span, first to last. */
export const yearSpan = (from: number, to: number): number[] => Array.from({ length: to - from + 1 }, (_, i) => from + i);

export function koladaRows(points: readonly KoladaPoint[], geo: Geography): { rows: KoladaRow[]; skipped: KoladaSkip[] } {
  const lookup = placeLookup(geo);
  const rows: KoladaRow[] = [];
  const skipped: KoladaSkip[] = [];
  const seen = new Set<string>();
  for (const p of points) {
    const period = String(p.period);
    const place = lookup(p.municipality);
    if (!place || !/^\d{4}$/.test(p.municipality) || !/^\d{4}$/.test(period)) {
      skipped.push({
        municipality: p.municipality,
        period,
        gender: '',
        reason: `Okänt område "${p.municipality}" eller år "${period}".`,
      });
      continue;
    }
    for (const v of p.values) {
      if (v.value === null) {
        skipped.push({
          municipality: p.municipality,
          period,
          gender: v.gender,
          reason: `Kolada saknar värde${v.status ? ` (${v.status})` : ''}.`,
        });
        continue;
      }
      const key = `${place.area}|${place.subArea}|${period}|${v.gender}`;
      if (seen.has(key)) continue;
      seen.add(key);
      rows.push({ area: place.area, subArea: place.subArea, level: place.level, gender: v.gender, period, value: v.value });
    }
  }
  return { rows, skipped };
}
