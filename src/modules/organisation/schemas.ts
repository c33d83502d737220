import { Type } from 'typebox';
import { IsoDate, PageQuery, Uuid } from '../../platform/http/schemas.js';
import { groupLifecycle } from './rules/group-lifecycle.js';
import { GROUP_KINDS, LEVELS } from './rules/structure.js';

const Slug = Type.String({ pattern: '^[a-z0-9-]{1,80}$' });
export const GroupKind = Type.Union(GROUP_KINDS.map((k) => Type.Literal(k)));
export const GroupLevel = Type.Union(LEVELS.map((k) => Type.Literal(k)));
export const Owner = Type.String({
  pattern: '^(national|[a-z-]{1,40}|[0-9]{2})$',
  description: 'national, ett sjukvårdsregions-id eller en länskod',
});
const ParentRelation = Type.Union(['reports-to', 'prepares-for', 'appointed-by', 'part-of'].map((k) => Type.Literal(k)));
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);
const Status = Type.Union(['active', 'closed', 'merged'].map((k) => Type.Literal(k)));

const GroupSummary = Type.Object({
  id: Uuid,
  kind: Type.String(),
  level: Type.String(),
  owner: Type.String(),
  name: Type.String(),
  programAreaIds: Type.Array(Type.String()),
  status: Type.String(),
  parentRelation: Nullable(Type.String()),
});

export const Group = Type.Object(
  {
    id: Uuid,
    kind: Type.String(),
    level: Type.String(),
    owner: Type.String(),
    name: Type.String(),
    shortName: Nullable(Type.String()),
    programAreaIds: Type.Array(Type.String()),
    mirrorsGroupId: Nullable(Uuid),
    parentGroupId: Nullable(Uuid),
    parentRelation: Nullable(Type.String()),
    isSubGroup: Type.Boolean(),
    status: Type.String(),
    mergedIntoGroupId: Nullable(Uuid),
    contactEmail: Nullable(Type.String()),
    hostDescription: Nullable(Type.String()),
    startDate: Nullable(IsoDate),
    endDate: Nullable(IsoDate),
    closedReason: Nullable(Type.String()),
    version: Type.Integer(),
    factStatus: Nullable(Type.String()),
    factBasis: Nullable(Type.String()),
    sources: Type.Array(Type.Ref('Source')),
    sourceQuote: Nullable(Type.String()),
    noCounterpartReason: Nullable(
      Type.String({ description: 'Källans ord om att gruppen saknar motsvarighet på nivån ovanför (ingen lucka i speglingen)' }),
    ),
    setupParagraphId: Nullable(Uuid),
    setupElsewhere: Nullable(Type.String()),
    hostConsultation: Nullable(Type.String()),
    isDemo: Type.Boolean(),
    historical: Type.Boolean({
      description: 'Gruppen finns bara i äldre källor (kan ha upphört eller bytt namn); den är inte en av dagens grupper',
    }),
    isReference: Type.Boolean(),
    permissions: Type.Object({ edit: Type.Boolean() }),
    allowedActions: Type.Array(Type.Union(groupLifecycle.actionNames.map((a) => Type.Literal(a))), {
      description: 'Livscykelåtgärder (close, merge) som den inloggade får göra nu',
    }),
  },
  { $id: 'Group' },
);

export const Mandate = Type.Object({
  revision: Type.Integer(),
  text: Type.String(),
  changedBy: Nullable(Uuid),
  changedByLabel: Type.String(),
  changedAt: Type.String({ format: 'date-time' }),
});

export const Agreement = Type.Object({
  id: Uuid,
  owner: Type.String(),
  name: Type.String(),
  decidedBy: Nullable(GroupSummary),
  decidedOn: IsoDate,
  validUntil: IsoDate,
  state: Type.Union([Type.Literal('valid'), Type.Literal('ending-soon'), Type.Literal('ended')], {
    description: 'ending-soon inom påminnelsefönstret (NAVET_REMINDER_DAYS) före sista giltighetsdagen',
  }),
  daysLeft: Type.Integer({ description: 'Dagar kvar till sista giltighetsdagen; negativt när den har passerat' }),
  programAreaIds: Type.Array(Type.String()),
  groups: Type.Array(GroupSummary, { description: 'Grupper som överenskommelsen omfattar (t.ex. nationella samverkansgrupper)' }),
  sourceId: Nullable(Type.String()),
  quote: Nullable(Type.String()),
});

export const GroupDetail = Type.Object({
  group: Type.Ref('Group'),
  mandate: Nullable(Mandate),
  mirroredProgramAreaIds: Type.Array(Type.String(), {
    description:
      'De nationella programområden gruppen speglar: de den delar med gruppen den har en speglingslänk till (samma definition som speglingsmatrisen)',
  }),
  agreements: Type.Array(Agreement, { description: 'Tidsbegränsade överenskommelser som gruppen har beslutat' }),
  mirrors: Nullable(GroupSummary),
  mirroredBy: Type.Array(GroupSummary),
  parent: Nullable(GroupSummary),
  children: Type.Array(GroupSummary),
  mergedInto: Nullable(GroupSummary),
});

export const GroupQuery = Type.Object(
  {
    ...PageQuery,
    level: Type.Optional(GroupLevel),
    kind: Type.Optional(GroupKind),
    owner: Type.Optional(Owner),
    programArea: Type.Optional(Slug),
    status: Type.Optional(Status),
    q: Type.Optional(Type.String({ minLength: 1, maxLength: 100, description: 'Sök i namn, kortnamn och programområde' })),
  },
  { additionalProperties: false },
);

const Name = Type.String({ minLength: 1, maxLength: 300 });
const editable = {
  shortName: Type.Optional(Nullable(Type.String({ minLength: 1, maxLength: 100 }))),
  programAreaIds: Type.Optional(Type.Array(Slug, { maxItems: 30, uniqueItems: true })),
  mirrorsGroupId: Type.Optional(Nullable(Uuid)),
  parentGroupId: Type.Optional(Nullable(Uuid)),
  parentRelation: Type.Optional(Nullable(ParentRelation)),
  isSubGroup: Type.Optional(Type.Boolean()),
  contactEmail: Type.Optional(Nullable(Type.String({ format: 'email', maxLength: 254 }))),
  hostDescription: Type.Optional(Nullable(Type.String({ maxLength: 500 }))),
  startDate: Type.Optional(Nullable(IsoDate)),
};

export const CreateGroupBody = Type.Object(
  {
    kind: GroupKind,
    level: GroupLevel,
    owner: Owner,
    name: Name,
    ...editable,
    mandate: Type.Optional(Type.String({ maxLength: 100000 })),
    setupParagraphId: Type.Optional(
      Nullable(
        Type.String({
          format: 'uuid',
          description: 'Beslutet som inrättade gruppen: en § i ett justerat protokoll (från GET /decisions)',
        }),
      ),
    ),
    setupElsewhere: Type.Optional(
      Nullable(
        Type.String({
          minLength: 1,
          maxLength: 300,
          description: 'Ett beslut fattat utanför Navet (organ och referens), i stället för en §',
        }),
      ),
    ),
    hostConsultation: Type.Optional(
      Nullable(Type.String({ minLength: 1, maxLength: 500, description: 'Samrådet med värdskapet: med vem och när (seed 000)' })),
    ),
  },
  { additionalProperties: false },
);

export const UpdateGroupBody = Type.Object(
  { name: Type.Optional(Name), ...editable, version: Type.Optional(Type.Integer({ minimum: 1 })) },
  { additionalProperties: false, minProperties: 1 },
);

export const CloseGroupBody = Type.Object(
  {
    endDate: IsoDate,
    reason: Type.Optional(Type.String({ maxLength: 1000 })),
    version: Type.Optional(Type.Integer({ minimum: 1 })),
  },
  { additionalProperties: false },
);

export const MergeGroupBody = Type.Object(
  { intoGroupId: Uuid, endDate: IsoDate, version: Type.Optional(Type.Integer({ minimum: 1 })) },
  { additionalProperties: false },
);

export const MandateBody = Type.Object(
  {
    text: Type.String({ maxLength: 100000 }),
    basedOnRevision: Type.Integer({ minimum: 0, description: 'Revisionen du utgick från (0 om ingen finns)' }),
  },
  { additionalProperties: false },
);

export const GapsQuery = Type.Object({ owner: Owner }, { additionalProperties: false });
export const Gaps = Type.Object({
  owner: Type.String(),
  missing: Type.Array(Type.Object({ programAreaId: Type.String(), name: Type.String() })),
  unlinked: Type.Array(Type.Object({ programAreaId: Type.String(), name: Type.String(), groupIds: Type.Array(Uuid) }), {
    description:
      'Programområden som en grupp täcker men som den inte speglar: ingen speglingslänk till en grupp ovanför för området',
  }),
  covered: Type.Array(Type.Object({ programAreaId: Type.String(), name: Type.String(), groupId: Uuid })),
  collaborationGroups: Type.Array(
    Type.Object({
      groupId: Uuid,
      name: Type.String(),
      state: Type.Union([Type.Literal('mirrored'), Type.Literal('no-counterpart'), Type.Literal('unlinked')]),
      mirrors: Nullable(GroupSummary),
      noCounterpartReason: Nullable(Type.String()),
    }),
    { description: 'Samverkansgrupperna och deras motsvarighet på nivån ovanför (RSG → NSG)' },
  ),
  processTeams: Type.Array(
    Type.Object({
      groupId: Uuid,
      name: Type.String(),
      missing: Type.Union([Type.Literal('regional-process-team'), Type.Literal('local-process-team')]),
    }),
    { description: 'Luckor i processteamen där ägarens regel kräver dem (Västra, seed 003)' },
  ),
  expectedCounts: Type.Array(
    Type.Object({ rule: Type.String(), expected: Type.Integer(), recorded: Type.Integer(), sourceId: Nullable(Type.String()) }),
    { description: 'Antal programområdesgrupper som källan säger att ägaren har, och hur många som är registrerade' },
  ),
  agreements: Type.Array(Agreement),
});

export const MatrixQuery = Type.Object(
  { healthcareRegion: Type.Optional(Type.String({ pattern: '^[a-z-]{1,40}$' })) },
  { additionalProperties: false },
);
export const Matrix = Type.Object({
  columns: Type.Array(Type.Object({ owner: Type.String(), name: Type.String() })),
  rows: Type.Array(
    Type.Object({
      programAreaId: Type.String(),
      name: Type.String(),
      cells: Type.Array(Type.Object({ owner: Type.String(), state: Type.String(), groupIds: Type.Array(Uuid) })),
    }),
  ),
});

export const CoverageBody = Type.Object(
  { owner: Owner, programAreaId: Slug, groupId: Nullable(Uuid), note: Type.Optional(Type.String({ maxLength: 500 })) },
  { additionalProperties: false },
);

export const Hosting = Type.Object({
  national: Type.Array(
    Type.Object({
      programAreaId: Type.String(),
      name: Type.String(),
      hostHealthcareRegionId: Nullable(Type.String()),
      hostOther: Nullable(Type.String()),
      hostStatus: Type.String(),
    }),
  ),
  local: Type.Array(Type.Object({ owner: Type.String(), hostDescription: Type.String(), groups: Type.Array(GroupSummary) })),
});
