import type { Queryable } from '../../platform/db/index.js';
import { selectRows } from '../../platform/db/rows.js';
import { Filters } from '../../platform/db/sql.js';
import { addVisibility, type Visibility } from './repository.js';
import { PAYABLE_STATUSES } from './rules/claim-state.js';

/** Yearly totals of approved claims, per person and group, within the caller's scope. */
export function totals(db: Queryable, f: { year: number; visibility: Visibility | undefined }) {
  const w = new Filters();
  w.add('c.status = ANY(?::text[])', [...PAYABLE_STATUSES]);
  w.add(`a.assignment_date >= make_date(?::int, 1, 1) AND a.assignment_date < make_date(?::int + 1, 1, 1)`, f.year, f.year);
  addVisibility(w, f.visibility);
  return selectRows<{
    personId: string;
    personName: string;
    groupId: string;
    groupName: string;
    claims: number;
    feeOre: number;
    mileageOre: number;
    travelCostsOre: number;
    lossOfIncomeOre: number;
    totalOre: number;
  }>(
    db,
    `SELECT c.person_id, p.name AS person_name, c.group_id, g.name AS group_name, count(*) AS claims,
       sum(c.fee_ore) AS fee_ore, sum(c.mileage_ore) AS mileage_ore, sum(c.travel_costs_ore) AS travel_costs_ore,
       sum(c.loss_of_income_ore) AS loss_of_income_ore,
       sum(c.total_ore) AS total_ore
     FROM compensation_claims c JOIN persons p ON p.id = c.person_id JOIN groups g ON g.id = c.group_id
     JOIN compensation_assignments a ON a.id = c.assignment_id
     ${w.where}
     GROUP BY c.person_id, p.name, c.group_id, g.name
     ORDER BY sv_key(p.name) COLLATE "C", sv_key(g.name) COLLATE "C"`,
    w.params,
  );
}
