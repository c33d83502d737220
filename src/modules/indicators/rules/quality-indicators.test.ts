import { describe, expect, it } from 'vitest';
import { gendersByMeasureId, periodicityOf, qualityRows, reportedPeriod } from './quality-indicators.js';

describe('quality indicators: periods, genders, places', () => {
  it('reads reported spans as years, half-years, quarters and months, and nothing else', () => {
    expect(reportedPeriod('2024-01-01', '2024-12-31')).toEqual({ period: '2024', periodicity: 'year' });
    expect(reportedPeriod('2024-07-01', '2024-12-31')).toEqual({ period: '2024-H2', periodicity: 'half-year' });
    expect(reportedPeriod('2024-07-01', '2024-09-30')).toEqual({ period: '2024-Q3', periodicity: 'quarter' });
    expect(reportedPeriod('2024-02-01', '2024-02-29')).toEqual({ period: '2024-02', periodicity: 'month' });
    expect(reportedPeriod('2024-02-01', '2024-02-28')).toBeUndefined();
    expect(reportedPeriod('2024-03-01', '2024-08-31')).toBeUndefined();
    expect(periodicityOf([{ name: 'Kvartal' }, { name: 'År' }])).toBe('year');
    expect(periodicityOf([{ name: 'Månad' }])).toBe('month');
  });

  it('maps gender submeasures, places by länskod and HSA-id, shares in per cent, and reports masked rows', () => {
    const genders = gendersByMeasureId('m', [
      { id: 'k', gender: { codeValue: '2' } },
      { id: 'x', gender: { codeValue: '1' } },
    ]);
    const header = [
      'MeasureID',
      'PeriodReportedStartDate',
      'PeriodReportedEndDate',
      'RegionOrganisationId',
      'UnitHSAID',
      'Rate',
      'Numerator',
      'Denominator',
      'Value',
      'ReasonCode',
    ];
    const rows = [
      ['KEEP_EXISTING_DATA_FOR_REGISTER_HSAID:SE1', '', '', '', '', '', '', '', '', ''],
      ['m', '2024-01-01', '2024-12-31', '', '', '0,705', '705', '1000', '', ''],
      ['k', '2024-01-01', '2024-12-31', '7', '', '0.5', '5', '10', '', ''],
      ['x', '2024-01-01', '2024-12-31', '07', 'SE2321000065-E000000000001', '', '', '', '', 'MSK'],
      ['m', '2024-01-01', '2024-12-31', '99', '', '0.5', '', '', '', ''],
      ['other', '2024-01-01', '2024-12-31', '07', '', '0.5', '', '', '', ''],
    ];
    const geo = { regions: [{ code: '07', name: 'Region Kronoberg', shortName: 'Kronoberg' }] };
    const out = qualityRows({ header, rows }, { genders, periodicity: 'year', percent: true, geo });
    expect(out.rows).toEqual([
      { area: 'SE', subArea: '', level: 'country', gender: 'T', period: '2024', value: 70.5, numerator: 705, denominator: 1000 },
      { area: '07', subArea: '', level: 'region', gender: 'K', period: '2024', value: 50, numerator: 5, denominator: 10 },
    ]);
    expect(out.skipped.map((s) => s.reason)).toEqual(['Värdet är maskerat i källan (MSK).', 'Okänd region "99".']);
  });
});
