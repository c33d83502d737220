import { requireActor } from '../../platform/auth/policy.js';
import type { Ctx } from '../../platform/context.js';
import type { Db } from '../../platform/db/index.js';
import { compensationPolicy } from './policy.js';
import { totals } from './totals-query.js';

type Sum = {
  claims: number;
  feeOre: number;
  mileageOre: number;
  travelCostsOre: number;
  lossOfIncomeOre: number;
  totalOre: number;
};
const zero = (): Sum => ({ claims: 0, feeOre: 0, mileageOre: 0, travelCostsOre: 0, lossOfIncomeOre: 0, totalOre: 0 });

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
      s.feeOre += r.feeOre;
      s.mileageOre += r.mileageOre;
      s.travelCostsOre += r.travelCostsOre;
      s.lossOfIncomeOre += r.lossOfIncomeOre;
      s.totalOre += r.totalOre;
      m.set(id, s);
    };
    add(persons, r.personId, r.personName);
    add(groups, r.groupId, r.groupName);
    total.feeOre += r.feeOre;
    total.mileageOre += r.mileageOre;
    total.travelCostsOre += r.travelCostsOre;
    total.lossOfIncomeOre += r.lossOfIncomeOre;
    total.totalOre += r.totalOre;
  }
  const list = (m: Map<string, Sum & { name: string }>) => [...m].map(([id, s]) => ({ id, ...s }));
  return {
    year,
    perPerson: list(persons),
    perGroup: list(groups),
    total: {
      feeOre: total.feeOre,
      mileageOre: total.mileageOre,
      travelCostsOre: total.travelCostsOre,
      lossOfIncomeOre: total.lossOfIncomeOre,
      totalOre: total.totalOre,
    },
  };
}
