/**
 * Two-year operational plans (verksamhetsplan) of an LPO or LSG: prioritised insatsområden
 * with rationale, timeline, working-group start and owner; drafted → agreed with the heads
 * of units → established (with a decision reference), yearly; compared with last year's plan.
 */
import { recordAudit } from '../../platform/audit/record.js';
import { authorize } from '../../platform/auth/policy.js';
import type { Ctx } from '../../platform/context.js';
import type { Db, Queryable } from '../../platform/db/index.js';
import { conflict, notFound, staleVersion, unprocessable, type FieldError } from '../../platform/errors.js';
import * as repo from './plans-repository.js';
import type { PlanRow } from './plans-repository.js';
import { groupTarget } from './scope.js';
import { assertVisible } from '../visible.js';

export const PLAN_STATES = ['drafted', 'agreed', 'established'] as const;
export type PlanState = (typeof PLAN_STATES)[number];
export const RATIONALES = ['npo-plan', 'local-need', 'healthcare-region-decision', 'low-value-care'] as const;
export const PROGRESS = ['not-started', 'ongoing', 'done', 'cancelled'] as const;

export interface PlanItem {
  priority: number;
  title: string;
  rationaleKind: (typeof RATIONALES)[number];
  rationale: string | null;
  ownerName: string | null;
  supportId: string | null;
  startsOn: string | null;
  endsOn: string | null;
  workingGroupStartsOn: string | null;
  progress: (typeof PROGRESS)[number];
}

async function itemsOf(db: Queryable, planId: string): Promise<PlanItem[]> {
  const rows = await repo.planItemRows(db, planId);
  return rows.map((r) => ({
    priority: r.priority,
    title: r.title,
    rationaleKind: r.rationale_kind,
    rationale: r.rationale,
    ownerName: r.owner_name,
    supportId: r.support_id,
    startsOn: r.starts_on,
    endsOn: r.ends_on,
    workingGroupStartsOn: r.working_group_starts_on,
    progress: r.progress,
  }));
}

export function checkItems(items: PlanItem[], startYear: number): FieldError[] {
  const errors: FieldError[] = [];
  const seen = new Set<number>();
  items.forEach((i, k) => {
    if (seen.has(i.priority)) errors.push({ path: `/items/${k}/priority`, message: 'Två insatsområden har samma prioritet.' });
    seen.add(i.priority);
    if (i.startsOn && i.endsOn && i.endsOn < i.startsOn)
      errors.push({ path: `/items/${k}/endsOn`, message: 'Slutet kan inte vara före starten.' });
    const within = (d: string | null) => !d || (d >= `${startYear - 1}-01-01` && d <= `${startYear + 1}-12-31`);
    if (!within(i.startsOn) || !within(i.endsOn))
      errors.push({
        path: `/items/${k}/startsOn`,
        message: `Tidplanen ska ligga inom planperioden ${startYear}–${startYear + 1}.`,
      });
    if (i.workingGroupStartsOn && i.endsOn && i.workingGroupStartsOn > i.endsOn) {
      errors.push({
        path: `/items/${k}/workingGroupStartsOn`,
        message: 'Arbetsgruppen kan inte starta efter att insatsen är klar.',
      });
    }
  });
  return errors;
}

export async function getPlan(db: Queryable, id: string) {
  const p = await repo.getPlanRow(db, id);
  if (!p) return undefined;
  return { ...present(p), items: await itemsOf(db, id) };
}

const present = (p: PlanRow) => ({
  id: p.id,
  groupId: p.group_id,
  groupName: p.group_name,
  regionCode: p.region_code,
  startYear: p.start_year,
  endYear: p.start_year + 1,
  title: p.title,
  state: p.state,
  agreedWith: p.agreed_with,
  decisionRef: p.decision_ref,
  establishedOn: p.established_on,
  version: p.version,
});

export const listPlans = async (db: Queryable, f: { groupId?: string | undefined; region?: string | undefined }) =>
  (await repo.listPlanRows(db, { groupId: f.groupId ?? null, region: f.region ?? null })).map(present);

export async function createPlan(
  db: Db,
  ctx: Ctx,
  input: { groupId: string; startYear: number; title: string; items: PlanItem[] },
) {
  return db.transaction(async (tx) => {
    await assertVisible(tx, ctx, { group: input.groupId, support: input.items.map((i) => i.supportId) });
    const { group, scope } = await groupTarget(tx, input.groupId);
    authorize(ctx.actor, 'plans.write', scope);
    if (group.level !== 'region')
      throw unprocessable('Verksamhetsplaner görs av regionens grupper (LPO, LSG).', [
        { path: '/groupId', message: 'Inte en regional grupp' },
      ]);
    const errors = checkItems(input.items, input.startYear);
    if (errors.length) throw unprocessable('Planen kan inte sparas.', errors);
    if (await repo.planExistsFor(tx, input.groupId, input.startYear))
      throw conflict(`Gruppen har redan en plan för ${input.startYear}–${input.startYear + 1}.`);
    const id = await repo.insertPlan(tx, {
      groupId: input.groupId,
      regionCode: group.owner,
      startYear: input.startYear,
      title: input.title,
    });
    await repo.replacePlanItems(tx, id, input.items);
    const after = (await getPlan(tx, id))!;
    await recordAudit(tx, ctx, { entityType: 'operational-plan', entityId: id, action: 'create', after });
    return after;
  });
}

async function lockPlan(tx: Queryable, ctx: Ctx, id: string, version: number) {
  const before = await getPlan(tx, id);
  if (!before) throw notFound('Planen');
  const { scope } = await groupTarget(tx, before.groupId);
  authorize(ctx.actor, 'plans.write', scope);
  await repo.lockPlanRow(tx, id);
  if (before.version !== version) throw staleVersion(before.version);
  return before;
}

/** Content changes; an established plan keeps its content, only its items' progress moves. */
export async function updatePlan(
  db: Db,
  ctx: Ctx,
  id: string,
  version: number,
  patch: { title?: string | undefined; items?: PlanItem[] | undefined },
) {
  return db.transaction(async (tx) => {
    const before = await lockPlan(tx, ctx, id, version);
    await assertVisible(tx, ctx, { support: patch.items?.map((i) => i.supportId) });
    if (
      before.state === 'established' &&
      (patch.title !== undefined || (patch.items && !sameExceptProgress(before.items, patch.items)))
    ) {
      throw conflict('Planen är fastställd: bara insatsernas läge kan ändras. Gör en ny plan för nästa år.');
    }
    if (patch.items) {
      const errors = checkItems(patch.items, before.startYear);
      if (errors.length) throw unprocessable('Planen kan inte sparas.', errors);
      await repo.replacePlanItems(tx, id, patch.items);
    }
    await repo.updatePlanTitle(tx, id, patch.title ?? null);
    const after = (await getPlan(tx, id))!;
    await recordAudit(tx, ctx, { entityType: 'operational-plan', entityId: id, action: 'update', before, after });
    return after;
  });
}

function sameExceptProgress(a: PlanItem[], b: PlanItem[]) {
  const strip = (x: PlanItem[]) =>
    JSON.stringify([...x].sort((p, q) => p.priority - q.priority).map(({ progress: _p, ...rest }) => rest));
  return strip(a) === strip(b);
}

export async function transitionPlan(
  db: Db,
  ctx: Ctx,
  id: string,
  version: number,
  t: {
    to: 'agreed' | 'established';
    agreedWith?: string | undefined;
    decisionRef?: string | undefined;
    establishedOn?: string | undefined;
  },
) {
  return db.transaction(async (tx) => {
    const before = await lockPlan(tx, ctx, id, version);
    const next: Record<PlanState, PlanState | null> = { drafted: 'agreed', agreed: 'established', established: null };
    if (next[before.state] !== t.to) throw conflict(`En plan som är "${before.state}" kan inte bli "${t.to}".`);
    if (t.to === 'agreed' && !t.agreedWith?.trim())
      throw unprocessable('Ange med vilka planen är förankrad.', [{ path: '/agreedWith', message: 'Saknas' }]);
    if (t.to === 'established' && (!t.decisionRef?.trim() || !t.establishedOn)) {
      throw unprocessable('Ange beslutet som fastställer planen.', [
        ...(!t.decisionRef?.trim() ? [{ path: '/decisionRef', message: 'Saknas' }] : []),
        ...(!t.establishedOn ? [{ path: '/establishedOn', message: 'Saknas' }] : []),
      ]);
    }
    await repo.setPlanState(tx, id, {
      state: t.to,
      agreedWith: t.agreedWith ?? null,
      decisionRef: t.decisionRef ?? null,
      establishedOn: t.establishedOn ?? null,
    });
    const after = (await getPlan(tx, id))!;
    await recordAudit(tx, ctx, {
      entityType: 'operational-plan',
      entityId: id,
      action: t.to === 'agreed' ? 'agree' : 'establish',
      before,
      after,
    });
    return after;
  });
}

/** The group's previous plan (the latest starting before this one) and what changed. */
export async function compareWithPrevious(db: Queryable, plan: NonNullable<Awaited<ReturnType<typeof getPlan>>>) {
  const prevId = await repo.previousPlanId(db, plan.groupId, plan.startYear);
  if (!prevId) return null;
  const old = (await getPlan(db, prevId))!;
  const key = (i: PlanItem) => i.title.trim().toLowerCase();
  const oldBy = new Map(old.items.map((i) => [key(i), i]));
  const newBy = new Map(plan.items.map((i) => [key(i), i]));
  return {
    previousPlanId: old.id,
    previousStartYear: old.startYear,
    added: plan.items.filter((i) => !oldBy.has(key(i))).map((i) => i.title),
    removed: old.items.filter((i) => !newBy.has(key(i))).map((i) => ({ title: i.title, progress: i.progress })),
    reprioritised: plan.items
      .filter((i) => oldBy.has(key(i)) && oldBy.get(key(i))!.priority !== i.priority)
      .map((i) => ({ title: i.title, from: oldBy.get(key(i))!.priority, to: i.priority })),
  };
}
