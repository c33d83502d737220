/**
 * The national-scale read paths of `npm run bench` (issue 20): a case register with many
 * cases in every region (the cases list), one knowledge support that a search finds alone, the
 * heatmap as of a date, and open data. Rows are written in bulk with the same columns and
 * rules as the use cases; generating them one use case at a time would only measure the
 * generator.
 */
import type { Db } from '../src/platform/db/index.js';
import { buildUser } from '../src/testing/builders.js';

/**
 * The coordinator-like user Min översikt is measured for: samordnare in Stockholm (01), whose
 * triage queue holds that region's newly registered cases.
 */
export const COORDINATOR = { email: 'bench-samordnare@example.se', region: '01' };

export async function buildCoordinator(db: Db, password: string): Promise<void> {
  await buildUser(db, {
    name: 'Bänksamordnare Åsa Öberg',
    email: COORDINATOR.email,
    password,
    roles: [{ role: 'samordnare', scopeType: 'region', scopeId: COORDINATOR.region }],
  });
}

export const READS_FULL = { cases: 100_000 };
export const READS_QUICK = { cases: 20_000 };
/** A word only one knowledge support carries, for "search with one hit". */
export const SEARCH_ONE_HIT = 'hjärtsviktsrehabilitering';

export async function generateReadsDataset(db: Db, size: { cases: number }, log: (msg: string) => void): Promise<void> {
  const t = Date.now();
  await db.transaction(async (tx) => {
    // Spread over the 21 regions and three years, numbered per region and year without gaps.
    await tx.query(
      `INSERT INTO cases (region_code, year, sequence, case_number, subject, origin, sender, received_date, status)
       SELECT r.code, y.year, q.seq, 'B-' || r.code || '-' || y.year || '/' || q.seq,
              'Bänkärende ' || q.seq || ' om vårdförlopp för åkomma ' || (q.seq % 97), 'national', 'Nationellt system (bänk)',
              make_date(y.year, 1 + q.seq % 12, 1 + q.seq % 28), 'registrerad'
       FROM (SELECT code, row_number() OVER (ORDER BY code) - 1 AS i FROM regions) r
       CROSS JOIN (VALUES (2024), (2025), (2026)) y(year)
       CROSS JOIN LATERAL generate_series(1, ($1::int / 63)) q(seq)`,
      [size.cases],
    );
    await tx.query(
      `INSERT INTO case_sequences (region_code, year, last_sequence)
       SELECT region_code, year, max(sequence) FROM cases GROUP BY region_code, year
       ON CONFLICT (region_code, year) DO UPDATE SET last_sequence = excluded.last_sequence`,
    );
    const [k] = await tx.query<{ id: string }>(
      `INSERT INTO knowledge_supports (type, title, status, producer_name, summary)
       VALUES ('vardprogram', 'Hjärtsviktsrehabilitering i primärvården', 'publicerad', 'NPO (bänk)', 'Ett stöd som en sökning hittar ensamt.')
       RETURNING id`,
    );
    await tx.query(`INSERT INTO knowledge_support_versions (support_id, label, status) VALUES ($1, '1.0', 'publicerad')`, [
      k!.id,
    ]);
  });
  await db.exec('VACUUM ANALYZE');
  log(`${size.cases} cases and a support a search finds alone: ${Date.now() - t} ms`);
}

const items =
  (min: number, max = Infinity) =>
  (b: Record<string, unknown>) =>
    Array.isArray(b.items) && b.items.length >= min && b.items.length <= max;

/** Who a request is sent as: anonymous, the bench administrator, or the coordinator. */
export type Auth = 'admin' | 'coordinator';

export const readEndpoints = <E>(
  make: (path: string, expect: (b: Record<string, unknown>) => boolean, auth?: Auth) => E,
): E[] => [
  make('/api/v1/cases?limit=50', items(50, 50), 'admin'),
  make(`/api/v1/case-register?region=${COORDINATOR.region}&limit=50`, items(50, 50)),
  make(
    '/api/v1/implementation/heatmap?limit=100&date=2026-07-01',
    (b) => Array.isArray(b.supports) && b.supports.length === 100 && Array.isArray(b.regions),
  ),
  make('/api/v1/knowledge-supports?limit=50', items(50, 50)),
  make(`/api/v1/knowledge-supports?q=${encodeURIComponent(SEARCH_ONE_HIT)}`, items(1, 1)),
  make('/api/v1/open-data/implementation-statuses', items(1000)),
  make('/api/v1/open-data/indicator-values?limit=1000', items(1000, 1000)),
  make('/api/v1/me/overview', (b) => Array.isArray(b.triage) && b.triage.length > 0, 'coordinator'),
];
