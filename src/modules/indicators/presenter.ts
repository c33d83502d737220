import { pickFields } from '../../platform/db/rows.js';
import type { GoalRecord, IndicatorRecord } from './repository.js';

/** The indicator as the API and the audit trail show it (without `updatedAt`). */
export const INDICATOR_FIELDS = [
  'id',
  'code',
  'owner',
  'goalId',
  'name',
  'definition',
  'unit',
  'direction',
  'periodicity',
  'source',
  'sourceName',
  'sourceRef',
  'targetValue',
  'alertValue',
  'programAreaId',
  'version',
] as const;

export const presentIndicator = (i: IndicatorRecord) => pickFields(i, INDICATOR_FIELDS);

export type GoalNode = GoalRecord & {
  children: GoalNode[];
  indicators: { id: string; code: string; name: string }[];
};

/** The goal tree: promises at the top, goals under them, each with its indicators. */
export function goalTree(goals: GoalRecord[], indicators: IndicatorRecord[]): GoalNode[] {
  const nodes = new Map<string, GoalNode>(goals.map((g) => [g.id, { ...g, children: [], indicators: [] }]));
  for (const i of indicators) if (i.goalId) nodes.get(i.goalId)?.indicators.push({ id: i.id, code: i.code, name: i.name });
  const roots: GoalNode[] = [];
  for (const g of goals) {
    const n = nodes.get(g.id)!;
    const parent = g.parentId ? nodes.get(g.parentId) : undefined;
    if (parent) parent.children.push(n);
    else roots.push(n);
  }
  return roots;
}
