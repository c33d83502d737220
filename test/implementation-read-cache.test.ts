import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InjectOptions } from 'fastify';
import type { App } from '../src/platform/http/app.js';
import { buildKnowledgeSupport, buildLpo } from '../src/testing/builders.js';
import { testConfig, useTestApp, type Session } from './helpers/app.js';
import { secondProcess } from './helpers/second-process.js';

/**
 * The heatmap (current and as of a date) and the open data of statuses are cached reads
 * (read-cache.ts) on the topics of migration 0057: a status written through the API in one app
 * process shows in the next answer of another process on the same database, a client holding
 * the answer gets 304, and who may read is decided before the cache.
 */
const t = useTestApp();

/** A second app process on the same database, and one where follow-up is not public. */
let other: App;
let closed: App;
let admin: Session;
let blekinge: Session;
beforeAll(async () => {
  other = await secondProcess(t.db, testConfig());
  closed = await secondProcess(t.db, testConfig({ publicFollowup: false }));
  await Promise.all([other.ready(), closed.ready()]);
  admin = await t.newAdmin();
  blekinge = await t.newUser([{ role: 'samordnare', scopeType: 'region', scopeId: '10' }]);
});
afterAll(async () => {
  await other?.close();
  await closed?.close();
});

const get = (app: App, url: string, headers: Record<string, string> = {}) =>
  app.inject({ method: 'GET', url, headers } as InjectOptions);

interface Heatmap {
  regions: { code: string }[];
  supports: { id: string; statuses: (string | null)[] }[];
  regionShares: { code: string; implemented: number; withStatus: number }[];
}
const heatmapUrl = (title: string, extra = '') => `/api/v1/implementation/heatmap?q=${encodeURIComponent(title)}${extra}`;
/** The cell of the only support matching the title, in region 10 (Blekinge). */
const cell = async (app: App, title: string, extra = '') => {
  const res = await get(app, heatmapUrl(title, extra));
  expect(res.statusCode, res.body).toBe(200);
  const h = res.json<Heatmap>();
  expect(h.supports).toHaveLength(1);
  return h.supports[0]!.statuses[h.regions.findIndex((r) => r.code === '10')];
};

const OPEN = '/api/v1/open-data/implementation-statuses';
interface OpenRow {
  supportId: string;
  region: string;
  lpo: string | null;
  status: string;
}
const openRows = async (app: App, supportId: string) => {
  const res = await get(app, OPEN);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<{ items: OpenRow[] }>().items.filter((r) => r.supportId === supportId);
};

async function write(method: 'POST' | 'PATCH', url: string, payload: Record<string, unknown>) {
  const res = await t.request({ method, url, as: blekinge, payload });
  expect(res.statusCode, res.body).toBeLessThan(300);
  return res.json<{ id: string; version: number }>();
}

describe('the cached heatmap and open data of statuses', () => {
  it('show a status written through the API in every process at its commit, and answer 304 while unchanged', async () => {
    const title = 'Hjärtsviktsvård (cachad läsning)';
    const support = await buildKnowledgeSupport(t.db, {
      status: 'publicerad',
      title,
      programAreaIds: ['hjart-och-karlsjukdomar'],
    });
    // Both processes keep the answers from before the write.
    for (const app of [t.app, other]) {
      expect(await cell(app, title)).toBeNull();
      expect(await cell(app, title, '&date=2099-12-31')).toBeNull();
      expect(await openRows(app, support.id)).toEqual([]);
    }
    const heat = await get(other, heatmapUrl(title));
    const open = await get(other, OPEN);
    const csv = await get(other, `${OPEN}?format=csv`);
    for (const [res, url] of [
      [heat, heatmapUrl(title)],
      [open, OPEN],
      [csv, `${OPEN}?format=csv`],
    ] as const) {
      expect(res.headers.etag).toMatch(/^"c-[\w-]{22}"$/);
      const again = await get(other, url, { 'if-none-match': res.headers.etag as string });
      expect(again.statusCode).toBe(304);
      expect(again.body).toBe('');
    }
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.headers['content-disposition']).toContain('inforandestatus.csv');

    const s = await write('POST', '/api/v1/implementation-statuses', {
      supportVersionId: support.firstVersionId,
      regionCode: '10',
      status: 'planerad',
    });
    for (const app of [t.app, other]) {
      expect(await cell(app, title)).toBe('planerad');
      expect(await cell(app, title, '&date=2099-12-31')).toBe('planerad');
      expect(await openRows(app, support.id)).toEqual([expect.objectContaining({ region: '10', status: 'planerad' })]);
    }
    // A client holding an answer from before the write gets the new one.
    expect((await get(other, heatmapUrl(title), { 'if-none-match': heat.headers.etag as string })).statusCode).toBe(200);
    const csvAfter = await get(other, `${OPEN}?format=csv`, { 'if-none-match': csv.headers.etag as string });
    expect(csvAfter.statusCode).toBe(200);
    expect(csvAfter.body).toContain('Hjärtsviktsvård (cachad läsning)');
    expect(csvAfter.headers['content-type']).toContain('text/csv');

    await write('PATCH', `/api/v1/implementation-statuses/${s.id}`, { status: 'pagaende', version: s.version });
    expect(await cell(other, title)).toBe('pagaende');
    expect(await cell(other, title, '&date=2099-12-31')).toBe('pagaende');
    expect(await openRows(other, support.id)).toEqual([expect.objectContaining({ status: 'pagaende' })]);

    // An LPO's row, then its new name (a write to groups, topic 'groups'), in the open data.
    const lpo = await buildLpo(t.db, { region: '10', programAreaId: 'hjart-och-karlsjukdomar' });
    await write('POST', '/api/v1/implementation-statuses', {
      supportVersionId: support.firstVersionId,
      regionCode: '10',
      groupId: lpo.id,
      status: 'inford',
      actualDone: '2026-09-01',
    });
    const lpoName = async () => (await openRows(other, support.id)).find((r) => r.lpo !== null)?.lpo;
    expect(await lpoName()).toBe(lpo.name);
    await t.db.query(`UPDATE groups SET name = 'LPO med nytt namn (cachad läsning)' WHERE id = $1`, [lpo.id]);
    expect(await lpoName()).toBe('LPO med nytt namn (cachad läsning)');
  });

  it('answers a page as the same bytes whether it is kept (default size) or streamed (bigger)', async () => {
    // Fewer rows than a page: both sizes give every row and no next link.
    const kept = await get(other, OPEN);
    const streamed = await get(other, `${OPEN}?limit=1001`);
    expect(streamed.headers.etag).toBeUndefined();
    expect(kept.body).toBe(streamed.body);
    expect(kept.headers.link).toBeUndefined();
    // A small page has its next link, in the header and the body, kept with it.
    const first = await get(other, `${OPEN}?limit=1`);
    const again = await get(other, `${OPEN}?limit=1`);
    expect(first.headers.link).toMatch(/^<\/api\/v1\/open-data\/implementation-statuses\?limit=1&cursor=.+>; rel="next"$/);
    expect(again.headers.link).toBe(first.headers.link);
    expect(again.body).toBe(first.body);
    expect(first.json<{ next: string }>().next).toBe(/^<(.+)>/.exec(first.headers.link as string)![1]);
  });

  it('is refused to an anonymous caller before the cache when follow-up is not public', async () => {
    const title = 'Hjärtsviktsvård (cachad läsning)';
    const signedIn = await get(closed, heatmapUrl(title), { cookie: admin.cookie });
    expect(signedIn.statusCode).toBe(200);
    for (const extra of ['', '&date=2099-12-31']) {
      const anonymous = await get(closed, heatmapUrl(title, extra));
      expect(anonymous.statusCode).toBe(401);
      expect(anonymous.headers.etag).toBeUndefined();
      const withTag = await get(closed, heatmapUrl(title, extra), { 'if-none-match': signedIn.headers.etag as string });
      expect(withTag.statusCode).toBe(401);
    }
    // Open data stays public.
    expect((await get(closed, OPEN)).statusCode).toBe(200);
  });
});
