import { recordAudit } from '../../platform/audit/record.js';
import type { Ctx } from '../../platform/context.js';
import type { Db } from '../../platform/db/index.js';
import { unprocessable } from '../../platform/errors.js';
import { assertVisible } from '../visible.js';
import { groupPolicy } from './policy.js';
import * as repo from './repository.js';
import { isGroupActive } from './rules/group-lifecycle.js';
import { levelOfOwner } from './rules/structure.js';

/** Record that an owner deliberately covers a program area with another of its groups (or undo it). */
export async function setCoverage(
  db: Db,
  ctx: Ctx,
  input: { owner: string; programAreaId: string; groupId: string | null; note?: string },
) {
  return db.transaction(async (tx) => {
    const policy = groupPolicy(ctx, tx);
    const geo = await policy.scope.geography();
    if (!levelOfOwner(input.owner, geo) || input.owner === 'national') {
      throw unprocessable(`Okänd ägare "${input.owner}".`, [
        { path: 'owner', message: 'ska vara en sjukvårdsregion eller en länskod' },
      ]);
    }
    await policy.assertWrite(input.owner);
    if (!geo.programAreaIds.has(input.programAreaId)) {
      throw unprocessable(`Okänt programområde "${input.programAreaId}".`, [{ path: 'programAreaId', message: 'okänt' }]);
    }
    await assertVisible(tx, ctx, { group: input.groupId });
    if (input.groupId) {
      const g = await repo.getGroup(tx, input.groupId);
      if (!g || g.owner !== input.owner || !isGroupActive(g.status)) {
        throw unprocessable('Gruppen som täcker området ska vara en aktiv grupp hos samma ägare.', [
          { path: 'groupId', message: 'ogiltig grupp' },
        ]);
      }
    }
    await repo.setCoverage(tx, {
      owner: input.owner,
      programAreaId: input.programAreaId,
      groupId: input.groupId,
      note: input.note ?? null,
    });
    await recordAudit(tx, ctx, {
      entityType: 'mirror-coverage',
      entityId: `${input.owner}/${input.programAreaId}`,
      action: input.groupId ? 'set' : 'clear',
      after: input.groupId ? { groupId: input.groupId, note: input.note ?? null } : null,
    });
  });
}
