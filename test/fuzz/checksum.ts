import type { Db } from '../../src/platform/db/index.js';

/**
 * A checksum per table of the public schema, enumerated from the catalogue (so tables added
 * by any module are included without a list here): row count and the md5 of the sorted md5s
 * of every row's text form. Rendered under fixed settings, so two engines compare alike.
 */
export type Checksums = Record<string, { rows: number; md5: string }>;

/**
 * Bookkeeping that changes on requests that are refused by design, left out of the
 * "a refused request changes nothing" comparison:
 * - sessions: last_seen_at moves on every signed-in request (the idle timeout needs it);
 * - rate_limits: counting refused attempts is what a rate limit is for;
 * - api_tokens.last_used_at: touched (at most once a minute) when a token authenticates;
 * - oidc_requests: a sign-in in flight (state, nonce, PKCE) is stored before the provider answers.
 */
export const BOOKKEEPING: Record<string, '*' | string[]> = {
  sessions: '*',
  rate_limits: '*',
  oidc_requests: '*',
  api_tokens: ['last_used_at'],
};

const ident = (s: string) => `"${s.replaceAll('"', '""')}"`;

export async function listTables(db: Db): Promise<{ name: string; columns: string[] }[]> {
  const rows = await db.query<{ name: string; columns: string }>(
    `SELECT c.relname AS name, string_agg(a.attname, ',' ORDER BY a.attnum) AS columns
     FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
     WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p')
     GROUP BY c.relname ORDER BY c.relname COLLATE "C"`,
  );
  return rows.map((r) => ({ name: r.name, columns: r.columns.split(',') }));
}

/**
 * Build the checksum query once; `exclude` leaves out whole tables ('*') or some columns.
 * 'md5' is portable between engines (backups); 'fast' sums a 64-bit hash of every row, no
 * sorting (the fuzz suite runs it thousands of times).
 */
export async function checksumQuery(
  db: Db,
  exclude: Record<string, '*' | string[]> = {},
  kind: 'md5' | 'fast' = 'md5',
): Promise<string> {
  const parts: string[] = [];
  for (const t of await listTables(db)) {
    const ex = exclude[t.name];
    if (ex === '*') continue;
    const cols = t.columns.filter((c) => !ex?.includes(c));
    const row = cols.length ? `row(${cols.map(ident).join(', ')})::text` : `''`;
    const name = `'${t.name.replaceAll("'", "''")}'`;
    parts.push(
      kind === 'md5'
        ? `SELECT ${name} AS t, count(*)::int AS n, md5(coalesce(string_agg(h, '' ORDER BY h COLLATE "C"), '')) AS h
           FROM (SELECT md5(${row}) AS h FROM public.${ident(t.name)}) s`
        : `SELECT ${name} AS t, count(*)::int AS n, coalesce(sum(hashtextextended(${row}, 0)::numeric), 0)::text AS h
           FROM public.${ident(t.name)}`,
    );
  }
  return parts.join('\nUNION ALL\n');
}

/**
 * The next transaction id: unchanged means no transaction wrote anything since (read-only
 * transactions get no id), which spares a full checksum after most refused requests.
 */
export async function nextXid(db: Db): Promise<string> {
  return (await db.query<{ x: string }>('SELECT pg_snapshot_xmax(pg_current_snapshot())::text AS x'))[0]!.x;
}

export async function checksums(db: Db, sql: string): Promise<Checksums> {
  return db.transaction(async (tx) => {
    await tx.exec(
      `SET LOCAL TimeZone = 'UTC'; SET LOCAL DateStyle = 'ISO, YMD'; SET LOCAL IntervalStyle = 'postgres';
       SET LOCAL extra_float_digits = 1; SET LOCAL bytea_output = 'hex'`,
    );
    const rows = await tx.query<{ t: string; n: number; h: string }>(sql);
    return Object.fromEntries(rows.map((r) => [r.t, { rows: r.n, md5: r.h }]));
  });
}

/** The tables whose checksum differs, for a readable failure. */
export function changedTables(a: Checksums, b: Checksums): string[] {
  const names = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...names].filter((n) => a[n]?.md5 !== b[n]?.md5 || a[n]?.rows !== b[n]?.rows).sort();
}
