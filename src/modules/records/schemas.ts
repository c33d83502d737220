import { Type } from 'typebox';
import { Timestamp, Uuid } from '../../platform/http/schemas.js';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);
const OnAnonymisation = Type.Union([Type.Literal('keep'), Type.Literal('keep-pseudonymised'), Type.Literal('erase')], {
  description: 'keep = bevaras oförändrad, keep-pseudonymised = bevaras under pseudonymen, erase = raderas',
});

export const Disposition = Type.Union([Type.Literal('gallras'), Type.Literal('bevaras')], {
  description:
    'gallras = tas bort av gallringen när tiden har gått ut; bevaras = tas aldrig bort (avslutade ärenden går till e-arkivet)',
});

export const RetentionRule = Type.Object(
  {
    recordType: Type.String(),
    label: Type.String(),
    onAnonymisation: OnAnonymisation,
    disposition: Disposition,
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
    disposition: Type.Optional(Disposition),
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

export const GallringBody = Type.Object(
  {
    dryRun: Type.Boolean({ description: 'true: bara rapporten; false: gallra nu (det som rapporten visar)' }),
  },
  { additionalProperties: false },
);

export const GallringReport = Type.Object({
  date: Type.String({ format: 'date', description: 'Dagen som reglerna räknas från (produktens klocka)' }),
  dryRun: Type.Boolean(),
  removed: Type.Integer({ description: 'Antal poster som togs bort (0 vid torrkörning)' }),
  rules: Type.Array(
    Type.Object({
      recordType: Type.String(),
      label: Type.String(),
      disposition: Disposition,
      retentionYears: Nullable(Type.Integer()),
      retention: Type.String(),
      legalBasis: Type.String(),
      action: Type.Union([Type.Literal('remove'), Type.Literal('archive'), Type.Literal('keep'), Type.Literal('manual')], {
        description:
          'remove = gallras nu; archive = bevaras, avslutade ärenden ska till e-arkivet; keep = bevaras; manual = gallras men Navet gör det inte (ingen tid eller okänd post)',
      }),
      cutoff: Nullable(Type.String({ format: 'date', description: 'Poster daterade före denna dag har passerat tiden' })),
      count: Type.Integer(),
      items: Type.Array(Type.Object({ id: Uuid, label: Type.String(), date: Type.String() }), {
        description: 'Vilka poster (högst 200; count är alltid hela antalet)',
      }),
    }),
  ),
});
