/** Schemas of the klassificeringsstruktur (migration 0037): a region's hierarchical case codes. */
import { Type } from 'typebox';
import { Uuid } from '../../platform/http/schemas.js';

export const Classification = Type.Object(
  {
    id: Uuid,
    region: Type.String(),
    code: Type.String({ description: 'Hierarkisk kod, t.ex. "1.2.3"; föräldern är koden utan sista ledet' }),
    title: Type.String(),
    active: Type.Boolean({ description: 'Aktiv: kan väljas för nya klassificeringar' }),
    version: Type.Integer(),
    updatedAt: Type.String({ format: 'date-time' }),
  },
  { $id: 'CaseClassification' },
);
export const ClassificationQuery = Type.Object(
  {
    region: Type.String({ pattern: '^[0-9]{2}$', description: 'Länskod' }),
    includeInactive: Type.Optional(Type.Boolean({ description: 'Ta med inaktiva poster' })),
  },
  { additionalProperties: false },
);
const ClassificationCode = Type.String({
  pattern: '^[0-9]{1,4}(\\.[0-9]{1,4}){0,5}$',
  description: 'Hierarkisk kod med siffror och punkter, t.ex. "1.2.3"',
});
export const ClassificationBody = Type.Object(
  {
    region: Type.String({ pattern: '^[0-9]{2}$', description: 'Länskod' }),
    code: ClassificationCode,
    title: Type.String({ minLength: 1, maxLength: 300 }),
  },
  { additionalProperties: false },
);
export const ClassificationPatch = Type.Object(
  {
    version: Type.Optional(Type.Integer({ minimum: 1 })),
    title: Type.Optional(Type.String({ minLength: 1, maxLength: 300 })),
    active: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
