import { recordAudit } from '../../platform/audit/record.js';
import { requireActor } from '../../platform/auth/policy.js';
import type { Ctx } from '../../platform/context.js';
import type { Db } from '../../platform/db/index.js';
import { forbidden, notFound, unprocessable } from '../../platform/errors.js';
import { peoplePolicy } from './policy.js';
import * as repo from './repository.js';

export interface Interest {
  category: string;
  description: string;
  organisation?: string;
  from?: string;
  to?: string;
}

/**
 * A person declares their ties (or explicitly nothing). Submitted by the person, or registered
 * by a coordinator from a signed paper form. A new declaration replaces the previous one from
 * now on, so it must be reviewed before the next appointment.
 */
export async function submitJavDeclaration(
  db: Db,
  ctx: Ctx,
  personId: string,
  input: { nothingToDeclare: boolean; interests: Interest[] },
) {
  requireActor(ctx.actor);
  const actor = ctx.actor;
  if (input.nothingToDeclare && input.interests.length > 0) {
    throw unprocessable('Ange antingen "inget att deklarera" eller minst ett intresse, inte båda.', [
      { path: 'interests', message: 'ska vara tom när nothingToDeclare är true' },
    ]);
  }
  if (!input.nothingToDeclare && input.interests.length === 0) {
    throw unprocessable('Ange minst ett intresse, eller svara uttryckligen att du inte har något att deklarera.', [
      { path: 'interests', message: 'minst ett intresse krävs när nothingToDeclare är false' },
    ]);
  }
  return db.transaction(async (tx) => {
    const person = await repo.getPerson(tx, personId, { forUpdate: true });
    const policy = peoplePolicy(ctx, tx);
    if (!person || !(await policy.maySee(person))) throw notFound('Personen');
    if (!(await policy.permissions(person)).declare)
      throw forbidden('Bara personen själv eller en samordnare kan lämna in deklarationen.');
    const row = await repo.insertDeclaration(tx, {
      personId,
      nothingToDeclare: input.nothingToDeclare,
      interests: input.interests,
      submittedBy: actor.via === 'system' ? null : actor.userId,
    });
    // Only the fact of submission goes into the trail; the ties themselves stay in the declaration.
    await recordAudit(tx, ctx, {
      entityType: 'jav-declaration',
      entityId: row.id,
      action: 'submit',
      after: { personId, status: row.status, nothingToDeclare: row.nothingToDeclare, interestCount: input.interests.length },
    });
    return row;
  });
}
