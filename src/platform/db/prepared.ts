/**
 * Statements every request runs (the session lookup, the cached reads' versions), kept planned
 * per connection on the PostgreSQL server: a named prepared statement is parsed and planned once
 * per connection instead of on every request, where the planning cost more than the execution.
 * Only fixed SQL text belongs here (parameters as $n), never SQL built from values: each name is
 * one statement on every connection for the connection's life. PGlite, in process, ignores it.
 */
const names = new Map<string, string>();

/** Registers `sql` under `name` and returns it unchanged, for a module-level constant. */
export function prepared(name: string, sql: string): string {
  const other = names.get(sql);
  if (other !== undefined && other !== name) throw new Error(`statement already prepared as ${other}`);
  if ([...names.values()].includes(name) && other === undefined) throw new Error(`two statements named ${name}`);
  names.set(sql, name);
  return sql;
}

/** The name a statement was prepared under, if any. */
export const preparedName = (sql: string): string | undefined => names.get(sql);
