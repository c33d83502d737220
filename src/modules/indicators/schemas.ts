import { Type } from 'typebox';
import { IsoDate, Uuid } from '../../platform/http/schemas.js';
import { IMPLEMENTATION_STATES } from './rules/implementation.js';
import { PDSA_PHASES } from './pdsa.js';
import { PROGRESS, RATIONALES } from './plans.js';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);
const Text = (max: number) => Type.String({ minLength: 1, maxLength: max });
const lit = <const T extends readonly string[]>(values: T) => Type.Enum([...values] as T[number][]);

export const Direction = lit(['higher', 'lower'] as const);
export const Periodicity = lit(['month', 'quarter', 'year'] as const);
export const Source = lit(['quality-register', 'waiting-time-database', 'patient-survey', 'own-measurement'] as const);
export const Period = Type.String({ pattern: '^[0-9]{4}(-[0-9]{2}|-Q[1-4])?$', description: 'ÅÅÅÅ-MM, ÅÅÅÅ-Q1…Q4 eller ÅÅÅÅ' });

export const Indicator = Type.Object(
  {
    id: Uuid,
    code: Type.String(),
    goalId: Nullable(Uuid),
    name: Type.String(),
    definition: Type.String(),
    unit: Type.String(),
    direction: Direction,
    periodicity: Periodicity,
    source: Source,
    sourceName: Nullable(Type.String()),
    targetValue: Nullable(Type.Number()),
    alertValue: Nullable(Type.Number()),
    programAreaId: Nullable(Type.String()),
    version: Type.Integer(),
  },
  { $id: 'Indicator' },
);

const indicatorFields = {
  goalId: Type.Optional(Nullable(Uuid)),
  name: Text(300),
  definition: Text(5000),
  unit: Text(50),
  direction: Direction,
  source: Source,
  sourceName: Type.Optional(Nullable(Type.String({ maxLength: 300 }))),
  targetValue: Type.Optional(Nullable(Type.Number())),
  alertValue: Type.Optional(Nullable(Type.Number())),
  programAreaId: Type.Optional(Nullable(Type.String({ maxLength: 100 }))),
};

export const CreateIndicatorBody = Type.Object(
  { code: Type.String({ pattern: '^[A-Za-z0-9._-]{1,40}$' }), periodicity: Periodicity, ...indicatorFields },
  { additionalProperties: false },
);
export const UpdateIndicatorBody = Type.Object(
  {
    ...Object.fromEntries(Object.entries(indicatorFields).map(([k, v]) => [k, Type.Optional(v)])),
    version: Type.Optional(Type.Integer({ minimum: 1 })),
  },
  { additionalProperties: false },
);

export const GoalNode = Type.Object(
  {
    id: Uuid,
    parentId: Nullable(Uuid),
    kind: lit(['promise', 'goal'] as const),
    owner: Type.String(),
    title: Type.String(),
    description: Nullable(Type.String()),
    sourceQuote: Nullable(Type.String()),
    version: Type.Integer(),
    children: Type.Array(Type.Ref('GoalNode')),
    indicators: Type.Array(Type.Object({ id: Uuid, code: Type.String(), name: Type.String() })),
  },
  { $id: 'GoalNode' },
);
export const CreateGoalBody = Type.Object(
  {
    parentId: Type.Optional(Nullable(Uuid)),
    owner: Type.String({ minLength: 2, maxLength: 40 }),
    title: Text(300),
    description: Type.Optional(Nullable(Type.String({ maxLength: 5000 }))),
  },
  { additionalProperties: false },
);
export const Goal = Type.Object({
  id: Uuid,
  parentId: Nullable(Uuid),
  kind: Type.String(),
  owner: Type.String(),
  title: Type.String(),
  description: Nullable(Type.String()),
  sourceQuote: Nullable(Type.String()),
  version: Type.Integer(),
});
export const UpdateGoalBody = Type.Object(
  {
    parentId: Type.Optional(Nullable(Uuid)),
    owner: Type.Optional(Type.String({ minLength: 2, maxLength: 40 })),
    title: Type.Optional(Text(300)),
    description: Type.Optional(Nullable(Type.String({ maxLength: 5000 }))),
    version: Type.Optional(Type.Integer({ minimum: 1 })),
  },
  { additionalProperties: false },
);
export const StatusHistory = Type.Object({
  items: Type.Array(Type.Object({ status: Type.String(), validFrom: Type.String(), recordedAt: Type.String() })),
});

export const SeriesQuery = Type.Object(
  {
    regions: Type.Optional(
      Type.String({ pattern: '^[0-9]{2}(,[0-9]{2})*$', description: 'Regionkoder, kommaseparerade; alla när det saknas' }),
    ),
    from: Type.Optional(Period),
    to: Type.Optional(Period),
    subArea: Type.Optional(Type.String({ maxLength: 100 })),
  },
  { additionalProperties: false },
);
export const Series = Type.Object({
  indicator: Type.Ref('Indicator'),
  periods: Type.Array(Type.String()),
  series: Type.Array(
    Type.Object({
      area: Type.String(),
      name: Type.String(),
      values: Type.Array(Nullable(Type.Number())),
      latest: Nullable(Type.Object({ period: Type.String(), value: Type.Number() })),
      meetsTarget: Nullable(Type.Boolean()),
      analysis: Type.Unknown({ description: 'Körschema (median, serier) och styrdiagram (medelvärde, styrgränser), med noter' }),
      signals: Type.Array(
        Type.Object({
          chart: Type.String(),
          rule: Type.String(),
          periods: Type.Array(Type.String()),
          side: Nullable(Type.String()),
          meaning: Type.String(),
        }),
      ),
    }),
  ),
});

export const ImportBody = Type.Object(
  {
    fileName: Text(255),
    format: lit(['csv', 'xlsx'] as const),
    contentBase64: Type.String({ minLength: 1, maxLength: 1_400_000 }),
    mapping: Type.Object(
      { area: Text(100), period: Text(100), value: Text(100), subArea: Type.Optional(Text(100)) },
      { additionalProperties: false },
    ),
    mode: Type.Optional(lit(['all-or-nothing', 'valid-only'] as const)),
    dryRun: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
const RowProblem = Type.Object({ row: Type.Integer(), column: Type.String(), value: Type.String(), message: Type.String() });
export const ImportStatus = Type.Object(
  {
    id: Uuid,
    indicatorId: Uuid,
    fileName: Type.String(),
    status: Type.String(),
    mode: Type.String(),
    totalRows: Type.Integer(),
    validRows: Type.Integer(),
    processedRows: Type.Integer(),
    importedRows: Type.Integer(),
    periods: Type.Array(Type.String()),
    problems: Type.Array(RowProblem),
    error: Nullable(Type.String()),
    createdAt: Type.String(),
    finishedAt: Nullable(Type.String()),
  },
  { $id: 'ImportStatus' },
);
export const ValidationReport = Type.Object({
  indicatorId: Uuid,
  fileName: Type.String(),
  header: Type.Array(Type.String()),
  totalRows: Type.Integer(),
  validRows: Type.Integer(),
  problems: Type.Array(RowProblem),
  fileProblems: Type.Array(Type.String()),
  periods: Type.Array(Type.String()),
  areas: Type.Array(Type.String()),
  preview: Type.Array(Type.Object({ area: Type.String(), subArea: Type.String(), period: Type.String(), value: Type.Number() })),
});

export const Status = lit(IMPLEMENTATION_STATES);
const statusFields = {
  kind: Type.Optional(lit(['implement', 'phase-out'] as const)),
  status: Status,
  notApplicableReason: Type.Optional(Nullable(Text(2000))),
  decisionDate: Type.Optional(Nullable(IsoDate)),
  decisionForum: Type.Optional(Nullable(Type.String({ maxLength: 300 }))),
  decisionCaseRef: Type.Optional(Nullable(Type.String({ maxLength: 100 }))),
  responsibleGroupId: Type.Optional(Nullable(Uuid)),
  plannedStart: Type.Optional(Nullable(IsoDate)),
  plannedDone: Type.Optional(Nullable(IsoDate)),
  actualStart: Type.Optional(Nullable(IsoDate)),
  actualDone: Type.Optional(Nullable(IsoDate)),
  notes: Type.Optional(Nullable(Type.String({ maxLength: 5000 }))),
};
export const CreateStatusBody = Type.Object(
  {
    supportVersionId: Uuid,
    regionCode: Type.String({ pattern: '^[0-9]{2}$' }),
    groupId: Type.Optional(Nullable(Uuid)),
    ...statusFields,
  },
  { additionalProperties: false },
);
export const UpdateStatusBody = Type.Object(
  { ...statusFields, status: Type.Optional(Status), version: Type.Optional(Type.Integer({ minimum: 1 })) },
  { additionalProperties: false },
);
export const ImplementationStatus = Type.Object(
  {
    id: Uuid,
    supportId: Uuid,
    supportTitle: Type.String(),
    supportVersionId: Uuid,
    versionLabel: Type.String(),
    regionCode: Type.String(),
    groupId: Nullable(Uuid),
    kind: Type.String(),
    status: Status,
    notApplicableReason: Nullable(Type.String()),
    decisionDate: Nullable(Type.String()),
    decisionForum: Nullable(Type.String()),
    decisionCaseRef: Nullable(Type.String()),
    responsibleGroupId: Nullable(Uuid),
    plannedStart: Nullable(Type.String()),
    plannedDone: Nullable(Type.String()),
    actualStart: Nullable(Type.String()),
    actualDone: Nullable(Type.String()),
    notes: Nullable(Type.String()),
    version: Type.Integer(),
    updatedAt: Type.String(),
    updatedBy: Nullable(Type.String()),
  },
  { $id: 'ImplementationStatus' },
);

export const HeatmapQuery = Type.Object(
  {
    programArea: Type.Optional(Type.String({ maxLength: 100 })),
    type: Type.Optional(Type.String({ maxLength: 100 })),
    healthcareRegion: Type.Optional(Type.String({ maxLength: 100 })),
    kind: Type.Optional(lit(['implement', 'phase-out'] as const)),
    date: Type.Optional(IsoDate),
    q: Type.Optional(Type.String({ maxLength: 200 })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, default: 100 })),
    offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000, default: 0 })),
  },
  { additionalProperties: false },
);
export const Heatmap = Type.Object({
  healthcareRegions: Type.Array(Type.Object({ id: Type.String(), name: Type.String(), regionCodes: Type.Array(Type.String()) })),
  regions: Type.Array(
    Type.Object({
      code: Type.String(),
      name: Type.String(),
      shortName: Type.String(),
      healthcareRegionIds: Type.Array(Type.String()),
    }),
  ),
  supports: Type.Array(
    Type.Object({
      id: Uuid,
      title: Type.String(),
      type: Type.String(),
      programAreaIds: Type.Array(Type.String()),
      statuses: Type.Array(Nullable(Type.String())),
      implementedShare: Nullable(Type.Number()),
    }),
  ),
  regionShares: Type.Array(
    Type.Object({ code: Type.String(), implemented: Type.Integer(), withStatus: Type.Integer(), share: Nullable(Type.Number()) }),
  ),
  total: Type.Integer(),
  limit: Type.Integer(),
  offset: Type.Integer(),
  asOf: Nullable(Type.String()),
});
export const RegionDrill = Type.Object({
  region: Type.Object({ code: Type.String(), name: Type.String() }),
  groups: Type.Array(Type.Object({ id: Uuid, name: Type.String() })),
  supports: Type.Array(
    Type.Object({
      id: Uuid,
      title: Type.String(),
      regionStatus: Nullable(Type.String()),
      groupStatuses: Type.Array(Nullable(Type.String())),
    }),
  ),
  total: Type.Integer(),
});

const PlanItem = Type.Object(
  {
    priority: Type.Integer({ minimum: 1, maximum: 999 }),
    title: Text(300),
    rationaleKind: lit(RATIONALES),
    rationale: Type.Optional(Nullable(Type.String({ maxLength: 5000 }))),
    ownerName: Type.Optional(Nullable(Type.String({ maxLength: 200 }))),
    supportId: Type.Optional(Nullable(Uuid)),
    startsOn: Type.Optional(Nullable(IsoDate)),
    endsOn: Type.Optional(Nullable(IsoDate)),
    workingGroupStartsOn: Type.Optional(Nullable(IsoDate)),
    progress: Type.Optional(lit(PROGRESS)),
  },
  { additionalProperties: false },
);
export const CreatePlanBody = Type.Object(
  {
    groupId: Uuid,
    startYear: Type.Integer({ minimum: 2000, maximum: 2100 }),
    title: Text(300),
    items: Type.Array(PlanItem, { maxItems: 100 }),
  },
  { additionalProperties: false },
);
export const UpdatePlanBody = Type.Object(
  {
    title: Type.Optional(Text(300)),
    items: Type.Optional(Type.Array(PlanItem, { maxItems: 100 })),
    version: Type.Optional(Type.Integer({ minimum: 1 })),
  },
  { additionalProperties: false },
);
export const TransitionPlanBody = Type.Object(
  {
    to: lit(['agreed', 'established'] as const),
    agreedWith: Type.Optional(Type.String({ maxLength: 500 })),
    decisionRef: Type.Optional(Type.String({ maxLength: 100 })),
    establishedOn: Type.Optional(IsoDate),
    version: Type.Optional(Type.Integer({ minimum: 1 })),
  },
  { additionalProperties: false },
);
const PlanItemOut = Type.Object({
  priority: Type.Integer(),
  title: Type.String(),
  rationaleKind: Type.String(),
  rationale: Nullable(Type.String()),
  ownerName: Nullable(Type.String()),
  supportId: Nullable(Type.String()),
  startsOn: Nullable(Type.String()),
  endsOn: Nullable(Type.String()),
  workingGroupStartsOn: Nullable(Type.String()),
  progress: Type.String(),
});
const planFields = {
  id: Uuid,
  groupId: Uuid,
  groupName: Type.String(),
  regionCode: Type.String(),
  startYear: Type.Integer(),
  endYear: Type.Integer(),
  title: Type.String(),
  state: Type.String(),
  agreedWith: Nullable(Type.String()),
  decisionRef: Nullable(Type.String()),
  establishedOn: Nullable(Type.String()),
  version: Type.Integer(),
};
export const PlanSummary = Type.Object(planFields);
export const Plan = Type.Object({
  ...planFields,
  items: Type.Array(PlanItemOut),
  comparison: Nullable(
    Type.Object({
      previousPlanId: Uuid,
      previousStartYear: Type.Integer(),
      added: Type.Array(Type.String()),
      removed: Type.Array(Type.Object({ title: Type.String(), progress: Type.String() })),
      reprioritised: Type.Array(Type.Object({ title: Type.String(), from: Type.Integer(), to: Type.Integer() })),
    }),
  ),
});

export const CommentBody = Type.Object(
  { indicatorId: Uuid, period: Type.String({ minLength: 4, maxLength: 10 }), text: Text(5000) },
  { additionalProperties: false },
);
export const Comment = Type.Object({
  groupId: Uuid,
  indicatorId: Uuid,
  period: Type.String(),
  text: Type.String(),
  author: Type.String(),
  updatedAt: Type.String(),
});

export const Pdsa = Type.Object({
  id: Uuid,
  indicatorId: Uuid,
  regionCode: Type.String(),
  groupId: Nullable(Uuid),
  title: Type.String(),
  phase: lit(PDSA_PHASES),
  plan: Nullable(Type.String()),
  do: Nullable(Type.String()),
  study: Nullable(Type.String()),
  act: Nullable(Type.String()),
  startedOn: Nullable(Type.String()),
  version: Type.Integer(),
});
export const CreatePdsaBody = Type.Object(
  {
    indicatorId: Uuid,
    regionCode: Type.String({ pattern: '^[0-9]{2}$' }),
    groupId: Type.Optional(Nullable(Uuid)),
    title: Text(300),
    plan: Type.Optional(Nullable(Type.String({ maxLength: 10000 }))),
    startedOn: Type.Optional(Nullable(IsoDate)),
  },
  { additionalProperties: false },
);
export const UpdatePdsaBody = Type.Object(
  {
    title: Type.Optional(Text(300)),
    phase: Type.Optional(lit(PDSA_PHASES)),
    plan: Type.Optional(Nullable(Type.String({ maxLength: 10000 }))),
    do: Type.Optional(Nullable(Type.String({ maxLength: 10000 }))),
    study: Type.Optional(Nullable(Type.String({ maxLength: 10000 }))),
    act: Type.Optional(Nullable(Type.String({ maxLength: 10000 }))),
    version: Type.Optional(Type.Integer({ minimum: 1 })),
  },
  { additionalProperties: false },
);

export const FileQuery = (formats: readonly string[]) =>
  Type.Object({ format: Type.Optional(lit(formats as readonly [string, ...string[]])) }, { additionalProperties: false });
