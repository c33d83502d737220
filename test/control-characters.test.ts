import { describe, expect, it } from 'vitest';
import { buildApp } from '../src/platform/http/app.js';
import { problem, testConfig, useTestApp } from './helpers/app.js';
import { clock } from '../src/platform/clock.js';

/**
 * Control characters and lone surrogates are refused by validation, naming the field, before
 * they reach the database (PostgreSQL cannot store NUL in text, nor encode a lone surrogate as
 * UTF-8, and answered SQLSTATE 22021 → 500). Tab, newline and carriage return stay allowed.
 */
const t = useTestApp();
const today = clock.today();
const count = async (sql: string) => (await t.db.query<{ n: number }>(sql))[0]!.n;

describe('control characters in the input', () => {
  it.each([
    ['NUL', 'a\u0000b'],
    ['ESC', 'a\u001bb'],
    ['a lone high surrogate', 'a\ud800b'],
    ['a lone low surrogate', 'a\udfffb'],
  ])('%s in a JSON string: 422 naming the field, nothing written', async (_what, bad) => {
    const s = await t.newAdmin();
    const before = await count('SELECT count(*) AS n FROM persons');
    const person = problem(
      await t.request({
        method: 'POST',
        url: '/api/v1/people',
        as: s,
        payload: { name: bad, email: `k-${Date.now()}@example.se`, homeOwner: '10' },
      }),
    );
    expect(person.status).toBe(422);
    expect(person.type).toContain('application/problem+json');
    expect(person.body.errors).toEqual([{ path: 'name', message: expect.stringContaining('styrtecken') }]);
    expect(await count('SELECT count(*) AS n FROM persons')).toBe(before);

    const group = problem(
      await t.request({
        method: 'POST',
        url: '/api/v1/groups',
        as: s,
        payload: { kind: 'forum', level: 'region', owner: '10', name: bad },
      }),
    );
    expect(group.status).toBe(422);
    expect(group.body.errors?.map((e) => e.path)).toEqual(['name']);

    const kase = problem(
      await t.request({
        method: 'POST',
        url: '/api/v1/cases',
        as: s,
        payload: { region: '10', subject: bad, origin: 'local', sender: 'Test', receivedDate: today },
      }),
    );
    expect(kase.status).toBe(422);
    expect(kase.body.errors?.map((e) => e.path)).toEqual(['subject']);
  });

  it('names a nested field, and says it in English on request', async () => {
    const s = await t.newAdmin();
    const res = problem(
      await t.request({
        method: 'POST',
        url: '/api/v1/people',
        as: s,
        headers: { 'accept-language': 'en' },
        payload: { name: 'Åsa', email: `n-${Date.now()}@example.se`, homeOwner: '10', employer: 'x\u0007' },
      }),
    );
    expect(res.status).toBe(422);
    expect(res.body.errors).toEqual([{ path: 'employer', message: expect.stringContaining('control character') }]);
  });

  it.each(['/api/v1/municipalities', '/api/v1/groups', '/api/v1/public/register'])(
    'NUL in ?q= on %s, anonymously: 400 naming the parameter',
    async (url) => {
      for (const q of ['%00', 'a%00', '%1B', '%7F%00']) {
        const res = problem(await t.request({ method: 'GET', url: `${url}?q=${q}` }));
        expect(res.status, `${url}?q=${q}: ${JSON.stringify(res.body)}`).toBe(400);
        expect(res.type).toContain('application/problem+json');
        expect(res.body.errors?.map((e) => e.path)).toEqual(['q']);
      }
      // A surrogate cannot travel in a URL: its UTF-8 bytes are invalid and stay literal text.
      expect((await t.request({ method: 'GET', url: `${url}?q=%ED%A0%80` })).statusCode).toBe(200);
    },
  );

  it('is refused in routes of an encapsulated context too (the file upload, with its own body parser)', async () => {
    const s = await t.newAdmin();
    const kase = await t.request({
      method: 'POST',
      url: '/api/v1/cases',
      as: s,
      payload: { region: '10', subject: 'Uppladdning', origin: 'local', sender: 'Test', receivedDate: today },
    });
    const res = problem(
      await t.request({
        method: 'POST',
        url: `/api/v1/cases/${kase.json<{ id: string }>().id}/documents?fileName=a%00b.txt`,
        as: s,
        headers: { 'content-type': 'text/plain' },
        payload: 'hej',
      }),
    );
    expect(res.status).toBe(400);
    expect(res.body.errors?.map((e) => e.path)).toEqual(['fileName']);
  });

  it('multi-line text keeps tab, newline and carriage return', async () => {
    const s = await t.newAdmin();
    const res = await t.request({
      method: 'POST',
      url: '/api/v1/cases',
      as: s,
      payload: { region: '10', subject: 'Rad ett\r\nRad två\tmed tabb', origin: 'local', sender: 'Test', receivedDate: today },
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json<{ subject: string }>().subject).toBe('Rad ett\r\nRad två\tmed tabb');
  });

  it('a data exception from the database (SQLSTATE class 22) is a 4xx problem, never a 500', async () => {
    // The backstop behind validation: whatever still reaches PostgreSQL and is refused as data.
    const app = await buildApp({ db: t.db, config: testConfig() }, [
      (a) => {
        a.get('/api/v1/x/:code', async (req) => {
          throw Object.assign(new Error('invalid byte sequence for encoding "UTF8": 0x00'), {
            code: (req.params as { code: string }).code,
          });
        });
        a.post('/api/v1/x/:code', async (req) => {
          throw Object.assign(new Error('value too long'), { code: (req.params as { code: string }).code });
        });
      },
    ]);
    try {
      for (const code of ['22021', '22P05', '22001', '22003', '22P02', '22007']) {
        const read = problem(await app.inject({ method: 'GET', url: `/api/v1/x/${code}` }));
        expect(read.status, code).toBe(400);
        expect(read.type).toContain('application/problem+json');
        expect(JSON.stringify(read.body)).not.toContain('UTF8');
        const write = problem(await app.inject({ method: 'POST', url: `/api/v1/x/${code}`, payload: {} }));
        expect(write.status, code).toBe(422);
      }
    } finally {
      await app.close();
    }
  });
});
