/**
 * Every page of a cursor-paged list of the contract, read through the generated client (the
 * reference lists and the group registry are read whole: a few hundred rows at most).
 */
import { call, client } from '../client';
import type { paths } from '../generated/api';

/** The GET paths that answer a page ({ items, nextCursor }). */
type PagedPath = {
  [P in keyof paths]: paths[P] extends {
    get: { responses: { 200: { content: { 'application/json': { items: unknown[]; nextCursor: string | null } } } } };
  }
    ? P
    : never;
}[keyof paths];

type ItemOf<P extends PagedPath> = paths[P]['get'] extends {
  responses: { 200: { content: { 'application/json': { items: (infer T)[] } } } };
}
  ? T
  : never;

export async function allPages<P extends PagedPath>(
  path: P,
  query: Record<string, string | undefined> = {},
  signal?: AbortSignal,
): Promise<ItemOf<P>[]> {
  const items: ItemOf<P>[] = [];
  let cursor: string | null = null;
  const defined = Object.fromEntries(Object.entries(query).filter(([, v]) => v !== undefined));
  // The path is one of the paged ones; openapi-fetch cannot narrow a union of paths, so its init is widened here.
  const get = client.GET as unknown as (
    p: string,
    init: { params: { query: Record<string, string | number> }; signal?: AbortSignal },
  ) => Promise<{ data?: { items: ItemOf<P>[]; nextCursor: string | null }; response: Response }>;
  for (let guard = 0; guard < 100; guard++) {
    const params = { query: { limit: 500, ...defined, ...(cursor ? { cursor } : {}) } as Record<string, string | number> };
    const page: { items: ItemOf<P>[]; nextCursor: string | null } = await call(
      get(path, { params, ...(signal ? { signal } : {}) }),
    );
    items.push(...page.items);
    cursor = page.nextCursor;
    if (!cursor) break;
  }
  return items;
}
