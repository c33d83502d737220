import { recordAudit } from '../../platform/audit/record.js';
import { requireActor } from '../../platform/auth/policy.js';
import { todayInSweden } from '../../platform/clock.js';
import type { Ctx } from '../../platform/context.js';
import type { Db } from '../../platform/db/index.js';
import { conflict, forbidden, notFound, unprocessable } from '../../platform/errors.js';
import { geography } from '../organisation/repository.js';
import { isSelf, mayReview, maySeePerson } from './access.js';
import * as repo from './repository.js';
import { addYears, DEFAULT_JAV_VALIDITY_YEARS } from './rules/membership.js';

export type Decision = 'approved' | 'approved-with-restrictions' | 'returned';

export interface Restriction {
  programAreaId?: string;
  knowledgeSupport?: string;
  note: string;
}

/**
 * A designated reviewer decides. Nobody reviews their own declaration. An approval holds until
 * the re-assessment date (three years by default) or until the person declares anew.
 */
export async function reviewJavDeclaration(
  db: Db,
  ctx: Ctx,
  id: string,
  input: { decision: Decision; restrictions?: Restriction[]; comment?: string },
  opts: { validityYears?: number; today?: string } = {},
) {
  requireActor(ctx.actor);
  const actor = ctx.actor;
  const restrictions = input.restrictions ?? [];
  if (input.decision === 'approved-with-restrictions' && restrictions.length === 0) {
    throw unprocessable('Ett godkännande med begränsningar ska ange vilka programområden eller kunskapsstöd som berörs.', [
      { path: 'restrictions', message: 'minst en begränsning krävs' },
    ]);
  }
  if (input.decision !== 'approved-with-restrictions' && restrictions.length > 0) {
    throw unprocessable('Begränsningar hör bara till beslutet "approved-with-restrictions".', [
      { path: 'restrictions', message: 'ska vara tom' },
    ]);
  }
  if (input.decision === 'returned' && !input.comment?.trim()) {
    throw unprocessable('Skriv vad som behöver kompletteras när deklarationen skickas tillbaka.', [
      { path: 'comment', message: 'krävs vid returned' },
    ]);
  }
  return db.transaction(async (tx) => {
    const decl = await repo.getDeclaration(tx, id, { forUpdate: true });
    const person = decl ? await repo.getPerson(tx, decl.person_id) : undefined;
    const geo = await geography(tx);
    if (!decl || !person || !maySeePerson(actor, person, geo)) throw notFound('Jävsdeklarationen');
    if (isSelf(actor, person) || decl.submitted_by === actor.userId)
      throw forbidden('Du kan inte granska din egen jävsdeklaration.');
    if (!mayReview(actor, person, geo)) throw forbidden('Du är inte utsedd att granska jävsdeklarationer här.');
    if (decl.status !== 'submitted') throw conflict(`Deklarationen är redan granskad (${decl.status}).`);
    const today = opts.today ?? todayInSweden();
    if (restrictions.some((r) => r.programAreaId && !geo.programAreaIds.has(r.programAreaId))) {
      throw unprocessable('En begränsning anger ett okänt programområde.', [
        { path: 'restrictions', message: 'okänt programområde' },
      ]);
    }
    const row = await repo.reviewDeclaration(tx, id, {
      status: input.decision,
      reviewedBy: actor.via === 'system' ? null : actor.userId,
      comment: input.comment ?? null,
      restrictions,
      validUntil: input.decision === 'returned' ? null : addYears(today, opts.validityYears ?? DEFAULT_JAV_VALIDITY_YEARS),
    });
    if (!row) throw conflict('Deklarationen granskades samtidigt av någon annan.');
    await recordAudit(tx, ctx, {
      entityType: 'jav-declaration',
      entityId: id,
      action: 'review',
      before: { status: decl.status },
      after: { status: row.status, validUntil: row.valid_until, restrictionCount: restrictions.length },
    });
    return row;
  });
}
