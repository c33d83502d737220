import type { Static } from 'typebox';
import { recordAudit } from '../../platform/audit/record.js';
import type { Ctx } from '../../platform/context.js';
import type { Db } from '../../platform/db/index.js';
import { notFound, staleVersion, unauthorized } from '../../platform/errors.js';
import { checkAddition } from './check.js';
import * as additions from './local-addition-repository.js';
import type { UpdateLocalAdditionBody } from './schemas.js';
import { knowledgePolicy } from './policy.js';
import { localAdditionAudit } from './presenter.js';

/** Edits a regional addition or local routine (publishing and archiving it too), by its LPO's editors. */
export async function updateLocalAddition(
  db: Db,
  ctx: Ctx,
  id: string,
  version: number,
  patch: Omit<Static<typeof UpdateLocalAdditionBody>, 'version'>,
) {
  return db.transaction(async (tx) => {
    if (!ctx.actor) throw unauthorized();
    const before = await additions.getLocalAddition(tx, id, { forUpdate: true });
    if (!before) throw notFound('Tillägget');
    await knowledgePolicy(ctx, tx).assertEditForGroup(
      { id: before.ownerGroupId, owner: before.regionCode },
      'Bara LPO:ns webbredaktörer och regionens samordnare kan ändra tillägget.',
    );
    if (before.version !== version) throw staleVersion(before.version);
    const checked = checkAddition({
      kind: patch.kind ?? before.kind,
      title: patch.title ?? before.title,
      body: patch.body !== undefined ? patch.body : before.body,
      url: patch.url !== undefined ? patch.url : before.url,
      status: patch.status ?? before.status,
      reviewDate: patch.reviewDate !== undefined ? patch.reviewDate : before.reviewDate,
    });
    if (!(await additions.updateLocalAdditionRow(tx, id, version, checked))) throw staleVersion(before.version);
    const after = (await additions.getLocalAddition(tx, id))!;
    await recordAudit(tx, ctx, {
      entityType: 'knowledge-local-addition',
      entityId: id,
      action: 'update',
      after: localAdditionAudit(after),
      before: localAdditionAudit(before),
    });
    return after;
  });
}
