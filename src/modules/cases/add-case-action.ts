import type { Static } from 'typebox';
import { recordAudit } from '../../platform/audit/record.js';
import { requireActor } from '../../platform/auth/policy.js';
import type { Ctx } from '../../platform/context.js';
import type { Db, Queryable } from '../../platform/db/index.js';
import { conflict, notFound, unprocessable, type FieldError } from '../../platform/errors.js';
import { assertVisible } from '../visible.js';
import { presentAction } from './presenter.js';
import { readableCase } from './read-case.js';
import * as repo from './repository.js';
import { isClosed } from './rules/lifecycle.js';
import type { ActionBody } from './schemas.js';
import { assertMay, showsSecret } from './policy.js';

export type AddCaseActionInput = Static<typeof ActionBody> & {
  caseId: string;
  /** The minutes paragraph the action item comes from (meetings module). */
  source?: { meetingId: string; paragraphId: string } | null;
};

const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/**
 * Adds an action item (åtgärdspunkt) to a case, inside the caller's transaction, audited.
 * A closed case takes no new action items (409). The same item from the same minutes
 * paragraph is added once: a repeated call returns the existing id.
 */
export async function addCaseAction(tx: Queryable, ctx: Ctx, input: AddCaseActionInput): Promise<{ id: string }> {
  const c = await repo.lockCase(tx, input.caseId);
  if (!c) throw notFound('Ärendet');
  const actor = await assertMay(tx, ctx, 'cases.handle', c.region);
  await assertVisible(tx, ctx, { person: input.ownerPersonId });
  const title = input.title.trim();
  const ownerName = input.ownerName?.trim() || null;
  const errors: FieldError[] = [];
  if (!title) errors.push({ path: 'title', message: 'Ange vad som ska göras.' });
  if (title.length > 500) errors.push({ path: 'title', message: 'Högst 500 tecken.' });
  if (ownerName && ownerName.length > 200) errors.push({ path: 'ownerName', message: 'Högst 200 tecken.' });
  if (input.dueDate && (!DATE.test(input.dueDate) || Number.isNaN(Date.parse(input.dueDate)))) {
    errors.push({ path: 'dueDate', message: 'Ange ett datum som ÅÅÅÅ-MM-DD.' });
  }
  if (input.ownerPersonId && !(await repo.personExists(tx, input.ownerPersonId))) {
    errors.push({ path: 'ownerPersonId', message: 'Personen finns inte.' });
  }
  if (errors.length) throw unprocessable(errors.map((e) => e.message).join(' '), errors);
  if (isClosed(c.status)) throw conflict('Ärendet är avslutat och kan inte få nya åtgärdspunkter.');
  if (input.source) {
    const existing = await repo.findActionFromSource(tx, c.id, input.source.paragraphId, title);
    if (existing) return { id: existing.id };
  }
  const row = await repo.insertAction(tx, {
    caseId: c.id,
    title,
    ownerPersonId: input.ownerPersonId ?? null,
    ownerName,
    dueDate: input.dueDate ?? null,
    sourceMeetingId: input.source?.meetingId ?? null,
    sourceParagraphId: input.source?.paragraphId ?? null,
    createdBy: actor.via === 'system' ? null : actor.userId,
  });
  await recordAudit(tx, ctx, { entityType: 'case-action', entityId: row.id, action: 'create', after: presentAction(row, true) });
  return { id: row.id };
}

/** A handler adds an action item to a case they read (POST /cases/{id}/actions); returns the new item. */
export async function addActionToCase(db: Db, ctx: Ctx, caseId: string, input: Static<typeof ActionBody>) {
  requireActor(ctx.actor);
  const c = await readableCase(db, ctx, caseId);
  const { id } = await db.transaction((tx) => addCaseAction(tx, ctx, { caseId, ...input }));
  return presentAction((await repo.getAction(db, id))!, showsSecret(c, ctx.actor));
}
