import type { Static } from 'typebox';
import { recordAudit } from '../../platform/audit/record.js';
import { requireActor } from '../../platform/auth/policy.js';
import type { Ctx } from '../../platform/context.js';
import type { Db } from '../../platform/db/index.js';
import { conflict, notFound, unprocessable } from '../../platform/errors.js';
import { assertVisible, type RefKind } from '../visible.js';
import * as repo from './repository.js';
import type { LinkBody } from './schemas.js';
import { assertCanRead, assertMay } from './policy.js';
import { isClosed } from './rules/lifecycle.js';

export type LinkCaseInput = Static<typeof LinkBody>;
export type LinkTargetType = LinkCaseInput['targetType'];
const CLOSED =
  'Ärendet är avslutat och dess länkar ändras inte längre. Ett nytt ärende kan fortfarande länkas till det från sin egen sida.';
const TARGET_KIND: Record<LinkTargetType, RefKind> = { case: 'case', 'knowledge-support': 'support', consultation: 'round' };

/**
 * Links a case to another case, a knowledge support or a consultation round. Links to other
 * modules are generic (type + id): those records live in tables this module does not own.
 * A link to another case must stay within the region. A case the caller cannot read is 404.
 * A closed case's own links are settled (409); an open case may still link to a closed one.
 */
export async function linkCase(db: Db, ctx: Ctx, caseId: string, input: LinkCaseInput) {
  requireActor(ctx.actor);
  return db.transaction(async (tx) => {
    const c = await repo.lockCase(tx, caseId);
    if (!c) throw notFound('Ärendet');
    await assertCanRead(tx, ctx, c.region);
    const actor = await assertMay(tx, ctx, 'cases.handle', c.region);
    if (isClosed(c.status)) throw conflict(CLOSED);
    await assertVisible(tx, ctx, { [TARGET_KIND[input.targetType]]: input.targetId });
    if (input.targetType === 'case') {
      const target = await repo.getCase(tx, input.targetId);
      if (!target || target.region !== c.region) {
        throw unprocessable('Ärendet att länka till finns inte i samma region.', [{ path: 'targetId', message: 'okänt ärende' }]);
      }
      if (target.id === c.id)
        throw unprocessable('Ett ärende kan inte länkas till sig självt.', [{ path: 'targetId', message: 'samma ärende' }]);
      const existing = await repo.linksOf(tx, caseId);
      if (existing.some((l) => l.targetType === 'case' && l.targetId === target.id)) throw conflict('Ärendena är redan länkade.');
    }
    const row = await repo.insertLink(tx, {
      caseId,
      targetType: input.targetType,
      targetId: input.targetId,
      relation: 'related',
      note: input.note?.trim() || null,
      createdBy: actor.via === 'system' ? null : actor.userId,
    });
    if (!row) throw conflict('Länken finns redan.');
    await recordAudit(tx, ctx, {
      entityType: 'case',
      entityId: caseId,
      action: 'link',
      after: { linkId: row.id, targetType: input.targetType, targetId: input.targetId, note: input.note ?? null },
    });
    return row;
  });
}

/** Removes a link; the link that bundles a case into its main case goes with a new triage instead. */
export async function unlinkCase(db: Db, ctx: Ctx, linkId: string) {
  requireActor(ctx.actor);
  return db.transaction(async (tx) => {
    const link = await repo.getLink(tx, linkId);
    if (!link) throw notFound('Länken');
    const c = (await repo.lockCase(tx, link.caseId))!;
    await assertCanRead(tx, ctx, c.region);
    await assertMay(tx, ctx, 'cases.handle', c.region);
    if (isClosed(c.status)) throw conflict(CLOSED);
    if (link.relation === 'bundled') {
      throw conflict('Länken till huvudärendet hör till paketeringen; ändra den genom att triagera om ärendet.');
    }
    await repo.deleteLink(tx, linkId);
    await recordAudit(tx, ctx, {
      entityType: 'case',
      entityId: link.caseId,
      action: 'unlink',
      before: { linkId, targetType: link.targetType, targetId: link.targetId },
    });
  });
}
