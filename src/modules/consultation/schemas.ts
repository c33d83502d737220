import { Type } from 'typebox';
import { IsoDate, Timestamp, Uuid } from '../../platform/http/schemas.js';
import { ANSWER_ACTIONS, ANSWER_STATUSES } from './rules/answer-lifecycle.js';
import { JOINT_ACTIONS, JOINT_STATUSES } from './rules/joint-lifecycle.js';
import { SURVEY_STATUSES } from './rules/survey-lifecycle.js';
import { MILESTONE_KINDS } from './rules/milestones.js';
import { QUESTION_KINDS, QUESTION_TOPICS } from './rules/survey.js';

/** Request and response schemas of regions' answers, surveys and joint answers. */

const lit = <const T extends readonly string[]>(xs: T) => Type.Enum(xs);
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);

export const AnswerStatus = lit(ANSWER_STATUSES);
export const JointStatus = lit(JOINT_STATUSES);
const Version = Type.Integer({ minimum: 0, description: 'Versionen du utgår från' });
const Text = (max: number, min = 1) => Type.String({ minLength: min, maxLength: max });

export const Round = Type.Object({
  id: Uuid,
  title: Type.String(),
  track: Type.String(),
  opensOn: IsoDate,
  closesOn: IsoDate,
  status: Type.String(),
  sender: Type.String(),
  supportTitle: Nullable(Type.String()),
  versionLabel: Nullable(Type.String()),
});

export const MilestoneState = Type.Object({
  kind: lit(MILESTONE_KINDS),
  dueOn: IsoDate,
  met: Type.Boolean(),
  late: Type.Boolean(),
});

export const AnswerSummary = Type.Object(
  {
    id: Uuid,
    roundId: Uuid,
    region: Type.String(),
    regionName: Type.String(),
    caseId: Uuid,
    caseNumber: Type.String(),
    diarienummer: Nullable(
      Type.String({ description: 'Regionens officiella diarienummer för svaret (ärendenumret är Navets interna referens)' }),
    ),
    status: AnswerStatus,
    nextMilestone: Nullable(MilestoneState),
    late: Type.Boolean(),
    version: Type.Integer(),
  },
  { $id: 'ConsultationAnswerSummary' },
);

export const Section = Type.Object({
  id: Uuid,
  position: Type.Integer(),
  heading: Type.String(),
  body: Type.String(),
  updatedBy: Nullable(Type.String()),
  updatedAt: Timestamp,
  version: Type.Integer(),
});

export const Comment = Type.Object({
  id: Uuid,
  sectionId: Uuid,
  body: Type.String(),
  author: Type.String(),
  createdAt: Timestamp,
  response: Nullable(Type.String()),
  respondedBy: Nullable(Type.String()),
  respondedAt: Nullable(Timestamp),
  version: Type.Integer(),
});

export const Question = Type.Object(
  {
    id: Type.String({ pattern: '^[a-z0-9-]{1,40}$', description: 'Frågans id, t.ex. "q1"' }),
    kind: lit(QUESTION_KINDS),
    topic: lit(QUESTION_TOPICS),
    text: Text(1000),
    required: Type.Boolean(),
  },
  { additionalProperties: false },
);

const QuestionSummary = Type.Object({
  questionId: Type.String(),
  answered: Type.Integer(),
  texts: Type.Optional(Type.Array(Type.Object({ unit: Type.String(), text: Type.String() }))),
  average: Type.Optional(Nullable(Type.Number())),
  distribution: Type.Optional(Type.Array(Type.Integer())),
  yes: Type.Optional(Type.Integer()),
  no: Type.Optional(Type.Integer()),
});

export const Survey = Type.Object(
  {
    id: Uuid,
    answerId: Uuid,
    title: Type.String(),
    intro: Nullable(Type.String()),
    closesOn: IsoDate,
    status: lit(SURVEY_STATUSES),
    questions: Type.Array(Question),
    recipients: Type.Array(
      Type.Object({
        id: Uuid,
        unit: Type.String(),
        name: Nullable(Type.String()),
        email: Nullable(Type.String()),
        respondedAt: Nullable(Timestamp),
      }),
    ),
    responded: Type.Integer(),
    summary: Type.Array(QuestionSummary),
    allowedActions: Type.Array(lit(['close'] as const), {
      description: 'Vad du kan göra med enkäten nu (stänga den; så länge den är öppen kan den också skickas till fler)',
    }),
    version: Type.Integer(),
  },
  { $id: 'ConsultationSurvey' },
);

const GroupRef = Type.Object({ id: Uuid, name: Nullable(Type.String()) });

export const Answer = Type.Object(
  {
    ...AnswerSummary.properties,
    round: Nullable(Round),
    groups: Type.Array(Type.Object({ id: Uuid, name: Type.String(), kind: Type.String(), lead: Type.Boolean() })),
    leadGroupId: Nullable(Uuid),
    beredningGroup: Nullable(GroupRef),
    decisionGroup: Nullable(GroupRef),
    milestones: Type.Array(MilestoneState),
    draftReady: Type.Boolean(),
    preparedAt: Nullable(Timestamp),
    preparationNote: Nullable(Type.String()),
    decisionRef: Nullable(Type.String()),
    decidedOn: Nullable(IsoDate),
    sentOn: Nullable(IsoDate),
    sentNote: Nullable(Type.String()),
    supersedesAnswerId: Nullable(Uuid),
    supersededReason: Nullable(Type.String()),
    sections: Type.Array(Section),
    comments: Type.Array(Comment),
    survey: Nullable(Type.Ref('ConsultationSurvey')),
    jointAnswers: Type.Array(
      Type.Object({ id: Uuid, healthcareRegionId: Type.String(), healthcareRegionName: Type.String(), status: JointStatus }),
    ),
    permissions: Type.Object({
      route: Type.Boolean(),
      editDraft: Type.Boolean(),
      comment: Type.Boolean(),
      respond: Type.Boolean(),
      sendSurvey: Type.Boolean(),
      startDraft: Type.Boolean(),
      markDraftReady: Type.Boolean(),
      prepare: Type.Boolean(),
      return: Type.Boolean(),
      decide: Type.Boolean(),
      send: Type.Boolean(),
      supersede: Type.Boolean(),
      setDiarienummer: Type.Boolean({ description: 'Får ange regionens diarienummer (registrerar remisser i regionen)' }),
    }),
    allowedActions: Type.Array(lit(ANSWER_ACTIONS), {
      description: 'Stegen i svarets livscykel som du kan ta nu (av status, regler och din behörighet)',
    }),
  },
  { $id: 'ConsultationAnswer' },
);

export const RegisterBody = Type.Object(
  { roundId: Uuid, region: Type.String({ pattern: '^[0-9]{2}$', description: 'Länskod' }), receivedDate: Type.Optional(IsoDate) },
  { additionalProperties: false },
);

export const RouteBody = Type.Object(
  {
    groupIds: Type.Array(Uuid, { minItems: 1, maxItems: 30 }),
    leadGroupId: Uuid,
    beredningGroupId: Type.Optional(Nullable(Uuid)),
    decisionGroupId: Type.Optional(Nullable(Uuid)),
    version: Version,
  },
  { additionalProperties: false },
);

export const VersionBody = Type.Object({ version: Version }, { additionalProperties: false });
export const PrepareBody = Type.Object({ version: Version, note: Type.Optional(Text(2000, 0)) }, { additionalProperties: false });
export const ReturnBody = Type.Object({ version: Version, note: Text(2000) }, { additionalProperties: false });
export const DecideBody = Type.Object(
  { version: Version, decisionRef: Text(300), decidedOn: IsoDate },
  { additionalProperties: false },
);
export const SendBody = Type.Object(
  { version: Version, sentOn: IsoDate, note: Type.Optional(Text(2000, 0)) },
  { additionalProperties: false },
);
export const SupersedeBody = Type.Object({ version: Version, reason: Text(2000) }, { additionalProperties: false });

export const SectionBody = Type.Object(
  { heading: Type.Optional(Text(200)), body: Type.String({ maxLength: 50000 }), version: Version },
  { additionalProperties: false },
);
export const NewSectionBody = Type.Object({ heading: Text(200) }, { additionalProperties: false });
export const CommentBody = Type.Object({ sectionId: Uuid, body: Text(5000) }, { additionalProperties: false });
export const ResponseBody = Type.Object({ response: Text(5000), version: Version }, { additionalProperties: false });

const RecipientIn = Type.Object(
  {
    unit: Text(200),
    name: Type.Optional(Nullable(Type.String({ maxLength: 200 }))),
    email: Type.Optional(Nullable(Type.String({ maxLength: 254 }))),
  },
  { additionalProperties: false },
);
export const SurveyBody = Type.Object(
  {
    title: Text(300),
    intro: Type.Optional(Nullable(Type.String({ maxLength: 5000 }))),
    closesOn: IsoDate,
    questions: Type.Array(Question, { minItems: 1, maxItems: 60 }),
    recipients: Type.Array(RecipientIn, { minItems: 1, maxItems: 300 }),
    version: Version,
  },
  { additionalProperties: false },
);
export const RecipientsBody = Type.Object(
  { recipients: Type.Array(RecipientIn, { minItems: 1, maxItems: 300 }) },
  { additionalProperties: false },
);
export const ReissueLinksBody = Type.Object(
  {
    recipientIds: Type.Optional(
      Type.Array(Uuid, {
        minItems: 1,
        maxItems: 300,
        uniqueItems: true,
        description: 'Enheterna som får nya länkar; utan fältet: alla som inte har svarat (påminnelse)',
      }),
    ),
  },
  { additionalProperties: false },
);
export const Links = Type.Array(
  Type.Object({ recipientId: Uuid, unit: Type.String(), email: Nullable(Type.String()), link: Type.String() }),
);

export const SurveyForm = Type.Object({
  surveyId: Uuid,
  title: Type.String(),
  intro: Nullable(Type.String()),
  regionName: Type.String(),
  roundTitle: Type.String(),
  closesOn: IsoDate,
  unit: Type.String(),
  questions: Type.Array(Question),
  answers: Nullable(Type.Record(Type.String(), Type.Union([Type.String(), Type.Number(), Type.Boolean()]))),
  respondedAt: Nullable(Timestamp),
});
export const SurveyAnswersBody = Type.Object(
  {
    answers: Type.Record(
      Type.String({ maxLength: 40 }),
      Type.Union([Type.String({ maxLength: 10000 }), Type.Number(), Type.Boolean()]),
    ),
  },
  { additionalProperties: false },
);

export const Settings = Type.Object({
  region: Type.String(),
  surveyClosesDays: Type.Integer(),
  draftReadyDays: Type.Integer(),
  beredningDays: Type.Integer(),
  decisionDays: Type.Integer(),
  beredningGroupId: Nullable(Uuid),
  decisionGroupId: Nullable(Uuid),
  version: Type.Integer(),
  mayEdit: Type.Optional(Type.Boolean()),
});
const Days = Type.Integer({ minimum: 0, maximum: 120 });
export const SettingsBody = Type.Object(
  {
    surveyClosesDays: Days,
    draftReadyDays: Days,
    beredningDays: Days,
    decisionDays: Days,
    beredningGroupId: Nullable(Uuid),
    decisionGroupId: Nullable(Uuid),
    version: Version,
  },
  { additionalProperties: false },
);

const JointRef = Type.Object({
  id: Uuid,
  healthcareRegionId: Type.String(),
  healthcareRegionName: Type.String(),
  status: JointStatus,
});

export const Overview = Type.Object({
  today: IsoDate,
  rounds: Type.Array(
    Type.Object({
      ...Round.properties,
      regions: Type.Array(Type.Object({ region: Type.String(), regionName: Type.String(), status: AnswerStatus })),
      jointAnswers: Type.Array(JointRef),
    }),
  ),
});

export const Board = Type.Object({
  region: Type.String(),
  regionName: Type.String(),
  today: IsoDate,
  mayRegister: Type.Boolean(),
  items: Type.Array(Type.Object({ round: Round, answer: Nullable(Type.Ref('ConsultationAnswerSummary')) })),
  groups: Type.Array(Type.Object({ id: Uuid, name: Type.String(), kind: Type.String() })),
});

export const Joint = Type.Object(
  {
    id: Uuid,
    roundId: Uuid,
    round: Nullable(Round),
    healthcareRegionId: Type.String(),
    healthcareRegionName: Type.String(),
    coordinatingGroup: GroupRef,
    approvingGroup: GroupRef,
    status: JointStatus,
    approvalRef: Nullable(Type.String()),
    approvedOn: Nullable(IsoDate),
    sentOn: Nullable(IsoDate),
    sections: Type.Array(Section),
    inputs: Type.Array(
      Type.Object({
        region: Type.String(),
        regionName: Type.String(),
        answerId: Nullable(Uuid),
        status: Nullable(AnswerStatus),
        caseNumber: Nullable(Type.String()),
        sections: Type.Array(Type.Object({ heading: Type.String(), body: Type.String() })),
      }),
    ),
    permissions: Type.Object({ edit: Type.Boolean(), approve: Type.Boolean(), send: Type.Boolean() }),
    allowedActions: Type.Array(lit(JOINT_ACTIONS), { description: 'Stegen du kan ta nu: godkänna eller markera som skickat' }),
    version: Type.Integer(),
  },
  { $id: 'ConsultationJointAnswer' },
);

export const CreateJointBody = Type.Object(
  { roundId: Uuid, healthcareRegionId: Type.String({ maxLength: 40 }), coordinatingGroupId: Uuid, approvingGroupId: Uuid },
  { additionalProperties: false },
);
export const ApproveBody = Type.Object(
  { version: Version, approvalRef: Text(300), approvedOn: IsoDate },
  { additionalProperties: false },
);
export const JointSendBody = Type.Object({ version: Version, sentOn: IsoDate }, { additionalProperties: false });

export const DiarienummerBody = Type.Object(
  {
    version: Version,
    diarienummer: Nullable(
      Type.String({
        maxLength: 100,
        description: 'Regionens officiella diarienummer, unikt bland regionens gällande svar; tomt eller null tar bort det',
      }),
    ),
  },
  { additionalProperties: false },
);
