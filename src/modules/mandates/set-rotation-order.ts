import { recordAudit } from '../../platform/audit/record.js';
import { requestScope } from '../../platform/auth/scope.js';
import type { Ctx } from '../../platform/context.js';
import type { Db } from '../../platform/db/index.js';
import { forbidden, notFound, staleVersion, unauthorized, unprocessable, type FieldError } from '../../platform/errors.js';
import { maySetRotation } from './policy.js';
import * as repo from './repository.js';

export interface RotationOrderInput {
  regionOrder: string[];
  anchorDate: string;
}

/**
 * Seed 001: chair and secretary rotate between the regions in two-year periods, but the seed
 * names neither the order nor the first period. The body's owner sets them: every region of the
 * healthcare region once, and the day the first period starts. A rule that follows another
 * ("på samma sätt som i RSL") has no order of its own.
 */
export function checkRotationOrder(
  o: RotationOrderInput,
  rule: Pick<repo.RuleRecord, 'ruleType' | 'followsRuleId'>,
  regionsOfOwner: readonly string[] | null,
  knownRegions: ReadonlySet<string>,
): FieldError[] {
  if (rule.ruleType !== 'rotation') return [{ path: 'ruleType', message: 'Regeln är ingen rotation.' }];
  if (rule.followsRuleId) {
    return [{ path: 'regionOrder', message: 'Regeln följer en annan regels rotation: ange ordningen i den regeln.' }];
  }
  const errors: FieldError[] = [];
  if (o.regionOrder.length < 2)
    errors.push({ path: 'regionOrder', message: 'En rotation behöver minst två regioner i ordning.' });
  if (new Set(o.regionOrder).size !== o.regionOrder.length) {
    errors.push({ path: 'regionOrder', message: 'En region står mer än en gång i ordningen.' });
  }
  for (const r of o.regionOrder) {
    if (!knownRegions.has(r)) errors.push({ path: 'regionOrder', message: `Okänd region "${r}".` });
  }
  if (regionsOfOwner && errors.length === 0) {
    const missing = regionsOfOwner.filter((r) => !o.regionOrder.includes(r));
    const foreign = o.regionOrder.filter((r) => !regionsOfOwner.includes(r));
    if (missing.length || foreign.length) {
      errors.push({
        path: 'regionOrder',
        message: `Ordningen ska ta med sjukvårdsregionens regioner en gång var (${regionsOfOwner.join(', ')}).`,
      });
    }
  }
  return errors;
}

export async function setRotationOrder(db: Db, ctx: Ctx, id: string, version: number, input: RotationOrderInput) {
  if (!ctx.actor) throw unauthorized();
  const geo = await requestScope(ctx, db).geography();
  return db.transaction(async (tx) => {
    const before = await repo.getRule(tx, id, { forUpdate: true });
    if (!before) throw notFound('Regeln');
    const owner = await repo.ruleOwner(tx, before);
    if (!maySetRotation(ctx.actor, owner, geo)) throw forbidden();
    if (before.version !== version) throw staleVersion(before.version);
    const map = await repo.regionMap(tx);
    const regionsOfOwner =
      owner && geo.healthcareRegionIds.has(owner)
        ? [...map.healthcareRegionsOf.entries()]
            .filter(([, hrs]) => hrs.includes(owner))
            .map(([code]) => code)
            .sort()
        : null;
    const errors = checkRotationOrder(input, before, regionsOfOwner, new Set(map.healthcareRegionsOf.keys()));
    if (errors.length) throw unprocessable(errors.map((e) => e.message).join(' '), errors);
    const after = await repo.setRotationOrder(tx, id, version, input);
    if (!after) throw staleVersion(before.version);
    await recordAudit(tx, ctx, { entityType: 'composition-rule', entityId: id, action: 'update', before, after });
    return after;
  });
}
