import { recordAudit } from '../../platform/audit/record.js';
import { authorize } from '../../platform/auth/policy.js';
import { todayInSweden } from '../../platform/clock.js';
import { systemCtx, type Ctx } from '../../platform/context.js';
import type { Db, Queryable } from '../../platform/db/index.js';
import * as gallring from './gallring-repository.js';
import * as repo from './repository.js';
import { gallringAction, gallringCutoff, isRemovable, type GallringAction } from './rules/gallring.js';

export const GALLRING_QUEUE = 'records.gallring';

/** How many records of each rule the report names (the count is always complete). */
export const REPORT_ITEMS = 200;

export interface GallringRuleReport {
  recordType: string;
  label: string;
  disposition: 'gallras' | 'bevaras';
  retentionYears: number | null;
  retention: string;
  legalBasis: string;
  action: GallringAction;
  cutoff: string | null;
  count: number;
  items: gallring.GallringItem[];
}

export interface GallringReport {
  date: string;
  dryRun: boolean;
  removed: number;
  rules: GallringRuleReport[];
}

/** What every rule reaches on the day: read inside the caller's transaction (locked when executing). */
async function plan(db: Queryable, today: string, lock: boolean): Promise<GallringRuleReport[]> {
  const rules = await repo.listRetentionRules(db);
  const out: GallringRuleReport[] = [];
  // one after another: inside a transaction there is one connection
  for (const r of rules) {
    const action = gallringAction(r);
    let cutoff: string | null = null;
    let items: gallring.GallringItem[] = [];
    if (action === 'remove' && isRemovable(r.recordType) && r.retentionYears !== null) {
      cutoff = gallringCutoff(today, r.retentionYears);
      items = await gallring.recordsPast(db, r.recordType, cutoff, lock);
    } else if (action === 'archive') {
      items = (await gallring.archiveCandidates(db)).map((c) => ({
        id: c.id,
        // a secret case's subject stays out of the report: the number says which case it is
        label: [c.diarienummer ?? c.caseNumber, c.secret ? 'Sekretessmarkerat ärende' : c.subject].join(' – '),
        date: (c.closedAt ?? '').slice(0, 10),
      }));
    }
    out.push({
      recordType: r.recordType,
      label: r.label,
      disposition: r.disposition,
      retentionYears: r.retentionYears,
      retention: r.retention,
      legalBasis: r.legalBasis,
      action,
      cutoff,
      count: items.length,
      items,
    });
  }
  return out;
}

const trimmed = (rules: GallringRuleReport[]) => rules.map((r) => ({ ...r, items: r.items.slice(0, REPORT_ITEMS) }));

/**
 * Gallring: executes the retention rules on the clock's day. A dry run reports, per rule, what
 * would be removed (counts and which records), what is kept (bevaras) and which closed cases
 * are candidates for the e-archive. Executing removes exactly the records of the rules that say
 * 'gallras' with a period, of the kinds Navet knows how to remove (rules/gallring.ts); a kind
 * without a rule, or whose rule says 'bevaras', is never touched. The removal and its audit
 * event (which rules, which ids, never the contents) are one transaction. Records administrators
 * only (`records.retention`); the daily job runs as the system.
 */
export async function runGallring(db: Db, ctx: Ctx, opts: { dryRun: boolean; today?: string }): Promise<GallringReport> {
  authorize(ctx.actor, 'records.retention');
  const today = opts.today ?? todayInSweden();
  if (opts.dryRun) return { date: today, dryRun: true, removed: 0, rules: trimmed(await plan(db, today, false)) };
  return db.transaction(async (tx) => {
    const rules = await plan(tx, today, true);
    let removed = 0;
    const audit: { recordType: string; cutoff: string; ids: string[] }[] = [];
    for (const r of rules) {
      if (r.action !== 'remove' || !isRemovable(r.recordType) || !r.cutoff || r.items.length === 0) continue;
      const ids = r.items.map((i) => i.id);
      removed += await gallring.removeRecords(tx, r.recordType, ids);
      audit.push({ recordType: r.recordType, cutoff: r.cutoff, ids });
    }
    await recordAudit(tx, ctx, {
      entityType: 'gallring',
      entityId: today,
      action: 'execute',
      after: { date: today, removed, rules: audit },
    });
    return { date: today, dryRun: false, removed, rules: trimmed(rules) };
  });
}

/** The daily job: executes the rules as the system (the rules are the administrators' decisions). */
export const gallringHandler = (db: Db) => async () => {
  await runGallring(db, systemCtx('gallring'), { dryRun: false });
};
