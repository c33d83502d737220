/**
 * Periods of indicator values: month "2026-03", quarter "2026-Q1" (also written "2026 K1",
 * "2026K1", "Q1 2026" in files), half-year "2026-H1" (also "2026 H1", "2026 halvår 1",
 * "H1 2026"), year "2026". Canonical forms sort as text.
 */
export const PERIODICITIES = ['month', 'quarter', 'half-year', 'year'] as const;
export type Periodicity = (typeof PERIODICITIES)[number];

const MONTH = /^(\d{4})-(\d{1,2})$/;
const MONTH_ALT = /^(\d{4})(\d{2})$/;
const QUARTER = /^(\d{4})\s*[-\s]?\s*[QKT](\d)$/i;
const QUARTER_REV = /^[QKT](\d)\s*[-\s]?\s*(\d{4})$/i;
const HALF = /^(\d{4})\s*[-\s]?\s*(?:H|halvår\s*)([12])$/i;
const HALF_REV = /^H([12])\s*[-\s]?\s*(\d{4})$/i;
const YEAR = /^(\d{4})$/;

const validYear = (y: number) => y >= 1990 && y <= 2100;

/** Which periodicity a canonical period has. */
export function periodicityOf(period: string): Periodicity | null {
  if (/^\d{4}-\d{2}$/.test(period)) return 'month';
  if (/^\d{4}-Q[1-4]$/.test(period)) return 'quarter';
  if (/^\d{4}-H[12]$/.test(period)) return 'half-year';
  if (/^\d{4}$/.test(period)) return 'year';
  return null;
}

/**
 * The canonical period for a cell, or an error message. A JS Date (from a spreadsheet cell)
 * is read as its month (or year) in UTC.
 */
export function parsePeriod(raw: unknown, periodicity: Periodicity): { period: string } | { error: string } {
  if (raw instanceof Date && !Number.isNaN(raw.getTime())) {
    const y = raw.getUTCFullYear();
    const m = raw.getUTCMonth() + 1;
    if (periodicity === 'month') return { period: `${y}-${String(m).padStart(2, '0')}` };
    if (periodicity === 'year') return { period: String(y) };
    if (periodicity === 'half-year') return { period: `${y}-H${m <= 6 ? 1 : 2}` };
    return { period: `${y}-Q${Math.ceil(m / 3)}` };
  }
  const text = typeof raw === 'number' ? String(raw) : typeof raw === 'string' ? raw.trim() : '';
  if (!text) return { error: 'Perioden saknas.' };
  const expected = { month: 'ÅÅÅÅ-MM', quarter: 'ÅÅÅÅ-Q1 … ÅÅÅÅ-Q4', 'half-year': 'ÅÅÅÅ-H1 eller ÅÅÅÅ-H2', year: 'ÅÅÅÅ' }[
    periodicity
  ];
  let m: RegExpExecArray | null;
  if (periodicity === 'month' && ((m = MONTH.exec(text)) || (m = MONTH_ALT.exec(text)))) {
    const y = Number(m[1]);
    const mo = Number(m[2]);
    if (validYear(y) && mo >= 1 && mo <= 12) return { period: `${y}-${String(mo).padStart(2, '0')}` };
    return { error: `"${text}" är ingen giltig månad (${expected}).` };
  }
  if (periodicity === 'quarter') {
    const direct = QUARTER.exec(text);
    const reversed = direct ? null : QUARTER_REV.exec(text);
    const r = direct
      ? { y: Number(direct[1]), q: Number(direct[2]) }
      : reversed
        ? { y: Number(reversed[2]), q: Number(reversed[1]) }
        : null;
    if (r && validYear(r.y) && r.q >= 1 && r.q <= 4) return { period: `${r.y}-Q${r.q}` };
    if (r) return { error: `"${text}" är inget giltigt kvartal (${expected}).` };
  }
  if (periodicity === 'half-year') {
    const direct = HALF.exec(text);
    const reversed = direct ? null : HALF_REV.exec(text);
    const y = direct ? Number(direct[1]) : reversed ? Number(reversed[2]) : NaN;
    const h = direct ? direct[2] : reversed ? reversed[1] : '';
    if (h && validYear(y)) return { period: `${y}-H${h}` };
  }
  if (periodicity === 'year' && (m = YEAR.exec(text)) && validYear(Number(m[1]))) return { period: text };
  const other = periodicityOf(text);
  if (other && other !== periodicity) {
    const names = { month: 'en månad', quarter: 'ett kvartal', 'half-year': 'ett halvår', year: 'ett år' };
    const per = { month: 'månad', quarter: 'kvartal', 'half-year': 'halvår', year: 'år' }[periodicity];
    return {
      error: `"${text}" är ${names[other]}, men indikatorn mäts per ${per} (${expected}).`,
    };
  }
  return { error: `"${text}" är inte en period i formatet ${expected}.` };
}

/** The period after `period` of the same periodicity. */
export function nextPeriod(period: string): string {
  const p = periodicityOf(period);
  if (p === 'year') return String(Number(period) + 1);
  if (p === 'quarter') {
    const y = Number(period.slice(0, 4));
    const q = Number(period.slice(6));
    return q === 4 ? `${y + 1}-Q1` : `${y}-Q${q + 1}`;
  }
  if (p === 'half-year') return period.endsWith('H1') ? `${period.slice(0, 4)}-H2` : `${Number(period.slice(0, 4)) + 1}-H1`;
  if (p === 'month') {
    const y = Number(period.slice(0, 4));
    const m = Number(period.slice(5));
    return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
  }
  throw new Error(`not a period: ${period}`);
}

/** Every period from first to last inclusive (both canonical, same periodicity). */
export function periodRange(first: string, last: string, max = 1000): string[] {
  const out: string[] = [];
  for (let p = first; p <= last && out.length < max; p = nextPeriod(p)) out.push(p);
  return out;
}

/** First day of a period, for date filters. */
export function periodStart(period: string): string {
  const p = periodicityOf(period);
  if (p === 'year') return `${period}-01-01`;
  if (p === 'quarter') return `${period.slice(0, 4)}-${String((Number(period.slice(6)) - 1) * 3 + 1).padStart(2, '0')}-01`;
  if (p === 'half-year') return `${period.slice(0, 4)}-${period.endsWith('H1') ? '01' : '07'}-01`;
  return `${period}-01`;
}
