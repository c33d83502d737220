import { badRequest } from '../errors.js';

/**
 * Opaque keyset cursors: the sort key of the last row, base64url-encoded JSON. Stable under
 * inserts, unlike offsets, and cheap on large tables.
 */
export function encodeCursor(key: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string | undefined, arity: number): (string | number)[] | undefined {
  if (cursor === undefined || cursor === '') return undefined;
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(parsed) && parsed.length === arity && parsed.every((v) => typeof v === 'string' || typeof v === 'number')) {
      return parsed;
    }
  } catch {
    // fall through
  }
  throw badRequest('Ogiltig cursor. Använd nextCursor från föregående svar.', [{ path: 'cursor', message: 'Ogiltig cursor' }]);
}

export const DEFAULT_LIMIT = 50;

/** Fetch limit+1 rows, return limit of them and a cursor when there were more. */
export function paginate<T>(rows: T[], limit: number, keyOf: (row: T) => (string | number)[]) {
  const more = rows.length > limit;
  const items = more ? rows.slice(0, limit) : rows;
  const last = items[items.length - 1];
  return { items, nextCursor: more && last !== undefined ? encodeCursor(keyOf(last)) : null };
}

/** For short, bounded lists (6 healthcare regions, 21 regions): page an ordered array by key. */
export function pageOf<T>(all: T[], limit: number, cursor: string | undefined, keyOf: (row: T) => string) {
  const after = decodeCursor(cursor, 1);
  const start = after ? all.findIndex((r) => keyOf(r) === after[0]) + 1 : 0;
  return paginate(all.slice(start, start + limit + 1), limit, (r) => [keyOf(r)]);
}
