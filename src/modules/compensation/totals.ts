import { requireActor } from '../../platform/auth/policy.js';
import type { Ctx } from '../../platform/context.js';
import type { Db } from '../../platform/db/index.js';
import { compensationPolicy } from './policy.js';
import { totals } from './totals-query.js';

type Sum = { claims: number; feeOre: number; mileageOre: number; travelCostsOre: number; totalOre: number };
const zero = (): Sum => ({ claims: 0, feeOre: 0, mileageOre: 0, travelCostsOre: 0, totalOre: 0 });

/** Yearly totals of approved claims per person and per group, over what the caller may see. */
export async function yearlyTotals(db: Db, ctx: Ctx, year: number) {
  requireActor(ctx.actor);
  const policy = await compensationPolicy(ctx, db);
  // the visibility filter is exact: the owners and groups the caller manages, and their own claims
  const rows = await totals(db, { year, visibility: policy.visibility() });
  const persons = new Map<string, Sum & { name: string }>();
  const groups = new Map<string, Sum & { name: string }>();
  const total = zero();
  for (const r of rows) {
    const add = (m: Map<string, Sum & { name: string }>, id: string, name: string) => {
      const s = m.get(id) ?? { ...zero(), name };
      s.claims += r.claims;
      s.feeOre += r.fee_ore;
      s.mileageOre += r.mileage_ore;
      s.travelCostsOre += r.travel_costs_ore;
      s.totalOre += r.total_ore;
      m.set(id, s);
    };
    add(persons, r.person_id, r.person_name);
    add(groups, r.group_id, r.group_name);
    total.feeOre += r.fee_ore;
    total.mileageOre += r.mileage_ore;
    total.travelCostsOre += r.travel_costs_ore;
    total.totalOre += r.total_ore;
  }
  const list = (m: Map<string, Sum & { name: string }>) => [...m].map(([id, s]) => ({ id, ...s }));
  return {
    year,
    perPerson: list(persons),
    perGroup: list(groups),
    total: { feeOre: total.feeOre, mileageOre: total.mileageOre, travelCostsOre: total.travelCostsOre, totalOre: total.totalOre },
  };
}
