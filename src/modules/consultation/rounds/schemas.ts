import { Type } from 'typebox';
import { IsoDate, UpdatedSince, Uuid } from '../../../platform/http/schemas.js';
import { DOCUMENT_KINDS, ROUND_TRACKS } from '../../../shared/round-vocabulary.js';

/** The national consultation rounds' route schemas (moved here from the knowledge module with the rounds). */
const lit = (xs: readonly string[]) => Type.Union(xs.map((x) => Type.Literal(x)));
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);
const Url = Type.String({ pattern: '^https?://[^\\s]+$', maxLength: 2000, description: 'http(s)-adress' });
const VersionField = { version: Type.Optional(Type.Integer({ minimum: 1 })) };
const Track = lit(ROUND_TRACKS);

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
    allowedActions: Type.Array(Type.Literal('cancel'), { description: 'Vad du kan göra med omgången nu (avbryta den)' }),
    mayEdit: Type.Boolean({ description: 'Om du kan ändra omgången (den är inte avbruten och du administrerar omgångar)' }),
    version: Type.Integer(),
    createdAt: Type.String({ format: 'date-time' }),
    updatedAt: Type.String({ format: 'date-time' }),
  },
  { $id: 'ConsultationRound' },
);

const Recipient = Type.Object(
  { type: lit(['region', 'healthcare-region']), id: Type.String({ pattern: '^[a-z0-9-]{1,40}$' }) },
  { additionalProperties: false },
);
export const LinkDocument = Type.Object(
  { kind: lit(DOCUMENT_KINDS), title: Type.String({ minLength: 1, maxLength: 300 }), url: Url },
  { additionalProperties: false },
);
export const UploadDocument = Type.Object(
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
    updatedSince: Type.Optional(UpdatedSince),
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
