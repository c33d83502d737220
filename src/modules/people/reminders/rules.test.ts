import { describe, expect, it } from 'vitest';
import { addDays, daysUntil, declarationState, dueReminders, sentKey, type ReminderItem } from './rules.js';

const seat = (id: string, date: string): ReminderItem => ({ kind: 'membership-end', id, date });
const due = (today: string, items: ReminderItem[], sent: string[] = [], thresholds = [90, 30]) =>
  dueReminders(today, thresholds, items, new Set(sent)).map((r) => [r.item.id, r.thresholdDays, r.daysLeft]);

describe('daysUntil and addDays', () => {
  it('count calendar days across month ends, year ends and leap days', () => {
    expect(daysUntil('2027-01-31', '2027-03-01')).toBe(29);
    expect(daysUntil('2028-01-31', '2028-03-01')).toBe(30);
    expect(daysUntil('2028-02-28', '2028-03-01')).toBe(2);
    expect(daysUntil('2026-12-31', '2027-01-01')).toBe(1);
    expect(daysUntil('2027-03-31', '2027-03-30')).toBe(-1);
    expect(daysUntil('2026-03-28', '2026-03-30')).toBe(2); // summer time starts in Sweden on 29 March: still two days
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2028-02-29', 1)).toBe('2028-03-01');
    expect(addDays('2027-03-01', -1)).toBe('2027-02-28');
    expect(addDays('2026-11-26', 25)).toBe('2026-12-21');
  });
});

describe('dueReminders', () => {
  it('sends nothing before the loosest threshold, the 90-day reminder on day 90, and on the end day itself', () => {
    expect(daysUntil('2027-01-01', '2027-04-01')).toBe(90);
    expect(due('2026-12-31', [seat('a', '2027-04-01')])).toEqual([]); // 91 days left
    expect(due('2027-01-01', [seat('a', '2027-04-01')])).toEqual([['a', 90, 90]]);
    expect(due('2027-01-02', [seat('a', '2027-04-01')], ['membership-end:a:90'])).toEqual([]);
    expect(due('2027-04-01', [seat('a', '2027-04-01')], ['membership-end:a:90'])).toEqual([['a', 30, 0]]);
    expect(due('2027-04-02', [seat('a', '2027-04-01')])).toEqual([]); // ended yesterday
  });

  it('sends only the tightest due threshold: 30 days left means the 30-day reminder, not also the 90-day one', () => {
    // The seat ends on leap day 2028; 30 days before is 30 January (January has 31 days).
    expect(daysUntil('2028-01-30', '2028-02-29')).toBe(30);
    expect(due('2028-01-30', [seat('leap', '2028-02-29')])).toEqual([['leap', 30, 30]]);
    expect(due('2028-01-29', [seat('leap', '2028-02-29')])).toEqual([['leap', 90, 31]]);
    // Once the 30-day one is sent, the looser 90-day one never follows.
    expect(due('2028-02-10', [seat('leap', '2028-02-29')], [sentKey('membership-end', 'leap', 30)])).toEqual([]);
  });

  it('is idempotent per (item, threshold): a sent reminder is not due again, another item still is', () => {
    const items = [
      seat('a', '2027-03-31'),
      seat('b', '2027-03-31'),
      { kind: 'declaration-expiry' as const, id: 'a', date: '2027-03-31' },
    ];
    expect(due('2027-03-01', items, ['membership-end:a:30'])).toEqual([
      ['b', 30, 30],
      ['a', 30, 30],
    ]);
  });

  it('walks a whole season day by day: exactly one 90-day and one 30-day reminder per item', () => {
    const items = [seat('end-of-feb', '2027-02-28'), seat('leap', '2028-02-29'), seat('year-end', '2027-12-31')];
    const sent = new Set<string>();
    const log: string[] = [];
    for (let today = '2026-10-01'; today <= '2028-03-31'; today = addDays(today, 1)) {
      for (const r of dueReminders(today, [30, 90, 90], items, sent)) {
        sent.add(sentKey(r.item.kind, r.item.id, r.thresholdDays));
        log.push(`${today} ${r.item.id} ${r.thresholdDays}`);
      }
    }
    expect(log).toEqual([
      '2026-11-30 end-of-feb 90',
      '2027-01-29 end-of-feb 30',
      '2027-10-02 year-end 90',
      '2027-12-01 leap 90',
      '2027-12-01 year-end 30',
      '2028-01-30 leap 30',
    ]);
  });

  it('ignores nonsense thresholds and accepts a single one', () => {
    expect(due('2027-03-01', [seat('a', '2027-03-15')], [], [0, -5, 14])).toEqual([['a', 14, 14]]);
    expect(due('2027-03-01', [seat('a', '2027-03-15')], [], [7])).toEqual([]);
  });
});

describe('declarationState', () => {
  const approved = (validUntil: string | null) => ({
    id: 'd',
    status: 'approved' as const,
    submittedAt: new Date('2025-01-01T10:00:00Z'),
    validUntil,
  });

  it('is valid through its last day and lapsed the day after', () => {
    expect(declarationState(approved('2028-02-29'), '2028-02-29')).toEqual({
      state: 'valid',
      validUntil: '2028-02-29',
      daysLeft: 0,
    });
    expect(declarationState(approved('2028-02-29'), '2028-03-01')).toEqual({
      state: 'lapsed',
      reason: 'expired',
      validUntil: '2028-02-29',
    });
  });

  it('no declaration, or a newer one waiting for review, counts as lapsed', () => {
    expect(declarationState(undefined, '2027-01-01')).toMatchObject({ state: 'lapsed', reason: 'none' });
    expect(declarationState({ ...approved(null), status: 'submitted' }, '2027-01-01')).toMatchObject({
      state: 'lapsed',
      reason: 'pending',
    });
  });
});
