import { recordAudit } from '../../platform/audit/record.js';
import { authorize } from '../../platform/auth/policy.js';
import type { Ctx } from '../../platform/context.js';
import type { Db, Queryable } from '../../platform/db/index.js';
import { notFound, staleVersion, unprocessable, type FieldError } from '../../platform/errors.js';
import * as repo from './repository.js';
import type { RuleType } from './rules/composition.js';

export interface RuleInput {
  groupKind?: string | null;
  groupLevel?: string | null;
  groupOwner?: string | null;
  groupKey?: string | null;
  programAreaIds?: string[];
  ruleType: RuleType;
  roles?: string[];
  minCount?: number | null;
  maxCount?: number | null;
  regionCounts?: Record<string, number>;
  years?: number | null;
  regionOrder?: string[];
  anchorDate?: string | null;
  relatedGroupKey?: string | null;
  followsRuleId?: string | null;
  description: string;
  sourceId?: string | null;
}

/** Rule types whose roles are optional (any member counts) or meaningless. */
const ROLES_OPTIONAL = new Set(['mandate-years', 'group-representative', 'in-council', 'seats-above']);

/** What each kind of rule needs; pure. */
export function checkRuleInput(
  r: repo.RuleWrite,
  knownPlaces: ReadonlySet<string>,
  bodies: ReadonlySet<string> = new Set(),
): FieldError[] {
  const errors: FieldError[] = [];
  if (!r.groupKind && !r.groupLevel && !r.groupOwner && !r.groupKey) {
    errors.push({ path: 'groupKind', message: 'Ange vilka grupper regeln gäller: slag, nivå, ägare eller en enskild grupp.' });
  }
  // A region's staffing is its own rule (seed 000 is Jönköping's): it names the region or the group.
  if (r.groupLevel === 'region' && !r.groupOwner && !r.groupKey) {
    errors.push({
      path: 'groupOwner',
      message: 'En regel för regionala grupper gäller bara den region som har beslutat den: ange regionen som ägare.',
    });
  }
  if (!ROLES_OPTIONAL.has(r.ruleType) && r.roles.length === 0) errors.push({ path: 'roles', message: 'Ange minst en roll.' });
  if (r.ruleType === 'per-body') {
    if (Object.keys(r.regionCounts).length === 0) {
      errors.push({ path: 'regionCounts', message: 'Ange antal platser per organisation (t.ex. skr=1).' });
    }
    for (const body of Object.keys(r.regionCounts)) {
      if (!bodies.has(body)) errors.push({ path: 'regionCounts', message: `Okänd organisation "${body}".` });
    }
  }
  if (r.ruleType === 'group-representative' && !r.relatedGroupKey) {
    errors.push({ path: 'relatedGroupKey', message: 'Ange den grupp vars representant ska ingå.' });
  }
  if ((r.ruleType === 'group-representative' || r.ruleType === 'seats-above') && r.minCount === null && r.maxCount === null) {
    errors.push({ path: 'minCount', message: 'Ange minsta eller största antal.' });
  }
  if (
    (r.ruleType === 'role-count' || r.ruleType === 'per-region' || r.ruleType === 'per-healthcare-region') &&
    r.minCount === null &&
    r.maxCount === null
  ) {
    if (Object.keys(r.regionCounts).length === 0) errors.push({ path: 'minCount', message: 'Ange minsta eller största antal.' });
  }
  if (r.minCount !== null && r.maxCount !== null && r.minCount > r.maxCount) {
    errors.push({ path: 'maxCount', message: `Största antal (${r.maxCount}) är mindre än minsta (${r.minCount}).` });
  }
  if ((r.ruleType === 'mandate-years' || r.ruleType === 'rotation') && !r.years) {
    errors.push({ path: 'years', message: 'Ange antal år.' });
  }
  if (r.ruleType === 'rotation') {
    // The order may be left unset (a gap in the composition report until the region sets it), or follow another rule's.
    if (r.followsRuleId) {
      if (r.regionOrder.length || r.anchorDate) {
        errors.push({ path: 'regionOrder', message: 'En rotation som följer en annan regel har ingen egen ordning.' });
      }
    } else {
      if (r.regionOrder.length === 1) {
        errors.push({ path: 'regionOrder', message: 'En rotation behöver minst två regioner i ordning.' });
      }
      if (r.regionOrder.length && !r.anchorDate) {
        errors.push({ path: 'anchorDate', message: 'Ange dagen då den första perioden börjar.' });
      }
    }
  } else if (r.followsRuleId) {
    errors.push({ path: 'followsRuleId', message: 'Bara en rotation kan följa en annan regel.' });
  }
  for (const place of [
    ...r.regionOrder,
    ...(r.ruleType === 'per-body' ? [] : Object.keys(r.regionCounts)),
    ...(r.groupOwner && r.groupOwner !== 'national' ? [r.groupOwner] : []),
  ]) {
    if (!knownPlaces.has(place)) errors.push({ path: 'regionOrder', message: `Okänd region "${place}".` });
  }
  return errors;
}

const toWrite = (r: RuleInput): repo.RuleWrite => ({
  groupKind: r.groupKind ?? null,
  groupLevel: r.groupLevel ?? null,
  groupOwner: r.groupOwner ?? null,
  groupKey: r.groupKey?.trim() || null,
  programAreaIds: r.programAreaIds ?? [],
  ruleType: r.ruleType,
  roles: r.roles ?? [],
  minCount: r.minCount ?? null,
  maxCount: r.maxCount ?? null,
  regionCounts: r.regionCounts ?? {},
  years: r.years ?? null,
  regionOrder: r.regionOrder ?? [],
  anchorDate: r.anchorDate ?? null,
  relatedGroupKey: r.relatedGroupKey?.trim() || null,
  followsRuleId: r.followsRuleId ?? null,
  description: r.description.trim(),
  sourceId: r.sourceId ?? null,
});

async function validated(tx: Queryable, input: RuleInput, id?: string) {
  const w = toWrite(input);
  const map = await repo.regionMap(tx);
  const bodies = map.bodies ?? new Set<string>();
  const places = new Set([...map.names.keys()].filter((k) => !bodies.has(k)));
  const errors = checkRuleInput(w, places, bodies);
  if (w.followsRuleId) {
    const followed = await repo.getRule(tx, w.followsRuleId);
    if (!followed || followed.ruleType !== 'rotation' || followed.followsRuleId || followed.id === id) {
      errors.push({ path: 'followsRuleId', message: 'Ska vara en rotationsregel som inte själv följer en annan.' });
    }
  }
  const areas = new Set(await repo.programAreaIds(tx));
  for (const a of w.programAreaIds) {
    if (!areas.has(a)) errors.push({ path: 'programAreaIds', message: `Okänt programområde "${a}".` });
  }
  if (errors.length) throw unprocessable(errors.map((e) => e.message).join(' '), errors);
  return w;
}

export async function createRule(db: Db, ctx: Ctx, input: RuleInput) {
  authorize(ctx.actor, 'composition.manage');
  return db.transaction(async (tx) => {
    const row = await repo.insertRule(tx, await validated(tx, input));
    await recordAudit(tx, ctx, { entityType: 'composition-rule', entityId: row.id, action: 'create', after: row });
    return row;
  });
}

/** Replaces a rule (the body is the whole rule) under optimistic concurrency. */
export async function updateRule(db: Db, ctx: Ctx, id: string, version: number, input: RuleInput) {
  authorize(ctx.actor, 'composition.manage');
  return db.transaction(async (tx) => {
    const before = await repo.getRule(tx, id, { forUpdate: true });
    if (!before) throw notFound('Regeln');
    if (before.version !== version) throw staleVersion(before.version);
    const after = await repo.updateRuleRow(tx, id, version, await validated(tx, input, id));
    if (!after) throw staleVersion(before.version);
    await recordAudit(tx, ctx, {
      entityType: 'composition-rule',
      entityId: id,
      action: 'update',
      before,
      after,
    });
    return after;
  });
}

export async function deleteRule(db: Db, ctx: Ctx, id: string, version: number) {
  authorize(ctx.actor, 'composition.manage');
  return db.transaction(async (tx) => {
    const before = await repo.getRule(tx, id, { forUpdate: true });
    if (!before) throw notFound('Regeln');
    if (before.version !== version) throw staleVersion(before.version);
    await repo.deleteRuleRow(tx, id, version);
    await recordAudit(tx, ctx, { entityType: 'composition-rule', entityId: id, action: 'delete', before });
  });
}
