import { Type } from 'typebox';
import { declarationLifecycle } from './rules/declaration-lifecycle.js';
import { IsoDate, PageQuery, Uuid } from '../../platform/http/schemas.js';
import { CARE_SECTORS, EMPLOYER_TYPES, JAV_CATEGORIES, MEMBERSHIP_ROLES } from '../../shared/vocabularies.js';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);
const EmployerType = Type.Union(EMPLOYER_TYPES.map((k) => Type.Literal(k)));
const Represents = Type.String({
  pattern: '^([0-9]{2}|[a-z-]{2,40})$',
  description: 'Regionen (länskod) eller sjukvårdsregionen (id) vars plats personen har; standard: personens region',
});

const personFields = {
  id: Uuid,
  name: Type.String(),
  email: Nullable(Type.String()),
  employer: Nullable(Type.String()),
  employerType: Nullable(Type.String()),
  profession: Nullable(Type.String()),
  hsaId: Nullable(Type.String()),
  homeOwner: Type.String(),
  isDemo: Type.Boolean(),
  version: Type.Integer(),
  createdAt: Type.String({ format: 'date-time' }),
};
const CareSector = Type.Union(
  CARE_SECTORS.map((c) => Type.Literal(c)),
  {
    description: 'Ett delat ordförandeskap: från primärvård eller från specialiserad vård (underlag 000)',
  },
);

export const Person = Type.Object(personFields, { $id: 'Person' });

export const CreatePersonBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 200 }),
    email: Type.String({ format: 'email', maxLength: 254 }),
    employer: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    employerType: Type.Optional(EmployerType),
    profession: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    hsaId: Type.Optional(Type.String({ pattern: '^SE[0-9A-Za-z-]{4,60}$', description: 'HSA-id, t.ex. SE2321000065-1234' })),
    homeOwner: Type.Optional(
      Type.String({
        pattern: '^(national|[a-z-]{1,40}|[0-9]{2})$',
        description: 'Vems register: national, sjukvårdsregion eller länskod',
      }),
    ),
  },
  { additionalProperties: false },
);

export const PersonListQuery = Type.Object(
  { ...PageQuery, q: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })) },
  { additionalProperties: false },
);

const InterestSchema = Type.Object(
  {
    category: Type.Union(JAV_CATEGORIES.map((c) => Type.Literal(c))),
    description: Type.String({ minLength: 1, maxLength: 2000 }),
    organisation: Type.Optional(Type.String({ maxLength: 200 })),
    from: Type.Optional(IsoDate),
    to: Type.Optional(IsoDate),
  },
  { additionalProperties: false },
);

export const DeclarationBody = Type.Object(
  { nothingToDeclare: Type.Boolean(), interests: Type.Array(InterestSchema, { maxItems: 100 }) },
  { additionalProperties: false },
);

export const Declaration = Type.Object(
  {
    id: Uuid,
    personId: Uuid,
    personName: Type.Optional(Type.String({ description: 'I granskningskön' })),
    status: Type.Union(['submitted', 'approved', 'approved-with-restrictions', 'returned'].map((s) => Type.Literal(s))),
    submittedAt: Type.String({ format: 'date-time' }),
    reviewedAt: Nullable(Type.String({ format: 'date-time' })),
    validUntil: Nullable(IsoDate),
    nothingToDeclare: Nullable(Type.Boolean()),
    interests: Nullable(
      Type.Array(
        Type.Object({
          category: Type.String(),
          description: Type.String(),
          organisation: Type.Optional(Type.String()),
          from: Type.Optional(Type.String()),
          to: Type.Optional(Type.String()),
        }),
      ),
    ),
    restrictions: Nullable(
      Type.Array(
        Type.Object({
          programAreaId: Type.Optional(Type.String()),
          knowledgeSupport: Type.Optional(Type.String()),
          note: Type.String(),
        }),
      ),
    ),
    reviewComment: Nullable(Type.String()),
    version: Type.Integer(),
    allowedActions: Type.Optional(
      Type.Array(Type.Union(declarationLifecycle.actionNames.map((a) => Type.Literal(a))), {
        description: 'Granskningsåtgärder (approve, approve-with-restrictions, return) som den inloggade får göra nu',
      }),
    ),
  },
  { $id: 'JavDeclaration' },
);

export const ReviewBody = Type.Object(
  {
    decision: Type.Union([Type.Literal('approved'), Type.Literal('approved-with-restrictions'), Type.Literal('returned')]),
    restrictions: Type.Optional(
      Type.Array(
        Type.Object(
          {
            programAreaId: Type.Optional(Type.String({ pattern: '^[a-z0-9-]{1,80}$' })),
            knowledgeSupport: Type.Optional(Type.String({ maxLength: 300 })),
            note: Type.String({ minLength: 1, maxLength: 1000 }),
          },
          { additionalProperties: false },
        ),
        { maxItems: 50 },
      ),
    ),
    comment: Type.Optional(Type.String({ maxLength: 2000 })),
  },
  { additionalProperties: false },
);

export const MembershipBody = Type.Object(
  {
    personId: Uuid,
    role: Type.Union(MEMBERSHIP_ROLES.map((r) => Type.Literal(r))),
    startDate: IsoDate,
    endDate: Type.Optional(Nullable(IsoDate)),
    represents: Type.Optional(Represents),
    careSector: Type.Optional(Nullable(CareSector)),
    overrideReason: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 1000,
        description: 'Skäl att utse trots att sammansättningsregeln eller rotationen bryts (granskningsloggas)',
      }),
    ),
  },
  { additionalProperties: false },
);

export const MembershipPatchBody = Type.Object(
  {
    role: Type.Optional(Type.Union(MEMBERSHIP_ROLES.map((r) => Type.Literal(r)))),
    startDate: Type.Optional(IsoDate),
    endDate: Type.Optional(Nullable(IsoDate)),
    represents: Type.Optional(Nullable(Represents)),
    careSector: Type.Optional(Nullable(CareSector)),
    overrideReason: Type.Optional(Type.String({ minLength: 1, maxLength: 1000 })),
    version: Type.Optional(Type.Integer({ minimum: 1 })),
  },
  { additionalProperties: false },
);

export const EndMembershipBody = Type.Object(
  {
    endDate: IsoDate,
    reason: Type.String({ minLength: 1, maxLength: 1000, description: 'Varför uppdraget avslutas i förtid' }),
    version: Type.Optional(Type.Integer({ minimum: 1 })),
  },
  { additionalProperties: false },
);

export const Membership = Type.Object(
  {
    id: Uuid,
    groupId: Uuid,
    groupName: Type.String(),
    personId: Uuid,
    personName: Type.String(),
    role: Type.String(),
    startDate: IsoDate,
    endDate: Nullable(IsoDate),
    represents: Nullable(Type.String()),
    careSector: Nullable(Type.String()),
    endedEarlyReason: Nullable(Type.String()),
    nominationId: Nullable(Uuid),
    overrideReason: Nullable(Type.String()),
    declarationLapsed: Type.Boolean({
      description: 'Personen saknar aktuell godkänd jävsdeklaration (utgången, ej granskad, returnerad eller saknas)',
    }),
    version: Type.Integer(),
  },
  { $id: 'Membership' },
);

/** A seat in the public view (anonymous readers): the public register's facts and the period, nothing else. */
export const PublicMembership = Type.Object(
  {
    groupId: Uuid,
    groupName: Type.String(),
    personName: Type.String(),
    role: Type.String(),
    employer: Nullable(Type.String()),
    startDate: IsoDate,
    endDate: Nullable(IsoDate),
  },
  { $id: 'PublicMembership', additionalProperties: false },
);

/** One person: the record, with assignments, declarations (details only for the person and reviewers) and what the caller may do. */
export const PersonDetail = Type.Object({
  ...personFields,
  memberships: Type.Array(Type.Ref('Membership')),
  declarations: Type.Array(Type.Ref('JavDeclaration')),
  currentDeclaration: Type.Object({
    ok: Type.Boolean(),
    reason: Nullable(Type.String()),
    message: Nullable(Type.String()),
    validUntil: Nullable(IsoDate),
  }),
  permissions: Type.Object({ edit: Type.Boolean(), declare: Type.Boolean(), review: Type.Boolean() }),
});

export const PersonImportBody = Type.Object(
  {
    fileName: Type.String({ minLength: 1, maxLength: 255 }),
    contentBase64: Type.String({
      minLength: 1,
      maxLength: 1_400_000,
      description: 'CSV-filen (UTF-8, med eller utan BOM; semikolon eller komma) base64-kodad',
    }),
    homeOwner: Type.Optional(
      Type.String({
        pattern: '^(national|[a-z-]{1,40}|[0-9]{2})$',
        description: 'Vems register personerna läses in i: national, sjukvårdsregion eller länskod; standard som för en person',
      }),
    ),
    dryRun: Type.Boolean({ description: 'true: bara rapporten; false: registrera de nya personerna' }),
  },
  { additionalProperties: false },
);

export const PersonImportReport = Type.Object(
  {
    fileName: Type.String(),
    homeOwner: Type.String(),
    dryRun: Type.Boolean(),
    rows: Type.Array(
      Type.Object({
        row: Type.Integer({ description: 'Radnummer i filen (rubrikraden är rad 1)' }),
        outcome: Type.Union([Type.Literal('new'), Type.Literal('existing'), Type.Literal('error')]),
        name: Nullable(Type.String()),
        email: Nullable(Type.String()),
        hsaId: Nullable(Type.String()),
        personId: Nullable(Uuid),
        messages: Type.Array(Type.String()),
      }),
    ),
    summary: Type.Object({ new: Type.Integer(), existing: Type.Integer(), errors: Type.Integer(), created: Type.Integer() }),
  },
  { $id: 'PersonImportReport' },
);
