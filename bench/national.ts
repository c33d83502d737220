/**
 * The national dataset of `npm run bench -- --national --postgres` (issue 20): the whole country
 * on one PostgreSQL server. What goes through the product's own code and what is bulk SQL is
 * listed in docs/benchmarks.md ("National run").
 */
import type { Config } from '../src/platform/config.js';
import type { Db } from '../src/platform/db/index.js';
import { generateDataset, type DatasetSize } from './dataset.js';
import { generateFollowupDataset, type FollowupSize } from './followup.js';
import { generateReadsDataset } from './reads.js';

export const NATIONAL = {
  users: 300,
  /** Counting the groups the reference structures load. */
  groupsTotal: 1678,
  supports: 2000,
  cases: 100_000,
  meetings: 20_000,
  /** Besides the bench indicator's 2,640 values (22 areas × 120 months). */
  indicatorValues: 1_000_000,
  /** Counting every event the generation itself recorded. */
  auditEventsTotal: 135_000,
};

const GENDERS = ['T', 'K', 'M'];

export async function generateNationalDataset(
  db: Db,
  config: Config,
  log: (msg: string) => void,
): Promise<Record<string, number>> {
  const size: DatasetSize = { users: NATIONAL.users, groups: 0, groupsTotal: NATIONAL.groupsTotal, auditEvents: 0 };
  await generateDataset(db, config, size, log);
  const followup: FollowupSize = { supports: NATIONAL.supports, regionTenths: 10 };
  await generateFollowupDataset(db, followup, log);
  await generateReadsDataset(db, { cases: NATIONAL.cases }, log);

  let t = Date.now();
  // Monthly indicators, each with 21 regions and the nation × 120 months × three genders.
  const perIndicator = 22 * 120 * GENDERS.length;
  const indicators = Math.ceil(NATIONAL.indicatorValues / perIndicator);
  await db.query(
    `INSERT INTO followup_indicators (code, name, definition, unit, direction, periodicity, source, target_value)
     SELECT 'BENCH-N' || g, 'Nationell bänkindikator ' || g || ' (väntetid, åtgärd)', 'Bänkindikator', '%',
            CASE WHEN g % 2 = 0 THEN 'higher' ELSE 'lower' END, 'month', 'waiting-time-database', 80
     FROM generate_series(1, $1::int) g`,
    [indicators],
  );
  const ids = (await db.query<{ id: string }>(`SELECT id FROM followup_indicators WHERE code LIKE 'BENCH-N%' ORDER BY code`)).map(
    (r) => r.id,
  );
  // A few indicators per statement keeps each one short.
  for (let i = 0; i < ids.length; i += 10) {
    await db.query(
      `INSERT INTO followup_indicator_values (indicator_id, area, level, period, gender, value)
       SELECT i.id, a.area, CASE WHEN a.area = 'SE' THEN 'country' ELSE 'region' END,
              to_char(date '2017-01-01' + make_interval(months => m), 'YYYY-MM'), gd.gender,
              40 + (abs(hashtext(i.id::text || a.area || m || gd.gender)) % 500) / 10.0
       FROM unnest($1::uuid[]) i(id)
       CROSS JOIN (SELECT code AS area FROM regions UNION ALL SELECT 'SE') a
       CROSS JOIN generate_series(0, 119) m
       CROSS JOIN unnest($2::text[]) gd(gender)`,
      [ids.slice(i, i + 10), GENDERS],
    );
  }
  log(`${indicators} indicators with ${indicators * perIndicator} values: ${Date.now() - t} ms`);

  t = Date.now();
  // Meetings of the regions' groups over five years: past ones held, coming ones planned.
  await db.query(
    `INSERT INTO meetings (group_id, meeting_date, start_time, end_time, place, status)
     SELECT g.id, d.day, '09:00', '12:00', 'Sal ' || (n % 40), CASE WHEN d.day < date '2026-12-01' THEN 'genomfort' ELSE 'planerat' END
     FROM generate_series(0, $1::int - 1) n
     CROSS JOIN LATERAL (SELECT date '2023-01-02' + (n % 1800) AS day) d
     JOIN (SELECT id, row_number() OVER (ORDER BY id) - 1 AS i, count(*) OVER () AS total FROM groups WHERE status = 'active') g
       ON g.i = n % g.total`,
    [NATIONAL.meetings],
  );
  log(`${NATIONAL.meetings} meetings: ${Date.now() - t} ms`);

  // History up to the national figure: recording it event by event would only measure the generator.
  t = Date.now();
  const [{ n: existing } = { n: '0' }] = await db.query<{ n: string }>('SELECT count(*) AS n FROM audit_events');
  const extra = Math.max(0, NATIONAL.auditEventsTotal - Number(existing));
  const userIds = (await db.query<{ id: string }>('SELECT id FROM users ORDER BY id LIMIT 50')).map((r) => r.id);
  for (let from = 0; from < extra; from += 20_000) {
    await db.query(
      `INSERT INTO audit_events (occurred_at, actor_user_id, actor_label, request_id, entity_type, entity_id, action, before, after)
       SELECT now() - make_interval(mins => g), ($3::uuid[])[1 + g % array_length($3::uuid[], 1)], 'Bänkperson <bench@example.se>',
              'bench-' || g, (ARRAY['user', 'group', 'session', 'case', 'meeting'])[1 + g % 5], md5(g::text),
              (ARRAY['update', 'update', 'login', 'create', 'update'])[1 + g % 5],
              jsonb_build_object('name', 'Före ' || g, 'version', g), jsonb_build_object('name', 'Efter ' || g, 'version', g + 1)
       FROM generate_series($1::int, $1::int + $2::int - 1) g`,
      [from, Math.min(20_000, extra - from), userIds],
    );
  }
  log(`${extra} extra audit events: ${Date.now() - t} ms`);

  t = Date.now();
  await db.exec('VACUUM ANALYZE');
  log(`vacuum analyze: ${Date.now() - t} ms`);
  const counts = await db.query<{ k: string; n: string }>(
    `SELECT 'regions' k, count(*) n FROM regions UNION ALL SELECT 'municipalities', count(*) FROM municipalities
     UNION ALL SELECT 'groups', count(*) FROM groups UNION ALL SELECT 'users', count(*) FROM users
     UNION ALL SELECT 'publishedSupports', count(*) FROM knowledge_supports WHERE status = 'publicerad'
     UNION ALL SELECT 'implementationStatuses', count(*) FROM implementation_statuses
     UNION ALL SELECT 'indicatorValues', count(*) FROM followup_indicator_values
     UNION ALL SELECT 'cases', count(*) FROM cases UNION ALL SELECT 'meetings', count(*) FROM meetings
     UNION ALL SELECT 'auditEvents', count(*) FROM audit_events
     UNION ALL SELECT 'databaseMb', pg_database_size(current_database()) / 1048576`,
  );
  return Object.fromEntries(counts.map((r) => [r.k, Number(r.n)]));
}
