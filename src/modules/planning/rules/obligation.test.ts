import { describe, expect, it } from 'vitest';
import { defaultDueDates, occurrenceStatus, remindOn } from './obligation.js';

describe('recurring obligations (seed 000, seed 002: twice a year)', () => {
  it('twice a year is due by the end of each half-year', () => {
    expect(defaultDueDates(2026, 2)).toEqual(['2026-06-30', '2026-12-31']);
    expect(defaultDueDates(2028, 12)[1]).toBe('2028-02-29');
    expect(defaultDueDates(2027, 4)).toEqual(['2027-03-31', '2027-06-30', '2027-09-30', '2027-12-31']);
    expect(() => defaultDueDates(2027, 5)).toThrow();
  });
  it('an occurrence not recorded after its due date is a gap', () => {
    expect(remindOn('2026-06-30', 30)).toBe('2026-05-31');
    expect(occurrenceStatus({ dueOn: '2026-06-30', heldOn: null }, '2026-07-01', 30)).toBe('overdue');
    expect(occurrenceStatus({ dueOn: '2026-06-30', heldOn: '2026-05-12' }, '2026-07-01', 30)).toBe('held');
    expect(occurrenceStatus({ dueOn: '2026-12-31', heldOn: null }, '2026-12-01', 30)).toBe('due-soon');
    expect(occurrenceStatus({ dueOn: '2026-12-31', heldOn: null }, '2026-11-30', 30)).toBe('upcoming');
  });
});
