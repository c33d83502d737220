import { Type } from 'typebox';
import { Timestamp, Uuid } from '../../platform/http/schemas.js';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);
const OnAnonymisation = Type.Union([Type.Literal('keep'), Type.Literal('keep-pseudonymised'), Type.Literal('erase')], {
  description: 'keep = bevaras oförändrad, keep-pseudonymised = bevaras under pseudonymen, erase = raderas',
});

export const RetentionRule = Type.Object(
  {
    recordType: Type.String(),
    label: Type.String(),
    onAnonymisation: OnAnonymisation,
    retentionYears: Nullable(Type.Integer()),
    retention: Type.String(),
    legalBasis: Type.String(),
    version: Type.Integer(),
    updatedAt: Timestamp,
  },
  { $id: 'RetentionRule' },
);

export const RetentionRuleBody = Type.Object(
  {
    label: Type.String({ minLength: 1, maxLength: 200 }),
    retentionYears: Nullable(Type.Integer({ minimum: 0, maximum: 200 })),
    retention: Type.String({ minLength: 1, maxLength: 1000 }),
    legalBasis: Type.String({ minLength: 1, maxLength: 2000 }),
    version: Type.Integer({ minimum: 1 }),
  },
  { additionalProperties: false },
);

export const AnonymisationPreview = Type.Object({
  personId: Uuid,
  name: Type.String(),
  anonymised: Type.Boolean(),
  pseudonym: Type.String(),
  erasedFields: Type.Array(Type.String()),
  version: Type.Integer(),
  blockers: Type.Array(
    Type.Object({ kind: Type.Union([Type.Literal('membership'), Type.Literal('claim')]), id: Uuid, text: Type.String() }),
  ),
  records: Type.Array(
    Type.Object({
      recordType: Type.String(),
      label: Type.String(),
      count: Nullable(Type.Integer()),
      onAnonymisation: OnAnonymisation,
      retention: Type.String(),
      legalBasis: Type.String(),
    }),
  ),
});

export const AnonymiseBody = Type.Object(
  {
    version: Type.Integer({ minimum: 1 }),
    confirm: Type.Literal(true, { description: 'Bekräftelse: användaren har läst vad som bevaras och varför' }),
  },
  { additionalProperties: false },
);

const Json = Type.Unknown();
export const RegisterExtractSchema = Type.Object({
  generatedAt: Timestamp,
  generatedFor: Type.String(),
  person: Type.Object({}, { additionalProperties: true }),
  memberships: Type.Array(Json),
  declarations: Type.Array(Json),
  declarationDetailsIncluded: Type.Boolean(),
  nominations: Nullable(Type.Array(Json)),
  participation: Type.Array(Json),
  assignments: Type.Array(Json),
  claims: Type.Array(Json),
  claimsIncluded: Type.Boolean(),
  directoryAccounts: Type.Array(Json, { description: 'Konton som en katalog (SCIM) har etablerat för personen' }),
  directoryGroups: Type.Array(Json, { description: 'Kataloggrupper som personens konton är med i, och rollerna de ger' }),
  auditEvents: Type.Array(Json),
  retention: Type.Array(Json),
});
