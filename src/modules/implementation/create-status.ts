/**
 * Registering a knowledge support's implementation status in a region (or one of its LPOs).
 * Only the region's own coordinators (samordnare) and administrators write it; the first
 * status may be any state (work done before Navet is real). Audited with who and when.
 */
import { recordAudit } from '../../platform/audit/record.js';
import { todayInSweden } from '../../platform/clock.js';
import type { Ctx } from '../../platform/context.js';
import type { Db } from '../../platform/db/index.js';
import { conflict, unprocessable } from '../../platform/errors.js';
import { assertVisible } from '../visible.js';
import './audit.js';
import { checkDecision } from './check-decision.js';
import { checkGroups } from './check-groups.js';
import { authorizeStatusWrite } from './policy.js';
import * as repo from './repository.js';
import { checkDates, checkTransition } from './rules/implementation.js';

export const actorLabel = (ctx: Ctx) => (ctx.actor ? ctx.actor.name : 'okänd');

export async function createImplementationStatus(
  db: Db,
  ctx: Ctx,
  key: { supportVersionId: string; regionCode: string; groupId: string | null },
  w: repo.StatusWrite,
  opts: { isDemo?: boolean; validFrom?: string } = {},
) {
  return db.transaction(async (tx) => {
    await authorizeStatusWrite(ctx, tx, key.regionCode);
    await assertVisible(tx, ctx, { 'support-version': key.supportVersionId, group: [key.groupId, w.responsibleGroupId] });
    const v = await repo.supportVersion(tx, key.supportVersionId);
    if (!v) throw unprocessable('Kunskapsstödets version finns inte.', [{ path: '/supportVersionId', message: 'Okänd version' }]);
    const errors = await checkGroups(tx, key.regionCode, key.groupId, w.responsibleGroupId);
    errors.push(...(await checkDecision(tx, ctx, w, { forum: true, case: true, paragraph: true })));
    const t = checkTransition({ from: null, to: w.status, notApplicableReason: w.notApplicableReason });
    if (t) errors.push(t);
    errors.push(...checkDates(w));
    if (errors.length) throw unprocessable('Statusen kan inte sparas.', errors);
    if (key.groupId === null) await repo.lockCell(tx, v.supportId, key.regionCode);
    const id = await repo.insertStatus(tx, { supportId: v.supportId, ...key }, w, actorLabel(ctx), opts.isDemo ?? false);
    if (!id) throw conflict('Regionen har redan en status för den här versionen. Ändra den i stället.');
    await repo.recordHistory(tx, id, w.status, opts.validFrom ?? todayInSweden());
    const row = (await repo.getStatus(tx, id))!;
    await recordAudit(tx, ctx, { entityType: 'implementation-status', entityId: id, action: 'create', after: row });
    return row;
  });
}
