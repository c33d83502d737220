import { describe, expect, it } from 'vitest';
import { daysUntil, weekOf } from './week.js';

describe('the overview calendar', () => {
  it('finds the Monday-to-Sunday week of a day, also across the turn of a year', () => {
    expect(weekOf('2026-12-07')).toEqual({ from: '2026-12-07', to: '2026-12-13' }); // a Monday
    expect(weekOf('2026-12-13')).toEqual({ from: '2026-12-07', to: '2026-12-13' }); // a Sunday
    expect(weekOf('2026-12-31')).toEqual({ from: '2026-12-28', to: '2027-01-03' });
    expect(weekOf('2028-02-29')).toEqual({ from: '2028-02-28', to: '2028-03-05' });
  });

  it('counts calendar days left, negative when passed', () => {
    expect(daysUntil('2026-12-07', '2026-12-09')).toBe(2);
    expect(daysUntil('2026-12-31', '2027-01-01')).toBe(1);
    expect(daysUntil('2026-12-07', '2026-12-01')).toBe(-6);
  });
});
