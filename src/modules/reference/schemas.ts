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
