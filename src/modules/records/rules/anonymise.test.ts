import { describe, expect, it } from 'vitest';
import { anonymisationBlockers, pseudonym } from './anonymise.js';

describe('anonymisation rules', () => {
  it('gives a stable pseudonym with four hex digits', () => {
    const p = pseudonym('7c9e6679-7425-40de-944b-e07fc1f90ae7');
    expect(p).toMatch(/^Anonymiserad person [0-9A-F]{4}$/);
    expect(pseudonym('7c9e6679-7425-40de-944b-e07fc1f90ae7')).toBe(p);
    expect(pseudonym('00000000-0000-0000-0000-000000000001')).not.toBe(p);
  });

  it('is blocked by running memberships and open claims, not by ended ones', () => {
    const today = '2026-11-26';
    const blockers = anonymisationBlockers(
      [
        { id: 'm1', groupName: 'LPO Akut vård', role: 'ledamot', endDate: null },
        { id: 'm2', groupName: 'LPO Akut vård', role: 'ersattare', endDate: '2026-11-26' },
        { id: 'm3', groupName: 'LPO Akut vård', role: 'ledamot', endDate: '2026-11-25' },
      ],
      [
        { id: 'c1', status: 'submitted', date: '2026-10-01', groupName: 'G' },
        { id: 'c2', status: 'returned', date: '2026-10-02', groupName: 'G' },
        { id: 'c3', status: 'approved', date: '2026-10-03', groupName: 'G' },
        { id: 'c4', status: 'withdrawn', date: '2026-10-04', groupName: 'G' },
      ],
      today,
    );
    expect(blockers.map((b) => b.id)).toEqual(['m1', 'm2', 'c1', 'c2']);
    expect(blockers[0]!.text).toContain('har inget slutdatum');
  });
});
