import { describe, expect, it } from 'vitest';
import { readReferenceFiles } from '../../reference/load-reference.js';
import { parseReference } from '../../reference/rules/parse.js';
import { validateRows } from './import.js';
import { nextPeriod, parsePeriod, periodRange, periodStart } from './periods.js';
import { koladaRegionId, parseGender, placeLookup, type Geography } from './places.js';

// The real geography, read from the reference data (never retyped).
const ref = parseReference(readReferenceFiles());
const geo: Geography = {
  regions: ref.regions,
  municipalities: ref.municipalities,
  healthcareRegions: ref.healthcareRegions,
};

describe('places as the sources name them', () => {
  const lookup = placeLookup(geo);

  it('Kolada ids: "0000" is the country, "00" + länskod every one of the 21 regions', () => {
    expect(lookup('0000')).toEqual({ area: 'SE', subArea: '', level: 'country' });
    expect(ref.regions).toHaveLength(21);
    for (const r of ref.regions) expect(lookup(koladaRegionId(r.code))).toEqual({ area: r.code, subArea: '', level: 'region' });
    expect(lookup('0010')).toEqual({ area: '10', subArea: '', level: 'region' });
    expect(lookup('0002')).toBeUndefined(); // no län 02 since 1968
  });

  it('a kommunkod is a municipality under its region; a healthcare region by id or name', () => {
    expect(lookup('0780')).toEqual({ area: '07', subArea: '0780', level: 'municipality' });
    expect(lookup('1380')).toEqual({ area: '13', subArea: '1380', level: 'municipality' });
    expect(lookup('Sydöstra sjukvårdsregionen')).toEqual({ area: 'sydostra', subArea: '', level: 'healthcare-region' });
  });

  it('genders T, K, M in the words files use', () => {
    expect(['T', 'Totalt', 'k', 'Kvinnor', 'M', 'Män', '', null].map(parseGender)).toEqual([
      'T',
      'T',
      'K',
      'K',
      'M',
      'M',
      'T',
      'T',
    ]);
    expect(parseGender('X')).toBeUndefined();
  });
});

describe('half-years', () => {
  it('are read, stepped and ranged like the other periods', () => {
    expect(parsePeriod('2025 H2', 'half-year')).toEqual({ period: '2025-H2' });
    expect(parsePeriod('2025 halvår 1', 'half-year')).toEqual({ period: '2025-H1' });
    expect(parsePeriod('H1 2026', 'half-year')).toEqual({ period: '2026-H1' });
    expect(parsePeriod('2025-Q1', 'half-year')).toEqual({
      error: expect.stringMatching(/ett kvartal, men indikatorn mäts per halvår/),
    });
    expect(nextPeriod('2025-H2')).toBe('2026-H1');
    expect(periodRange('2025-H1', '2026-H1')).toEqual(['2025-H1', '2025-H2', '2026-H1']);
    expect(periodStart('2025-H2')).toBe('2025-07-01');
  });
});

describe('a by-gender file as Kolada exports it', () => {
  const header = ['Kommun-ID', 'Kommun', 'Kön', 'År', 'Värde', 'Täljare', 'Nämnare'];

  it('accepts "0010"-style region ids and keeps T, K and M rows apart', () => {
    const v = validateRows(
      header,
      [
        ['0010', 'Region Blekinge', 'T', '2024', '71,2', '712', '1000'],
        ['0010', 'Region Blekinge', 'K', '2024', '73,0', '', ''],
        ['0010', 'Region Blekinge', 'M', '2024', '69,4', '', ''],
        ['0000', 'Riket', 'T', '2024', '70,1', '', ''],
        ['1080', 'Karlskrona', 'K', '2024', '75', '', ''],
        ['0010', 'Region Blekinge', 'K', '2024', '72', '', ''],
        ['0010', 'Region Blekinge', 'X', '2024', '72', '', ''],
      ],
      { area: 'Kommun-ID', period: 'År', value: 'Värde', gender: 'Kön', numerator: 'Täljare', denominator: 'Nämnare' },
      'year',
      geo,
    );
    expect(v.valid.map((r) => [r.row, r.area, r.subArea, r.level, r.gender, r.value])).toEqual([
      [2, '10', '', 'region', 'T', 71.2],
      [3, '10', '', 'region', 'K', 73],
      [4, '10', '', 'region', 'M', 69.4],
      [5, 'SE', '', 'country', 'T', 70.1],
      [6, '10', '1080', 'municipality', 'K', 75],
    ]);
    expect(v.valid[0]).toMatchObject({ numerator: 712, denominator: 1000 });
    expect(v.valid[1]).toMatchObject({ numerator: null, denominator: null });
    expect(v.problems).toEqual([
      { row: 7, column: 'År', value: '2024', message: 'Dubblett: samma region, kön (kvinnor) och period som rad 3.' },
      { row: 8, column: 'Kön', value: 'X', message: '"X" är inget kön (T, K eller M).' },
    ]);
  });

  it('reads one column per period (wide), skipping empty cells', () => {
    const v = validateRows(
      ['Region', 'Kön', '2022', '2023', '2024'],
      [
        ['Region Kronoberg', 'Kvinnor', '80,5', '', '82'],
        ['Riket', 'Totalt', '79', '79,5', 'abc'],
      ],
      { area: 'Region', gender: 'Kön', layout: 'wide' },
      'year',
      geo,
    );
    expect(v.valid.map((r) => [r.area, r.gender, r.period, r.value])).toEqual([
      ['07', 'K', '2022', 80.5],
      ['07', 'K', '2024', 82],
      ['SE', 'T', '2022', 79],
      ['SE', 'T', '2023', 79.5],
    ]);
    expect(v.problems).toEqual([{ row: 3, column: '2024', value: 'abc', message: '"abc" är inte ett tal.' }]);
  });

  it('a wide file without period headers is a problem with the file', () => {
    const v = validateRows(['Region', 'Värde'], [['07', '1']], { area: 'Region', layout: 'wide' }, 'year', geo);
    expect(v.fileProblems[0]).toMatch(/inga periodkolumner/);
  });
});
