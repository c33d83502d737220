import { requireActor } from '../../platform/auth/policy.js';
import type { Ctx } from '../../platform/context.js';
import type { Db } from '../../platform/db/index.js';
import { listMyCases } from './list-my-cases.js';
import { masked, regionsWith } from './policy.js';
import * as repo from './repository.js';
import { STATUS_LABELS, TRIAGE_QUEUE } from './rules/lifecycle.js';

/** One case on a person's start page: enough to recognise it and follow the link. */
export interface CaseWorkItem {
  id: string;
  caseNumber: string;
  subject: string;
  region: string;
  status: string;
  statusLabel: string;
  receivedDate: string;
  dueDate: string | null;
}

const item = (c: Omit<CaseWorkItem, 'statusLabel'>): CaseWorkItem => ({
  id: c.id,
  caseNumber: c.caseNumber,
  subject: c.subject,
  region: c.region,
  status: c.status,
  statusLabel: STATUS_LABELS[c.status as keyof typeof STATUS_LABELS] ?? c.status,
  receivedDate: c.receivedDate,
  dueDate: c.dueDate,
});

/**
 * The cases that need the caller now, for Min översikt: the triage queue where they triage
 * (null when they triage nowhere), and the open cases they handle or own an action item in
 * (null when they neither handle cases anywhere nor have any). The module's policy decides.
 */
export async function readMyCaseWork(
  db: Db,
  ctx: Ctx,
  opts: { limit?: number } = {},
): Promise<{ triage: CaseWorkItem[] | null; assigned: CaseWorkItem[] | null }> {
  requireActor(ctx.actor);
  const limit = opts.limit ?? 20;
  const triageRegions = await regionsWith(db, ctx, 'cases.triage');
  const triage = triageRegions.length
    ? (await repo.listByStatus(db, { regionCodes: triageRegions, statuses: [...TRIAGE_QUEUE], limit }))
        .slice(0, limit)
        .map((c) => item(masked(c, ctx.actor)))
    : null;
  const mine = await listMyCases(db, ctx);
  const handles = (await regionsWith(db, ctx, 'cases.read')).length > 0;
  const assigned = mine.items.length || handles ? mine.items.slice(0, limit).map(item) : null;
  return { triage, assigned };
}
