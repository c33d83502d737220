import { requireActor } from '../../platform/auth/policy.js';
import type { Ctx } from '../../platform/context.js';
import type { Db } from '../../platform/db/index.js';
import { masked, may, regionsWith } from './policy.js';
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
  const [triageRegions, readRegions] = await Promise.all([
    regionsWith(db, ctx, 'cases.triage'),
    regionsWith(db, ctx, 'cases.read'),
  ]);
  const [queue, mine] = await Promise.all([
    triageRegions.length ? repo.listByStatus(db, { regionCodes: triageRegions, statuses: [...TRIAGE_QUEUE], limit }) : null,
    // The open cases of "Mina ärenden" (listMyCases), read as rows: the page needs none of what
    // each case's detail adds, so it is not read again case by case.
    repo.casesOfUser(db, ctx.actor.email.toLowerCase()),
  ]);
  const triage = queue?.slice(0, limit).map((c) => item(masked(c, ctx.actor))) ?? null;
  const readable = await Promise.all(mine.map((c) => may(db, ctx, 'cases.read', c.region)));
  const items = mine.filter((_, i) => readable[i]).map((c) => masked(c, ctx.actor));
  const assigned = items.length || readRegions.length > 0 ? items.slice(0, limit).map(item) : null;
  return { triage, assigned };
}
