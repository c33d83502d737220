import { Type } from 'typebox';
import { IsoDate, PageQuery, UpdatedSince, Uuid } from '../../platform/http/schemas.js';
import { lit, Nullable, Url, VersionField } from './schema-parts.js';
import { LIFECYCLE_ACTIONS, LIFECYCLE_STATES } from './rules/lifecycle.js';
import {
  CONSEQUENCE_DIMENSIONS,
  LOCAL_ADDITION_KINDS,
  LOCAL_ADDITION_STATUSES,
  PRODUCER_KINDS,
  RECOMMENDATION_GRADES,
  SIGNIFICANCES,
  SUPPORT_TYPES,
} from './rules/vocabulary.js';
import { LOCAL_ADDITION_ACTIONS } from './rules/local-addition-lifecycle.js';

const Slug = Type.String({ pattern: '^[a-z0-9-]{1,80}$' });

export const SupportType = lit(SUPPORT_TYPES);
export const LifecycleState = lit(LIFECYCLE_STATES);
export const ProducerKind = lit(PRODUCER_KINDS);
export const LifecycleAction = lit(LIFECYCLE_ACTIONS);
const SupportAction = lit([...LIFECYCLE_ACTIONS, 'edit', 'createVersion']);
const VersionAction = lit([...LIFECYCLE_ACTIONS, 'editConsequences', 'createRound']);

export const Consequence = Type.Object({
  dimension: Type.String(),
  significance: Type.String(),
  text: Nullable(Type.String()),
  described: Type.Boolean(),
});

export const ConsequenceInput = Type.Object(
  {
    dimension: lit(CONSEQUENCE_DIMENSIONS),
    significance: lit(SIGNIFICANCES),
    text: Type.Optional(Nullable(Type.String({ maxLength: 10000 }))),
  },
  { additionalProperties: false },
);

export const KnowledgeSupport = Type.Object(
  {
    id: Uuid,
    type: Type.String(),
    typeLabel: Type.String(),
    title: Type.String(),
    status: Type.String(),
    statusLabel: Type.String(),
    allowedTransitions: Type.Array(Type.String(), { description: 'Statusar kunskapsstödet kan flytta till nu' }),
    allowedActions: Type.Array(SupportAction, {
      description: 'Det du kan göra med kunskapsstödet nu: livscykelns handlingar (action i /transition), edit och createVersion',
    }),
    owner: Type.String({
      description: "Ägaren: 'national' (den nationella katalogen), en regions länskod eller en sjukvårdsregions id",
    }),
    catalogueId: Nullable(Type.String({ description: 'Identifieraren i den nationella katalogfilen stödet lästes in från' })),
    producerKind: Type.String(),
    producerGroupId: Nullable(Uuid),
    producerGroupName: Nullable(Type.String()),
    producerName: Nullable(Type.String()),
    sender: Nullable(Type.String()),
    url: Nullable(Type.String()),
    summary: Nullable(Type.String()),
    targetGroups: Type.Array(Type.String()),
    programAreaIds: Type.Array(Type.String()),
    nextRevisionDate: Nullable(IsoDate),
    validFrom: Nullable(IsoDate),
    validUntil: Nullable(IsoDate),
    replacedBySupportId: Nullable(Uuid),
    statusReason: Nullable(Type.String()),
    isDemo: Type.Boolean(),
    version: Type.Integer(),
    createdAt: Type.String({ format: 'date-time' }),
    updatedAt: Type.String({ format: 'date-time' }),
  },
  { $id: 'KnowledgeSupport' },
);

export const SupportVersion = Type.Object(
  {
    id: Uuid,
    supportId: Uuid,
    label: Type.String(),
    status: Type.String(),
    statusLabel: Type.String(),
    allowedTransitions: Type.Array(Type.String(), { description: 'Statusar versionen kan flytta till nu' }),
    allowedActions: Type.Array(VersionAction, {
      description: 'Det du kan göra med versionen nu: livscykelns handlingar, editConsequences och createRound',
    }),
    changeSummary: Nullable(Type.String()),
    url: Nullable(Type.String()),
    decidedOn: Nullable(IsoDate),
    publishedOn: Nullable(IsoDate),
    validFrom: Nullable(IsoDate),
    validUntil: Nullable(IsoDate),
    consequences: Type.Array(Consequence),
    proposedTrack: Type.String(),
    proposedTrackBecause: Type.Array(Type.String()),
    version: Type.Integer(),
    createdAt: Type.String({ format: 'date-time' }),
    updatedAt: Type.String({ format: 'date-time' }),
  },
  { $id: 'KnowledgeSupportVersion' },
);

export const Recommendation = Type.Object({
  id: Uuid,
  supportId: Uuid,
  code: Nullable(Type.String()),
  condition: Type.String(),
  measure: Type.String(),
  grade: Type.String(),
  priority: Nullable(Type.Integer()),
  comment: Nullable(Type.String()),
  version: Type.Integer(),
});

export const LocalAddition = Type.Object({
  id: Uuid,
  supportId: Uuid,
  kind: Type.String(),
  ownerGroupId: Uuid,
  ownerGroupName: Type.String(),
  regionCode: Type.String(),
  regionName: Type.String(),
  title: Type.String(),
  body: Nullable(Type.String()),
  url: Nullable(Type.String()),
  status: Type.String(),
  reviewDate: Nullable(IsoDate),
  isDemo: Type.Boolean(),
  mayEdit: Type.Boolean(),
  allowedActions: Type.Array(lit(LOCAL_ADDITION_ACTIONS), { description: 'publish och archive, för LPO:ns redaktörer' }),
  version: Type.Integer(),
  updatedAt: Type.String({ format: 'date-time' }),
});

export const SupportDetail = Type.Object({
  support: Type.Ref('KnowledgeSupport'),
  versions: Type.Array(Type.Ref('KnowledgeSupportVersion')),
  recommendations: Type.Array(Recommendation),
  localAdditions: Type.Array(LocalAddition),
  rounds: Type.Array(Type.Ref('ConsultationRound')),
  replacedBy: Nullable(Type.Object({ id: Uuid, title: Type.String() })),
  permissions: Type.Object({
    edit: Type.Boolean(),
    createRound: Type.Boolean(),
    localOwners: Type.Array(Type.Object({ id: Uuid, name: Type.String(), owner: Type.String() }), {
      description: 'LPO:er som användaren kan skriva regionala tillägg och lokala rutiner för',
    }),
  }),
});

export const SupportOwner = Type.Object({
  owner: Type.String({
    description: "Ägaren som i CreateSupportBody.owner: 'national', en länskod eller en sjukvårdsregions id",
  }),
  kind: lit(['national', 'healthcare-region', 'region'] as const),
  name: Type.String({ description: 'Ägarens svenska namn (Nationellt, Region Kronoberg, Sjukvårdsregion Syd …)' }),
});

export const SupportOwners = Type.Object({ items: Type.Array(SupportOwner) });

export const SupportQuery = Type.Object(
  {
    ...PageQuery,
    q: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: 'Fritext; svensk ordstamning och prefix' })),
    type: Type.Optional(SupportType),
    programArea: Type.Optional(Slug),
    status: Type.Optional(LifecycleState),
    producerKind: Type.Optional(ProducerKind),
    producerGroupId: Type.Optional(Uuid),
    updatedSince: Type.Optional(UpdatedSince),
  },
  { additionalProperties: false },
);

const supportFields = {
  type: SupportType,
  title: Type.String({ minLength: 1, maxLength: 300 }),
  producerKind: ProducerKind,
  producerGroupId: Type.Optional(Nullable(Uuid)),
  producerName: Type.Optional(Nullable(Type.String({ maxLength: 300 }))),
  sender: Type.Optional(Nullable(Type.String({ maxLength: 300 }))),
  url: Type.Optional(Nullable(Url)),
  summary: Type.Optional(Nullable(Type.String({ maxLength: 10000 }))),
  targetGroups: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 200 }), { maxItems: 20 })),
  programAreaIds: Type.Optional(Type.Array(Slug, { maxItems: 30, uniqueItems: true })),
  nextRevisionDate: Type.Optional(Nullable(IsoDate)),
  validFrom: Type.Optional(Nullable(IsoDate)),
  validUntil: Type.Optional(Nullable(IsoDate)),
};

const versionFields = {
  changeSummary: Type.Optional(Nullable(Type.String({ maxLength: 10000 }))),
  url: Type.Optional(Nullable(Url)),
  decidedOn: Type.Optional(Nullable(IsoDate)),
  publishedOn: Type.Optional(Nullable(IsoDate)),
  validFrom: Type.Optional(Nullable(IsoDate)),
  validUntil: Type.Optional(Nullable(IsoDate)),
  consequences: Type.Optional(Type.Array(ConsequenceInput, { maxItems: 6 })),
};

export const CreateSupportBody = Type.Object(
  {
    ...supportFields,
    owner: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 50,
        description:
          "'national' (standard; nationella roller) eller en regions länskod / sjukvårdsregions id för ett regionalt vårdprogram, en regional riktlinje eller rutin (regionens samordnare)",
      }),
    ),
    firstVersion: Type.Optional(
      Type.Object({ label: Type.String({ minLength: 1, maxLength: 50 }), ...versionFields }, { additionalProperties: false }),
    ),
  },
  { additionalProperties: false },
);

export const UpdateSupportBody = Type.Object(
  {
    type: Type.Optional(supportFields.type),
    title: Type.Optional(supportFields.title),
    producerKind: Type.Optional(supportFields.producerKind),
    producerGroupId: supportFields.producerGroupId,
    producerName: supportFields.producerName,
    sender: supportFields.sender,
    url: supportFields.url,
    summary: supportFields.summary,
    targetGroups: supportFields.targetGroups,
    programAreaIds: supportFields.programAreaIds,
    nextRevisionDate: supportFields.nextRevisionDate,
    validFrom: supportFields.validFrom,
    validUntil: supportFields.validUntil,
    ...VersionField,
  },
  { additionalProperties: false, minProperties: 1 },
);

export const TransitionSupportBody = Type.Object(
  {
    status: Type.Optional(lit(LIFECYCLE_STATES, { description: 'Den nya statusen (eller action)' })),
    action: Type.Optional(lit(LIFECYCLE_ACTIONS, { description: 'Livscykelns handling, ur allowedActions (eller status)' })),
    reason: Type.Optional(Nullable(Type.String({ maxLength: 2000 }))),
    replacedBySupportId: Type.Optional(Nullable(Uuid)),
    ...VersionField,
  },
  { additionalProperties: false },
);

export const CreateVersionBody = Type.Object(
  { label: Type.String({ minLength: 1, maxLength: 50 }), ...versionFields },
  { additionalProperties: false },
);

export const UpdateVersionBody = Type.Object(
  { label: Type.Optional(Type.String({ minLength: 1, maxLength: 50 })), ...versionFields, ...VersionField },
  { additionalProperties: false, minProperties: 1 },
);

export const TransitionVersionBody = Type.Object(
  {
    status: Type.Optional(LifecycleState),
    action: Type.Optional(LifecycleAction),
    date: Type.Optional(Nullable(IsoDate)),
    ...VersionField,
  },
  { additionalProperties: false },
);

const recommendationFields = {
  code: Type.Optional(Nullable(Type.String({ maxLength: 50 }))),
  condition: Type.String({ minLength: 1, maxLength: 1000 }),
  measure: Type.String({ minLength: 1, maxLength: 1000 }),
  grade: lit(RECOMMENDATION_GRADES),
  priority: Type.Optional(Nullable(Type.Integer({ minimum: 1, maximum: 10 }))),
  comment: Type.Optional(Nullable(Type.String({ maxLength: 5000 }))),
};

export const CreateRecommendationBody = Type.Object(recommendationFields, { additionalProperties: false });
export const UpdateRecommendationBody = Type.Object(
  {
    code: recommendationFields.code,
    condition: Type.Optional(recommendationFields.condition),
    measure: Type.Optional(recommendationFields.measure),
    grade: Type.Optional(recommendationFields.grade),
    priority: recommendationFields.priority,
    comment: recommendationFields.comment,
    ...VersionField,
  },
  { additionalProperties: false, minProperties: 1 },
);

const localFields = {
  kind: lit(LOCAL_ADDITION_KINDS),
  title: Type.String({ minLength: 1, maxLength: 300 }),
  body: Type.Optional(Nullable(Type.String({ maxLength: 50000 }))),
  url: Type.Optional(Nullable(Url)),
  status: Type.Optional(lit(LOCAL_ADDITION_STATUSES)),
  reviewDate: Type.Optional(Nullable(IsoDate)),
};

export const CreateLocalAdditionBody = Type.Object({ ownerGroupId: Uuid, ...localFields }, { additionalProperties: false });
export const UpdateLocalAdditionBody = Type.Object(
  {
    kind: Type.Optional(localFields.kind),
    title: Type.Optional(localFields.title),
    body: localFields.body,
    url: localFields.url,
    status: localFields.status,
    reviewDate: localFields.reviewDate,
    ...VersionField,
  },
  { additionalProperties: false, minProperties: 1 },
);

// The consultation rounds' schemas (they move with the rounds).

// ---------------------------------------------------------------- the national catalogue's import

export const CATALOGUE_FORMATS = ['csv', 'xlsx', 'json'] as const;
export const CATALOGUE_OUTCOMES = ['new', 'updated', 'unchanged', 'withdrawn', 'error'] as const;

export const CatalogueImportBody = Type.Object(
  {
    fileName: Type.String({ minLength: 1, maxLength: 255 }),
    format: lit(CATALOGUE_FORMATS),
    contentBase64: Type.String({ minLength: 1, maxLength: 20_000_000, description: 'Filens innehåll, base64' }),
    full: Type.Optional(
      Type.Boolean({
        description: 'Filen är hela den nationella katalogen (standard): inlästa stöd som saknas i filen markeras som upphävda',
      }),
    ),
    dryRun: Type.Optional(Type.Boolean({ description: 'Bara rapporten per rad; inget skrivs (standard: true)' })),
  },
  { additionalProperties: false },
);

export const CatalogueReportRow = Type.Object({
  row: Nullable(Type.Integer({ description: 'Radnumret i filen (rubrikraden är rad 1); null för stöd som saknas i filen' })),
  identifier: Type.String(),
  title: Type.String(),
  outcome: lit(CATALOGUE_OUTCOMES),
  message: Type.String({ description: 'Vad som händer (eller felet), på svenska' }),
  changes: Type.Array(Type.String()),
  supportId: Nullable(Uuid),
});

export const CatalogueImportReport = Type.Object({
  fileName: Type.String(),
  full: Type.Boolean(),
  applied: Type.Boolean({ description: 'true när ändringarna skrevs; false för en provkörning' }),
  counts: Type.Object({
    new: Type.Integer(),
    updated: Type.Integer(),
    unchanged: Type.Integer(),
    withdrawn: Type.Integer(),
    error: Type.Integer(),
  }),
  rows: Type.Array(CatalogueReportRow),
});
