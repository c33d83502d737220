/**
 * The national quality indicators' results (Vården i siffror's file format) in Navet's terms.
 * Pure: the caller passes the table, the measure's gender submeasures and the geography.
 *
 * - **Gender**: the measure's own MeasureID is the total (T); each submeasure has its own
 *   MeasureID and a gender code (`1` man → M, `2` kvinna → K).
 * - **Period**: `PeriodReportedStartDate`–`PeriodReportedEndDate` spanning a calendar year,
 *   half-year, quarter or month → `2024`, `2024-H1`, `2024-Q3`, `2024-07`; only the indicator's
 *   periodicity is kept (a measure may be reported both by quarter and by year).
 * - **Place**: a unit by HSA-id (`UnitHSAID`, else `HospitalHSAID`/`HospitalOrganisationId`) under
 *   its region (`RegionOrganisationId`, the länskod); a municipality (`MunicipalityOrganisationID`);
 *   a region; the country (no region, `CountryName` "Riket").
 * - **Value**: `Rate` (a share 0–1, shown in per cent when the measure is an "Andel") with
 *   `Numerator`/`Denominator`, else `Value`. A masked row (`ReasonCode`, e.g. "MSK") is reported,
 *   not stored.
 */
import type { Cell, Table } from '../../../platform/files/table.js';
import { isHsaId } from './hsa-id.js';
import { parseNumber } from './import.js';
import type { Periodicity } from './periods.js';
import { placeLookup, type Gender, type Geography, type Level } from './places.js';

export interface QualityRow {
  area: string;
  subArea: string;
  level: Level;
  gender: Gender;
  period: string;
  value: number;
  numerator: number | null;
  denominator: number | null;
}

export interface QualitySkip {
  row: number;
  what: string;
  reason: string;
}

const FREQUENCIES: Record<string, Periodicity> = {
  år: 'year',
  halvår: 'half-year',
  kvartal: 'quarter',
  månad: 'month',
};

/** The indicator's periodicity from the measure's measuring frequencies: yearly when reported so, else the first known. */
export function periodicityOf(frequencies: readonly { name: string }[] | null | undefined): Periodicity {
  const known = (frequencies ?? []).map((f) => FREQUENCIES[f.name.trim().toLowerCase()]).filter((p): p is Periodicity => !!p);
  return known.includes('year') ? 'year' : (known[0] ?? 'year');
}

/** MeasureID → gender: the measure itself is the total, its submeasures women (code 2) and men (code 1). */
export function gendersByMeasureId(
  measureId: string,
  submeasures: readonly { id: string; gender?: { codeValue: string } | null | undefined }[],
): Map<string, Gender> {
  const map = new Map<string, Gender>([[measureId, 'T']]);
  for (const s of submeasures) {
    const code = s.gender?.codeValue;
    if (code === '2') map.set(s.id, 'K');
    else if (code === '1') map.set(s.id, 'M');
  }
  return map;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})/;
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

const dateText = (c: Cell): string =>
  c instanceof Date ? c.toISOString().slice(0, 10) : c === null || c === undefined ? '' : String(c).trim();

/** The Navet period a reported span is, with its periodicity; undefined for a span that is none of them. */
export function reportedPeriod(start: Cell, end: Cell): { period: string; periodicity: Periodicity } | undefined {
  const s = DATE.exec(dateText(start));
  const e = DATE.exec(dateText(end));
  if (!s || !e) return undefined;
  const [sy, sm, sd] = [Number(s[1]), Number(s[2]), Number(s[3])];
  const [ey, em, ed] = [Number(e[1]), Number(e[2]), Number(e[3])];
  if (sd !== 1 || ed !== lastDay(ey, em)) return undefined;
  const months = ey * 12 + em - (sy * 12 + sm) + 1;
  if (months === 12 && sm === 1) return { period: String(sy), periodicity: 'year' };
  if (months === 6 && (sm === 1 || sm === 7)) return { period: `${sy}-H${sm === 1 ? 1 : 2}`, periodicity: 'half-year' };
  if (months === 3 && (sm - 1) % 3 === 0) return { period: `${sy}-Q${(sm + 2) / 3}`, periodicity: 'quarter' };
  if (months === 1) return { period: `${sy}-${String(sm).padStart(2, '0')}`, periodicity: 'month' };
  return undefined;
}

export interface QualityOptions {
  genders: Map<string, Gender>;
  periodicity: Periodicity;
  /** Shares (`Rate`, 0–1) are stored in per cent. */
  percent: boolean;
  geo: Geography;
}

export function qualityRows(table: Table, opts: QualityOptions): { rows: QualityRow[]; skipped: QualitySkip[] } {
  const col = new Map(table.header.map((h, i) => [h, i]));
  const lookup = placeLookup(opts.geo);
  const regionCodes = new Set(opts.geo.regions.map((r) => r.code));
  const rows: QualityRow[] = [];
  const skipped: QualitySkip[] = [];
  const seen = new Set<string>();
  table.rows.forEach((cells, i) => {
    const row = i + 2;
    const get = (name: string): string => {
      const c = cells[col.get(name) ?? -1];
      return c === null || c === undefined ? '' : String(c).trim();
    };
    const measureId = get('MeasureID');
    // The file's instruction row ("KEEP_EXISTING_DATA_FOR_REGISTER_HSAID:…") is no value.
    if (/^(KEEP|DELETE)_EXISTING_DATA/.test(String(cells[0] ?? ''))) return;
    const gender = opts.genders.get(measureId);
    if (!gender) return; // another measure's rows in a shared file
    const span = reportedPeriod(cells[col.get('PeriodReportedStartDate')!], cells[col.get('PeriodReportedEndDate')!]);
    const what = `${measureId} ${get('PeriodReportedStartDate')}–${get('PeriodReportedEndDate')} ${get('UnitHSAID') || get('RegionOrganisationId') || get('CountryName') || 'Riket'}`;
    if (!span) {
      skipped.push({ row, what, reason: 'Perioden är inget helt år, halvår, kvartal eller månad.' });
      return;
    }
    if (span.periodicity !== opts.periodicity) return; // reported at another frequency too: not this indicator's
    const regionRaw = get('RegionOrganisationId');
    const region = regionRaw ? regionRaw.padStart(2, '0') : '';
    if (region && !regionCodes.has(region)) {
      skipped.push({ row, what, reason: `Okänd region "${regionRaw}".` });
      return;
    }
    const hsa = get('UnitHSAID') || get('HospitalHSAID') || get('HospitalOrganisationId');
    const municipality = get('MunicipalityOrganisationID');
    let place: { area: string; subArea: string; level: Level } | undefined;
    if (hsa) {
      if (!isHsaId(hsa) || !region) {
        skipped.push({ row, what, reason: `Enheten "${hsa}" saknar giltigt HSA-id eller region.` });
        return;
      }
      place = { area: region, subArea: hsa, level: 'unit' };
    } else if (municipality) {
      place = lookup(municipality.padStart(4, '0'));
      if (place?.level !== 'municipality') {
        skipped.push({ row, what, reason: `Okänd kommun "${municipality}".` });
        return;
      }
    } else if (region) {
      place = { area: region, subArea: '', level: 'region' };
    } else {
      place = { area: 'SE', subArea: '', level: 'country' };
    }
    const reason = get('ReasonCode');
    if (reason) {
      skipped.push({ row, what, reason: `Värdet är maskerat i källan (${reason}).` });
      return;
    }
    const rate = parseNumber(get('Rate'));
    const plain = parseNumber(get('Value'));
    const value = rate !== undefined ? (opts.percent ? Math.round(rate * 100 * 10000) / 10000 : rate) : plain;
    if (value === undefined) {
      skipped.push({ row, what, reason: 'Raden saknar värde (Rate eller Value).' });
      return;
    }
    const key = `${place.area}|${place.subArea}|${span.period}|${gender}`;
    if (seen.has(key)) return;
    seen.add(key);
    rows.push({
      ...place,
      gender,
      period: span.period,
      value,
      numerator: parseNumber(get('Numerator')) ?? null,
      denominator: parseNumber(get('Denominator')) ?? null,
    });
  });
  return { rows, skipped };
}

/** The units a results table names (a valid HSA-id, a name, the region), once each: the names Navet shows for them. */
export function qualityUnits(table: Table): { hsaId: string; name: string; region: string | null }[] {
  const col = new Map(table.header.map((h, i) => [h, i]));
  const out = new Map<string, { hsaId: string; name: string; region: string | null }>();
  for (const cells of table.rows) {
    const get = (name: string): string => {
      const c = cells[col.get(name) ?? -1];
      return c === null || c === undefined ? '' : String(c).trim();
    };
    const unitHsa = get('UnitHSAID');
    const [hsaId, name] = unitHsa ? [unitHsa, get('UnitName')] : [get('HospitalHSAID'), get('HospitalName')];
    if (!hsaId || !isHsaId(hsaId) || !name) continue;
    const region = get('RegionOrganisationId');
    out.set(hsaId, { hsaId, name: name.slice(0, 300), region: /^[0-9]{1,2}$/.test(region) ? region.padStart(2, '0') : null });
  }
  return [...out.values()];
}
