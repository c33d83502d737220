import { recordAudit } from '../../platform/audit/record.js';
import { todayInSweden } from '../../platform/clock.js';
import { systemCtx } from '../../platform/context.js';
import type { Db } from '../../platform/db/index.js';
import { queueEmail } from '../../platform/jobs/email.js';
import * as repo from './repository.js';
import { isMet, MILESTONE_LABELS, type MilestoneKind } from './rules/milestones.js';

export const LATE_MILESTONES_QUEUE = 'consultation.late-milestones';

function ownerGroup(a: repo.AnswerRow, kind: MilestoneKind): string | null {
  if (kind === 'beredning') return a.beredningGroupId;
  if (kind === 'decision') return a.decisionGroupId;
  return a.leadGroupId;
}

function lateMail(
  a: repo.AnswerRow,
  round: repo.RoundRow | undefined,
  kind: MilestoneKind,
  dueOn: string,
  audience: 'owner' | 'coordinator',
  name: string,
) {
  const what = MILESTONE_LABELS[kind].toLowerCase();
  return {
    subject: `Försenat: ${MILESTONE_LABELS[kind]} (${dueOn}) för remissvaret ${a.caseNumber}`,
    text:
      `Hej ${name}!\n\n` +
      `Milstolpen "${what}" för ${a.regionName}s svar på remissen${round ? ` "${round.title}"` : ''} (${a.caseNumber}) skulle vara klar ${dueOn} och är inte klar.\n` +
      (round ? `Remissens sista svarsdag är ${round.closesOn}.\n\n` : '\n') +
      (audience === 'owner'
        ? 'Du får det här som ordförande eller processtöd i gruppen som äger milstolpen.'
        : 'Du får det här som samordnare för kunskapsstyrning i regionen.') +
      '\n\nMed vänlig hälsning\nNavet – kunskapsstyrningens register',
  };
}

/**
 * The daily run: every milestone whose day has passed without being met is warned about once,
 * to the owner group's chairs and process supports and to the region's coordinators. The
 * claim (warned_on), the e-mails and the audit event commit together, so a rerun sends nothing twice.
 */
export async function warnLateMilestones(db: Db, opts: { today?: string } = {}): Promise<{ warned: number; emails: number }> {
  const today = opts.today ?? todayInSweden();
  let warned = 0;
  let emails = 0;
  for (const m of await repo.lateCandidates(db, today)) {
    if (isMet(m.kind, m.status, m.draftReadyAt !== null)) continue;
    const n = await db.transaction(async (tx) => {
      if (!(await repo.claimWarning(tx, m.answerId, m.kind, today))) return undefined;
      const a = (await repo.getAnswer(tx, m.answerId))!;
      const round = await repo.getRound(tx, a.roundId);
      const group = ownerGroup(a, m.kind);
      const owners = group ? await repo.groupLeaders(tx, group, today) : [];
      const coordinators = await repo.coordinatorsOf(tx, a.region);
      const seen = new Set<string>();
      let sent = 0;
      for (const [audience, people] of [
        ['owner', owners],
        ['coordinator', coordinators],
      ] as const) {
        for (const p of people) {
          if (seen.has(p.email)) continue;
          seen.add(p.email);
          await queueEmail(tx, { to: p.email, ...lateMail(a, round, m.kind, m.dueOn, audience, p.name) });
          sent++;
        }
      }
      await recordAudit(tx, systemCtx('late-milestones'), {
        entityType: 'consultation-answer',
        entityId: a.id,
        action: 'warn-late',
        after: { milestone: m.kind, dueOn: m.dueOn, emails: sent },
      });
      return sent;
    });
    if (n === undefined) continue;
    warned++;
    emails += n;
  }
  return { warned, emails };
}

export const lateMilestonesHandler =
  (db: Db) =>
  async (_payload: Record<string, unknown>): Promise<void> => {
    await warnLateMilestones(db);
  };
