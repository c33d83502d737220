import { describe, expect, it } from 'vitest';
import { allowedActions, checkAction } from '../../../platform/lifecycle/lifecycle.js';
import { groupLifecycle, isGroupActive } from './group-lifecycle.js';

const close = (f: Partial<NonNullable<Parameters<typeof checkAction>[3]>> = {}) => ({
  close: { startDate: '2025-01-01', endDate: '2026-06-30', activeChildren: [], membersAfterEnd: 0, ...f },
});
const self = { id: 'a', owner: '07', level: 'region' };

describe('the group lifecycle', () => {
  it('an active group closes or merges; a closed or merged one is final (409)', () => {
    expect(allowedActions(groupLifecycle, 'active', {})).toEqual(['close', 'merge']);
    expect(allowedActions(groupLifecycle, 'closed', {})).toEqual([]);
    expect(checkAction(groupLifecycle, 'merged', 'close', close())).toMatchObject({
      ok: false,
      kind: 'conflict',
      message: 'Gruppen är sammanslagen och kan inte ändras.',
    });
    expect([isGroupActive('active'), isGroupActive('closed'), isGroupActive('merged')]).toEqual([true, false, false]);
  });

  it('closing names what blocks it (409), and an end before the start is the request’s fault (422 on endDate)', () => {
    expect(checkAction(groupLifecycle, 'active', 'close', close())).toMatchObject({ ok: true, to: 'closed' });
    expect(checkAction(groupLifecycle, 'active', 'close', close({ activeChildren: ['LAG Hjärta'], membersAfterEnd: 2 }))).toEqual(
      {
        ok: false,
        kind: 'conflict',
        path: 'action',
        message:
          'Gruppen kan inte stängas: den har aktiva grupper under sig (LAG Hjärta) och 2 uppdrag som löper efter 2026-06-30. Avsluta eller flytta dem först.',
      },
    );
    expect(checkAction(groupLifecycle, 'active', 'close', close({ endDate: '2024-12-31' }))).toMatchObject({
      ok: false,
      kind: 'rule',
      path: 'endDate',
    });
  });

  it('merging needs another active group of the same owner and level', () => {
    const merge = (target: { id: string; owner: string; level: string; status: string } | undefined) => ({
      merge: { target, self },
    });
    expect(checkAction(groupLifecycle, 'active', 'merge', merge({ ...self, id: 'b', status: 'active' }))).toMatchObject({
      ok: true,
      to: 'merged',
    });
    expect(checkAction(groupLifecycle, 'active', 'merge', merge(undefined))).toMatchObject({ path: 'intoGroupId' });
    expect(checkAction(groupLifecycle, 'active', 'merge', merge({ ...self, status: 'active' }))).toMatchObject({
      path: 'intoGroupId',
      message: 'En grupp kan inte slås samman med sig själv.',
    });
    expect(
      checkAction(groupLifecycle, 'active', 'merge', merge({ ...self, id: 'b', owner: '08', status: 'active' })),
    ).toMatchObject({
      path: 'intoGroupId',
    });
    expect(checkAction(groupLifecycle, 'active', 'merge', merge({ ...self, id: 'b', status: 'closed' }))).toMatchObject({
      kind: 'conflict',
    });
  });
});
