/** Route schemas of recurring obligations and their occurrences. Imports only TypeBox, platform parts and pure rules. */
import { Type } from 'typebox';
import { IsoDate, Uuid } from '../../platform/http/schemas.js';
import { OCCURRENCE_STATUSES } from './rules/obligation.js';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);
const lit = <const T extends readonly string[]>(values: T) => Type.Enum([...values] as T[number][]);

export const CreateObligationBody = Type.Object(
  {
    groupId: Uuid,
    title: Type.String({ minLength: 1, maxLength: 300 }),
    description: Type.Optional(Nullable(Type.String({ maxLength: 5000 }))),
    timesPerYear: Type.Union(
      [1, 2, 3, 4, 6, 12].map((n) => Type.Literal(n)),
      {
        description: 'How many times a year (the year split in equal periods)',
      },
    ),
    remindDaysBefore: Type.Optional(Type.Integer({ minimum: 0, maximum: 365 })),
    sourceId: Type.Optional(Nullable(Type.String({ pattern: '^[a-z0-9-]{1,40}$' }))),
    sourceQuote: Type.Optional(Nullable(Type.String({ maxLength: 2000 }))),
  },
  { additionalProperties: false },
);
export const RecordOccurrenceBody = Type.Object(
  {
    year: Type.Integer({ minimum: 2000, maximum: 2100 }),
    ordinal: Type.Integer({ minimum: 1, maximum: 12 }),
    heldOn: Type.Optional(IsoDate),
    meetingId: Type.Optional(Nullable(Uuid)),
    note: Type.Optional(Nullable(Type.String({ maxLength: 5000 }))),
  },
  { additionalProperties: false },
);
export const ObligationListQuery = Type.Object(
  {
    owner: Type.Optional(Type.String({ pattern: '^([0-9]{2}|[a-z][a-z-]{1,39}|national)$' })),
    groupId: Type.Optional(Uuid),
    year: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2100 })),
  },
  { additionalProperties: false },
);
export const Occurrence = Type.Object({
  year: Type.Integer(),
  ordinal: Type.Integer(),
  dueOn: Type.String(),
  heldOn: Nullable(Type.String()),
  meetingId: Nullable(Uuid),
  meetingDate: Nullable(Type.String()),
  note: Nullable(Type.String()),
  remindedOn: Nullable(Type.String()),
  status: lit(OCCURRENCE_STATUSES),
});
export const Obligation = Type.Object({
  id: Uuid,
  owner: Type.String(),
  groupId: Uuid,
  groupName: Type.String(),
  title: Type.String(),
  description: Nullable(Type.String()),
  timesPerYear: Type.Integer(),
  remindDaysBefore: Type.Integer(),
  sourceId: Nullable(Type.String()),
  sourceQuote: Nullable(Type.String()),
  version: Type.Integer(),
  year: Type.Integer({ description: 'The year whose occurrences are shown' }),
  occurrences: Type.Array(Occurrence),
  gaps: Type.Integer({ description: 'Occurrences past their due date with no record that they happened' }),
  mayRecord: Type.Boolean({ description: 'Whether the caller may record that an occurrence happened' }),
});
