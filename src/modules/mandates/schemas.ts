import { Type } from 'typebox';
import { IsoDate, PageQuery, Uuid } from '../../platform/http/schemas.js';
import { GROUP_KINDS, GROUP_LEVELS, MEMBERSHIP_ROLES } from '../../shared/vocabularies.js';
import { GAP_KINDS } from './rules/gap-kinds.js';
import { RULE_TYPES } from './rules/rule-types.js';
export { RULE_TYPES };
import { nominationLifecycle } from './rules/nomination.js';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);
const Role = Type.Union(MEMBERSHIP_ROLES.map((r) => Type.Literal(r)));
const RegionRef = Type.String({
  pattern: '^([0-9]{2}|[a-z-]{2,40})$',
  description: 'Länskod (07) eller sjukvårdsregion (sodra)',
});

export const NOMINATING_ORG_TYPES = [
  'line-organisation',
  'region',
  'healthcare-region',
  'municipality',
  'professional-association',
  'patient-organisation',
  'other',
] as const;
export const NOMINATION_STATUSES = ['open', 'approved', 'refused', 'withdrawn'] as const;

export const NominationBody = Type.Object(
  {
    personId: Uuid,
    nominatingOrganisation: Type.String({
      minLength: 1,
      maxLength: 200,
      description: 'T.ex. Region Kronoberg, Svensk sjuksköterskeförening',
    }),
    nominatingOrganisationType: Type.Union(NOMINATING_ORG_TYPES.map((t) => Type.Literal(t))),
    nominatedBy: Type.String({ minLength: 1, maxLength: 200, description: 'Vem som nominerar (namn och funktion)' }),
    motivation: Type.Optional(Type.String({ maxLength: 4000 })),
    role: Role,
    startDate: IsoDate,
    endDate: Type.Optional(Nullable(IsoDate)),
    represents: Type.Optional(RegionRef),
  },
  { additionalProperties: false },
);

export const Nomination = Type.Object(
  {
    id: Uuid,
    groupId: Uuid,
    groupName: Type.String(),
    personId: Uuid,
    personName: Type.String(),
    nominatingOrganisation: Type.String(),
    nominatingOrganisationType: Type.String(),
    nominatedBy: Type.String(),
    motivation: Nullable(Type.String()),
    role: Type.String(),
    startDate: IsoDate,
    endDate: Nullable(IsoDate),
    represents: Nullable(Type.String()),
    status: Type.Union(NOMINATION_STATUSES.map((s) => Type.Literal(s))),
    decisionDate: Nullable(IsoDate),
    decisionReference: Nullable(Type.String()),
    decisionReason: Nullable(Type.String()),
    membershipId: Nullable(Uuid),
    appointingGroup: Nullable(
      Type.Object(
        { groupId: Uuid, groupName: Type.String() },
        { description: 'Gruppen som utser till rollen (seed 001: kunskapsrådet utser ordförande i ingående RMPO)' },
      ),
    ),
    version: Type.Integer(),
    createdAt: Type.String({ format: 'date-time' }),
    allowedActions: Type.Array(Type.Union(nominationLifecycle.actionNames.map((a) => Type.Literal(a))), {
      description: 'Åtgärder (approve, refuse, withdraw) som den inloggade får göra nu',
    }),
  },
  { $id: 'Nomination' },
);

export const NominationListQuery = Type.Object(
  {
    ...PageQuery,
    groupId: Type.Optional(Uuid),
    organisation: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: 'Nominerande organisation' })),
    status: Type.Optional(Type.Union(NOMINATION_STATUSES.map((s) => Type.Literal(s)))),
  },
  { additionalProperties: false },
);

export const DecideBody = Type.Object(
  {
    decision: Type.Union([Type.Literal('approved'), Type.Literal('refused')]),
    decisionDate: IsoDate,
    reference: Type.String({ maxLength: 200, description: 'Diarienummer eller paragraf i protokollet' }),
    reason: Type.Optional(Type.String({ maxLength: 2000, description: 'Skäl (krävs vid avslag)' })),
    overrideReason: Type.Optional(Type.String({ minLength: 1, maxLength: 1000 })),
    version: Type.Optional(Type.Integer({ minimum: 1 })),
  },
  { additionalProperties: false },
);

export const WithdrawBody = Type.Object(
  { reason: Type.Optional(Type.String({ maxLength: 2000 })), version: Type.Optional(Type.Integer({ minimum: 1 })) },
  { additionalProperties: false },
);

/** Every kind of group (the shared vocabulary, which the web build may import). */
const GroupKind = Type.Union(GROUP_KINDS.map((k) => Type.Literal(k)));
const Level = Type.Union(GROUP_LEVELS.map((k) => Type.Literal(k)));

const ruleFields = {
  groupKind: Type.Optional(Nullable(GroupKind)),
  groupLevel: Type.Optional(Nullable(Level)),
  groupOwner: Type.Optional(Nullable(RegionRef)),
  groupKey: Type.Optional(
    Nullable(Type.String({ minLength: 1, maxLength: 200, description: 'En enskild grupps referensnyckel' })),
  ),
  programAreaIds: Type.Optional(
    Type.Array(Type.String({ pattern: '^[a-z0-9-]{1,80}$' }), {
      maxItems: 30,
      uniqueItems: true,
      description: 'Regeln gäller grupper som täcker något av dessa programområden (tom: alla)',
    }),
  ),
  ruleType: Type.Union(RULE_TYPES.map((t) => Type.Literal(t))),
  roles: Type.Optional(Type.Array(Role, { maxItems: 16, uniqueItems: true })),
  minCount: Type.Optional(Nullable(Type.Integer({ minimum: 0, maximum: 100 }))),
  maxCount: Type.Optional(Nullable(Type.Integer({ minimum: 0, maximum: 100 }))),
  regionCounts: Type.Optional(
    Type.Record(Type.String({ pattern: '^([0-9]{2}|[a-z-]{2,40})$' }), Type.Integer({ minimum: 0, maximum: 100 })),
  ),
  years: Type.Optional(Nullable(Type.Integer({ minimum: 1, maximum: 20 }))),
  regionOrder: Type.Optional(Type.Array(RegionRef, { maxItems: 30 })),
  anchorDate: Type.Optional(Nullable(IsoDate)),
  relatedGroupKey: Type.Optional(
    Nullable(Type.String({ minLength: 1, maxLength: 200, description: 'group-representative: gruppens referensnyckel' })),
  ),
  followsRuleId: Type.Optional(Nullable(Uuid)),
  description: Type.String({ minLength: 1, maxLength: 1000 }),
  sourceId: Type.Optional(Nullable(Type.String({ maxLength: 100 }))),
};
export const RuleBody = Type.Object(ruleFields, { additionalProperties: false });
export const RulePatchBody = Type.Object(
  { ...ruleFields, version: Type.Optional(Type.Integer({ minimum: 1 })) },
  { additionalProperties: false },
);

export const Rule = Type.Object(
  {
    id: Uuid,
    groupKind: Nullable(Type.String()),
    groupLevel: Nullable(Type.String()),
    groupOwner: Nullable(Type.String()),
    groupKey: Nullable(Type.String()),
    programAreaIds: Type.Array(Type.String()),
    ruleType: Type.String(),
    roles: Type.Array(Type.String()),
    minCount: Nullable(Type.Integer()),
    maxCount: Nullable(Type.Integer()),
    regionCounts: Type.Record(Type.String(), Type.Integer()),
    years: Nullable(Type.Integer()),
    regionOrder: Type.Array(Type.String()),
    anchorDate: Nullable(IsoDate),
    relatedGroupKey: Nullable(Type.String()),
    followsRuleId: Nullable(Uuid),
    description: Type.String(),
    sourceId: Nullable(Type.String()),
    version: Type.Integer(),
  },
  { $id: 'CompositionRule' },
);

export const RotationOrderBody = Type.Object(
  {
    regionOrder: Type.Array(Type.String({ pattern: '^[0-9]{2}$' }), {
      minItems: 2,
      maxItems: 30,
      description: 'Regionernas länskoder i den ordning de har ordförandeskapet',
    }),
    anchorDate: IsoDate,
    version: Type.Optional(Type.Integer({ minimum: 1 })),
  },
  { additionalProperties: false },
);

const GapSchema = Type.Object({
  ruleId: Uuid,
  kind: Type.Unsafe<(typeof GAP_KINDS)[number]>(Type.Union(GAP_KINDS.map((k) => Type.Literal(k)))),
  roles: Type.Array(Type.String()),
  region: Nullable(Type.String()),
  regionName: Nullable(Type.String()),
  min: Nullable(Type.Integer()),
  max: Nullable(Type.Integer()),
  actual: Type.Integer(),
  message: Type.String(),
});

export const Composition = Type.Object({
  groupId: Uuid,
  groupName: Type.String(),
  date: IsoDate,
  ok: Type.Boolean(),
  memberCount: Type.Integer(),
  rules: Type.Array(Type.Ref('CompositionRule')),
  gaps: Type.Array(GapSchema),
});

export const CompositionQuery = Type.Object({ date: Type.Optional(IsoDate) }, { additionalProperties: false });

export const GapsQuery = Type.Object(
  {
    owner: Type.Optional(RegionRef),
    date: Type.Optional(IsoDate),
    staffedOnly: Type.Optional(Type.Boolean({ description: 'Bara grupper med minst ett registrerat uppdrag' })),
  },
  { additionalProperties: false },
);

export const GapsOverview = Type.Object({
  date: IsoDate,
  groupCount: Type.Integer({ description: 'Grupper som har regler och kontrollerades' }),
  items: Type.Array(
    Type.Object({
      groupId: Uuid,
      groupName: Type.String(),
      kind: Type.String(),
      level: Type.String(),
      owner: Type.String(),
      memberCount: Type.Integer(),
      gaps: Type.Array(GapSchema),
    }),
  ),
});

export const RotationQuery = Type.Object(
  { from: Type.Optional(IsoDate), to: Type.Optional(IsoDate) },
  { additionalProperties: false },
);

export const Rotation = Type.Object({
  groupId: Uuid,
  schedules: Type.Array(
    Type.Object({
      ruleId: Uuid,
      roles: Type.Array(Type.String()),
      years: Type.Integer(),
      description: Type.String(),
      ordered: Type.Boolean({ description: 'Om ordningen och den första perioden är fastställda' }),
      orderRuleId: Uuid,
      orderRuleVersion: Type.Integer(),
      regionOrder: Type.Array(Type.String()),
      anchorDate: Nullable(IsoDate),
      regionsToOrder: Type.Array(Type.Object({ code: Type.String(), name: Type.String() })),
      mayEdit: Type.Boolean({
        description: 'Om den inloggade får ange ordningen (PUT /composition-rules/{orderRuleId}/rotation-order)',
      }),
      periods: Type.Array(
        Type.Object({
          startDate: IsoDate,
          endDate: IsoDate,
          region: Type.String(),
          regionName: Type.String(),
          current: Type.Boolean(),
          holders: Type.Array(
            Type.Object({ role: Type.String(), personName: Type.String(), represents: Nullable(Type.String()) }),
          ),
        }),
      ),
    }),
  ),
});

export const RegisterQuery = Type.Object(
  {
    ...PageQuery,
    groupId: Type.Optional(Uuid),
    owner: Type.Optional(RegionRef),
    q: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
  },
  { additionalProperties: false },
);

export const RegisterEntry = Type.Object(
  {
    name: Type.String(),
    role: Type.String(),
    groupId: Uuid,
    groupName: Type.String(),
    employer: Nullable(Type.String()),
    startDate: IsoDate,
    endDate: Nullable(IsoDate),
  },
  { additionalProperties: false },
);

const Representative = Type.Object({
  personId: Uuid,
  personName: Type.String(),
  roleBelow: Type.String(),
  roleAbove: Type.String(),
  represents: Nullable(Type.String()),
});
const LinkedGroup = {
  groupId: Uuid,
  groupName: Type.String(),
  level: Type.String(),
  owner: Type.String(),
  ownerName: Type.String(),
  people: Type.Array(Representative),
};

export const Representation = Type.Object({
  groupId: Uuid,
  date: IsoDate,
  up: Nullable(Type.Object(LinkedGroup, { description: 'Gruppen den speglar, och vilka av gruppens ledamöter som sitter där' })),
  down: Type.Array(Type.Object(LinkedGroup), {
    description: 'Grupperna som speglar denna, och vilka av deras ledamöter som sitter här',
  }),
});

export const RepresentationQuery = Type.Object({ date: Type.Optional(IsoDate) }, { additionalProperties: false });

export const RepresentedBody = Type.Object({ id: Type.String(), name: Type.String() }, { additionalProperties: false });
