/**
 * The claim lifecycle's use cases on a real database, without HTTP: the moves go through the
 * declared lifecycle and runTransition, the audit is typed and in the same transaction, and the
 * caller's actions come from the declaration and the policy.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordAssignment } from '../src/modules/compensation/record-assignment.js';
import { recordParticipant } from '../src/modules/compensation/record-participant.js';
import { decideClaim } from '../src/modules/compensation/decide-claim.js';
import { compensationPolicy } from '../src/modules/compensation/policy.js';
import { submitClaim } from '../src/modules/compensation/submit-claim.js';
import '../src/modules/organisation/repository.js';
import { actorOf } from '../src/platform/auth/login.js';
import { findUserById } from '../src/platform/auth/repository.js';
import { systemCtx, type Ctx } from '../src/platform/context.js';
import type { Db } from '../src/platform/db/index.js';
import { buildGroup, buildPerson, buildRateModel, buildUser } from '../src/testing/builders.js';
import { testDb } from './helpers/db.js';

let db: Db;
let support: Ctx;
let claimant: Ctx;
let assignmentIds: string[];

const ctxOf = async (id: string): Promise<Ctx> => ({
  ...systemCtx('test'),
  actor: actorOf((await findUserById(db, id))!, 'session'),
});

beforeAll(async () => {
  db = await testDb();
  // Navet ships no rates: the test's own model (made-up amounts)
  await buildRateModel(db, { name: 'Testmodell 2026' });
  support = await ctxOf((await buildUser(db, { roles: [{ role: 'processtod', scopeType: 'region', scopeId: '10' }] })).id);
  const person = await buildUser(db);
  claimant = await ctxOf(person.id);
  const groupId = (await buildGroup(db, { kind: 'program-area', level: 'region', owner: '10', programAreaIds: ['tandvard'] })).id;
  const personId = (await buildPerson(db, { email: person.email, homeOwner: '10', employerType: 'patient-organisation' })).id;
  const participant = await recordParticipant(db, support, {
    personId,
    groupId,
    recruitedOn: '2026-09-01',
    recruitedBy: 'Cecilia',
  });
  assignmentIds = [];
  for (const date of ['2026-10-01', '2026-10-02'])
    assignmentIds.push(
      (await recordAssignment(db, support, participant.id, { kind: 'meeting', date, timeUnit: 'meeting', description: 'Möte' }))
        .id,
    );
}, 180_000);
afterAll(() => db?.close());

describe('the claim lifecycle on a real database', () => {
  it('returns with the comment as the reason, in the audit of the same transaction; the claimant then resubmits', async () => {
    const claim = await submitClaim(db, claimant, { assignmentId: assignmentIds[0]!, distanceKm: 10, travelCostsOre: 0 });
    expect((await compensationPolicy(support, db)).claimActions(claim)).toEqual(['approve', 'return', 'withdraw']);
    expect((await compensationPolicy(claimant, db)).claimActions(claim)).toEqual(['withdraw']);
    await expect(decideClaim(db, support, claim.id, 'return', { version: 1 })).rejects.toMatchObject({ status: 422 });
    const returned = await decideClaim(db, support, claim.id, 'return', { version: 1, comment: ' Kvitto saknas. ' });
    expect(returned).toMatchObject({ status: 'returned', version: 2, decisionComment: 'Kvitto saknas.' });
    const events = await db.query<{ action: string; after: { reason: string } }>(
      `SELECT action, after FROM audit_events WHERE entity_type = 'compensation-claim' AND entity_id = $1 ORDER BY id`,
      [claim.id],
    );
    expect(events.map((e) => e.action)).toEqual(['submit', 'return']);
    expect(events[1]!.after.reason).toBe('Kvitto saknas.');
    const again = await decideClaim(db, claimant, claim.id, 'resubmit', {
      version: 2,
      travel: { distanceKm: 20, travelCostsOre: 100 },
    });
    expect(again).toMatchObject({ status: 'submitted', distanceKm: 20, travelCostsOre: 100, version: 3 });
  });

  it('answers 403 for another side’s action, 409 for a status that does not allow it, and nothing moves', async () => {
    const claim = await submitClaim(db, claimant, { assignmentId: assignmentIds[1]!, distanceKm: 0, travelCostsOre: 0 });
    await expect(decideClaim(db, claimant, claim.id, 'approve', { version: 1 })).rejects.toMatchObject({ status: 403 });
    await expect(decideClaim(db, claimant, claim.id, 'resubmit', { version: 1 })).rejects.toMatchObject({ status: 409 });
    const approved = await decideClaim(db, support, claim.id, 'approve', { version: 1 });
    expect(approved).toMatchObject({ status: 'approved', version: 2 });
    expect((await compensationPolicy(support, db)).claimActions(approved)).toEqual([]);
    await expect(decideClaim(db, claimant, claim.id, 'withdraw', { version: 2 })).rejects.toMatchObject({ status: 409 });
  });
});
