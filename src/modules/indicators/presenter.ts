import type { GoalRow, ImportRow, IndicatorRow } from './repository.js';

export const presentIndicator = (i: IndicatorRow) => ({
  id: i.id,
  code: i.code,
  goalId: i.goal_id,
  name: i.name,
  definition: i.definition,
  unit: i.unit,
  direction: i.direction,
  periodicity: i.periodicity,
  source: i.source,
  sourceName: i.source_name,
  sourceRef: i.source_ref,
  targetValue: i.target_value,
  alertValue: i.alert_value,
  programAreaId: i.program_area_id,
  version: i.version,
});

export interface GoalNode {
  id: string;
  parentId: string | null;
  kind: 'promise' | 'goal';
  owner: string;
  title: string;
  description: string | null;
  sourceQuote: string | null;
  version: number;
  children: GoalNode[];
  indicators: { id: string; code: string; name: string }[];
}

/** The goal tree: promises at the top, goals under them, each with its indicators. */
export function goalTree(goals: GoalRow[], indicators: IndicatorRow[]): GoalNode[] {
  const nodes = new Map<string, GoalNode>(
    goals.map((g) => [
      g.id,
      {
        id: g.id,
        parentId: g.parent_id,
        kind: g.kind,
        owner: g.owner,
        title: g.title,
        description: g.description,
        sourceQuote: g.source_quote,
        version: g.version,
        children: [],
        indicators: [],
      },
    ]),
  );
  for (const i of indicators) if (i.goal_id) nodes.get(i.goal_id)?.indicators.push({ id: i.id, code: i.code, name: i.name });
  const roots: GoalNode[] = [];
  for (const g of goals) {
    const n = nodes.get(g.id)!;
    const parent = g.parent_id ? nodes.get(g.parent_id) : undefined;
    if (parent) parent.children.push(n);
    else roots.push(n);
  }
  return roots;
}

export const presentImport = (i: ImportRow) => ({
  id: i.id,
  indicatorId: i.indicator_id,
  fileName: i.file_name,
  status: i.status,
  mode: i.mode,
  totalRows: i.total_rows,
  validRows: i.valid_rows,
  processedRows: i.processed_rows,
  importedRows: i.imported_rows,
  periods: i.periods,
  problems: i.report,
  error: i.error,
  createdAt: i.created_at.toISOString(),
  finishedAt: i.finished_at ? i.finished_at.toISOString() : null,
});

export const presentGoal = (g: GoalRow) => ({
  id: g.id,
  parentId: g.parent_id,
  kind: g.kind,
  owner: g.owner,
  title: g.title,
  description: g.description,
  sourceQuote: g.source_quote,
  version: g.version,
});
