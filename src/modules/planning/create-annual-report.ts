/** Writing a program area's annual report (årsrapport) for a year, as a draft (seed 001). */
import { recordAudit } from '../../platform/audit/record.js';
import { clock } from '../../platform/clock.js';
import type { Ctx } from '../../platform/context.js';
import type { Db } from '../../platform/db/index.js';
import { conflict, unprocessable } from '../../platform/errors.js';
import { assertVisible } from '../visible.js';
import * as repo from './annual-report-repository.js';
import './audit.js';
import { authorizePlanWrite } from './policy.js';
import { checkReportYear, makesAnnualReports } from './rules/annual-report.js';

export async function createAnnualReport(
  db: Db,
  ctx: Ctx,
  input: { groupId: string; year: number; summary: string; goalFulfilment: string | null; improvementNeeds: string | null },
) {
  return db.transaction(async (tx) => {
    await assertVisible(tx, ctx, { group: input.groupId });
    const group = await authorizePlanWrite(ctx, tx, input.groupId);
    if (!makesAnnualReports(group)) {
      throw unprocessable('Årsrapporter skrivs av programområden: regionens LPO och sjukvårdsregionens RMPO.', [
        { path: '/groupId', message: 'Inte ett programområde' },
      ]);
    }
    const early = checkReportYear(input.year, clock.today());
    if (early) throw unprocessable(early, [{ path: '/year', message: early }]);
    if (await repo.reportExistsFor(tx, input.groupId, input.year)) {
      throw conflict(`${group.name} har redan en årsrapport för ${input.year}.`);
    }
    const id = await repo.insertAnnualReport(tx, { ...input, owner: group.owner });
    const after = (await repo.getAnnualReport(tx, id))!;
    await recordAudit(tx, ctx, { entityType: 'annual-report', entityId: id, action: 'create', after });
    return after;
  });
}
