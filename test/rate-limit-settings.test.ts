/**
 * The search and open data rate limits are settings (issue 20): the configured figures apply,
 * per client, with 429 and Retry-After beyond them.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../src/platform/http/app.js';
import { FLUSH_MS } from '../src/platform/http/rate-tally.js';
import { createApp } from '../src/server.js';
import { testConfig, useTestApp } from './helpers/app.js';

const rateLimits = { search: { max: 2, windowSeconds: 60 }, export: undefined, openData: { max: 1, windowSeconds: 60 } };
const t = useTestApp({ rateLimits });

/** A second app process on the same database. */
let other: App;
beforeAll(async () => {
  other = await createApp(t.db, testConfig({ rateLimits }), false);
  await other.ready();
});
afterAll(async () => other?.close());

describe('rate limits from the settings', () => {
  it('searches: the configured number per window, then 429; a list without q is not counted', async () => {
    const from = { remoteAddress: '192.0.2.10' };
    const search = () => t.request({ method: 'GET', url: '/api/v1/groups?q=hj%C3%A4rta', ...from });
    expect((await search()).statusCode).toBe(200);
    expect((await search()).statusCode).toBe(200);
    const refused = await search();
    expect(refused.statusCode).toBe(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect((await t.request({ method: 'GET', url: '/api/v1/groups', ...from })).statusCode).toBe(200);
    // Another client has its own count.
    expect(
      (await t.request({ method: 'GET', url: '/api/v1/groups?q=hj%C3%A4rta', remoteAddress: '192.0.2.11' })).statusCode,
    ).toBe(200);
  });

  it('open data: each page counts', async () => {
    const from = { remoteAddress: '192.0.2.20' };
    const page = () => t.request({ method: 'GET', url: '/api/v1/open-data/implementation-statuses?limit=1', ...from });
    expect((await page()).statusCode).toBe(200);
    expect((await page()).statusCode).toBe(429);
  });

  it('counts in the shared row: another process sees the hits, and hits counted between writes are written later', async () => {
    const from = { remoteAddress: '192.0.2.30' };
    const page = (app: App) => app.inject({ method: 'GET', url: '/api/v1/open-data/implementation-statuses?limit=1', ...from });
    expect((await page(t.app)).statusCode).toBe(200);
    // The other process writes its first hit at once and learns of this one.
    expect((await page(other)).statusCode).toBe(429);

    const searcher = { remoteAddress: '192.0.2.31' };
    const search = () => t.request({ method: 'GET', url: '/api/v1/groups?q=hj%C3%A4rta', ...searcher });
    const codes = [];
    for (let i = 0; i < 3; i++) codes.push((await search()).statusCode);
    expect(codes).toEqual([200, 200, 429]);
    const hits = async () =>
      Number((await t.db.query<{ hits: number }>(`SELECT hits FROM rate_limits WHERE key = 'search:ip:192.0.2.31'`))[0]?.hits);
    // Only the first hit of the interval was written; the next write carries the other two.
    expect(await hits()).toBe(1);
    await sleep(FLUSH_MS + 50);
    expect((await search()).statusCode).toBe(429);
    expect(await hits()).toBe(4);
  });
});
