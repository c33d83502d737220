import { Type } from 'typebox';
import { IsoDate, UpdatedSince, Uuid } from '../../../platform/http/schemas.js';
import { ALL_TRACKS, DOCUMENT_KINDS, INVITEE_KINDS, ROUND_TRACKS } from '../../../shared/round-vocabulary.js';

/** The national consultation rounds' route schemas (moved here from the knowledge module with the rounds). */
const lit = (xs: readonly string[]) => Type.Union(xs.map((x) => Type.Literal(x)));
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);
const Url = Type.String({ pattern: '^https?://[^\\s]+$', maxLength: 2000, description: 'http(s)-adress' });
const VersionField = { version: Type.Optional(Type.Integer({ minimum: 1 })) };
const CalendarTrack = lit(ROUND_TRACKS);
const Track = lit(ALL_TRACKS);

const StepDateT = Type.Union([Type.Literal('opens'), Type.Literal('closes'), Type.Literal('entered')]);

/** A step of a round's track (rules/tracks.ts): who acts, and its date (the round's own, or one a person entered). */
export const RoundStep = Type.Object({
  code: Type.String(),
  label: Type.String(),
  actor: Type.String(),
  date: StepDateT,
  dueOn: Nullable(IsoDate),
  doneOn: Nullable(IsoDate),
  note: Nullable(Type.String()),
  version: Type.Integer({ description: '0 = inget har förts in för steget ännu' }),
  late: Type.Boolean(),
});

export const TrackDefinition = Type.Object({
  code: Type.String(),
  label: Type.String(),
  agency: Type.String(),
  calendar: Type.Boolean({
    description: 'Remisskalendern placerar omgången (SKR:s två spår); annars anges datumen av en person',
  }),
  openToOthers: Type.Boolean({ description: 'Andra än regionerna kan bjudas in att svara' }),
  steps: Type.Array(Type.Object({ code: Type.String(), label: Type.String(), actor: Type.String(), date: StepDateT })),
});

export const StepBody = Type.Object(
  {
    dueOn: Nullable(IsoDate),
    doneOn: Nullable(IsoDate),
    note: Type.Optional(Nullable(Type.String({ minLength: 1, maxLength: 2000 }))),
    version: Type.Integer({ minimum: 0, description: 'Stegets version; 0 när inget förts in ännu' }),
  },
  { additionalProperties: false },
);

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
    trackAgency: Type.String(),
    steps: Type.Array(RoundStep),
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
  track: Type.Optional(CalendarTrack),
  opensOn: Type.Optional(IsoDate),
  closesOn: Type.Optional(IsoDate),
  datesOverride: Type.Optional(Type.Boolean({ description: 'Datumen avviker medvetet från remisskalendern (skäl krävs)' })),
  overrideReason: Type.Optional(Nullable(Type.String({ maxLength: 2000 }))),
};

export const CreateRoundBody = Type.Object(
  {
    supportVersionId: Uuid,
    ...choiceFields,
    track: Type.Optional(Track),
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
    track: Type.Optional(Track),
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

// ---------------------------------------------------------------- invitations (öppen nationell remiss, seed 002)

const Email = Type.String({ format: 'email', maxLength: 254 });

export const InviteBody = Type.Object(
  {
    organisation: Type.String({ minLength: 1, maxLength: 300 }),
    organisationKind: lit(INVITEE_KINDS),
    contactEmail: Email,
  },
  { additionalProperties: false },
);

export const Invitation = Type.Object({
  id: Uuid,
  roundId: Uuid,
  organisation: Type.String(),
  organisationKind: Type.String(),
  contactEmail: Type.String(),
  answer: Nullable(Type.String()),
  answeredAt: Nullable(Type.String({ format: 'date-time' })),
  createdAt: Type.String({ format: 'date-time' }),
});

export const InvitationForm = Type.Object({
  invitationId: Uuid,
  organisation: Type.String(),
  roundTitle: Type.String(),
  trackLabel: Type.String(),
  sender: Type.String(),
  opensOn: IsoDate,
  closesOn: IsoDate,
  answer: Nullable(Type.String()),
  answeredAt: Nullable(Type.String({ format: 'date-time' })),
});

export const InvitationAnswerBody = Type.Object(
  { answer: Type.String({ minLength: 1, maxLength: 20000 }) },
  { additionalProperties: false },
);

// ---------------------------------------------------------------- funktionsbrevlåda (synpunktsinhämtning, seed 002)

const ContactPerson = Type.Object(
  { name: Type.String({ minLength: 1, maxLength: 200 }), email: Email },
  { additionalProperties: false },
);

export const MailboxBody = Type.Object(
  {
    address: Email,
    contacts: Type.Array(ContactPerson, { minItems: 1, maxItems: 20 }),
    version: Type.Integer({ minimum: 0, description: '0 när regionen inte har någon funktionsbrevlåda registrerad' }),
  },
  { additionalProperties: false },
);

export const Mailbox = Type.Object({
  region: Type.String(),
  address: Nullable(Type.String()),
  contacts: Type.Array(Type.Object({ name: Type.String(), email: Type.String() })),
  version: Type.Integer(),
  mayEdit: Type.Boolean(),
  mayForward: Type.Boolean(),
});

export const ForwardBody = Type.Object(
  {
    roundId: Uuid,
    forwardedByEmail: Email,
    forwardedTo: Type.String({ minLength: 1, maxLength: 1000, description: 'Till vem länken vidareförmedlades' }),
    forwardedOn: IsoDate,
    note: Type.Optional(Type.String({ minLength: 1, maxLength: 2000 })),
  },
  { additionalProperties: false },
);

export const Forwarding = Type.Object({
  id: Uuid,
  roundId: Uuid,
  roundTitle: Type.String(),
  region: Type.String(),
  forwardedByName: Type.String(),
  forwardedByEmail: Type.String(),
  forwardedTo: Type.String(),
  forwardedOn: IsoDate,
  note: Nullable(Type.String()),
  createdAt: Type.String({ format: 'date-time' }),
});

export const ForwardingQuery = Type.Object({ roundId: Type.Optional(Uuid) }, { additionalProperties: false });
