import { Type } from 'typebox';
import { IsoDate, Uuid } from '../../platform/http/schemas.js';
import { meetingLifecycle, minutesLifecycle } from './rules/lifecycle.js';
import { DECISION_TYPES } from './rules/decision-types.js';
import { ATTENDANCE_STATUSES, DECISION_KINDS, MEETING_STATUSES, MINUTES_STATUSES } from './rules/meeting.js';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);
const Time = Type.String({ pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$', description: 'HH:MM, svensk tid', examples: ['13:00'] });
const MonthDay = Type.String({ pattern: '^(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$', description: 'MM-DD' });
const HttpsUrl = Type.String({ pattern: '^https://', maxLength: 1000 });
const Version = Type.Integer({ minimum: 0 });
const lit = <T extends string>(xs: readonly T[]) => Type.Unsafe<T>(Type.Union(xs.map((x) => Type.Literal(x))));

export const IdParams = Type.Object({ id: Uuid });

export const Settings = Type.Object(
  {
    forumId: Uuid,
    minWeeks: Type.Integer(),
    maxWeeks: Type.Integer(),
    weekday: Type.Integer({ description: '1 måndag … 5 fredag' }),
    startTime: Type.String(),
    endTime: Type.String(),
    defaultPlace: Nullable(Type.String()),
    blackouts: Type.Array(Type.Object({ from: Type.String(), to: Type.String() })),
    standingItems: Type.Array(Type.String()),
    version: Type.Integer({ description: '0 innan inställningarna sparats första gången' }),
  },
  { $id: 'ForumSettings' },
);

export const SettingsBody = Type.Object(
  {
    minWeeks: Type.Integer({ minimum: 1, maximum: 26 }),
    maxWeeks: Type.Integer({ minimum: 1, maximum: 26 }),
    weekday: Type.Integer({ minimum: 1, maximum: 5 }),
    startTime: Time,
    endTime: Time,
    defaultPlace: Type.Optional(Nullable(Type.String({ maxLength: 300 }))),
    blackouts: Type.Array(Type.Object({ from: MonthDay, to: MonthDay }, { additionalProperties: false }), { maxItems: 12 }),
    standingItems: Type.Array(Type.String({ minLength: 1, maxLength: 500 }), { maxItems: 10 }),
    version: Version,
  },
  { additionalProperties: false },
);

export const Meeting = Type.Object(
  {
    id: Uuid,
    forumId: Uuid,
    forumName: Type.String(),
    date: IsoDate,
    startTime: Type.String(),
    endTime: Type.String(),
    place: Nullable(Type.String()),
    onlineUrl: Nullable(Type.String()),
    status: lit(MEETING_STATUSES),
    cancelReason: Nullable(Type.String()),
    noticeSentAt: Nullable(Type.String({ format: 'date-time' })),
    minutesStatus: lit(MINUTES_STATUSES),
    minutesLockedAt: Nullable(Type.String({ format: 'date-time' })),
    version: Type.Integer(),
  },
  { $id: 'Meeting' },
);

export const MeetingBody = Type.Object(
  {
    date: IsoDate,
    startTime: Type.Optional(Time),
    endTime: Type.Optional(Time),
    place: Type.Optional(Nullable(Type.String({ maxLength: 300 }))),
    onlineUrl: Type.Optional(Nullable(HttpsUrl)),
  },
  { additionalProperties: false },
);

export const MeetingPatch = Type.Object(
  {
    date: Type.Optional(IsoDate),
    startTime: Type.Optional(Time),
    endTime: Type.Optional(Time),
    place: Type.Optional(Nullable(Type.String({ maxLength: 300 }))),
    onlineUrl: Type.Optional(Nullable(HttpsUrl)),
    version: Version,
  },
  { additionalProperties: false },
);

export const VersionBody = Type.Object({ version: Version }, { additionalProperties: false });
export const CancelBody = Type.Object(
  { reason: Type.String({ minLength: 1, maxLength: 1000 }), version: Version },
  { additionalProperties: false },
);
export const YearQuery = Type.Object(
  { year: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2100 })) },
  { additionalProperties: false },
);
export const ProposalBody = Type.Object(
  { year: Type.Integer({ minimum: 2000, maximum: 2100 }), dates: Type.Optional(Type.Array(IsoDate, { maxItems: 60 })) },
  { additionalProperties: false },
);

export const AgendaItem = Type.Object({
  id: Uuid,
  position: Type.Integer(),
  kind: lit(['case', 'standing', 'other']),
  title: Type.String(),
  caseId: Nullable(Uuid),
  caseNumber: Nullable(Type.String()),
  caseStatus: Nullable(Type.String()),
});

export const AgendaBody = Type.Object(
  {
    caseId: Type.Optional(Uuid),
    title: Type.Optional(Type.String({ minLength: 1, maxLength: 500 })),
    kind: Type.Optional(lit(['standing', 'other'])),
  },
  { additionalProperties: false },
);
/** A snapshot attached to an agenda item (the follow-up report of a group). */
export const Attachment = Type.Object({
  id: Uuid,
  agendaItemId: Uuid,
  kind: lit(['followup-report']),
  groupId: Uuid,
  groupName: Type.String(),
  title: Type.String(),
  fileName: Type.String(),
  format: lit(['pdf', 'docx']),
  sizeBytes: Type.Integer(),
  sha256: Type.String({ pattern: '^[0-9a-f]{64}$' }),
  createdAt: Type.String({ format: 'date-time' }),
  createdBy: Type.String({ description: 'Vem som bifogade' }),
  href: Type.String({ description: 'Adressen att hämta ögonblicksbilden från' }),
});

export const AttachReportBody = Type.Object(
  {
    agendaItemId: Uuid,
    groupId: Type.String({ format: 'uuid', description: 'Gruppen (LPO, LSG, LAG) i forumets region vars rapport bifogas' }),
    format: lit(['pdf', 'docx']),
  },
  { additionalProperties: false },
);

export const AgendaOrderBody = Type.Object(
  { itemIds: Type.Array(Uuid, { maxItems: 200 }), version: Version },
  { additionalProperties: false },
);

export const AttendanceBody = Type.Object(
  {
    entries: Type.Array(
      Type.Object(
        {
          personId: Uuid,
          status: lit(ATTENDANCE_STATUSES),
          role: Type.Optional(Type.Literal('adjungerad')),
        },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: 200 },
    ),
  },
  { additionalProperties: false },
);

const Slug = Type.String({ pattern: '^[a-z0-9-]{1,80}$' });
const DecisionTypeField = Type.Union([lit(DECISION_TYPES), Type.Null()], {
  description: 'The samverkansnämnd’s kind of decision (seed 001): only on a decision of a healthcare region’s political body',
});

export const ParagraphBody = Type.Object(
  {
    agendaItemId: Type.Optional(Uuid),
    caseId: Type.Optional(Uuid),
    title: Type.Optional(Type.String({ minLength: 1, maxLength: 500 })),
    decisionKind: Type.Optional(lit(DECISION_KINDS)),
    decisionType: Type.Optional(DecisionTypeField),
    decisionText: Type.Optional(Type.String({ maxLength: 20000 })),
    programAreaIds: Type.Optional(Type.Array(Slug, { maxItems: 30 })),
    knowledgeSupports: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 300 }), { maxItems: 30 })),
  },
  { additionalProperties: false },
);

export const ParagraphPatch = Type.Object(
  {
    title: Type.Optional(Type.String({ minLength: 1, maxLength: 500 })),
    decisionKind: Type.Optional(lit(DECISION_KINDS)),
    decisionType: Type.Optional(DecisionTypeField),
    decisionText: Type.Optional(Type.String({ maxLength: 20000 })),
    programAreaIds: Type.Optional(Type.Array(Slug, { maxItems: 30 })),
    knowledgeSupports: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 300 }), { maxItems: 30 })),
    version: Version,
  },
  { additionalProperties: false },
);

export const ParticipationBody = Type.Object(
  { takesPart: Type.Boolean(), overrideReason: Type.Optional(Type.String({ minLength: 1, maxLength: 1000 })) },
  { additionalProperties: false },
);

export const ActionBody = Type.Object(
  {
    title: Type.String({ minLength: 1, maxLength: 500 }),
    ownerPersonId: Type.Optional(Uuid),
    ownerName: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    dueDate: Type.Optional(IsoDate),
  },
  { additionalProperties: false },
);

export const AdjustersBody = Type.Object(
  { personIds: Type.Array(Uuid, { minItems: 1, maxItems: 3 }), version: Version },
  { additionalProperties: false },
);

export const PaperJusteringBody = Type.Object(
  {
    personId: Uuid,
    signedOn: IsoDate,
    version: Version,
  },
  { additionalProperties: false },
);

export const Paragraph = Type.Object(
  {
    id: Uuid,
    meetingId: Uuid,
    number: Type.Integer(),
    year: Type.Integer(),
    reference: Type.String({ description: 'T.ex. "Kunskapsrådet 2027-02-03 § 4"' }),
    agendaItemId: Nullable(Uuid),
    caseId: Nullable(Uuid),
    caseNumber: Nullable(Type.String()),
    title: Type.String(),
    decisionKind: lit(DECISION_KINDS),
    decisionType: Type.Union([lit(DECISION_TYPES), Type.Null()]),
    decisionText: Type.String(),
    programAreaIds: Type.Array(Type.String()),
    knowledgeSupports: Type.Array(Type.String()),
    participation: Type.Array(
      Type.Object({
        personId: Uuid,
        name: Type.String(),
        takesPart: Type.Boolean(),
        restriction: Nullable(Type.String()),
        overrideReason: Nullable(Type.String()),
      }),
    ),
    actions: Type.Array(
      Type.Object({
        id: Uuid,
        title: Type.String(),
        ownerPersonId: Nullable(Uuid),
        ownerName: Nullable(Type.String()),
        dueDate: Nullable(IsoDate),
        caseActionId: Nullable(Uuid),
      }),
    ),
    version: Type.Integer(),
  },
  { $id: 'MinutesParagraph' },
);

export const MeetingDetail = Type.Object({
  meeting: Type.Ref('Meeting'),
  agenda: Type.Array(AgendaItem),
  attendance: Type.Array(Type.Object({ personId: Uuid, name: Type.String(), role: Type.String(), status: Type.String() })),
  paragraphs: Type.Array(Type.Ref('MinutesParagraph')),
  adjusters: Type.Array(
    Type.Object({
      personId: Uuid,
      name: Type.String(),
      approvedAt: Nullable(Type.String({ format: 'date-time' })),
      signedOnPaper: Nullable(IsoDate),
      recordedBy: Nullable(Type.String({ description: 'Den som registrerade pappersjusteringen' })),
      hasAccount: Type.Boolean(),
    }),
  ),
  members: Type.Array(Type.Object({ personId: Uuid, name: Type.String(), role: Type.String() })),
  candidateCases: Type.Array(Type.Object({ id: Uuid, caseNumber: Type.String(), subject: Type.String(), status: Type.String() })),
  attachments: Type.Array(Attachment),
  /** For the keepers: the groups whose follow-up report can be attached. */
  reportGroups: Type.Array(Type.Object({ id: Uuid, name: Type.String(), kind: Type.String() })),
  decisionTypes: Type.Array(lit(DECISION_TYPES), {
    description: 'Beslutstyperna ett beslut i forumet kan ha (samverkansnämnden, seed 001); tom för andra forum',
  }),
  /** The meeting's lifecycle actions the caller may take now (rules/lifecycle.ts and policy.ts). */
  allowedActions: Type.Array(lit(meetingLifecycle.actionNames), {
    description: 'notice (skicka kallelsen), hold (genomfört), cancel (ställ in; skäl krävs)',
  }),
  minutes: Type.Object({
    status: lit(MINUTES_STATUSES),
    final: Type.Boolean({ description: 'Justerat: låst för gott, besluten gäller' }),
    /** The minutes' lifecycle actions the caller may take now. */
    allowedActions: Type.Array(lit(minutesLifecycle.actionNames), {
      description:
        'submit (skicka för justering), reopen (ta tillbaka), approve (justera; bara utsedda justerare), approve-on-paper (registrera en justering på papper)',
    }),
    /** What keeps draft minutes from being sent for justering (in Swedish), empty when nothing. */
    problems: Type.Array(Type.Object({ path: Type.String(), message: Type.String() })),
  }),
  permissions: Type.Object({
    manage: Type.Boolean(),
    approve: Type.Boolean(),
    approved: Type.Boolean(),
    editMeeting: Type.Boolean({ description: 'Datum, tid, plats och länk kan ändras' }),
    editMinutes: Type.Boolean({ description: 'Föredragningslista, närvaro, paragrafer och justerare kan ändras' }),
    editAttachments: Type.Boolean({ description: 'Bilagor kan läggas till och tas bort' }),
  }),
});

export const Decision = Type.Object({
  paragraphId: Uuid,
  meetingId: Uuid,
  forumId: Uuid,
  forumName: Type.String(),
  meetingDate: IsoDate,
  number: Type.Integer(),
  reference: Type.String(),
  title: Type.String(),
  decisionKind: Type.String(),
  decisionType: Nullable(Type.String()),
  decisionText: Type.String(),
  caseId: Nullable(Uuid),
  caseNumber: Nullable(Type.String()),
  approvedAt: Type.String({ format: 'date-time' }),
});

export const DecisionQuery = Type.Object(
  {
    q: Type.Optional(Type.String({ maxLength: 200, description: 'Fritext; svensk ordstamsökning och delord' })),
    forumId: Type.Optional(Uuid),
    year: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2100 })),
    decisionType: Type.Optional(lit(DECISION_TYPES)),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 50 })),
    cursor: Type.Optional(Type.String({ maxLength: 50 })),
  },
  { additionalProperties: false },
);

export const FormatQuery = Type.Object({ format: lit(['pdf', 'docx']) }, { additionalProperties: false });

// --- the routes' other shapes -------------------------------------------------------------

export const Created = Type.Object({ id: Uuid });
export const AgendaItemParams = Type.Object({ id: Uuid, itemId: Uuid });
export const ParticipationParams = Type.Object({ id: Uuid, personId: Uuid });
export const FeedTokenParams = Type.Object({ token: Type.String({ maxLength: 100 }) });
export const ProposalQuery = Type.Object(
  { year: Type.Integer({ minimum: 2000, maximum: 2100 }) },
  { additionalProperties: false },
);

export const ForumList = Type.Object({
  items: Type.Array(
    Type.Object({ id: Uuid, name: Type.String(), kind: Type.String(), owner: Type.String(), manage: Type.Boolean() }),
  ),
  nextCursor: Type.Null(),
});

export const MeetingProposal = Type.Object({
  year: Type.Integer(),
  dates: Type.Array(Type.Object({ date: IsoDate, startTime: Type.String(), endTime: Type.String(), exists: Type.Boolean() })),
});

export const ForumMeetings = Type.Object({
  forum: Type.Object({ id: Uuid, name: Type.String(), kind: Type.String(), owner: Type.String() }),
  items: Type.Array(Type.Ref('Meeting')),
  nextCursor: Type.Null(),
  permissions: Type.Object({ manage: Type.Boolean() }),
});

export const MeetingList = Type.Object({ items: Type.Array(Type.Ref('Meeting')) });

export const AttendanceList = Type.Object({
  items: Type.Array(Type.Object({ personId: Uuid, name: Type.String(), role: Type.String(), status: Type.String() })),
});

export const ApproveResult = Type.Object({ meeting: Type.Ref('Meeting'), locked: Type.Boolean() });

export const DecisionPage = Type.Object({
  items: Type.Array(Decision),
  nextCursor: Type.Union([Type.String(), Type.Null()]),
});

export const CalendarFeedStatus = Type.Object({
  active: Type.Boolean(),
  createdAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
});

export const CalendarFeedCreated = Type.Object({ url: Type.String(), token: Type.String() });
