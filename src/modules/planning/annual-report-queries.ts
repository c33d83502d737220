/** Reading annual reports: one for the caller with its permissions and steps, and the visible list. */
import type { Ctx } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/index.js';
import { allowedActions, isLocked } from '../../platform/lifecycle/index.js';
import * as repo from './annual-report-repository.js';
import type { AnnualReportRow } from './annual-report-repository.js';
import { mayReadPlan, mayWritePlans } from './policy.js';
import { annualReportLifecycle } from './rules/annual-report.js';

/** Whether the caller reads the report: the readers of the program area's plans, and of the group that follows it up. */
export async function mayReadReport(ctx: Ctx, db: Queryable, r: AnnualReportRow): Promise<boolean> {
  if (await mayReadPlan(ctx, db, { regionCode: r.owner, groupId: r.groupId })) return true;
  const owner = r.followedByGroupId ? await followerOwner(db, r.followedByGroupId) : undefined;
  return owner !== undefined && mayReadPlan(ctx, db, { regionCode: owner, groupId: r.followedByGroupId! });
}

/**
 * The report for the caller: the program area's writers edit a draft and submit it; the writers
 * of the group it reports to (its kunskapsråd) note it.
 */
export async function presentAnnualReport(db: Queryable, ctx: Ctx, r: AnnualReportRow) {
  const mayEdit = await mayWritePlans(ctx, db, r.groupId, r.owner);
  const follower = r.followedByGroupId ? await followerOwner(db, r.followedByGroupId) : undefined;
  const mayNote = follower !== undefined && (await mayWritePlans(ctx, db, r.followedByGroupId!, follower));
  return {
    ...r,
    mayEdit: mayEdit && !isLocked(annualReportLifecycle, r.state),
    locked: isLocked(annualReportLifecycle, r.state),
    allowedActions: allowedActions(annualReportLifecycle, r.state, {}, (a) => (a === 'note' ? mayNote : mayEdit)),
  };
}

async function followerOwner(db: Queryable, groupId: string): Promise<string | undefined> {
  return (await db.query<{ owner: string }>('SELECT owner FROM groups WHERE id = $1', [groupId]))[0]?.owner;
}

export async function listVisibleReports(
  db: Queryable,
  ctx: Ctx,
  f: { groupId?: string | undefined; followedBy?: string | undefined; year?: number | undefined },
) {
  const out: AnnualReportRow[] = [];
  for (const r of await repo.listAnnualReports(db, {
    groupId: f.groupId ?? null,
    followedBy: f.followedBy ?? null,
    year: f.year ?? null,
  })) {
    if (await mayReadReport(ctx, db, r)) out.push(r);
  }
  return out;
}

/** The program area's latest annual report (for the consolidated report). */
export const latestAnnualReport = async (db: Queryable, groupId: string) =>
  (await repo.listAnnualReports(db, { groupId, followedBy: null, year: null }))[0];
