import { recordAudit } from '../../platform/audit/record.js';
import { todayInSweden } from '../../platform/clock.js';
import type { Ctx } from '../../platform/context.js';
import type { Db } from '../../platform/db/index.js';
import { conflict, forbidden, notFound, unauthorized, unprocessable, type FieldError } from '../../platform/errors.js';
import type { Static } from 'typebox';
import { assertVisible } from '../visible.js';
import { consultationCaller, mayStartJoint } from './policy.js';
import * as repo from './repository.js';
import { DEFAULT_SECTIONS } from './rules/answer-lifecycle.js';
import type { CreateJointBody } from './schemas.js';

/**
 * A healthcare region's joint answer (seed 002): the RPO concerned — or the regional cancer
 * centre for cancer rounds — compiles one answer from the member regions' input, and the
 * healthcare region's management group approves it. Member regions see its state.
 */
export type CreateJointInput = Static<typeof CreateJointBody>;

const APPROVING_KINDS = new Set(['steering-group', 'council', 'political-body', 'forum']);

export async function createJointAnswer(db: Db, ctx: Ctx, input: CreateJointInput, opts: { isDemo?: boolean } = {}) {
  return db.transaction(async (tx) => {
    if (!ctx.actor) throw unauthorized();
    const caller = await consultationCaller(tx, ctx, todayInSweden());
    if (!caller.geo.healthcareRegionIds.has(input.healthcareRegionId)) {
      throw unprocessable('Okänd sjukvårdsregion.', [{ path: 'healthcareRegionId', message: 'finns inte' }]);
    }
    if (!mayStartJoint(caller, input.healthcareRegionId, input.coordinatingGroupId)) throw forbidden();
    const round = await repo.getRound(tx, input.roundId);
    if (!round) throw notFound('Remissomgången');
    // Seen as the consultation module sees the caller: with the roles their memberships give.
    await assertVisible(tx, { ...ctx, actor: caller.actor }, { group: [input.coordinatingGroupId, input.approvingGroupId] });
    const groups = new Map(
      (await repo.groupsByIds(tx, [input.coordinatingGroupId, input.approvingGroupId])).map((g) => [g.id, g]),
    );
    const errors: FieldError[] = [];
    const coord = groups.get(input.coordinatingGroupId);
    const appr = groups.get(input.approvingGroupId);
    if (!coord || coord.owner !== input.healthcareRegionId || !coord.active)
      errors.push({
        path: 'coordinatingGroupId',
        message: 'ingen aktiv grupp i sjukvårdsregionen (RPO eller regionalt cancercentrum)',
      });
    if (!appr || appr.owner !== input.healthcareRegionId || !appr.active)
      errors.push({ path: 'approvingGroupId', message: 'ingen aktiv grupp i sjukvårdsregionen' });
    else if (!APPROVING_KINDS.has(appr.kind))
      errors.push({ path: 'approvingGroupId', message: `${appr.name} är inte en ledningsgrupp, ett råd eller en nämnd` });
    if (errors.length) throw unprocessable(errors.map((e) => e.message).join('; '), errors);
    const existing = (await repo.jointsOfRounds(tx, [round.id])).find((j) => j.healthcareRegionId === input.healthcareRegionId);
    if (existing) throw conflict(`${existing.healthcareRegionName} har redan ett gemensamt svar på den här remissen.`);
    const id = await repo.insertJoint(tx, { ...input, ...(opts.isDemo ? { isDemo: true } : {}) });
    for (const heading of DEFAULT_SECTIONS) await repo.insertJointSection(tx, id, heading);
    await recordAudit(tx, ctx, {
      entityType: 'consultation-joint-answer',
      entityId: id,
      action: 'create',
      after: {
        roundId: input.roundId,
        healthcareRegionId: input.healthcareRegionId,
        coordinatingGroupId: input.coordinatingGroupId,
        approvingGroupId: input.approvingGroupId,
      },
    });
    return id;
  });
}
