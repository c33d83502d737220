import { Type, type Static, type TSchema } from 'typebox';

/** Shared request/response schemas: the single source for validation, types and OpenAPI. */

export const IsoDate = Type.String({ format: 'date', description: 'YYYY-MM-DD', examples: ['2027-03-01'] });
export const Timestamp = Type.String({ format: 'date-time' });
export const Uuid = Type.String({ format: 'uuid' });

/** `updatedSince` of the public lists: only what changed at or after this moment (ISO 8601 with offset). */
export const UpdatedSince = Type.String({
  format: 'date-time',
  description: 'Bara poster ändrade vid eller efter denna tidpunkt (ISO 8601 med tidszon, t.ex. 2026-11-26T08:00:00Z)',
  examples: ['2026-11-26T08:00:00Z'],
});

export const ProblemSchema = Type.Object(
  {
    type: Type.String(),
    title: Type.String(),
    status: Type.Integer(),
    detail: Type.String(),
    errors: Type.Optional(Type.Array(Type.Object({ path: Type.String(), message: Type.String() }))),
  },
  { $id: 'Problem', description: 'RFC 9457 problem details' },
);

export const PageQuery = {
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 50, description: 'Antal poster (1–500)' })),
  cursor: Type.Optional(Type.String({ maxLength: 500, description: 'nextCursor från föregående sida' })),
};

export function Page<T extends TSchema>(item: T) {
  return Type.Object({ items: Type.Array(item), nextCursor: Type.Union([Type.String(), Type.Null()]) });
}

const problemRef = Type.Ref('Problem');

/** Error responses every route may give, documented once. */
export function errorResponses(...codes: number[]): Record<number, typeof problemRef> {
  return Object.fromEntries(codes.map((c) => [c, problemRef]));
}

export const VersionHeader = Type.Object({
  'if-match': Type.Optional(Type.String({ description: 'Aktuell version, t.ex. "3"' })),
});

export type PageQueryT = { limit?: number; cursor?: string };
export type { Static };
