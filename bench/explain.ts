/**
 * `npx tsx bench/explain.ts [--postgres]`: the query plans of the national read paths (issue
 * 20) on the bench's quick dataset with the full run's 3,000 supports, through the product's own query functions: every query
 * they send is answered by EXPLAIN instead. A tool for developers; see docs/benchmarks.md.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { repository as cases } from '../src/modules/cases/index.js';
import { heatmapQueries } from '../src/modules/implementation/index.js';
import { listSupports } from '../src/modules/knowledge/search-supports.js';
import { loadConfig } from '../src/platform/config.js';
import { openDatabase, type Queryable } from '../src/platform/db/index.js';
import { generateDataset } from './dataset.js';
import { FOLLOWUP_FULL, generateFollowupDataset } from './followup.js';
import { generateReadsDataset, READS_QUICK, SEARCH_ONE_HIT } from './reads.js';

const usePostgres = process.argv.includes('--postgres');
const log = (m: string) => process.stderr.write(`[explain] ${m}\n`);
const admin = process.env.BENCH_POSTGRES_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
const name = `navet_explain_${process.pid}_${randomBytes(3).toString('hex')}`;
const adminQuery = async (sql: string) => {
  const c = new pg.Client({ connectionString: admin });
  await c.connect();
  await c.query(sql).finally(() => c.end());
};
const tmp = mkdtempSync(join(tmpdir(), 'navet-explain-'));
let url = '';
if (usePostgres) {
  await adminQuery(`CREATE DATABASE ${name}`);
  const u = new URL(admin);
  u.pathname = `/${name}`;
  url = u.toString();
}
const config = loadConfig({ NAVET_DATA_DIR: tmp, DATABASE_URL: url, NAVET_DEMO: '0', LOG_LEVEL: 'warn' });
const db = await openDatabase(config);
try {
  await generateDataset(db, config, { users: 0, groups: 0, auditEvents: 0 }, log);
  await generateFollowupDataset(db, FOLLOWUP_FULL, log);
  await generateReadsDataset(db, READS_QUICK, log);
  const regions = (await db.query<{ code: string }>('SELECT code FROM regions')).map((r) => r.code);
  const supports = (await db.query<{ id: string }>('SELECT id FROM knowledge_supports ORDER BY id LIMIT 100')).map((r) => r.id);

  const explaining = (title: string): Queryable => ({
    async query<T>(sql: string, params: readonly unknown[] = []) {
      const plan = await db.query<Record<string, string>>(`EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY ON) ${sql}`, params);
      console.log(`\n## ${title}\n${plan.map((r) => Object.values(r)[0]).join('\n')}`);
      return [] as T[];
    },
    async exec() {},
  });
  await cases.listCases(explaining('cases list, every region'), { regionCodes: regions, limit: 50 });
  await cases.listCases(explaining('cases list, every region, second page'), {
    regionCodes: regions,
    limit: 50,
    after: [2026, 300, '14'],
  });
  await cases.listCases(explaining('cases list, one region'), { regionCodes: ['14'], limit: 50 });
  await heatmapQueries.regionShares(explaining('heatmap region shares'), {});
  await heatmapQueries.regionShares(explaining('heatmap region shares, as of a date'), { date: '2026-07-01' });
  await heatmapQueries.heatmapCells(explaining('heatmap cells, as of a date'), supports, { date: '2026-07-01' });
  await listSupports(explaining('knowledge supports, search with one hit'), { q: SEARCH_ONE_HIT, limit: 50 });
  await listSupports(explaining('knowledge supports, search for a prefix'), { q: 'hjärtsvikt', limit: 50 });
} finally {
  await db.close();
  rmSync(tmp, { recursive: true, force: true });
  if (usePostgres) await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
}
