import { recordAudit } from '../../platform/audit/record.js';
import type { Ctx } from '../../platform/context.js';
import type { Db } from '../../platform/db/index.js';
import { notFound, staleVersion, unprocessable } from '../../platform/errors.js';
import { actorLabel, loadAnswer, require } from './load-answer.js';
import * as repo from './repository.js';
import { isCommentable, isDraftEditable, STATUS_LABELS } from './rules/answer-lifecycle.js';

function editable(status: Parameters<typeof isDraftEditable>[0]): void {
  if (!isDraftEditable(status)) {
    const decided = status === 'beslutad' || status === 'skickad';
    throw unprocessable(
      decided
        ? 'Ett beslutat svar kan inte ändras, bara ersättas med ett nytt (ange skäl).'
        : `Utkastet kan inte ändras när svaret har status "${STATUS_LABELS[status]}".`,
      [{ path: 'status', message: 'svaret är låst' }],
    );
  }
}

/** The process support and chair write the draft section by section (optimistic versions per section). */
export async function updateSection(
  db: Db,
  ctx: Ctx,
  answerId: string,
  sectionId: string,
  input: { heading?: string; body: string; version: number },
) {
  return db.transaction(async (tx) => {
    const l = await loadAnswer(tx, ctx, answerId, { forUpdate: true });
    require(l.access.work, 'Bara de grupper som remissen är fördelad till kan skriva i utkastet.');
    editable(l.answer.status);
    const section = await repo.getSection(tx, sectionId);
    if (!section || section.answer_id !== answerId) throw notFound('Avsnittet');
    if (section.version !== input.version) throw staleVersion(section.version);
    const updated = await repo.updateSection(tx, sectionId, input.version, {
      heading: input.heading?.trim() || section.heading,
      body: input.body,
      by: actorLabel(ctx),
    });
    if (!updated) throw staleVersion(section.version + 1);
    await recordAudit(tx, ctx, {
      entityType: 'consultation-answer-section',
      entityId: sectionId,
      action: 'update',
      before: { heading: section.heading, body: section.body },
      after: { heading: updated.heading, body: updated.body },
    });
    return updated;
  });
}

export async function addSection(db: Db, ctx: Ctx, answerId: string, input: { heading: string }) {
  return db.transaction(async (tx) => {
    const l = await loadAnswer(tx, ctx, answerId, { forUpdate: true });
    require(l.access.work, 'Bara de grupper som remissen är fördelad till kan skriva i utkastet.');
    editable(l.answer.status);
    const row = await repo.insertSection(tx, answerId, input.heading.trim());
    await recordAudit(tx, ctx, {
      entityType: 'consultation-answer-section',
      entityId: row.id,
      action: 'create',
      after: { answerId, heading: row.heading },
    });
    return row;
  });
}

/** A comment anchored to one section of the draft. */
export async function addComment(db: Db, ctx: Ctx, answerId: string, input: { sectionId: string; body: string }) {
  return db.transaction(async (tx) => {
    const l = await loadAnswer(tx, ctx, answerId, { forUpdate: true });
    require(l.access.comment, 'Bara de grupper och forum som arbetar med svaret kan kommentera.');
    if (!isCommentable(l.answer.status)) {
      throw unprocessable(`Svaret tar inte emot kommentarer när det har status "${STATUS_LABELS[l.answer.status]}".`, [
        { path: 'status', message: 'svaret är låst' },
      ]);
    }
    const section = await repo.getSection(tx, input.sectionId);
    if (!section || section.answer_id !== answerId) {
      throw unprocessable('Kommentaren måste höra till ett avsnitt i det här utkastet.', [
        { path: 'sectionId', message: 'okänt avsnitt' },
      ]);
    }
    const row = await repo.insertComment(tx, {
      answerId,
      sectionId: section.id,
      body: input.body.trim(),
      userId: ctx.actor?.via === 'system' ? null : (ctx.actor?.userId ?? null),
      label: actorLabel(ctx),
    });
    await recordAudit(tx, ctx, {
      entityType: 'consultation-answer-comment',
      entityId: row.id,
      action: 'create',
      after: { answerId, sectionId: section.id, body: row.body },
    });
    return row;
  });
}

/** The compilers' response to a comment: what was done with it (goes into the comment table). */
export async function respondToComment(
  db: Db,
  ctx: Ctx,
  answerId: string,
  commentId: string,
  input: { response: string; version: number },
) {
  return db.transaction(async (tx) => {
    const l = await loadAnswer(tx, ctx, answerId, { forUpdate: true });
    require(l.access.work, 'Bara de grupper som remissen är fördelad till kan besvara kommentarer.');
    if (!isCommentable(l.answer.status)) {
      throw unprocessable('Ett beslutat svar kan inte ändras, bara ersättas med ett nytt (ange skäl).', [
        { path: 'status', message: 'svaret är låst' },
      ]);
    }
    const c = await repo.getComment(tx, commentId);
    if (!c || c.answer_id !== answerId) throw notFound('Kommentaren');
    if (c.version !== input.version) throw staleVersion(c.version);
    const row = (await repo.respondToComment(tx, commentId, input.version, input.response.trim(), actorLabel(ctx)))!;
    await recordAudit(tx, ctx, {
      entityType: 'consultation-answer-comment',
      entityId: commentId,
      action: 'respond',
      before: { response: c.response },
      after: { response: row.response },
    });
    return row;
  });
}
