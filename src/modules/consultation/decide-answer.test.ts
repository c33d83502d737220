import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/helpers/app.js';
import { useClock } from '../../../test/helpers/clock.js';
import type { Ctx, RoleAssignment } from '../../platform/context.js';
import { buildConsultationRound, buildGroup, buildLpo } from '../../testing/builders.js';
import { decideAnswer } from './decide-answer.js';
import { prepareAnswer } from './prepare-answer.js';
import { readAnswer } from './read-answers.js';
import { registerAnswer } from './register-answer.js';
import { routeAnswer } from './route-answer.js';
import { sendAnswer } from './send-answer.js';
import { startDraft } from './start-draft.js';
import { readCase } from '../cases/read-case.js';

/**
 * How a region's answer is decided, on a real database without HTTP: the lifecycle's guards
 * (a forum that decides, no date in the future) and the policy (only that forum), and what
 * the caller is then offered.
 */
const t = useTestApp();
const today = '2026-11-26';
useClock(today);

const as = (roles: RoleAssignment[]): Ctx => ({
  actor: { userId: randomUUID(), email: `u-${randomUUID()}@example.se`, name: 'Testperson', roles, via: 'session' },
  requestId: 'test',
});

let council: string;
let beredning: string;
let lpo: string;
const coordinator = () => as([{ role: 'samordnare', scopeType: 'region', scopeId: '10' }]);
/** The lead group's process support: works on the draft, takes no part in the decision. */
const leadSupport = () => as([{ role: 'processtod', scopeType: 'group', scopeId: lpo }]);

beforeAll(async () => {
  lpo = (await buildLpo(t.db, { region: '10', programAreaId: 'hjart-och-karlsjukdomar' })).id;
  beredning = (await buildGroup(t.db, { kind: 'forum', level: 'region', owner: '10' })).id;
  council = (await buildGroup(t.db, { kind: 'council', level: 'region', owner: '10' })).id;
});

async function preparedAnswer(o: { decisionGroupId: string | null }) {
  const round = await buildConsultationRound(t.db);
  const a = await registerAnswer(t.db, coordinator(), { roundId: round.id, region: '10' }, { today });
  await routeAnswer(t.db, coordinator(), a.id, {
    groupIds: [lpo],
    leadGroupId: lpo,
    beredningGroupId: beredning,
    decisionGroupId: o.decisionGroupId,
    version: a.version,
  });
  const lead = as([{ role: 'processtod', scopeType: 'group', scopeId: lpo }]);
  await startDraft(t.db, lead, a.id, { version: a.version + 1 });
  await prepareAnswer(t.db, as([{ role: 'ordforande', scopeType: 'group', scopeId: beredning }]), a.id, {
    version: a.version + 2,
  });
  return { id: a.id, version: a.version + 3 };
}

describe('deciding a region’s answer', () => {
  it('is the deciding forum’s step (it may also return the answer), not to the lead group, once the answer is prepared', async () => {
    const a = await preparedAnswer({ decisionGroupId: council });
    const chair = as([{ role: 'ordforande', scopeType: 'group', scopeId: council }]);
    expect((await readAnswer(t.db, chair, a.id, { today })).allowedActions).toEqual(['return', 'decide']);
    expect((await readAnswer(t.db, leadSupport(), a.id, { today })).allowedActions).toEqual([]);
    await expect(
      decideAnswer(t.db, leadSupport(), a.id, { version: a.version, decisionRef: 'KR § 1', decidedOn: today }, { today }),
    ).rejects.toMatchObject({ status: 403 });
    await expect(
      decideAnswer(t.db, chair, a.id, { version: a.version, decisionRef: 'KR § 1', decidedOn: '2026-11-27' }, { today }),
    ).rejects.toMatchObject({ status: 422 });
    await expect(
      decideAnswer(t.db, chair, a.id, { version: a.version - 1, decisionRef: 'KR § 1', decidedOn: today }, { today }),
    ).rejects.toMatchObject({ status: 409 });
    await decideAnswer(t.db, chair, a.id, { version: a.version, decisionRef: '  KR § 1 ', decidedOn: today }, { today });
    const decided = await readAnswer(t.db, chair, a.id, { today });
    expect(decided).toMatchObject({ status: 'beslutad', decisionRef: 'KR § 1', decidedOn: today });
    expect(decided.allowedActions).toEqual(['supersede']);
    expect(decided.permissions.editDraft).toBe(false);
    const audit = await t.db.query<{ action: string; before: unknown; after: Record<string, unknown> }>(
      "SELECT action, before, after FROM audit_events WHERE entity_type = 'consultation-answer' AND entity_id = $1 ORDER BY id DESC LIMIT 1",
      [a.id],
    );
    expect(audit[0]).toMatchObject({
      action: 'transition',
      before: { status: 'beredd' },
      after: { status: 'beslutad', decisionRef: 'KR § 1', decidedOn: today },
    });
  });

  it('asks for a deciding forum before anything else when the answer has none (422, not 403)', async () => {
    const a = await preparedAnswer({ decisionGroupId: null });
    expect((await readAnswer(t.db, leadSupport(), a.id, { today })).allowedActions).toEqual([]);
    await expect(
      decideAnswer(t.db, leadSupport(), a.id, { version: a.version, decisionRef: 'KR § 1', decidedOn: today }, { today }),
    ).rejects.toMatchObject({ status: 422, errors: [{ path: 'decisionGroupId' }] });
  });

  it('carries its case along: routed → under beredning (out of the triage queue), decided → beslutad with the same § and forum, sent → avslutad', async () => {
    const round = await buildConsultationRound(t.db);
    const a = await registerAnswer(t.db, coordinator(), { roundId: round.id, region: '10' }, { today });
    const caseOf = () => readCase(t.db, coordinator(), a.caseId);
    expect(await caseOf()).toMatchObject({
      status: 'registrerad',
      consultationAnswerId: a.id,
      consultationRoundTitle: round.title,
    });

    await routeAnswer(t.db, coordinator(), a.id, {
      groupIds: [lpo],
      leadGroupId: lpo,
      beredningGroupId: beredning,
      decisionGroupId: council,
      version: a.version,
    });
    expect((await caseOf()).status).toBe('under-beredning');
    const lead = as([{ role: 'processtod', scopeType: 'group', scopeId: lpo }]);
    await startDraft(t.db, lead, a.id, { version: a.version + 1 });
    await prepareAnswer(t.db, as([{ role: 'ordforande', scopeType: 'group', scopeId: beredning }]), a.id, {
      version: a.version + 2,
    });
    const chair = as([{ role: 'ordforande', scopeType: 'group', scopeId: council }]);
    await decideAnswer(t.db, chair, a.id, { version: a.version + 3, decisionRef: 'KR 2026 § 42', decidedOn: today }, { today });
    expect(await caseOf()).toMatchObject({ status: 'beslutad', decisionRef: 'KR 2026 § 42', forumGroupId: council });
    const history = await t.db.query<{ to_status: string; reason: string; decision_ref: string | null }>(
      'SELECT to_status, reason, decision_ref FROM case_transitions WHERE case_id = $1 ORDER BY seq',
      [a.caseId],
    );
    expect(history).toEqual([
      { to_status: 'under-beredning', reason: 'Remissvaret är fördelat för beredning.', decision_ref: null },
      { to_status: 'beslutad', reason: 'Remissvaret är beslutat (KR 2026 § 42).', decision_ref: 'KR 2026 § 42' },
    ]);

    await sendAnswer(t.db, coordinator(), a.id, { version: a.version + 4, sentOn: today }, { today });
    expect(await caseOf()).toMatchObject({ status: 'avslutad', locked: true });
  });
});
