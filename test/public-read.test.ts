import { describe, expect, it } from 'vitest';
import { buildCase, buildConsultationRound, buildKnowledgeSupport } from '../src/testing/builders.js';
import { problem, useTestApp } from './helpers/app.js';
import { useClock } from './helpers/clock.js';

/**
 * The public read API for intranets and 1177-style sites: CORS for the configured origins only
 * (never with credentials), ETag/Last-Modified with 304, and `updatedSince` on the public lists.
 */
const INTRANET = 'https://intranat.regionblekinge.se';
const t = useTestApp({ corsOrigins: [INTRANET] });
useClock('2026-11-26');

const get = (url: string, headers: Record<string, string> = {}) => t.request({ method: 'GET', url, headers });

describe('a page on another origin reads the catalogue', () => {
  it('gets CORS headers and the ETag, then 304 when nothing changed, then 200 after a change', async () => {
    const s = await buildKnowledgeSupport(t.db, { title: 'Vårdförlopp Hjärtsvikt – nydebuterad' });
    const first = await get('/api/v1/knowledge-supports?limit=500', { origin: INTRANET });
    expect(first.statusCode).toBe(200);
    expect(first.headers['access-control-allow-origin']).toBe(INTRANET);
    expect(first.headers['access-control-allow-credentials']).toBeUndefined();
    expect(String(first.headers['access-control-expose-headers'])).toMatch(/ETag/);
    expect(String(first.headers.vary)).toMatch(/Origin/);
    expect(first.headers['cache-control']).toBe('no-cache');
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^"[A-Za-z0-9_-]+"$/);

    const second = await get('/api/v1/knowledge-supports?limit=500', { origin: INTRANET, 'if-none-match': etag });
    expect(second.statusCode).toBe(304);
    expect(second.body).toBe('');
    expect(second.headers.etag).toBe(etag);
    expect(second.headers['access-control-allow-origin']).toBe(INTRANET);

    // A change gives a new tag and the whole list again.
    await t.db.query(`UPDATE knowledge_supports SET summary = 'Ny sammanfattning', version = version + 1 WHERE id = $1`, [s.id]);
    const third = await get('/api/v1/knowledge-supports?limit=500', { origin: INTRANET, 'if-none-match': etag });
    expect(third.statusCode).toBe(200);
    expect(third.headers.etag).not.toBe(etag);
  });

  it('answers the preflight for conditional requests: GET and HEAD, no credentials', async () => {
    const res = await t.request({
      method: 'OPTIONS',
      url: '/api/v1/knowledge-supports',
      headers: { origin: INTRANET, 'access-control-request-method': 'GET', 'access-control-request-headers': 'if-none-match' },
    });
    expect(res.statusCode).toBe(204);
    expect(res.headers['access-control-allow-origin']).toBe(INTRANET);
    expect(res.headers['access-control-allow-methods']).toBe('GET, HEAD');
    expect(String(res.headers['access-control-allow-headers'])).toMatch(/If-None-Match/);
    expect(res.headers['access-control-allow-credentials']).toBeUndefined();
  });

  it('gives no CORS headers to other origins, to signed-in callers or on routes that are not public reads', async () => {
    const other = await get('/api/v1/knowledge-supports', { origin: 'https://evil.example' });
    expect(other.statusCode).toBe(200);
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
    const user = await t.newUser();
    const signedIn = await t.request({
      method: 'GET',
      url: '/api/v1/knowledge-supports',
      as: user,
      headers: { origin: INTRANET },
    });
    expect(signedIn.headers['access-control-allow-origin']).toBeUndefined();
    expect(signedIn.headers['cache-control']).toBe('no-store');
    const me = await get('/api/v1/groups', { origin: INTRANET });
    expect(me.headers['access-control-allow-origin']).toBeUndefined();
    const pre = await t.request({
      method: 'OPTIONS',
      url: '/api/v1/knowledge-supports',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'GET' },
    });
    expect(pre.headers['access-control-allow-origin']).toBeUndefined();
  });
});

describe('conditional reads of one support and one round', () => {
  it('the detail keeps its version in the ETag (If-Match still works) and honours If-Modified-Since', async () => {
    const s = await buildKnowledgeSupport(t.db, { title: 'Nationellt vårdprogram Astma' });
    await t.db.query(`UPDATE knowledge_supports SET updated_at = '2026-11-02T09:00:00Z' WHERE id = $1`, [s.id]);
    await t.db.query(`UPDATE knowledge_support_versions SET updated_at = '2026-11-02T09:00:00Z' WHERE support_id = $1`, [s.id]);
    const url = `/api/v1/knowledge-supports/${s.id}`;
    const res = await get(url);
    expect(res.statusCode).toBe(200);
    expect(res.headers.etag).toMatch(/^"1-[A-Za-z0-9_-]+"$/);
    expect(res.headers['last-modified']).toBe('Mon, 02 Nov 2026 09:00:00 GMT');
    expect((await get(url, { 'if-none-match': res.headers.etag as string })).statusCode).toBe(304);
    expect((await get(url, { 'if-modified-since': 'Mon, 02 Nov 2026 09:00:00 GMT' })).statusCode).toBe(304);
    expect((await get(url, { 'if-modified-since': 'Sun, 01 Nov 2026 09:00:00 GMT' })).statusCode).toBe(200);
    // If-None-Match wins over If-Modified-Since.
    expect(
      (await get(url, { 'if-none-match': '"1-other"', 'if-modified-since': 'Mon, 02 Nov 2026 09:00:00 GMT' })).statusCode,
    ).toBe(200);
    // The tag read back works as If-Match for an edit.
    const admin = await t.newAdmin();
    const edit = await t.request({
      method: 'PATCH',
      url,
      as: admin,
      headers: { 'if-match': res.headers.etag as string },
      payload: { summary: 'Reviderad sammanfattning' },
    });
    expect(edit.statusCode, edit.body).toBe(200);
  });

  it('a round and the case register answer 304 to their own tag', async () => {
    const round = await buildConsultationRound(t.db);
    const url = `/api/v1/consultation-rounds/${round.id}`;
    const first = await get(url);
    expect(first.statusCode).toBe(200);
    expect((await get(url, { 'if-none-match': first.headers.etag as string })).statusCode).toBe(304);
    await buildCase(t.db, { region: '10', subject: 'Remiss: Nationellt vårdprogram Astma', receivedDate: '2026-11-02' });
    const reg = await get('/api/v1/case-register?region=10');
    expect(reg.statusCode).toBe(200);
    expect((await get('/api/v1/case-register?region=10', { 'if-none-match': `W/${reg.headers.etag}` })).statusCode).toBe(304);
  });
});

describe('updatedSince on the public lists', () => {
  it('lists only what changed at or after the moment, on the catalogue, the rounds and the register', async () => {
    const old = await buildKnowledgeSupport(t.db, { title: 'Kunskapsstöd KOL – äldre' });
    const recent = await buildKnowledgeSupport(t.db, { title: 'Kunskapsstöd KOL – nyare' });
    await t.db.query(`UPDATE knowledge_supports SET updated_at = '2026-10-01T08:00:00Z' WHERE id = $1`, [old.id]);
    await t.db.query(`UPDATE knowledge_supports SET updated_at = '3000-01-01T08:00:00Z' WHERE id = $1`, [recent.id]);
    const since = encodeURIComponent('2999-12-31T00:00:00+01:00');
    const list = (await get(`/api/v1/knowledge-supports?updatedSince=${since}&limit=500`)).json();
    expect(list.items.map((s: { id: string }) => s.id)).toEqual([recent.id]);

    const round = await buildConsultationRound(t.db);
    await t.db.query(`UPDATE consultation_rounds SET updated_at = '3000-01-01T08:00:00Z' WHERE id = $1`, [round.id]);
    const rounds = (await get(`/api/v1/consultation-rounds?updatedSince=${since}`)).json();
    expect(rounds.items.map((r: { id: string }) => r.id)).toEqual([round.id]);

    const c = await buildCase(t.db, { region: '10', subject: 'Skrivelse om läkemedelsgenomgångar', receivedDate: '2026-11-03' });
    await t.db.query(`UPDATE cases SET updated_at = '3000-01-01T08:00:00Z' WHERE id = $1`, [c.id]);
    const reg = (await get(`/api/v1/case-register?region=10&updatedSince=${since}`)).json();
    expect(reg.items.map((r: { caseNumber: string }) => r.caseNumber)).toEqual([c.caseNumber]);
  });

  it('refuses a malformed moment with 400 problem+json naming the parameter', async () => {
    for (const url of [
      '/api/v1/knowledge-supports?updatedSince=igår',
      '/api/v1/consultation-rounds?updatedSince=2026-13-01T00:00:00Z',
      '/api/v1/case-register?region=10&updatedSince=2026-11-26',
    ]) {
      const p = problem(await get(url));
      expect(p.status, url).toBe(400);
      expect(p.type).toMatch(/application\/problem\+json/);
      expect(p.body.errors?.[0]?.path, url).toMatch(/updatedSince/);
    }
  });
});
