import { Type } from 'typebox';
import { PageQuery } from '../../platform/http/schemas.js';

export const RegionCode = Type.String({ pattern: '^[0-9]{2}$', description: 'Länskod, två siffror ("07")' });
export const MunicipalityCode = Type.String({ pattern: '^[0-9]{4}$', description: 'Kommunkod, fyra siffror ("0780")' });
export const HealthcareRegionId = Type.String({ pattern: '^[a-z-]{1,40}$', description: 'norra, mellansverige, stockholm-gotland, sydostra, sodra, vastra' });
export const Slug = Type.String({ pattern: '^[a-z0-9-]{1,80}$' });

export const Source = Type.Object({ id: Type.String(), description: Type.String(), url: Type.Union([Type.String(), Type.Null()]) }, { $id: 'Source' });
const SourceRef = Type.Ref('Source');

export const HealthcareRegion = Type.Object({
  id: Type.String(),
  name: Type.String(),
  regionCodes: Type.Array(Type.String()),
  version: Type.Integer(),
});

export const Region = Type.Object({
  code: Type.String(),
  name: Type.String(),
  shortName: Type.String(),
  countyName: Type.String(),
  healthcareRegionIds: Type.Array(Type.String()),
  municipalityCount: Type.Integer(),
  version: Type.Integer(),
});

export const Municipality = Type.Object({
  code: Type.String(),
  name: Type.String(),
  regionCode: Type.String(),
  healthcareRegionId: Type.Union([Type.String(), Type.Null()]),
  healthcareRegionBasis: Type.Union([Type.String(), Type.Null()]),
});

export const ProgramArea = Type.Object({
  id: Type.String(),
  name: Type.String(),
  kind: Type.Union([Type.Literal('npo'), Type.Literal('primarvardsrad')]),
  hostHealthcareRegionId: Type.Union([Type.String(), Type.Null()]),
  hostOther: Type.Union([Type.String(), Type.Null()]),
  hostStatus: Type.String({ description: 'confirmed, partly_confirmed, historical, seed_only, unknown' }),
  hostBasis: Type.Union([Type.String(), Type.Null()]),
  sources: Type.Array(SourceRef),
  version: Type.Integer(),
});

export const ListQuery = Type.Object({ ...PageQuery }, { additionalProperties: false });
export const RegionListQuery = Type.Object({ ...PageQuery, healthcareRegion: Type.Optional(HealthcareRegionId) }, { additionalProperties: false });
export const MunicipalityQuery = Type.Object(
  {
    ...PageQuery,
    region: Type.Optional(RegionCode),
    healthcareRegion: Type.Optional(HealthcareRegionId),
    q: Type.Optional(Type.String({ minLength: 1, maxLength: 100, description: 'Del av namnet' })),
  },
  { additionalProperties: false },
);

export const SENDER_KINDS = ['myndighet', 'skr', 'npo', 'sjukvardsregion', 'region', 'kommun', 'ovrig'] as const;
export const SenderKind = Type.Enum([...SENDER_KINDS], { description: 'Vilket slags organisation' });

/** An organisation that sends remisses and cases: read from the reference tables, or the register of senders. */
export const Sender = Type.Object(
  {
    id: Type.String({ description: 'kind:key, e.g. region:07, kommun:0780, npo:akut-vard, sender:<uuid>' }),
    name: Type.String({ description: 'The name to write as the sender (an NPO with its prefix)' }),
    shortName: Type.Union([Type.String(), Type.Null()]),
    kind: SenderKind,
    sourceUrl: Type.Union([Type.String(), Type.Null()], { description: 'Where the name comes from, for seeded agencies' }),
  },
  { $id: 'Sender' },
);

export const SenderQuery = Type.Object(
  {
    q: Type.Optional(Type.String({ maxLength: 100, description: 'Part of the name or short name (å/ä/ö and case folded)' })),
    kind: Type.Optional(SenderKind),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
  },
  { additionalProperties: false },
);

export const SenderList = Type.Object({ items: Type.Array(Type.Ref('Sender')) });

export const CreateSenderBody = Type.Object(
  {
    name: Type.String({ minLength: 2, maxLength: 300 }),
    shortName: Type.Optional(Type.Union([Type.String({ minLength: 1, maxLength: 30 }), Type.Null()])),
    kind: Type.Enum(['myndighet', 'skr', 'ovrig'], { description: 'Regions, municipalities, NPOs and healthcare regions come from the reference data' }),
  },
  { additionalProperties: false },
);
