/**
 * The catalogue's scheduled sync against a local fake source serving a recorded file (never
 * the network): the first run imports (200, audited as knowledge-catalogue.sync with the diff),
 * the next asks conditionally and gets 304 (nothing written); a changed file imports its diff;
 * a failing source is remembered and fails the job (retried by the worker).
 */
import { readFileSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import '../src/modules/organisation/repository.js';
import { jobHandlers, ensureSchedules } from '../src/jobs.js';
import { getSyncState } from '../src/modules/knowledge/catalogue-sync-repository.js';
import * as repo from '../src/modules/knowledge/repository.js';
import { syncCatalogue } from '../src/modules/knowledge/sync-catalogue.js';
import { drainJobs } from '../src/platform/jobs/worker.js';
import { useTestDb } from './helpers/db.js';
import { testConfig } from './helpers/app.js';

const t = useTestDb();
const recorded = readFileSync(new URL('./fixtures/catalogue/katalog.csv', import.meta.url));
const ETAG = '"katalog-v1"';
const LAST_MODIFIED = 'Mon, 02 Nov 2026 08:00:00 GMT';

let body: Buffer = recorded;
let etag = ETAG;
let failWith: number | undefined;
const requests: IncomingHttpHeaders[] = [];
const server = createServer((req, res) => {
  requests.push(req.headers);
  if (failWith) {
    res.writeHead(failWith).end();
    return;
  }
  if (req.headers['if-none-match'] === etag) {
    res.writeHead(304, { etag }).end();
    return;
  }
  res.writeHead(200, { 'content-type': 'text/csv; charset=utf-8', etag, 'last-modified': LAST_MODIFIED }).end(body);
});
await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
afterAll(() => new Promise<void>((r) => server.close(() => r())));
const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/katalog/kunskapsstod.csv`;
const settings = { url, format: undefined, timeoutMs: 5000, intervalHours: 24 };

const syncEvents = () =>
  t.db.query<{ after: { counts: Record<string, number>; url: string } }>(
    `SELECT after FROM audit_events WHERE entity_type = 'knowledge-catalogue' AND action = 'sync' ORDER BY id`,
  );

describe('the scheduled catalogue sync', () => {
  it('is off without a URL', async () => {
    expect(await syncCatalogue(t.db, undefined)).toEqual({ outcome: 'off' });
  });

  it('imports on 200, then asks conditionally and writes nothing on 304', async () => {
    const first = await syncCatalogue(t.db, settings);
    expect(first).toMatchObject({ outcome: 'imported', report: { applied: true, counts: { new: 2 } } });
    expect((await repo.catalogueSupports(t.db)).map((s) => s.catalogueId)).toEqual(['SYNC-1', 'SYNC-2']);
    expect(await syncEvents()).toHaveLength(1);
    expect((await syncEvents())[0]!.after).toMatchObject({ url, counts: { new: 2, unchanged: 0 } });
    expect(await getSyncState(t.db, url)).toMatchObject({ etag: ETAG, lastModified: LAST_MODIFIED, lastOutcome: 'imported' });

    const audits = (await t.db.query('SELECT id FROM audit_events')).length;
    expect(await syncCatalogue(t.db, settings)).toEqual({ outcome: 'not-modified' });
    expect(requests.at(-1)).toMatchObject({ 'if-none-match': ETAG, 'if-modified-since': LAST_MODIFIED });
    expect((await t.db.query('SELECT id FROM audit_events')).length).toBe(audits);
    expect((await getSyncState(t.db, url))!.lastOutcome).toBe('not-modified');
  });

  it('a changed file imports its diff: a new version, and a withdrawal from the full catalogue', async () => {
    body = Buffer.from(
      recorded
        .toString('utf8')
        .split('\n')
        .filter((l) => !l.startsWith('SYNC-2'))
        .join('\n')
        .replace('2024-03-01;1.0', '2025-03-01;1.1'),
    );
    etag = '"katalog-v2"';
    const r = await syncCatalogue(t.db, settings);
    expect(r).toMatchObject({ outcome: 'imported', report: { counts: { updated: 1, withdrawn: 1 } } });
    const [one, two] = await repo.catalogueSupports(t.db);
    expect((await repo.versionsOf(t.db, one!.id)).map((v) => `${v.label}:${v.status}`)).toEqual(['1.0:ersatt', '1.1:publicerad']);
    expect(two!.status).toBe('upphavd');
    expect((await syncEvents()).at(-1)!.after.counts).toMatchObject({ updated: 1, withdrawn: 1 });
  });

  it('a failing source is remembered and fails the job, which the worker retries', async () => {
    failWith = 503;
    await expect(syncCatalogue(t.db, settings)).rejects.toThrow(/svarade 503/);
    expect(await getSyncState(t.db, url)).toMatchObject({ lastOutcome: 'failed', etag: '"katalog-v2"' });
    failWith = undefined;
  });

  it('runs from the job worker on its schedule', async () => {
    const config = testConfig({ catalogueSync: settings });
    await ensureSchedules(t.db, config);
    const [schedule] = await t.db.query<{ interval_seconds: number }>(
      `SELECT interval_seconds FROM job_schedules WHERE name = 'knowledge.catalogue-sync'`,
    );
    expect(schedule!.interval_seconds).toBe(86400);
    const before = requests.length;
    await drainJobs(t.db, jobHandlers(t.db, config));
    expect(requests.length).toBe(before + 1);
    expect((await getSyncState(t.db, url))!.lastOutcome).toBe('not-modified');
    const [job] = await t.db.query<{ status: string }>(
      `SELECT status FROM jobs WHERE queue = 'knowledge.catalogue-sync' ORDER BY id DESC LIMIT 1`,
    );
    expect(job!.status).toBe('done');
  });
});
