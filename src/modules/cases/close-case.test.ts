import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/helpers/app.js';
import { useClock } from '../../../test/helpers/clock.js';
import type { Ctx, RoleAssignment } from '../../platform/context.js';
import { buildCase } from '../../testing/builders.js';
import { addActionToCase } from './add-case-action.js';
import { changeCaseStatus } from './change-case-status.js';
import { closeCase } from './close-case.js';
import { setCaseActionDone } from './complete-case-action.js';
import { readCase } from './read-case.js';

/**
 * How a case is closed, on a real database without HTTP: from where, with which reason, the
 * open action items that hold it, who may, and that a closed case stays closed.
 */
const t = useTestApp();
useClock('2026-11-26');

const as = (roles: RoleAssignment[]): Ctx => ({
  actor: { userId: randomUUID(), email: `u-${randomUUID()}@example.se`, name: 'Testperson', roles, via: 'session' },
  requestId: 'test',
});
const coordinator = () => as([{ role: 'samordnare', scopeType: 'region', scopeId: '10' }]);

async function problemOf(p: Promise<unknown>) {
  try {
    await p;
  } catch (e) {
    return e as { status: number; detail: string };
  }
  throw new Error('expected a problem');
}

describe('closing a case', () => {
  it('writes off a registered case only with a reason, and records the reason in its history', async () => {
    const c = await buildCase(t.db, { region: '10', subject: 'Förfrågan om lokal rutin för hjärtsviktsmottagning' });
    const withoutReason = await problemOf(closeCase(t.db, coordinator(), c.id, c.version));
    expect(withoutReason.status).toBe(422);
    expect((await readCase(t.db, coordinator(), c.id)).status).toBe('registrerad');

    await closeCase(t.db, coordinator(), c.id, c.version, { reason: 'Besvarad direkt av samordnaren.' });
    const closed = await readCase(t.db, coordinator(), c.id);
    expect(closed).toMatchObject({ status: 'avslutad', locked: true, allowedActions: [] });
    const last = await t.db.query<{ to_status: string; reason: string }>(
      'SELECT to_status, reason FROM case_transitions WHERE case_id = $1 ORDER BY seq DESC LIMIT 1',
      [c.id],
    );
    expect(last[0]).toEqual({ to_status: 'avslutad', reason: 'Besvarad direkt av samordnaren.' });

    const again = await problemOf(closeCase(t.db, coordinator(), c.id, closed.version, { reason: 'igen' }));
    expect(again).toMatchObject({ status: 409, detail: 'Ärendet är redan avslutat.' });
  });

  it('is held by an open action item, and closes once the item is done', async () => {
    const c = await buildCase(t.db, { region: '10' });
    const ctx = coordinator();
    await changeCaseStatus(t.db, ctx, c.id, c.version, { action: 'prepare' });
    const item = await addActionToCase(t.db, ctx, c.id, { title: 'Skicka svaret till NPO' });
    const v = (await readCase(t.db, ctx, c.id)).version;
    const held = await problemOf(closeCase(t.db, ctx, c.id, v, { reason: 'Inget beslut behövs.' }));
    expect(held.status).toBe(422);
    expect(held.detail).toContain('åtgärdspunkt');

    await setCaseActionDone(t.db, ctx, item.id, 1, true);
    await closeCase(t.db, ctx, c.id, v, { reason: 'Inget beslut behövs.' });
    expect((await readCase(t.db, ctx, c.id)).status).toBe('avslutad');
  });

  it('is not the step of a reader, nor of a coordinator in another region', async () => {
    const c = await buildCase(t.db, { region: '10' });
    const reader = as([{ role: 'lasare', scopeType: 'region', scopeId: '10' }]);
    const elsewhere = as([{ role: 'samordnare', scopeType: 'region', scopeId: '08' }]);
    expect((await problemOf(closeCase(t.db, reader, c.id, c.version, { reason: 'x' }))).status).toBe(403);
    expect((await problemOf(closeCase(t.db, elsewhere, c.id, c.version, { reason: 'x' }))).status).toBe(404);
    expect((await readCase(t.db, coordinator(), c.id)).status).toBe('registrerad');
  });
});
