/** Route schemas of the program areas' annual reports (årsrapporter). Imports only TypeBox, platform parts and pure rules. */
import { Type } from 'typebox';
import { IsoDate, Uuid } from '../../platform/http/schemas.js';
import { REPORT_STATES } from './rules/annual-report.js';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);
const lit = <const T extends readonly string[]>(values: T) => Type.Enum([...values] as T[number][]);
const LongText = Type.String({ minLength: 1, maxLength: 20000 });

export const CreateAnnualReportBody = Type.Object(
  {
    groupId: Uuid,
    year: Type.Integer({ minimum: 2000, maximum: 2100 }),
    summary: LongText,
    goalFulfilment: Type.Optional(Nullable(Type.String({ maxLength: 20000 }))),
    improvementNeeds: Type.Optional(Nullable(Type.String({ maxLength: 20000 }))),
  },
  { additionalProperties: false },
);
export const UpdateAnnualReportBody = Type.Object(
  {
    summary: Type.Optional(LongText),
    goalFulfilment: Type.Optional(Nullable(Type.String({ maxLength: 20000 }))),
    improvementNeeds: Type.Optional(Nullable(Type.String({ maxLength: 20000 }))),
    version: Type.Optional(Type.Integer({ minimum: 1 })),
  },
  { additionalProperties: false },
);
export const TransitionAnnualReportBody = Type.Object(
  {
    to: lit(['submitted', 'noted'] as const),
    on: IsoDate,
    decisionRef: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    version: Type.Optional(Type.Integer({ minimum: 1 })),
  },
  { additionalProperties: false },
);
export const AnnualReportListQuery = Type.Object(
  {
    groupId: Type.Optional(Uuid),
    followedBy: Type.Optional(Uuid),
    year: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2100 })),
  },
  { additionalProperties: false },
);
const fields = {
  id: Uuid,
  groupId: Uuid,
  groupName: Type.String(),
  owner: Type.String(),
  year: Type.Integer(),
  state: lit(REPORT_STATES),
  submittedOn: Nullable(Type.String()),
  notedByGroupId: Nullable(Uuid),
  notedByGroupName: Nullable(Type.String()),
  notedOn: Nullable(Type.String()),
  notedRef: Nullable(Type.String()),
  version: Type.Integer(),
};
export const AnnualReportSummary = Type.Object(fields);
export const AnnualReport = Type.Object({
  ...fields,
  summary: Type.String(),
  goalFulfilment: Nullable(Type.String()),
  improvementNeeds: Nullable(Type.String()),
  followedByGroupId: Type.Union([Uuid, Type.Null()], {
    description: 'The group the program area reports to: it notes the report',
  }),
  followedByGroupName: Nullable(Type.String()),
  mayEdit: Type.Boolean(),
  locked: Type.Boolean(),
  allowedActions: Type.Array(lit(['submit', 'note'] as const), { description: 'The steps the caller may take now' }),
});
