/**
 * The bodies of the indicator writes (POST /indicators, PATCH /indicators/{id}) and their
 * vocabularies. The web's indicator form checks its body with them, so this file imports only
 * TypeBox and light schema parts (schemas.ts reaches the implementation module's front door,
 * which brings its routes).
 */
import { Type } from 'typebox';
import { Uuid } from '../../platform/http/schemas.js';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);
const Text = (max: number) => Type.String({ minLength: 1, maxLength: max });
const lit = <const T extends readonly string[]>(values: T) => Type.Enum([...values] as T[number][]);

export const Direction = lit(['higher', 'lower'] as const);

export const Periodicity = lit(['month', 'quarter', 'half-year', 'year'] as const);

export const Source = lit([
  'quality-register',
  'waiting-time-database',
  'patient-survey',
  'own-measurement',
  'kolada',
  'quality-indicators',
] as const);

const indicatorFields = {
  goalId: Type.Optional(Nullable(Uuid)),
  name: Text(300),
  definition: Text(5000),
  unit: Text(50),
  direction: Direction,
  source: Source,
  sourceName: Type.Optional(Nullable(Type.String({ maxLength: 300 }))),
  targetValue: Type.Optional(Nullable(Type.Number())),
  alertValue: Type.Optional(Nullable(Type.Number())),
  programAreaId: Type.Optional(Nullable(Type.String({ maxLength: 100 }))),
};

export const IndicatorOwner = Type.String({
  pattern: '^(national|[a-z][a-z-]{1,39}|[0-9]{2}|[0-9]{4})$',
  description: 'national, en sjukvårdsregions id (sodra), en regionkod (07) eller en kommunkod (0780)',
});

export const CreateIndicatorBody = Type.Object(
  {
    code: Type.String({ pattern: '^[A-Za-z0-9._-]{1,40}$' }),
    owner: Type.Optional(IndicatorOwner),
    periodicity: Periodicity,
    ...indicatorFields,
  },
  { additionalProperties: false },
);

export const UpdateIndicatorBody = Type.Object(
  {
    ...Object.fromEntries(Object.entries(indicatorFields).map(([k, v]) => [k, Type.Optional(v)])),
    version: Type.Optional(Type.Integer({ minimum: 1 })),
  },
  { additionalProperties: false },
);
