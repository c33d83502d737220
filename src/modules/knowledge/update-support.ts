import type { Static } from 'typebox';
import { recordAudit } from '../../platform/audit/record.js';
import type { Ctx } from '../../platform/context.js';
import type { Db } from '../../platform/db/index.js';
import { conflict, notFound, staleVersion } from '../../platform/errors.js';
import { checkSupport } from './check.js';
import { typeOwnerMismatch } from './create-support.js';
import { typeFitsOwner } from './rules/vocabulary.js';
import { supportCore } from './presenter.js';
import { assertVisible } from '../visible.js';
import { knowledgePolicy } from './policy.js';
import * as repo from './repository.js';
import { isFinal } from './rules/lifecycle.js';
import type { UpdateSupportBody } from './schemas.js';

/** The route's body without its version (If-Match or body `version`, checked apart). */
export type SupportPatch = Omit<Static<typeof UpdateSupportBody>, 'version'>;

/** Edits a support's facts (national: national roles; a region's own: its samordnare); a final support (ersatt, upphävd) is frozen. */
export async function updateSupport(db: Db, ctx: Ctx, id: string, version: number, patch: SupportPatch) {
  return db.transaction(async (tx) => {
    const before = await repo.getSupport(tx, id, { forUpdate: true });
    if (!before) throw notFound('Kunskapsstödet');
    await knowledgePolicy(ctx, tx).assertWriteFor(before.owner);
    if (patch.type !== undefined && !typeFitsOwner(patch.type, before.owner)) throw typeOwnerMismatch(before.owner);
    if (before.version !== version) throw staleVersion(before.version);
    if (isFinal(before.status)) throw conflict('Kunskapsstödet är ersatt eller upphävt och kan inte ändras.');
    await assertVisible(tx, ctx, { group: patch.producerGroupId });
    const pick = <K extends keyof repo.SupportWrite>(k: K, current: repo.SupportWrite[K]) =>
      patch[k] !== undefined ? patch[k] : current;
    const merged: repo.SupportWrite = {
      type: pick('type', before.type),
      title: pick('title', before.title),
      producerKind: pick('producerKind', before.producerKind),
      producerGroupId: pick('producerGroupId', before.producerGroupId),
      producerName: pick('producerName', before.producerName),
      sender: pick('sender', before.sender),
      url: pick('url', before.url),
      summary: pick('summary', before.summary),
      targetGroups: pick('targetGroups', before.targetGroups),
      programAreaIds: pick('programAreaIds', before.programAreaIds),
      nextRevisionDate: pick('nextRevisionDate', before.nextRevisionDate),
      validFrom: pick('validFrom', before.validFrom),
      validUntil: pick('validUntil', before.validUntil),
    };
    const checked = await checkSupport(tx, merged, before.owner);
    if (!(await repo.updateSupportRow(tx, id, version, checked))) throw staleVersion(before.version);
    const after = (await repo.getSupport(tx, id))!;
    await recordAudit(tx, ctx, {
      entityType: 'knowledge-support',
      entityId: id,
      action: 'update',
      before: supportCore(before),
      after: supportCore(after),
    });
    return after;
  });
}
