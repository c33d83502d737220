import { recordAudit } from '../../platform/audit/record.js';
import { can } from '../../platform/auth/policy.js';
import { todayInSweden } from '../../platform/clock.js';
import type { Ctx } from '../../platform/context.js';
import type { Db, Queryable } from '../../platform/db/index.js';
import {
  conflict,
  forbidden,
  notFound,
  staleVersion,
  unauthorized,
  unprocessable,
  type FieldError,
} from '../../platform/errors.js';
import { geography } from '../organisation/repository.js';
import { effectiveActor, jointAccess } from './access.js';
import { actorLabel } from './load-answer.js';
import { assertVisible } from '../visible.js';
import * as repo from './repository.js';
import { DEFAULT_SECTIONS } from './rules/answer-lifecycle.js';
import { isJointEditable, jointTransition, type JointAction } from './rules/joint-lifecycle.js';

/**
 * A healthcare region's joint answer (seed 002): the RPO concerned — or the regional cancer
 * centre for cancer rounds — compiles one answer from the member regions' input, and the
 * healthcare region's management group approves it. Member regions see its state.
 */
export interface CreateJointInput {
  roundId: string;
  healthcareRegionId: string;
  coordinatingGroupId: string;
  approvingGroupId: string;
}

const APPROVING_KINDS = new Set(['steering-group', 'council', 'political-body', 'forum']);

export async function createJointAnswer(db: Db, ctx: Ctx, input: CreateJointInput, opts: { isDemo?: boolean } = {}) {
  return db.transaction(async (tx) => {
    if (!ctx.actor) throw unauthorized();
    const geo = await geography(tx);
    if (!geo.healthcareRegionIds.has(input.healthcareRegionId)) {
      throw unprocessable('Okänd sjukvårdsregion.', [{ path: 'healthcareRegionId', message: 'finns inte' }]);
    }
    const actor = await effectiveActor(tx, ctx.actor, todayInSweden());
    const hr = { type: 'healthcare-region', id: input.healthcareRegionId } as const;
    const coordinatorScope = { type: 'group', id: input.coordinatingGroupId, owner: hr } as const;
    if (!can(actor, 'consultations.route', hr) && !can(actor, 'consultations.work', coordinatorScope)) throw forbidden();
    const round = await repo.getRound(tx, input.roundId);
    if (!round) throw notFound('Remissomgången');
    // Seen as the consultation module sees the caller: with the roles their memberships give.
    await assertVisible(tx, { ...ctx, actor }, { group: [input.coordinatingGroupId, input.approvingGroupId] });
    const groups = new Map(
      (await repo.groupsByIds(tx, [input.coordinatingGroupId, input.approvingGroupId])).map((g) => [g.id, g]),
    );
    const errors: FieldError[] = [];
    const coord = groups.get(input.coordinatingGroupId);
    const appr = groups.get(input.approvingGroupId);
    if (!coord || coord.owner !== input.healthcareRegionId || coord.status !== 'active')
      errors.push({
        path: 'coordinatingGroupId',
        message: 'ingen aktiv grupp i sjukvårdsregionen (RPO eller regionalt cancercentrum)',
      });
    if (!appr || appr.owner !== input.healthcareRegionId || appr.status !== 'active')
      errors.push({ path: 'approvingGroupId', message: 'ingen aktiv grupp i sjukvårdsregionen' });
    else if (!APPROVING_KINDS.has(appr.kind))
      errors.push({ path: 'approvingGroupId', message: `${appr.name} är inte en ledningsgrupp, ett råd eller en nämnd` });
    if (errors.length) throw unprocessable(errors.map((e) => e.message).join('; '), errors);
    const existing = (await repo.jointsOfRounds(tx, [round.id])).find((j) => j.healthcare_region_id === input.healthcareRegionId);
    if (existing) throw conflict(`${existing.healthcare_region_name} har redan ett gemensamt svar på den här remissen.`);
    const id = await repo.insertJoint(tx, { ...input, ...(opts.isDemo ? { isDemo: true } : {}) });
    for (const heading of DEFAULT_SECTIONS) await repo.insertJointSection(tx, id, heading);
    await recordAudit(tx, ctx, { entityType: 'consultation-joint-answer', entityId: id, action: 'create', after: input });
    return id;
  });
}

export async function loadJoint(db: Queryable, ctx: Ctx, id: string, opts: { forUpdate?: boolean } = {}) {
  if (!ctx.actor) throw unauthorized();
  const joint = await repo.getJoint(db, id, opts);
  if (!joint) throw notFound('Det gemensamma svaret');
  const geo = await geography(db);
  const actor = await effectiveActor(db, ctx.actor, todayInSweden());
  const members = await repo.memberRegions(db, joint.healthcare_region_id);
  const access = jointAccess(
    actor,
    joint,
    members.map((m) => m.code),
    geo,
  );
  if (!access.read) throw notFound('Det gemensamma svaret');
  return { joint, access, members };
}

/** The joint answer with each member region's input side by side (for those who compile or approve it). */
export async function readJointAnswer(db: Db, ctx: Ctx, id: string) {
  const { joint, access, members } = await loadJoint(db, ctx, id);
  const sections = await repo.jointSectionsOf(db, id);
  const answers = await repo.listAnswers(db, { roundId: joint.round_id, regions: members.map((m) => m.code) });
  const inputs = [];
  for (const m of members) {
    const a = answers.find((x) => x.region_code === m.code);
    inputs.push({
      region: m.code,
      regionName: m.name,
      answerId: a?.id ?? null,
      status: a?.status ?? null,
      caseNumber: a?.case_number ?? null,
      sections:
        a && (access.work || access.approve)
          ? (await repo.sectionsOf(db, a.id)).map((s) => ({ heading: s.heading, body: s.body }))
          : [],
    });
  }
  return { joint, sections, inputs, access, round: await repo.getRound(db, joint.round_id) };
}

export async function updateJointSection(
  db: Db,
  ctx: Ctx,
  id: string,
  sectionId: string,
  input: { heading?: string; body: string; version: number },
) {
  return db.transaction(async (tx) => {
    const { joint, access } = await loadJoint(tx, ctx, id, { forUpdate: true });
    if (!access.work) throw forbidden('Bara det samordnande programområdet kan skriva det gemensamma svaret.');
    if (!isJointEditable(joint.status))
      throw unprocessable('Ett godkänt gemensamt svar kan inte ändras.', [{ path: 'status', message: 'låst' }]);
    const s = await repo.getJointSection(tx, sectionId);
    if (!s || s.joint_answer_id !== id) throw notFound('Avsnittet');
    if (s.version !== input.version) throw staleVersion(s.version);
    await repo.updateJointSection(tx, sectionId, input.version, {
      heading: input.heading?.trim() || s.heading,
      body: input.body,
      by: actorLabel(ctx),
    });
    await recordAudit(tx, ctx, {
      entityType: 'consultation-joint-answer',
      entityId: id,
      action: 'update-section',
      before: { sectionId, body: s.body },
      after: { sectionId, body: input.body },
    });
  });
}

export type JointStepInput =
  | { action: 'approve'; approvalRef: string; approvedOn: string; version: number }
  | { action: 'send'; sentOn: string; version: number };

export async function stepJointAnswer(db: Db, ctx: Ctx, id: string, input: JointStepInput, opts: { today?: string } = {}) {
  const today = opts.today ?? todayInSweden();
  return db.transaction(async (tx) => {
    const { joint, access } = await loadJoint(tx, ctx, id, { forUpdate: true });
    const action: JointAction = input.action;
    if (action === 'approve' && !access.approve)
      throw forbidden('Bara sjukvårdsregionens ledningsgrupp kan godkänna det gemensamma svaret.');
    if (action === 'send' && !access.work && !access.approve) throw forbidden();
    if (joint.version !== input.version) throw staleVersion(joint.version);
    const r = jointTransition(joint.status, action);
    if (!r.ok) throw unprocessable(r.message, [{ path: 'status', message: r.message }]);
    const date = input.action === 'approve' ? input.approvedOn : input.sentOn;
    if (date > today)
      throw unprocessable('Datumet kan inte ligga i framtiden.', [
        { path: input.action === 'approve' ? 'approvedOn' : 'sentOn', message: 'ligger efter dagens datum' },
      ]);
    await repo.updateJoint(tx, id, input.version, {
      status: r.to,
      ...(input.action === 'approve'
        ? { approval_ref: input.approvalRef.trim(), approved_on: input.approvedOn }
        : { sent_on: input.sentOn }),
    });
    await recordAudit(tx, ctx, {
      entityType: 'consultation-joint-answer',
      entityId: id,
      action: input.action,
      before: { status: joint.status },
      after: {
        status: r.to,
        ...(input.action === 'approve'
          ? { approvalRef: input.approvalRef, approvedOn: input.approvedOn }
          : { sentOn: input.sentOn }),
      },
    });
  });
}
