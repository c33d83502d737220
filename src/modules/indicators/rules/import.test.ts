import { describe, expect, it } from 'vitest';
import { parseNumber, validateRows, type RegionName } from './import.js';
import { nextPeriod, parsePeriod, periodRange, periodStart } from './periods.js';

const regions: RegionName[] = [
  { code: '07', name: 'Region Kronoberg', shortName: 'Kronoberg' },
  { code: '10', name: 'Region Blekinge', shortName: 'Blekinge' },
];
const mapping = { area: 'Region', period: 'Period', value: 'Andel' };

describe('periods', () => {
  it('reads months, quarters and years in the ways files write them', () => {
    expect(parsePeriod('2026-3', 'month')).toEqual({ period: '2026-03' });
    expect(parsePeriod('202611', 'month')).toEqual({ period: '2026-11' });
    expect(parsePeriod(new Date(Date.UTC(2026, 4, 1)), 'month')).toEqual({ period: '2026-05' });
    expect(parsePeriod('2026 K2', 'quarter')).toEqual({ period: '2026-Q2' });
    expect(parsePeriod('Q4 2025', 'quarter')).toEqual({ period: '2025-Q4' });
    expect(parsePeriod(2026, 'year')).toEqual({ period: '2026' });
  });

  it('says what is wrong with a bad period', () => {
    expect(parsePeriod('2026-13', 'month')).toEqual({ error: expect.stringMatching(/ingen giltig månad/) });
    expect(parsePeriod('2026-Q1', 'month')).toEqual({
      error: expect.stringMatching(/är ett kvartal, men indikatorn mäts per månad/),
    });
    expect(parsePeriod('mars', 'month')).toEqual({ error: expect.stringMatching(/ÅÅÅÅ-MM/) });
    expect(parsePeriod('', 'year')).toEqual({ error: 'Perioden saknas.' });
  });

  it('steps and ranges over year ends', () => {
    expect(nextPeriod('2026-12')).toBe('2027-01');
    expect(nextPeriod('2026-Q4')).toBe('2027-Q1');
    expect(periodRange('2026-11', '2027-02')).toEqual(['2026-11', '2026-12', '2027-01', '2027-02']);
    expect(periodStart('2026-Q3')).toBe('2026-07-01');
  });
});

describe('numbers', () => {
  it('reads Swedish decimals and refuses text', () => {
    expect(parseNumber('12,5')).toBe(12.5);
    expect(parseNumber(' 87 % ')).toBe(87);
    expect(parseNumber('-3.25')).toBe(-3.25);
    expect(parseNumber('ca 12')).toBeUndefined();
    expect(parseNumber('1,2,3')).toBeUndefined();
    expect(parseNumber('')).toBeUndefined();
  });
});

describe('validating rows', () => {
  it('reports every bad row with its row number, column and reason', () => {
    const v = validateRows(
      ['Region', 'Period', 'Andel'],
      [
        ['Kronoberg', '2026-01', '81,5'],
        ['Region Atlantis', '2026-01', '80'],
        ['10', '2026-Q1', '80'],
        ['10', '2026-01', 'saknas'],
        ['Region Kronoberg', '2026-1', '70'],
        ['Riket', '2026-01', 78],
      ],
      mapping,
      'month',
      regions,
    );
    expect(v.valid.map((r) => [r.row, r.area, r.period, r.value])).toEqual([
      [2, '07', '2026-01', 81.5],
      [7, 'SE', '2026-01', 78],
    ]);
    expect(v.problems.map((p) => [p.row, p.column])).toEqual([
      [3, 'Region'],
      [4, 'Period'],
      [5, 'Andel'],
      [6, 'Period'],
    ]);
    expect(v.problems[0]!.message).toBe('Okänd region "Region Atlantis".');
    expect(v.problems[3]!.message).toBe('Dubblett: samma region och period som rad 2.');
  });

  it('a mapped column that is missing is a problem with the file', () => {
    const v = validateRows(['Län', 'Period', 'Andel'], [['07', '2026-01', 1]], mapping, 'month', regions);
    expect(v.fileProblems[0]).toMatch(/Kolumnen "Region" finns inte/);
    expect(v.valid).toEqual([]);
  });
});
