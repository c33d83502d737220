import { recordAudit } from '../../platform/audit/record.js';
import type { Ctx } from '../../platform/context.js';
import type { Db } from '../../platform/db/index.js';
import { unprocessable } from '../../platform/errors.js';
import { assertVisible } from '../visible.js';
import * as repo from './repository.js';
import { parsePeriod } from './rules/periods.js';
import './audit.js';
import { authorizeComment } from './policy.js';

/** The controller's comment on an indicator for one period, shown in the group's follow-up report. */
export async function setComment(db: Db, ctx: Ctx, groupId: string, c: { indicatorId: string; period: string; text: string }) {
  return db.transaction(async (tx) => {
    await authorizeComment(ctx, tx, groupId);
    await assertVisible(tx, ctx, { indicator: c.indicatorId });
    const indicator = await repo.getIndicator(tx, c.indicatorId);
    if (!indicator) throw unprocessable('Indikatorn finns inte.', [{ path: '/indicatorId', message: 'Okänd indikator' }]);
    const p = parsePeriod(c.period, indicator.periodicity);
    if ('error' in p) throw unprocessable(p.error, [{ path: '/period', message: p.error }]);
    const row = await repo.upsertComment(tx, {
      groupId,
      indicatorId: c.indicatorId,
      period: p.period,
      text: c.text.trim(),
      author: ctx.actor?.name ?? 'okänd',
    });
    await recordAudit(tx, ctx, {
      entityType: 'followup-comment',
      entityId: groupId,
      action: 'set',
      after: { indicatorId: c.indicatorId, period: p.period, text: row.text },
    });
    return row;
  });
}
