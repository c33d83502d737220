import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { decodeCursor, encodeCursor } from './pagination.js';

/**
 * Open data in pages (issue 20): never a silent cut-off, never one answer of every row. Each
 * page has at most `limit` rows in the order of an index, and says where the next one is:
 * `next` in the JSON body and a `Link: <…>; rel="next"` header in both formats (CSV too).
 * The last page has no next link.
 */
export const OPEN_DATA_PAGE = 10_000;
export const OPEN_DATA_MAX_PAGE = 50_000;

export const OpenDataPageQuery = {
  limit: Type.Optional(
    Type.Integer({
      minimum: 1,
      maximum: OPEN_DATA_MAX_PAGE,
      description: `Rader per sida (1–${OPEN_DATA_MAX_PAGE}, normalt ${OPEN_DATA_PAGE})`,
    }),
  ),
  cursor: Type.Optional(Type.String({ maxLength: 500, description: 'Från länken next på föregående sida' })),
};

/** The page asked for: its size and the key it starts after (undefined for the first page or a cursor of another shape). */
export function openDataPage<K extends (string | number)[]>(query: { limit?: number; cursor?: string }, arity: number) {
  return {
    limit: query.limit ?? OPEN_DATA_PAGE,
    after: decodeCursor(query.cursor, arity) as K | undefined,
  };
}

/** Cut the extra row a query read, and put the next page's link on the reply. */
export function pageWithNext<T>(
  req: FastifyRequest,
  reply: FastifyReply,
  rows: T[],
  limit: number,
  keyOf: (row: T) => (string | number)[],
): { rows: T[]; next: string | null } {
  const more = rows.length > limit;
  const page = more ? rows.slice(0, limit) : rows;
  if (!more) return { rows: page, next: null };
  const url = new URL(req.url, 'http://navet');
  url.searchParams.set('cursor', encodeCursor(keyOf(page[page.length - 1]!)));
  url.searchParams.set('limit', String(limit));
  const next = `${url.pathname}${url.search}`;
  void reply.header('link', `<${next}>; rel="next"`);
  return { rows: page, next };
}
