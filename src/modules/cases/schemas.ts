import { Type, type TSchema } from 'typebox';
import { IsoDate, PageQuery, UpdatedSince, Uuid } from '../../platform/http/schemas.js';
import {
  ACTION_ITEM_STATUSES,
  actionItemLifecycle,
  CASE_STATUSES,
  PERSON_CASE_ACTIONS,
  type PersonCaseAction,
} from './rules/lifecycle.js';
import { DOCUMENT_DIRECTIONS, DOCUMENT_TYPES, type DocumentDirection, type DocumentType } from './rules/diarium.js';

/** Request and response schemas of cases: registration, the flow, action items, links and documents. */

const lit = <T extends string>(xs: readonly T[]) => Type.Unsafe<T>(Type.Union(xs.map((x) => Type.Literal(x))));
const ORIGINS = ['national', 'healthcare-region', 'local', 'agency', 'partner'] as const;
const Origin = lit(ORIGINS);
const Status = lit(CASE_STATUSES);
const CaseActionName = lit(PERSON_CASE_ACTIONS);
const ActionItemActionName = lit(actionItemLifecycle.actionNames);
const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);
const DocumentTypeName = Type.Unsafe<DocumentType>(
  Type.Union(
    DOCUMENT_TYPES.map((t) => Type.Literal(t)),
    { description: 'Handlingstyp (fast förteckning)' },
  ),
);
const Direction = Type.Unsafe<DocumentDirection>(
  Type.Union(
    DOCUMENT_DIRECTIONS.map((t) => Type.Literal(t)),
    { description: 'Inkommande, upprättad eller utgående handling' },
  ),
);

export const Case = Type.Object(
  {
    id: Uuid,
    region: Type.String(),
    caseNumber: Type.String(),
    year: Type.Integer(),
    sequence: Type.Integer(),
    subject: Type.String(),
    origin: Type.String(),
    sender: Type.String(),
    receivedDate: IsoDate,
    status: Type.String(),
    registeredAt: Type.String({ format: 'date-time' }),
    version: Type.Integer(),
    diarienummer: Nullable(
      Type.String({ description: 'Regionens officiella diarienummer (ärendenumret är Navets interna referens)' }),
    ),
    decided: Type.Boolean({ description: 'Beslutat (eller längre): tar inte emot paketerade ärenden' }),
  },
  { $id: 'Case' },
);
export const CaseDetail = Type.Object(
  {
    id: Uuid,
    region: Type.String(),
    caseNumber: Type.String(),
    year: Type.Integer(),
    sequence: Type.Integer(),
    subject: Type.String(),
    origin: Type.String(),
    sender: Type.String(),
    receivedDate: IsoDate,
    status: Status,
    registeredAt: Type.String({ format: 'date-time' }),
    version: Type.Integer(),
    diarienummer: Nullable(
      Type.String({ description: 'Regionens officiella diarienummer (ärendenumret är Navets interna referens)' }),
    ),
    classificationId: Nullable(Uuid),
    classificationCode: Nullable(Type.String({ description: 'Klassificeringsstrukturens kod, t.ex. "1.2.3"' })),
    classificationTitle: Nullable(Type.String()),
    assignedGroupId: Nullable(Uuid),
    assignedGroupName: Nullable(Type.String()),
    handlerPersonId: Nullable(Uuid),
    handlerName: Nullable(Type.String()),
    dueDate: Nullable(IsoDate),
    forumGroupId: Nullable(Uuid),
    forumName: Nullable(Type.String()),
    decisionPath: Nullable(Type.String()),
    triageNote: Nullable(Type.String()),
    mainCaseId: Nullable(Uuid),
    mainCaseNumber: Nullable(Type.String()),
    consultationAnswerId: Nullable(Uuid),
    consultationRoundTitle: Nullable(
      Type.String({ description: 'Remissomgången när ärendet är en regions remissvar (svaret följer ärendet och tvärtom)' }),
    ),
    decisionRef: Nullable(Type.String()),
    secret: Type.Boolean({ description: 'Sekretessmarkerat' }),
    secrecyGround: Nullable(Type.String({ description: 'Sekretessgrund (lagrum)' })),
    closedAt: Nullable(Type.String({ format: 'date-time' })),
    openActions: Type.Integer(),
    allowedActions: Type.Array(CaseActionName, {
      description:
        'Livscykelns åtgärder du kan göra med ärendet nu (lägg fram, besluta, återremittera, bordlägg, avsluta …); knapparna visas från denna lista',
    }),
    allowedTransitions: Type.Array(Type.String(), {
      description: 'Statusar du kan flytta ärendet till nu (samma som allowedActions)',
    }),
    locked: Type.Boolean({
      description: 'Ärendet är avslutat: uppgifter, åtgärdspunkter och handlingar ändras inte längre',
    }),
    canHandle: Type.Boolean(),
    canTriage: Type.Boolean(),
    canEscalate: Type.Boolean(),
    canChangeSecrecy: Type.Boolean({
      description:
        'Får ändra sekretessmarkeringen (och ett sekretessmarkerat ärendes uppgifter): handlägga och läsa sekretessmarkerade handlingar i regionen',
    }),
    canArchive: Type.Boolean({
      description:
        'Får exportera ärendets e-arkivpaket (FGS): ärendet är avslutat och du arkiverar regionens ärenden (records.archive; sekretessmarkerade kräver roll i regionen)',
    }),
  },
  { $id: 'CaseDetail' },
);
export const Action = Type.Object(
  {
    id: Uuid,
    caseId: Uuid,
    title: Type.String(),
    ownerPersonId: Nullable(Uuid),
    ownerName: Nullable(Type.String()),
    dueDate: Nullable(IsoDate),
    status: lit(ACTION_ITEM_STATUSES),
    allowedActions: Type.Optional(
      Type.Array(ActionItemActionName, { description: 'Vad du kan göra med punkten nu (i ärendets lista över åtgärdspunkter)' }),
    ),
    doneAt: Nullable(Type.String({ format: 'date-time' })),
    source: Nullable(Type.Object({ meetingId: Uuid, paragraphId: Uuid })),
    version: Type.Integer(),
  },
  { $id: 'CaseAction' },
);
export const Link = Type.Object({
  id: Uuid,
  targetType: Type.String(),
  targetId: Uuid,
  relation: Type.String(),
  note: Nullable(Type.String()),
  targetCaseNumber: Nullable(Type.String()),
  targetSubject: Nullable(Type.String()),
});
export const Document = Type.Object(
  {
    id: Uuid,
    caseId: Uuid,
    fileName: Type.String(),
    contentType: Type.String(),
    sizeBytes: Type.Integer(),
    sha256: Nullable(Type.String({ description: 'null i ett sekretessmarkerat ärende för den som inte får läsa handlingarna' })),
    uploadedBy: Type.String(),
    uploadedAt: Type.String({ format: 'date-time' }),
    documentType: Nullable(DocumentTypeName),
    direction: Direction,
    counterpart: Nullable(Type.String({ description: 'Avsändare (inkommande handling) eller mottagare (utgående handling)' })),
    documentDate: Nullable(IsoDate),
  },
  { $id: 'CaseDocument' },
);
export const Transition = Type.Object({
  id: Uuid,
  from: Type.String(),
  to: Type.String(),
  kind: Type.String(),
  reason: Nullable(Type.String()),
  forumGroupId: Nullable(Uuid),
  forumName: Nullable(Type.String()),
  decisionRef: Nullable(Type.String()),
  actor: Type.String(),
  at: Type.String({ format: 'date-time' }),
});
export const HistoryEvent = Type.Object({
  at: Type.String({ format: 'date-time' }),
  actor: Type.String(),
  entityType: Type.String(),
  entityId: Type.String(),
  action: Type.String(),
  after: Type.Unknown(),
});
export const RegisterEntry = Type.Object({
  receivedDate: IsoDate,
  caseNumber: Type.String(),
  diarienummer: Nullable(Type.String({ description: 'Regionens officiella diarienummer' })),
  sender: Type.String(),
  subject: Type.String(),
  secret: Type.Boolean(),
});
export const GroupOption = Type.Object({ id: Uuid, name: Type.String(), kind: Type.String() });
export const PersonOption = Type.Object({ id: Uuid, name: Type.String() });

export const RegisterBody = Type.Object(
  {
    region: Type.String({ pattern: '^[0-9]{2}$', description: 'Länskod' }),
    subject: Type.String({ minLength: 1, maxLength: 500 }),
    origin: Origin,
    sender: Type.String({ minLength: 1, maxLength: 300 }),
    receivedDate: IsoDate,
    secret: Type.Optional(Type.Boolean({ description: 'Sekretessmarkering' })),
    secrecyGround: Type.Optional(
      Nullable(Type.String({ maxLength: 500, description: 'Sekretessgrund, t.ex. "OSL 25 kap. 1 §"' })),
    ),
  },
  { additionalProperties: false },
);
export const ListQuery = Type.Object(
  {
    ...PageQuery,
    region: Type.Optional(Type.String({ pattern: '^[0-9]{2}$' })),
    year: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2100 })),
    q: Type.Optional(
      Type.String({
        maxLength: 100,
        description: 'Part of the case number, the diarienummer or the subject (a secret case’s subject is not searched)',
      }),
    ),
  },
  { additionalProperties: false },
);
export const IdParams = Type.Object({ id: Uuid });
const version = Type.Optional(Type.Integer({ minimum: 1 }));
export const PatchBody = Type.Object(
  {
    version,
    subject: Type.Optional(Type.String({ minLength: 1, maxLength: 500 })),
    sender: Type.Optional(Type.String({ minLength: 1, maxLength: 300 })),
    origin: Type.Optional(Origin),
    secret: Type.Optional(Type.Boolean()),
    secrecyGround: Type.Optional(Nullable(Type.String({ maxLength: 500 }))),
    assignedGroupId: Type.Optional(Nullable(Uuid)),
    handlerPersonId: Type.Optional(Nullable(Uuid)),
    dueDate: Type.Optional(Nullable(IsoDate)),
    diarienummer: Type.Optional(
      Nullable(
        Type.String({
          maxLength: 100,
          description: 'Regionens officiella diarienummer, unikt i regionen; tomt eller null tar bort det',
        }),
      ),
    ),
    classificationId: Type.Optional(Nullable(Uuid)),
  },
  { additionalProperties: false },
);
export const TransitionBody = Type.Object(
  {
    version,
    to: Type.Optional(Status),
    action: Type.Optional(
      Type.Unsafe<PersonCaseAction>(
        Type.Union(
          PERSON_CASE_ACTIONS.map((a) => Type.Literal(a)),
          {
            description: 'Livscykelns åtgärd (i stället för to), som i allowedActions',
          },
        ),
      ),
    ),
    reason: Type.Optional(Type.String({ maxLength: 2000 })),
    forumGroupId: Type.Optional(Uuid),
    decisionRef: Type.Optional(Type.String({ maxLength: 300, description: 'Var beslutet finns, t.ex. protokollsparagraf' })),
  },
  { additionalProperties: false },
);
export const CloseBody = Type.Object(
  {
    version,
    reason: Type.Optional(
      Type.String({
        maxLength: 2000,
        description: 'Varför; krävs när ärendet avslutas utan beslut (registrerat eller under beredning)',
      }),
    ),
  },
  { additionalProperties: false },
);
export const EscalationBody = Type.Object(
  { version, forumGroupId: Uuid, reason: Type.String({ minLength: 1, maxLength: 2000 }) },
  { additionalProperties: false },
);
export const TriageBody = Type.Object(
  {
    version,
    decisionPath: Type.Union([
      Type.Literal('forum-decision'),
      Type.Literal('delegated'),
      Type.Literal('information'),
      Type.Literal('bundled'),
    ]),
    forumGroupId: Type.Optional(Nullable(Uuid)),
    mainCaseId: Type.Optional(Nullable(Uuid)),
    note: Type.Optional(Nullable(Type.String({ maxLength: 2000 }))),
  },
  { additionalProperties: false },
);
export const ActionBody = Type.Object(
  {
    title: Type.String({ minLength: 1, maxLength: 500 }),
    ownerPersonId: Type.Optional(Nullable(Uuid)),
    ownerName: Type.Optional(Nullable(Type.String({ maxLength: 200 }))),
    dueDate: Type.Optional(Nullable(IsoDate)),
  },
  { additionalProperties: false },
);
export const VersionBody = Type.Object({ version }, { additionalProperties: false });
export const LinkBody = Type.Object(
  {
    targetType: Type.Union([Type.Literal('case'), Type.Literal('knowledge-support'), Type.Literal('consultation')]),
    targetId: Uuid,
    note: Type.Optional(Nullable(Type.String({ maxLength: 500 }))),
  },
  { additionalProperties: false },
);
export const UploadQuery = Type.Object(
  {
    fileName: Type.Optional(
      Type.String({ minLength: 1, maxLength: 255, description: 'Filens namn (eller rubriken X-File-Name)' }),
    ),
    sha256: Type.Optional(Type.String({ description: 'SHA-256 i hex (eller rubriken Repr-Digest/Digest)' })),
    documentType: Type.Optional(DocumentTypeName),
    direction: Type.Optional(Direction),
    counterpart: Type.Optional(
      Type.String({
        maxLength: 300,
        description: 'Avsändare (krävs för en inkommande handling) eller mottagare (krävs för en utgående)',
      }),
    ),
    documentDate: Type.Optional(IsoDate),
  },
  { additionalProperties: false },
);

export const TriageQueueQuery = Type.Object(
  { ...PageQuery, region: Type.Optional(Type.String({ pattern: '^[0-9]{2}$' })) },
  { additionalProperties: false },
);
export const MyCases = Type.Object({
  items: Type.Array(Type.Ref('CaseDetail')),
  notices: Type.Array(
    Type.Object({ actionId: Uuid, caseId: Uuid, caseNumber: Type.String(), title: Type.String(), dueDate: IsoDate }),
  ),
});
export const OptionsQuery = Type.Object({ region: Type.String({ pattern: '^[0-9]{2}$' }) }, { additionalProperties: false });
export const CaseOptions = Type.Object({
  forums: Type.Array(GroupOption),
  groups: Type.Array(GroupOption),
  persons: Type.Array(PersonOption),
});
export const RegisterQuery = Type.Object(
  {
    ...PageQuery,
    region: Type.String({ pattern: '^[0-9]{2}$' }),
    year: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2100 })),
    updatedSince: Type.Optional(UpdatedSince),
  },
  { additionalProperties: false },
);
