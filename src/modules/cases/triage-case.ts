import type { Static } from 'typebox';
import { recordAudit } from '../../platform/audit/record.js';
import { requireActor } from '../../platform/auth/policy.js';
import type { Ctx } from '../../platform/context.js';
import type { Db } from '../../platform/db/index.js';
import { conflict, notFound, staleVersion, unprocessable } from '../../platform/errors.js';
import { allowedActions } from '../../platform/lifecycle/index.js';
import { presentCaseFlow } from './presenter.js';
import { assertVisible } from '../visible.js';
import * as repo from './repository.js';
import { isDecisionForum } from './rules/groups.js';
import { caseLifecycle, DECIDED, TRIAGEABLE } from './rules/lifecycle.js';
import type { TriageBody } from './schemas.js';
import { assertCanRead, assertMay } from './policy.js';
import { transitionCase } from './transition-case.js';

/** The triage: decision path, proposed forum (required for a forum decision), main case (required when bundled), note. */
export type TriageInput = Omit<Static<typeof TriageBody>, 'version'>;
export type DecisionPath = TriageInput['decisionPath'];

/**
 * The beredningsforum's triage of a new case: the proposed decision path and forum, or
 * bundling into a main case so one matter is not handled in two places. A registered case
 * moves on to "under beredning". A bundled case follows its main case's forum and decision.
 */
export async function triageCase(db: Db, ctx: Ctx, id: string, version: number, input: TriageInput) {
  requireActor(ctx.actor);
  return db.transaction(async (tx) => {
    const before = await repo.lockCase(tx, id);
    if (!before) throw notFound('Ärendet');
    await assertCanRead(tx, ctx, before.region);
    const actor = await assertMay(tx, ctx, 'cases.triage', before.region);
    if (before.version !== version) throw staleVersion(before.version);
    if (!TRIAGEABLE.includes(before.status)) {
      throw conflict('Ärendet har redan gått vidare från beredningen och kan inte triageras om.');
    }
    await assertVisible(tx, ctx, { group: input.forumGroupId, case: input.mainCaseId });
    let forumGroupId = input.forumGroupId ?? null;
    let mainCaseId: string | null = null;
    if (input.decisionPath === 'bundled') {
      if (!input.mainCaseId) {
        throw unprocessable('Ange huvudärendet som ärendet ska paketeras med.', [{ path: 'mainCaseId', message: 'saknas' }]);
      }
      const main = await repo.lockCase(tx, input.mainCaseId);
      if (!main || main.region !== before.region) {
        throw unprocessable('Huvudärendet finns inte i samma region.', [{ path: 'mainCaseId', message: 'okänt ärende' }]);
      }
      if (main.id === before.id) {
        throw unprocessable('Ett ärende kan inte paketeras med sig självt.', [{ path: 'mainCaseId', message: 'samma ärende' }]);
      }
      if (main.mainCaseId) {
        throw unprocessable(`Ärendet ${main.caseNumber} är självt paketerat; välj dess huvudärende.`, [
          { path: 'mainCaseId', message: 'är paketerat' },
        ]);
      }
      if (DECIDED.includes(main.status)) {
        throw unprocessable(`Huvudärendet ${main.caseNumber} är redan beslutat.`, [{ path: 'mainCaseId', message: 'beslutat' }]);
      }
      if ((await repo.bundledCases(tx, before.id)).length > 0) {
        throw unprocessable('Ärendet är huvudärende för andra ärenden och kan inte själv paketeras.', [
          { path: 'mainCaseId', message: 'är huvudärende' },
        ]);
      }
      mainCaseId = main.id;
      forumGroupId = main.forumGroupId;
    } else if (input.mainCaseId) {
      throw unprocessable('Huvudärende anges bara vid paketering.', [{ path: 'mainCaseId', message: 'endast vid paketering' }]);
    }
    if (input.decisionPath === 'forum-decision' && !forumGroupId) {
      throw unprocessable('Ange vilket forum som ska besluta.', [{ path: 'forumGroupId', message: 'saknas' }]);
    }
    if (forumGroupId && input.decisionPath !== 'bundled') {
      const forum = await repo.getGroupRef(tx, forumGroupId);
      if (!isDecisionForum(forum, before.region)) {
        throw unprocessable('Forumet finns inte eller är inte ett beslutande forum eller råd i ärendets region.', [
          { path: 'forumGroupId', message: 'inget forum i regionen' },
        ]);
      }
    }
    const note = input.note?.trim() || null;
    if (before.mainCaseId && before.mainCaseId !== mainCaseId) await repo.deleteBundledLink(tx, id, before.mainCaseId);
    await repo.setTriage(tx, id, { forumGroupId, decisionPath: input.decisionPath, triageNote: note, mainCaseId });
    if (mainCaseId) {
      await repo.insertLink(tx, {
        caseId: id,
        targetType: 'case',
        targetId: mainCaseId,
        relation: 'bundled',
        note: 'Paketerat med huvudärendet',
        createdBy: actor.via === 'system' ? null : actor.userId,
      });
    }
    const mid = (await repo.lockCase(tx, id))!;
    await recordAudit(tx, ctx, {
      entityType: 'case',
      entityId: id,
      action: mainCaseId ? 'bundle' : 'triage',
      before: presentCaseFlow(before),
      after: presentCaseFlow(mid),
    });
    // A registered case is taken up for preparation (the declared action `prepare`).
    const facts = { openActions: 0, bundledInto: mainCaseId };
    if (allowedActions(caseLifecycle, before.status, facts).includes('prepare')) {
      await transitionCase(tx, ctx, id, 'under-beredning', {
        reason: mainCaseId ? 'Paketerat med huvudärende av beredningsforumet.' : 'Triagerat av beredningsforumet.',
      });
    }
    return (await repo.getCaseDetail(tx, id))!;
  });
}
