import { describe, expect, it } from 'vitest';
import { gallringAction, gallringCutoff } from './gallring.js';

describe('gallring rules', () => {
  it('counts the period from the end of the calendar year', () => {
    expect(gallringCutoff('2026-01-01', 7)).toBe('2019-01-01');
    expect(gallringCutoff('2026-12-31', 7)).toBe('2019-01-01');
    expect(gallringCutoff('2027-06-01', 0)).toBe('2027-01-01');
  });

  it('removes only what a rule says gallras, with a period, of a kind Navet can remove', () => {
    expect(gallringAction({ recordType: 'compensation-claim', disposition: 'gallras', retentionYears: 7 })).toBe('remove');
    expect(gallringAction({ recordType: 'compensation-claim', disposition: 'gallras', retentionYears: null })).toBe('manual');
    expect(gallringAction({ recordType: 'compensation-claim', disposition: 'bevaras', retentionYears: 7 })).toBe('keep');
    expect(gallringAction({ recordType: 'membership', disposition: 'gallras', retentionYears: 3 })).toBe('manual');
    expect(gallringAction({ recordType: 'case', disposition: 'bevaras', retentionYears: null })).toBe('archive');
  });
});
