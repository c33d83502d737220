/** Reading obligations: a year's occurrences (stored records merged with the cadence), their status and gaps. */
import { clock } from '../../platform/clock.js';
import type { Ctx } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/index.js';
import * as repo from './obligation-repository.js';
import type { ObligationRow, OccurrenceRow } from './obligation-repository.js';
import { mayReadPlan, mayWritePlans } from './policy.js';
import { defaultDueDates, isHeld, isOverdue, occurrenceStatus } from './rules/obligation.js';

/** The year's occurrences: one per period, the stored record where there is one. */
export async function occurrencesOf(db: Queryable, o: ObligationRow, year: number, today = clock.today()) {
  const stored = new Map<number, OccurrenceRow>((await repo.storedOccurrences(db, o.id, year)).map((s) => [s.ordinal, s]));
  return defaultDueDates(year, o.timesPerYear).map((due, k) => {
    const s = stored.get(k + 1);
    const base = {
      year,
      ordinal: k + 1,
      dueOn: s?.dueOn ?? due,
      heldOn: s?.heldOn ?? null,
      meetingId: s?.meetingId ?? null,
      meetingDate: s?.meetingDate ?? null,
      note: s?.note ?? null,
      remindedOn: s?.remindedOn ?? null,
    };
    return { ...base, status: occurrenceStatus(base, today, o.remindDaysBefore) };
  });
}

/** Whether the caller reads the obligation: the readers of its group's work. */
export const mayReadObligation = (ctx: Ctx, db: Queryable, o: ObligationRow) =>
  mayReadPlan(ctx, db, { regionCode: o.owner, groupId: o.groupId });

/** Whether the caller records occurrences: the writers of the responsible group's plans. */
export const mayRecordObligation = (ctx: Ctx, db: Queryable, o: ObligationRow) => mayWritePlans(ctx, db, o.groupId, o.owner);

export async function presentObligation(db: Queryable, ctx: Ctx, o: ObligationRow, year = clock.year()) {
  const occurrences = await occurrencesOf(db, o, year);
  return {
    ...o,
    year,
    occurrences,
    gaps: occurrences.filter((c) => isOverdue(c.status)).length,
    mayRecord: await mayRecordObligation(ctx, db, o),
  };
}

/** The council's own obligations in a year: how many happened and how many are gaps (for the consolidated report). */
export async function councilObligations(db: Queryable, groupId: string, year: number, today: string) {
  const out: { title: string; times: number; held: number; gaps: number }[] = [];
  for (const o of await repo.listObligations(db, { owner: null, groupId })) {
    const occ = await occurrencesOf(db, o, year, today);
    out.push({
      title: o.title,
      times: o.timesPerYear,
      held: occ.filter((c) => isHeld(c.status)).length,
      gaps: occ.filter((c) => isOverdue(c.status)).length,
    });
  }
  return out;
}
