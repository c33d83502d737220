/** Starting a PDSA cycle (in its plan phase) for an indicator in a region. */
import { recordAudit } from '../../platform/audit/record.js';
import type { Ctx } from '../../platform/context.js';
import type { Db } from '../../platform/db/index.js';
import { unprocessable } from '../../platform/errors.js';
import { getGroup } from '../organisation/index.js';
import { assertVisible } from '../visible.js';
import './audit.js';
import { insertPdsa } from './pdsa-repository.js';
import { authorizePdsaWrite } from './policy.js';

export interface PdsaInput {
  indicatorId: string;
  regionCode: string;
  groupId: string | null;
  title: string;
  plan: string | null;
  startedOn: string | null;
}

export async function createPdsa(db: Db, ctx: Ctx, i: PdsaInput, isDemo = false) {
  return db.transaction(async (tx) => {
    await authorizePdsaWrite(ctx, tx, i.regionCode);
    // An unknown indicator answers as its GET does (404), like any id the caller cannot see.
    await assertVisible(tx, ctx, { indicator: i.indicatorId, group: i.groupId });
    if (i.groupId) {
      const g = await getGroup(tx, i.groupId);
      if (!g || g.owner !== i.regionCode)
        throw unprocessable('Gruppen finns inte i regionen.', [{ path: '/groupId', message: 'Okänd grupp' }]);
    }
    const row = await insertPdsa(tx, i, isDemo);
    await recordAudit(tx, ctx, { entityType: 'pdsa-cycle', entityId: row.id, action: 'create', after: row });
    return row;
  });
}
