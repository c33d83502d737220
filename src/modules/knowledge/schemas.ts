import { Type } from 'typebox';
import { IsoDate, PageQuery, Uuid } from '../../platform/http/schemas.js';
import { LIFECYCLE_STATES } from './rules/lifecycle.js';
import {
  CONSEQUENCE_DIMENSIONS,
  DOCUMENT_KINDS,
  LOCAL_ADDITION_KINDS,
  LOCAL_ADDITION_STATUSES,
  PRODUCER_KINDS,
  RECOMMENDATION_GRADES,
  ROUND_TRACKS,
  SIGNIFICANCES,
  SUPPORT_TYPES,
} from './rules/vocabulary.js';

const lit = (xs: readonly string[]) => Type.Union(xs.map((x) => Type.Literal(x)));
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);
const Slug = Type.String({ pattern: '^[a-z0-9-]{1,80}$' });
const Url = Type.String({ pattern: '^https?://[^\\s]+$', maxLength: 2000, description: 'http(s)-adress' });
const VersionField = { version: Type.Optional(Type.Integer({ minimum: 1 })) };

export const SupportType = lit(SUPPORT_TYPES);
export const LifecycleState = lit(LIFECYCLE_STATES);
export const ProducerKind = lit(PRODUCER_KINDS);
export const Track = lit(ROUND_TRACKS);

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
    allowedTransitions: Type.Array(Type.String()),
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
    allowedTransitions: Type.Array(Type.String()),
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
  version: Type.Integer(),
  updatedAt: Type.String({ format: 'date-time' }),
});

export const RoundDocument = Type.Object({
  id: Uuid,
  roundId: Uuid,
  kind: Type.String(),
  title: Type.String(),
  url: Nullable(Type.String()),
  fileName: Nullable(Type.String()),
  mediaType: Nullable(Type.String()),
  sizeBytes: Nullable(Type.Integer()),
  sha256: Nullable(Type.String()),
  downloadUrl: Nullable(Type.String()),
  createdAt: Type.String({ format: 'date-time' }),
});

export const ConsultationRound = Type.Object(
  {
    id: Uuid,
    supportId: Uuid,
    supportTitle: Type.String(),
    supportType: Type.String(),
    supportVersionId: Uuid,
    versionLabel: Type.String(),
    track: Type.String(),
    trackLabel: Type.String(),
    opensOn: IsoDate,
    closesOn: IsoDate,
    status: Type.String(),
    phase: Type.String({ description: 'planerad, oppen, stangd eller avbruten (räknat från dagens datum)' }),
    title: Type.String(),
    sender: Type.String(),
    proposedTrack: Type.String(),
    proposedOpensOn: IsoDate,
    proposedClosesOn: IsoDate,
    trackOverridden: Type.Boolean(),
    datesOverridden: Type.Boolean(),
    overrideReason: Nullable(Type.String()),
    cancelReason: Nullable(Type.String()),
    recipients: Type.Array(Type.Object({ type: Type.String(), id: Type.String(), name: Type.String() })),
    documents: Type.Array(RoundDocument),
    isDemo: Type.Boolean(),
    version: Type.Integer(),
    createdAt: Type.String({ format: 'date-time' }),
    updatedAt: Type.String({ format: 'date-time' }),
  },
  { $id: 'ConsultationRound' },
);

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

export const SupportQuery = Type.Object(
  {
    ...PageQuery,
    q: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: 'Fritext; svensk ordstamning och prefix' })),
    type: Type.Optional(SupportType),
    programArea: Type.Optional(Slug),
    status: Type.Optional(LifecycleState),
    producerKind: Type.Optional(ProducerKind),
    producerGroupId: Type.Optional(Uuid),
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
    status: LifecycleState,
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
  { status: LifecycleState, date: Type.Optional(Nullable(IsoDate)), ...VersionField },
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

// ---------------------------------------------------------------- rounds

const Recipient = Type.Object(
  { type: lit(['region', 'healthcare-region']), id: Type.String({ pattern: '^[a-z0-9-]{1,40}$' }) },
  { additionalProperties: false },
);
const LinkDocument = Type.Object(
  { kind: lit(DOCUMENT_KINDS), title: Type.String({ minLength: 1, maxLength: 300 }), url: Url },
  { additionalProperties: false },
);
const UploadDocument = Type.Object(
  {
    kind: lit(DOCUMENT_KINDS),
    title: Type.String({ minLength: 1, maxLength: 300 }),
    fileName: Type.String({ minLength: 1, maxLength: 200 }),
    mediaType: Type.String({ minLength: 1, maxLength: 200 }),
    contentBase64: Type.String({ minLength: 1, maxLength: 800000, description: 'Filens innehåll, base64 (högst 512 kB)' }),
  },
  { additionalProperties: false },
);
export const AddDocumentBody = Type.Union([LinkDocument, UploadDocument]);

const choiceFields = {
  track: Type.Optional(Track),
  opensOn: Type.Optional(IsoDate),
  closesOn: Type.Optional(IsoDate),
  datesOverride: Type.Optional(Type.Boolean({ description: 'Datumen avviker medvetet från remisskalendern (skäl krävs)' })),
  overrideReason: Type.Optional(Nullable(Type.String({ maxLength: 2000 }))),
};

export const CreateRoundBody = Type.Object(
  {
    supportVersionId: Uuid,
    ...choiceFields,
    title: Type.Optional(Type.String({ minLength: 1, maxLength: 300 })),
    sender: Type.Optional(Type.String({ minLength: 1, maxLength: 300 })),
    recipients: Type.Optional(Type.Array(Recipient, { maxItems: 40 })),
    documents: Type.Optional(Type.Array(LinkDocument, { maxItems: 20 })),
  },
  { additionalProperties: false },
);

export const UpdateRoundBody = Type.Object(
  {
    ...choiceFields,
    title: Type.Optional(Type.String({ minLength: 1, maxLength: 300 })),
    sender: Type.Optional(Type.String({ minLength: 1, maxLength: 300 })),
    recipients: Type.Optional(Type.Array(Recipient, { minItems: 1, maxItems: 40 })),
    ...VersionField,
  },
  { additionalProperties: false, minProperties: 1 },
);

export const CancelRoundBody = Type.Object(
  { reason: Type.String({ minLength: 1, maxLength: 2000 }), ...VersionField },
  { additionalProperties: false },
);

export const RoundQuery = Type.Object(
  {
    phase: Type.Optional(lit(['planerad', 'oppen', 'stangd', 'avbruten', 'aktuell'])),
    supportId: Type.Optional(Uuid),
    track: Type.Optional(Track),
    recipient: Type.Optional(Type.String({ pattern: '^[a-z0-9-]{1,40}$', description: 'Länskod eller sjukvårdsregions-id' })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 100 })),
  },
  { additionalProperties: false },
);

export const ProposalQuery = Type.Object({ supportVersionId: Uuid, ...choiceFields }, { additionalProperties: false });

export const Proposal = Type.Object({
  supportVersionId: Uuid,
  supportId: Uuid,
  supportTitle: Type.String(),
  versionLabel: Type.String(),
  versionStatus: Type.String(),
  today: IsoDate,
  proposedTrack: Type.String(),
  because: Type.Array(Type.String()),
  proposedOpensOn: IsoDate,
  proposedClosesOn: IsoDate,
  track: Type.String(),
  opensOn: IsoDate,
  closesOn: IsoDate,
  trackOverridden: Type.Boolean(),
  datesOverridden: Type.Boolean(),
  errors: Type.Array(Type.Object({ path: Type.String(), message: Type.String() })),
});
