import { describe, expect, it } from 'vitest';
import { dueKnowledgeReminders, reminderKey } from './reminders.js';

describe('revision and validity reminders', () => {
  const item = { supportId: 's1', kind: 'revision' as const, date: '2027-06-30' };

  it('nothing before 180 days; the 180-day reminder from 2027-01-01', () => {
    expect(dueKnowledgeReminders('2026-12-31', [item])).toEqual([]);
    expect(dueKnowledgeReminders('2027-01-01', [item])).toEqual([{ ...item, thresholdDays: 180, daysLeft: 180 }]);
  });

  it('only the tightest threshold counts', () => {
    expect(dueKnowledgeReminders('2027-06-10', [item])).toEqual([{ ...item, thresholdDays: 60, daysLeft: 20 }]);
  });

  it('a passed date gives one overdue reminder', () => {
    expect(dueKnowledgeReminders('2027-07-05', [item])).toEqual([{ ...item, thresholdDays: 0, daysLeft: -5 }]);
    const sent = new Set([reminderKey({ ...item, thresholdDays: 0 })]);
    expect(dueKnowledgeReminders('2027-07-06', [item], sent)).toEqual([]);
  });

  it('a sent reminder is not due again, but a moved date is a new reminder', () => {
    const sent = new Set([reminderKey({ ...item, thresholdDays: 60 })]);
    expect(dueKnowledgeReminders('2027-06-10', [item], sent)).toEqual([]);
    expect(dueKnowledgeReminders('2027-06-10', [{ ...item, date: '2027-07-31' }], sent)).toHaveLength(1);
  });
});
