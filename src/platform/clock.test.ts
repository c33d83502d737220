import { afterEach, describe, expect, it } from 'vitest';
import { clock, clockOffset, setClock, swedishDate, todayInSweden } from './clock.js';

describe('the product clock', () => {
  afterEach(() => setClock(undefined));

  it('counts Swedish days: 23:30 UTC on New Year’s Eve is already New Year’s Day in Stockholm', () => {
    expect(swedishDate(new Date('2026-12-31T23:30:00Z'))).toBe('2027-01-01');
    expect(swedishDate(new Date('2026-12-31T22:59:59Z'))).toBe('2026-12-31');
    // Summer time: UTC+2
    expect(swedishDate(new Date('2027-06-30T22:30:00Z'))).toBe('2027-07-01');
  });

  it('moves to a date and keeps the time of day, across a daylight-saving change too', () => {
    const real = new Date('2026-12-06T10:15:00Z');
    const offset = clockOffset('2027-07-01', real);
    const moved = new Date(real.getTime() + offset);
    expect(swedishDate(moved)).toBe('2027-07-01');
    // 11:15 in Stockholm in winter stays 11:15 (or one hour off across DST), never another day
    expect(Math.abs(offset - 207 * 86_400_000)).toBeLessThanOrEqual(3_600_000);
    // Just before midnight in winter lands on the target day, not the day after, in summer
    const late = new Date('2026-12-06T22:45:00Z'); // 23:45 in Stockholm
    expect(swedishDate(new Date(late.getTime() + clockOffset('2027-07-01', late)))).toBe('2027-07-01');
  });

  it('moves to an exact instant and then goes on running', () => {
    setClock('2027-12-31T23:59:00+01:00');
    expect(clock.today()).toBe('2027-12-31');
    expect(Math.abs(clock.now().getTime() - Date.parse('2027-12-31T22:59:00Z'))).toBeLessThan(1_000);
    expect(todayInSweden()).toBe('2027-12-31');
    expect(clock.year()).toBe(2027);
  });

  it('goes back to the system clock, and refuses what is neither a date nor an instant', () => {
    setClock('2030-01-01');
    expect(clock.today()).toBe('2030-01-01');
    setClock(undefined);
    expect(clock.today()).toBe(swedishDate(new Date()));
    expect(() => setClock('next tuesday')).toThrow(/NAVET_CLOCK/);
  });
});
