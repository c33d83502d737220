import { requireActor } from '../../platform/auth/policy.js';
import { requestScope, type Geography } from '../../platform/auth/scope.js';
import { todayInSweden } from '../../platform/clock.js';
import type { Actor, Ctx } from '../../platform/context.js';
import type { Db } from '../../platform/db/index.js';
import { readMyCaseWork, type CaseWorkItem } from '../cases/index.js';
import { readMyClaimWork } from '../compensation/index.js';
import { readMyConsultationWork } from '../consultation/index.js';
import { readMyMeetingWork } from '../meetings/index.js';
import { unreadCount } from '../notifications/index.js';
import { readMyPeopleWork } from '../people/index.js';
import { listRegions } from '../reference/index.js';
import { daysUntil, weekOf } from './rules/week.js';
import type { MyOverviewT } from './schemas.js';

/**
 * The regions a person works in, from where their roles are held: a region, or the regions of
 * a healthcare region. A system-wide role names no region (such a person picks one).
 */
export function regionsOfRoles(actor: Actor, geo: Geography): string[] {
  const out = new Set<string>();
  for (const r of actor.roles) {
    if (r.scopeType === 'region') out.add(r.scopeId);
    if (r.scopeType === 'healthcare-region')
      for (const [code, hrs] of geo.regionHealthcareRegions) if (hrs.includes(r.scopeId)) out.add(code);
  }
  return [...out].sort();
}

/**
 * Min översikt: what needs the signed-in person now and next, asked of each module through its
 * front door. Every module applies its own policy; a section its roles make irrelevant is null.
 */
export async function readOverview(db: Db, ctx: Ctx, opts: { reminderDays: number }): Promise<MyOverviewT> {
  requireActor(ctx.actor);
  const today = todayInSweden();
  const week = weekOf(today);
  // The sections ask different modules and do not depend on each other: asked at once, the page
  // waits for the slowest rather than for the sum (each module's policy shares the request's
  // geography, read once through requestScope).
  const [geo, regions, cases, consultation, meetings, people, claims, unread] = await Promise.all([
    requestScope(ctx, db).geography(),
    listRegions(db),
    readMyCaseWork(db, ctx),
    readMyConsultationWork(db, ctx),
    readMyMeetingWork(db, ctx, week),
    readMyPeopleWork(db, ctx, { days: opts.reminderDays }),
    readMyClaimWork(db, ctx),
    unreadCount(db, ctx.actor.userId),
  ]);
  const mine = regionsOfRoles(ctx.actor, geo);
  const names = new Map(regions.map((r) => [r.code, r.name]));

  const withDays = (c: CaseWorkItem) => ({ ...c, daysLeft: c.dueDate ? daysUntil(today, c.dueDate) : null });
  return {
    today,
    week,
    reminderDays: opts.reminderDays,
    regions: mine.filter((c) => names.has(c)).map((code) => ({ code, name: names.get(code)! })),
    unreadNotifications: unread,
    milestones: consultation?.milestones.map((m) => ({ ...m, daysLeft: daysUntil(today, m.dueOn) })) ?? null,
    triage: cases.triage?.map(withDays) ?? null,
    cases: cases.assigned?.map(withDays) ?? null,
    justering: meetings.justering,
    declarations: people.declarations,
    mandates: people.mandates?.map((m) => ({ ...m, daysLeft: daysUntil(today, m.endDate) })) ?? null,
    claims,
    surveys: consultation?.surveys.map((s) => ({ ...s, daysLeft: daysUntil(today, s.closesOn) })) ?? null,
    meetings: meetings.meetings,
  };
}
