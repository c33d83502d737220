import type { Ctx } from '../context.js';

/**
 * The versions of the cached reads' topics (read_versions, migration 0056) as read at the start of
 * a request, with its session (auth/session-repository.ts). Whatever the request builds later is
 * at least as new as these versions, so it may keep and reuse answers under them without a query
 * of its own: the cached reads (http/read-cache.ts) and the request's geography (auth/scope.ts).
 * Only for reads: a write request sees its own writes, which these versions predate.
 */
const readFirst = new WeakMap<Ctx, Readonly<Record<string, number | string>>>();

export function rememberVersionsReadFirst(ctx: Ctx, versions: Readonly<Record<string, number | string>>): void {
  readFirst.set(ctx, versions);
}

/** The versions read first on this request, if they were. */
export const versionsReadFirst = (ctx: Ctx): Readonly<Record<string, number | string>> | undefined => readFirst.get(ctx);
