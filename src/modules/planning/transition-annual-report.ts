/**
 * Submitting an annual report (the program area), or noting it (the group the program area
 * reports to: its kunskapsråd, seed 001), by the report's lifecycle.
 */
import { clock } from '../../platform/clock.js';
import { requireActor } from '../../platform/auth/policy.js';
import type { Ctx } from '../../platform/context.js';
import type { Db } from '../../platform/db/index.js';
import { unprocessable } from '../../platform/errors.js';
import { runTransition } from '../../platform/lifecycle/index.js';
import * as repo from './annual-report-repository.js';
import { mayReadReport } from './annual-report-queries.js';
import './audit.js';
import { authorizePlanWrite } from './policy.js';
import { annualReportLifecycle, REPORT_ACTION_TO } from './rules/annual-report.js';
import { notFound } from '../../platform/errors.js';

export async function transitionAnnualReport(
  db: Db,
  ctx: Ctx,
  id: string,
  version: number,
  t: { to: 'submitted' | 'noted'; on: string; decisionRef?: string | undefined },
) {
  // Anonymous callers are told to sign in (401) before anything about the record is told.
  requireActor(ctx.actor);
  return db.transaction(async (tx) => {
    const action = REPORT_ACTION_TO[t.to];
    await runTransition(tx, ctx, annualReportLifecycle, {
      id,
      action,
      version,
      lock: async (q) => {
        await repo.lockAnnualReport(q, id);
        const r = await repo.getAnnualReport(q, id);
        return r && { ...r, status: r.state };
      },
      authorize: async (q, r) => {
        if (!(await mayReadReport(ctx, q, r))) throw notFound('Årsrapporten');
        if (action === 'submit') await authorizePlanWrite(ctx, q, r.groupId);
        else if (!r.followedByGroupId) {
          throw unprocessable(
            `${r.groupName} rapporterar inte till något råd eller någon ledningsgrupp som kan notera rapporten.`,
          );
        } else await authorizePlanWrite(ctx, q, r.followedByGroupId);
      },
      apply: async (q, r, to) => {
        if (t.on > clock.today())
          throw unprocessable('Datumet kan inte ligga i framtiden.', [{ path: '/on', message: 'Framtida datum' }]);
        if (action === 'submit') {
          if (t.on < `${r.year}-01-01`)
            throw unprocessable(`Årsrapporten för ${r.year} kan inte lämnas in före året.`, [
              { path: '/on', message: 'För tidigt' },
            ]);
          return { version: await repo.setAnnualReportState(q, id, { state: to, submittedOn: t.on }) };
        }
        if (!t.decisionRef?.trim())
          throw unprocessable(`Ange ${r.followedByGroupName ?? 'rådets'} beslut (paragraf eller protokoll).`, [
            { path: '/decisionRef', message: 'Saknas' },
          ]);
        if (r.submittedOn && t.on < r.submittedOn)
          throw unprocessable('Rapporten kan inte noteras före den lämnades in.', [{ path: '/on', message: 'Före inlämningen' }]);
        return {
          version: await repo.setAnnualReportState(q, id, {
            state: to,
            notedOn: t.on,
            notedByGroupId: r.followedByGroupId!,
            notedRef: t.decisionRef.trim(),
          }),
        };
      },
      auditDetails: { on: t.on, decisionRef: t.decisionRef ?? null },
    });
    return (await repo.getAnnualReport(tx, id))!;
  });
}
