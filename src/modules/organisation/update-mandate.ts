import { recordAudit } from '../../platform/audit/record.js';
import type { Ctx } from '../../platform/context.js';
import type { Db } from '../../platform/db/index.js';
import { conflict, notFound } from '../../platform/errors.js';
import { groupPolicy } from './policy.js';
import * as repo from './repository.js';

/** A new revision of the mandate text; earlier revisions stay. `revision` is the one the editor saw. */
export async function updateMandate(db: Db, ctx: Ctx, groupId: string, input: { text: string; basedOnRevision: number }) {
  return db.transaction(async (tx) => {
    const group = await repo.getGroup(tx, groupId, { forUpdate: true });
    if (!group) throw notFound('Gruppen');
    const actor = await groupPolicy(ctx, tx).assertWrite(group.owner);
    const current = await repo.currentMandate(tx, groupId);
    const currentRevision = current?.revision ?? 0;
    if (input.basedOnRevision !== currentRevision) {
      throw conflict(
        `Uppdragsbeskrivningen har ändrats (aktuell revision ${currentRevision}). Hämta den på nytt och gör om ändringen.`,
      );
    }
    const row = await repo.insertMandate(tx, {
      groupId,
      revision: currentRevision + 1,
      text: input.text,
      by: actor.via === 'system' ? null : actor.userId,
      label: actor.name,
    });
    await recordAudit(tx, ctx, {
      entityType: 'group',
      entityId: groupId,
      action: 'update-mandate',
      before: current ? { revision: current.revision, text: current.text } : null,
      after: { revision: row.revision, text: row.text },
    });
    return row;
  });
}
