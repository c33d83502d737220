import { createHash } from 'node:crypto';

/**
 * Statements kept planned per connection on the PostgreSQL server (PGlite, in process, has no use
 * for it). An unnamed statement is parsed and planned on every run, and on the signed-in pages
 * planning cost more than running: the session lookup planned in 0.7 ms and ran in 0.15; a case
 * page's joins planned in up to 10 ms and ran in 3. A named statement is planned once per
 * connection (the server then keeps a generic plan when it is as good as a custom one).
 *
 * Every statement with parameters gets a name from its text, up to MAX_NAMED distinct texts per
 * process, so that SQL assembled from filters stays bounded on each connection; the rest run
 * unnamed. `prepared()` names a statement explicitly (those without parameters, which are
 * otherwise sent unnamed). A statement the server refuses to run from its kept plan (a table's
 * columns changed under a `SELECT *` by a newer version's migration during a rolling deploy) is
 * never named again in this process and is run again unnamed (postgres.ts).
 */
const MAX_NAMED = 400;
const explicit = new Map<string, string>();
const automatic = new Map<string, string | null>();

/** Registers `sql` under `name` and returns it unchanged, for a module-level constant. */
export function prepared(name: string, sql: string): string {
  const other = explicit.get(sql);
  if (other !== undefined && other !== name) throw new Error(`statement already prepared as ${other}`);
  if (other === undefined && [...explicit.values()].includes(name)) throw new Error(`two statements named ${name}`);
  explicit.set(sql, name);
  return sql;
}

/** The name to run `sql` under, or undefined to run it unnamed. */
export function statementName(sql: string, hasParams: boolean): string | undefined {
  const named = explicit.get(sql);
  if (named !== undefined) return named;
  if (!hasParams) return undefined;
  const known = automatic.get(sql);
  if (known !== undefined) return known ?? undefined;
  if (automatic.size >= MAX_NAMED) return undefined;
  const name = `navet_${createHash('sha256').update(sql).digest('base64url').slice(0, 24)}`;
  automatic.set(sql, name);
  return name;
}

/** SQLSTATEs of a kept statement the server will not run again: a changed result type, a statement gone. */
const STALE = new Set(['0A000', '26000']);

/** After `err` from a named run: true when the statement is now unnamed for good and may be run again unnamed. */
export function forgetStale(sql: string, err: unknown): boolean {
  const e = err as { code?: unknown; message?: unknown } | undefined;
  if (!e || typeof e.code !== 'string' || !STALE.has(e.code)) return false;
  if (e.code === '0A000' && !(typeof e.message === 'string' && e.message.includes('cached plan'))) return false;
  explicit.delete(sql);
  automatic.set(sql, null);
  return true;
}
