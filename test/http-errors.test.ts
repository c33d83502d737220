import { describe, expect, it } from 'vitest';
import { problem, useTestApp } from './helpers/app.js';

const t = useTestApp({ bodyLimitBytes: 10_000 });

describe('bad input gets problem+json, never a 500, and changes nothing', () => {
  it('malformed JSON → 400', async () => {
    const s = await t.newAdmin();
    const p = problem(
      await t.request({
        method: 'POST',
        url: '/api/v1/users',
        as: s,
        headers: { 'content-type': 'application/json' },
        payload: '{"email": "a@b.se",',
      }),
    );
    expect(p.status).toBe(400);
    expect(p.type).toContain('application/problem+json');
    expect(p.body).toMatchObject({ title: expect.any(String), detail: expect.stringContaining('JSON') });
  });

  it('oversized body → 413', async () => {
    const s = await t.newAdmin();
    const p = problem(
      await t.request({
        method: 'POST',
        url: '/api/v1/users',
        as: s,
        payload: { email: 'x@example.se', name: 'x'.repeat(20_000) },
      }),
    );
    expect(p.status).toBe(413);
  });

  it('wrong content type → 415', async () => {
    const s = await t.newAdmin();
    const p = problem(
      await t.request({ method: 'POST', url: '/api/v1/users', as: s, headers: { 'content-type': 'text/plain' }, payload: 'hej' }),
    );
    expect(p.status).toBe(415);
  });

  it('unknown API path → 404 problem+json; unknown fields → 422 naming them', async () => {
    const nf = problem(await t.request({ method: 'GET', url: '/api/v1/finns-inte' }));
    expect(nf.status).toBe(404);
    expect(nf.type).toContain('application/problem+json');
    const p = problem(
      await t.request({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email: 'a@b.se', password: 'x', __proto__x: 1, admin: true },
      }),
    );
    expect(p.status).toBe(422);
    expect(p.body.errors?.map((e) => e.path).sort()).toEqual(['__proto__x', 'admin']);
  });

  it('messages are Swedish by default and English on request', async () => {
    const sv = problem(await t.request({ method: 'POST', url: '/api/v1/auth/login', payload: { email: 'a@b.se' } }));
    expect(sv.body.errors).toEqual([{ path: 'password', message: 'obligatoriskt fält saknas' }]);
    const en = problem(
      await t.request({
        method: 'POST',
        url: '/api/v1/auth/login',
        headers: { 'accept-language': 'en-GB' },
        payload: { email: 'a@b.se' },
      }),
    );
    expect(en.body.errors).toEqual([{ path: 'password', message: 'is required' }]);
  });

  it('a malformed e-mail address is named in words, in both languages, and nothing is written', async () => {
    const s = await t.newAdmin();
    const sv = problem(
      await t.request({ method: 'POST', url: '/api/v1/users', as: s, payload: { email: 'anna.region.se', name: 'Anna' } }),
    );
    expect(sv.status).toBe(422);
    expect(sv.body.errors).toEqual([{ path: 'email', message: 'ska vara en e-postadress, till exempel namn@region.se' }]);
    const en = problem(
      await t.request({
        method: 'POST',
        url: '/api/v1/users',
        as: s,
        headers: { 'accept-language': 'en' },
        payload: { email: 'anna.region.se', name: 'Anna' },
      }),
    );
    expect(en.body.errors).toEqual([{ path: 'email', message: 'must be an e-mail address, such as name@region.se' }]);
    const list = await t.request({ method: 'GET', url: '/api/v1/users?q=anna.region.se', as: s });
    expect(list.statusCode).toBe(200);
    expect(list.json().items).toEqual([]);
  });

  it('a malformed date is refused naming the field, including impossible dates', async () => {
    const s = await t.newAdmin();
    for (const from of ['2027-02-30', '2027-3-1', 'igår']) {
      const p = problem(await t.request({ method: 'GET', url: `/api/v1/audit?from=${from}`, as: s }));
      expect(p.status, from).toBe(400);
      expect(p.body.errors?.[0]?.path).toBe('from');
    }
  });

  it('sends request ids and security headers', async () => {
    const res = await t.request({ method: 'GET', url: '/api/health', headers: { 'x-request-id': 'test-request-0001' } });
    expect(res.headers['x-request-id']).toBe('test-request-0001');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    const generated = await t.request({ method: 'GET', url: '/api/health', headers: { 'x-request-id': 'bad id with spaces' } });
    expect(generated.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });
});
