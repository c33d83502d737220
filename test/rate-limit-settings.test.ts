/**
 * The search and open data rate limits are settings (issue 20): the configured figures apply,
 * per client, with 429 and Retry-After beyond them.
 */
import { describe, expect, it } from 'vitest';
import { useTestApp } from './helpers/app.js';

const t = useTestApp({
  rateLimits: { search: { max: 2, windowSeconds: 60 }, export: undefined, openData: { max: 1, windowSeconds: 60 } },
});

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
});
