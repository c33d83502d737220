import { describe, expect, it } from 'vitest';
import { decideClaim } from '../src/modules/compensation/decide-claim.js';
import { recordAssignment } from '../src/modules/compensation/record-assignment.js';
import { recordParticipant } from '../src/modules/compensation/record-participant.js';
import { submitClaim } from '../src/modules/compensation/submit-claim.js';
import { closeCase } from '../src/modules/cases/close-case.js';
import { gallringHandler } from '../src/modules/records/index.js';
import { runGallring } from '../src/modules/records/run-gallring.js';
import { updateRetentionRule } from '../src/modules/records/update-retention-rule.js';
import { jobHandlers } from '../src/jobs.js';
import { actorOf } from '../src/platform/auth/login.js';
import { findUserById } from '../src/platform/auth/repository.js';
import { systemCtx, type Ctx } from '../src/platform/context.js';
import { buildCase, buildGroup, buildPerson, buildRateModel, buildUser } from '../src/testing/builders.js';
import { useTestApp } from './helpers/app.js';
import { useClock } from './helpers/clock.js';

/**
 * Gallring on a real database: the dry run reports per rule, executing removes exactly what a
 * rule says gallras once its period has run out (audited in the same transaction), and nothing
 * is touched where the rule says bevaras or no rule exists. Over HTTP: administrators only.
 */
const t = useTestApp();
useClock('2026-11-26');

const ctxOf = async (id: string): Promise<Ctx> => ({
  ...systemCtx('test'),
  actor: actorOf((await findUserById(t.db, id))!, 'session'),
});
const admin = () => ({ ...systemCtx('test'), actor: { ...systemCtx().actor!, via: 'session' as const, name: 'Admin' } });
const LATER = '2034-06-01'; // seven years after the end of 2026: the claims of 2026 have passed

async function makeClaims() {
  const support = await ctxOf(
    (await buildUser(t.db, { roles: [{ role: 'processtod', scopeType: 'region', scopeId: '10' }] })).id,
  );
  const user = await buildUser(t.db);
  const claimant = await ctxOf(user.id);
  const groupId = (await buildGroup(t.db, { kind: 'program-area', level: 'region', owner: '10', programAreaIds: ['tandvard'] }))
    .id;
  const personId = (await buildPerson(t.db, { email: user.email, homeOwner: '10', employerType: 'patient-organisation' })).id;
  const participant = await recordParticipant(t.db, support, {
    personId,
    groupId,
    recruitedOn: '2026-09-01',
    recruitedBy: 'Cecilia',
  });
  await buildRateModel(t.db);
  const ids: string[] = [];
  for (const date of ['2026-10-01', '2026-10-02', '2026-10-03']) {
    const a = await recordAssignment(t.db, support, participant.id, {
      kind: 'meeting',
      date,
      timeUnit: 'meeting',
      description: 'Möte',
    });
    ids.push((await submitClaim(t.db, claimant, { assignmentId: a.id, distanceKm: 0, travelCostsOre: 0 })).id);
  }
  await decideClaim(t.db, support, ids[0]!, 'approve', { version: 1 });
  await decideClaim(t.db, claimant, ids[1]!, 'withdraw', { version: 1 });
  return { approved: ids[0]!, withdrawn: ids[1]!, open: ids[2]! };
}
let made: ReturnType<typeof makeClaims> | undefined;
/** One set of claims for the file (a program area has one group per owner); the dry run removes nothing. */
const claims = () => (made ??= makeClaims());

const exists = async (id: string) => (await t.db.query('SELECT 1 FROM compensation_claims WHERE id = $1', [id])).length === 1;
const ruleOf = (r: Awaited<ReturnType<typeof runGallring>>, type: string) => r.rules.find((x) => x.recordType === type);

describe('gallring', () => {
  it('reports per rule in a dry run and removes nothing', async () => {
    const c = await claims();
    const today = await runGallring(t.db, admin(), { dryRun: true });
    expect(today.date).toBe('2026-11-26');
    expect(ruleOf(today, 'compensation-claim')).toMatchObject({ action: 'remove', cutoff: '2019-01-01' });
    expect(ruleOf(today, 'compensation-claim')!.items.map((i) => i.id)).not.toContain(c.approved);
    expect(ruleOf(today, 'membership')).toMatchObject({ disposition: 'bevaras', action: 'keep', count: 0 });
    expect(ruleOf(today, 'case')).toMatchObject({ action: 'archive' });

    const later = await runGallring(t.db, admin(), { dryRun: true, today: LATER });
    const rule = ruleOf(later, 'compensation-claim')!;
    expect(rule.cutoff).toBe('2027-01-01');
    const ids = rule.items.map((i) => i.id);
    expect(ids).toEqual(expect.arrayContaining([c.approved, c.withdrawn]));
    expect(ids).not.toContain(c.open); // an open claim is never removed
    expect(rule.count).toBe(rule.items.length);
    expect(later.removed).toBe(0);
    expect(await exists(c.approved)).toBe(true);
  });

  it('touches nothing whose rule says bevaras, nor anything without a rule; then removes what the rule says, audited', async () => {
    const c = await claims();
    const [rule] = await t.db.query<{ version: number }>(
      `SELECT version FROM retention_rules WHERE record_type = 'compensation-claim'`,
    );
    const r = (
      await t.db.query<{ label: string; retention: string; legal_basis: string }>(
        `SELECT label, retention, legal_basis FROM retention_rules WHERE record_type = 'compensation-claim'`,
      )
    )[0]!;
    const input = { label: r.label, retentionYears: 7, retention: r.retention, legalBasis: r.legal_basis };
    const kept = await updateRetentionRule(t.db, admin(), 'compensation-claim', rule!.version, {
      ...input,
      disposition: 'bevaras',
    });
    const keep = await runGallring(t.db, admin(), { dryRun: false, today: LATER });
    expect(ruleOf(keep, 'compensation-claim')).toMatchObject({ action: 'keep', count: 0 });
    expect(await exists(c.approved)).toBe(true);
    await updateRetentionRule(t.db, admin(), 'compensation-claim', kept.version, { ...input, disposition: 'gallras' });

    // No rule at all for the claims: the job does not know them.
    const saved = await t.db.query(`SELECT * FROM retention_rules WHERE record_type = 'compensation-claim'`);
    await t.db.query(`DELETE FROM retention_rules WHERE record_type = 'compensation-claim'`);
    const none = await runGallring(t.db, admin(), { dryRun: false, today: LATER });
    expect(ruleOf(none, 'compensation-claim')).toBeUndefined();
    expect(none.removed).toBe(0);
    expect(await exists(c.approved)).toBe(true);
    await t.db.query(`INSERT INTO retention_rules SELECT * FROM json_populate_record(NULL::retention_rules, $1::json)`, [
      JSON.stringify(saved[0]),
    ]);

    const done = await runGallring(t.db, admin(), { dryRun: false, today: LATER });
    expect(done.removed).toBeGreaterThanOrEqual(2);
    expect(await exists(c.approved)).toBe(false);
    expect(await exists(c.withdrawn)).toBe(false);
    expect(await exists(c.open)).toBe(true);
    const audit = await t.db.query<{ after: { removed: number; rules: { recordType: string; ids: string[] }[] } }>(
      `SELECT after FROM audit_events WHERE entity_type = 'gallring' AND entity_id = $1 AND action = 'execute' ORDER BY id`,
      [LATER],
    );
    expect(audit).toHaveLength(3); // every run is recorded, also those that removed nothing
    expect(audit[2]!.after.removed).toBe(done.removed);
    expect(audit[2]!.after.rules[0]!.ids).toEqual(expect.arrayContaining([c.approved, c.withdrawn]));
  });

  it('runs daily from the job worker as the system', async () => {
    expect(Object.keys(jobHandlers(t.db, t.config))).toContain('records.gallring');
    await gallringHandler(t.db)();
    const [e] = await t.db.query<{ actor_label: string }>(
      `SELECT actor_label FROM audit_events WHERE entity_type = 'gallring' AND entity_id = '2026-11-26'`,
    );
    expect(e?.actor_label).toContain('Navet (system)');
  });

  it('is for records administrators only over HTTP, and lists closed cases for the e-archive', async () => {
    const c = await buildCase(t.db, { region: '10', subject: 'Avslutat ärende för e-arkivet' });
    await closeCase(t.db, admin(), c.id, c.version, { reason: 'Klart.' });
    const coordinator = await t.newUser([{ role: 'samordnare', scopeType: 'region', scopeId: '10' }]);
    const denied = await t.request({
      method: 'POST',
      url: '/api/v1/records/gallring',
      as: coordinator,
      payload: { dryRun: true },
    });
    expect(denied.statusCode).toBe(403);
    expect(denied.headers['content-type']).toContain('application/problem+json');
    const adm = await t.newAdmin();
    const bad = await t.request({ method: 'POST', url: '/api/v1/records/gallring', as: adm, payload: { dryRun: 'ja' } });
    expect(bad.statusCode).toBe(422);
    const res = await t.request({ method: 'POST', url: '/api/v1/records/gallring', as: adm, payload: { dryRun: true } });
    expect(res.statusCode).toBe(200);
    const cases = res
      .json<{ rules: { recordType: string; items: { id: string; label: string }[] }[] }>()
      .rules.find((r) => r.recordType === 'case')!;
    expect(cases.items.find((i) => i.id === c.id)?.label).toContain('Avslutat ärende för e-arkivet');

    const pkg = await t.request({ method: 'GET', url: `/api/v1/cases/${c.id}/archive-package`, as: adm });
    expect(pkg.statusCode).toBe(200);
    expect(pkg.headers['content-type']).toBe('application/zip');
    const after = await t.request({ method: 'POST', url: '/api/v1/records/gallring', as: adm, payload: { dryRun: true } });
    const ids = after
      .json<{ rules: { recordType: string; items: { id: string }[] }[] }>()
      .rules.find((r) => r.recordType === 'case')!;
    expect(ids.items.map((i) => i.id)).not.toContain(c.id); // exported: no longer a candidate
    const open = await buildCase(t.db, { region: '10' });
    const conflict = await t.request({ method: 'GET', url: `/api/v1/cases/${open.id}/archive-package`, as: adm });
    expect(conflict.statusCode).toBe(409);
    expect(conflict.headers['content-type']).toContain('application/problem+json');
  });
});
