/** Route schemas of goals, indicators, values and imports, comments and the heatmap. */
import { Type } from 'typebox';
import { IsoDate, Uuid } from '../../platform/http/schemas.js';
import { lit, Nullable, Status, Text } from '../implementation/index.js';

export { FileQuery } from '../implementation/index.js';
export { CreateGoalBody, UpdateGoalBody } from './goal-schemas.js';
export { CreateIndicatorBody, Direction, IndicatorOwner, Periodicity, Source, UpdateIndicatorBody } from './indicator-schemas.js';
import { Direction, Periodicity, Source } from './indicator-schemas.js';

export const tags = ['Uppföljning'];
export const IdParams = Type.Object({ id: Uuid });

export const Gender = lit(['T', 'K', 'M'] as const);
export const Period = Type.String({
  pattern: '^[0-9]{4}(-[0-9]{2}|-Q[1-4]|-H[12])?$',
  description: 'ÅÅÅÅ-MM, ÅÅÅÅ-Q1…Q4, ÅÅÅÅ-H1/H2 eller ÅÅÅÅ',
});

export const Indicator = Type.Object(
  {
    id: Uuid,
    code: Type.String(),
    owner: Type.String({
      description:
        "Ägaren: national, en sjukvårdsregions id, en regionkod (länskod) eller en kommunkod; 'national' för Koladas och kvalitetsindikatorernas",
    }),
    goalId: Nullable(Uuid),
    name: Type.String(),
    definition: Type.String(),
    unit: Type.String(),
    direction: Direction,
    periodicity: Periodicity,
    source: Source,
    sourceName: Nullable(Type.String()),
    sourceRef: Nullable(Type.String({ description: 'Indikatorns id i källan (Koladas KPI-id)' })),
    targetValue: Nullable(Type.Number()),
    alertValue: Nullable(Type.Number()),
    programAreaId: Nullable(Type.String()),
    version: Type.Integer(),
  },
  { $id: 'Indicator' },
);

export const IndicatorDetail = Type.Object({
  ...Indicator.properties,
  allowedActions: Type.Array(lit(['edit', 'set-targets'] as const), {
    description: 'edit: ändra definitionen; set-targets: ändra mål- och larmnivå och målkoppling',
  }),
});

export const GoalNode = Type.Object(
  {
    id: Uuid,
    parentId: Nullable(Uuid),
    kind: lit(['promise', 'goal'] as const),
    owner: Type.String(),
    groupId: Nullable(Uuid),
    groupName: Nullable(Type.String()),
    title: Type.String(),
    description: Nullable(Type.String()),
    sourceQuote: Nullable(Type.String()),
    version: Type.Integer(),
    children: Type.Array(Type.Ref('GoalNode')),
    indicators: Type.Array(Type.Object({ id: Uuid, code: Type.String(), name: Type.String() })),
  },
  { $id: 'GoalNode' },
);
export const Goal = Type.Object({
  id: Uuid,
  parentId: Nullable(Uuid),
  kind: Type.String(),
  owner: Type.String(),
  groupId: Type.Union([Uuid, Type.Null()], { description: 'The program area (RMPO, LPO) that owns the goal, when one does' }),
  groupName: Nullable(Type.String()),
  title: Type.String(),
  description: Nullable(Type.String()),
  sourceQuote: Nullable(Type.String()),
  version: Type.Integer(),
});
export const SeriesQuery = Type.Object(
  {
    regions: Type.Optional(
      Type.String({
        pattern: '^([0-9]{2}|[a-z][a-z-]{1,39})(,([0-9]{2}|[a-z][a-z-]{1,39}))*$',
        description: 'Regionkoder och sjukvårdsregioners id (sydostra), kommaseparerade; alla regioner när det saknas',
      }),
    ),
    from: Type.Optional(Period),
    to: Type.Optional(Period),
    subArea: Type.Optional(Type.String({ maxLength: 100 })),
    gender: Type.Optional(Gender),
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
      level: lit(['country', 'healthcare-region', 'region', 'unit'] as const),
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

/** An HSA-id (rules/hsa-id.ts): SE, the catalogue owner's organisationsnummer in ten digits, a hyphen, letters and digits; at most 31 characters. */
const HSA = 'SE[0-9]{10}-[A-Za-z0-9]{1,18}';
export const UnitsQuery = Type.Object(
  { region: Type.Optional(Type.String({ pattern: '^[0-9]{2}$', description: 'Regionkod (länskod)' })) },
  { additionalProperties: false },
);
export const Units = Type.Object({
  items: Type.Array(Type.Object({ hsaId: Type.String(), name: Type.String(), region: Type.String(), regionName: Type.String() })),
});
export const UnitSeriesQuery = Type.Object(
  {
    units: Type.String({
      pattern: `^${HSA}(,${HSA}){0,9}$`,
      description: 'Enheternas HSA-id, kommaseparerade (högst tio), t.ex. SE2321000081-E000000000123',
    }),
    from: Type.Optional(Period),
    to: Type.Optional(Period),
    gender: Type.Optional(Gender),
  },
  { additionalProperties: false },
);

export const ImportBody = Type.Object(
  {
    fileName: Text(255),
    format: lit(['csv', 'xlsx'] as const),
    contentBase64: Type.String({ minLength: 1, maxLength: 1_400_000 }),
    mapping: Type.Object(
      {
        area: Text(100),
        period: Type.Optional(Text(100)),
        value: Type.Optional(Text(100)),
        subArea: Type.Optional(Text(100)),
        gender: Type.Optional(Text(100)),
        numerator: Type.Optional(Text(100)),
        denominator: Type.Optional(Text(100)),
        layout: Type.Optional(
          Type.Enum(['long', 'wide'], {
            description: 'long: en period- och en värdekolumn; wide: en kolumn per period (rubriken är perioden)',
          }),
        ),
      },
      { additionalProperties: false },
    ),
    mode: Type.Optional(lit(['all-or-nothing', 'valid-only'] as const)),
    dryRun: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
/** The column mapping and options of a file sent as the body, in the query string. */
export const UploadQuery = Type.Object(
  {
    fileName: Text(255),
    area: Text(100),
    period: Type.Optional(Text(100)),
    value: Type.Optional(Text(100)),
    subArea: Type.Optional(Text(100)),
    gender: Type.Optional(Text(100)),
    numerator: Type.Optional(Text(100)),
    denominator: Type.Optional(Text(100)),
    layout: Type.Optional(Type.Enum(['long', 'wide'])),
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
    status: lit(['receiving', 'rejected', 'queued', 'running', 'done', 'failed', 'cancelled'] as const),
    mode: lit(['all-or-nothing', 'valid-only'] as const),
    totalRows: Type.Integer(),
    validRows: Type.Integer(),
    processedRows: Type.Integer(),
    importedRows: Type.Integer(),
    periods: Type.Array(Type.String()),
    problems: Type.Array(RowProblem),
    error: Nullable(Type.String()),
    createdAt: Type.String(),
    finishedAt: Nullable(Type.String()),
    phase: Nullable(
      Type.Enum(['reading', 'writing'], {
        description: 'reading: filen läses och kontrolleras (processedRows = lästa rader); writing: perioderna skrivs',
      }),
    ),
    dryRun: Type.Boolean({ description: 'Bara kontroll: inget skrivs' }),
    sizeBytes: Nullable(Type.Integer({ description: 'Den uppladdade filens storlek (en fil som skickats som kropp)' })),
    bytesRead: Type.Integer({ description: 'Hur långt i filen inläsningen har kommit' }),
    problemCount: Type.Integer({ description: 'Rader med fel hittills (alla, även de som inte står i problems)' }),
    cancelRequested: Type.Boolean({ description: 'Någon har avbrutit inläsningen; den stannar vid nästa sats' }),
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
  preview: Type.Array(
    Type.Object({ area: Type.String(), subArea: Type.String(), gender: Gender, period: Type.String(), value: Type.Number() }),
  ),
});

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
      abbreviation: Type.String({ description: 'At most five letters, for compact column headers (Sthlm, Jkpg, VGR …)' }),
      healthcareRegionIds: Type.Array(Type.String()),
    }),
  ),
  supports: Type.Array(
    Type.Object({
      id: Uuid,
      title: Type.String(),
      type: Type.String(),
      programAreaIds: Type.Array(Type.String()),
      statuses: Type.Array(Nullable(Status)),
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
      regionStatus: Nullable(Status),
      groupStatuses: Type.Array(Nullable(Status)),
    }),
  ),
  total: Type.Integer(),
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
