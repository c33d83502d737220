import { describe, expect, it } from 'vitest';
import { nextSequence } from '../src/modules/cases/repository.js';
import { problem, useTestApp } from './helpers/app.js';

const t = useTestApp();
const body = (o: Record<string, unknown> = {}) => ({
  region: '10',
  subject: 'Remiss: Nationellt kliniskt kunskapsstöd hjärtsvikt',
  origin: 'national',
  sender: 'Nationellt programområde hjärt- och kärlsjukdomar',
  receivedDate: '2026-11-02',
  ...o,
});

describe('case register: POST /api/v1/cases', () => {
  it('numbers cases 1, 2, 3 per region and year, with a diarienummer', async () => {
    const c = await t.newUser([{ role: 'samordnare', scopeType: 'region', scopeId: '10' }]);
    const first = await t.request({ method: 'POST', url: '/api/v1/cases', as: c, payload: body() });
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({
      id: expect.any(String),
      caseNumber: 'R10 2026/1',
      year: 2026,
      sequence: 1,
      status: 'registrerad',
      region: '10',
    });
    const second = (
      await t.request({
        method: 'POST',
        url: '/api/v1/cases',
        as: c,
        payload: body({ origin: 'agency', sender: 'Socialstyrelsen' }),
      })
    ).json();
    expect(second.sequence).toBe(2);
    const lastYear = (
      await t.request({ method: 'POST', url: '/api/v1/cases', as: c, payload: body({ receivedDate: '2025-12-30' }) })
    ).json();
    expect([lastYear.year, lastYear.sequence]).toEqual([2025, 1]);
    const list = (await t.request({ method: 'GET', url: '/api/v1/cases?region=10&year=2026', as: c })).json();
    expect(list.items.map((x: { sequence: number }) => x.sequence)).toEqual([2, 1]);
  });

  it('keeps the sequence gapless and unique under concurrent registration', async () => {
    const c = await t.newUser([{ role: 'samordnare', scopeType: 'region', scopeId: '12' }]);
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        t.request({ method: 'POST', url: '/api/v1/cases', as: c, payload: body({ region: '12', subject: `Ärende ${i}` }) }),
      ),
    );
    expect(results.map((r) => r.statusCode)).toEqual(Array(20).fill(201));
    const sequences = results.map((r) => r.json().sequence as number).sort((a, b) => a - b);
    expect(sequences).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
  });

  it('a registration that fails inside its transaction gives its number back', async () => {
    await expect(
      t.db.transaction(async (tx) => {
        expect(await nextSequence(tx, '14', 2026)).toBe(1);
        throw new Error('crash after numbering');
      }),
    ).rejects.toThrow('crash after numbering');
    const admin = await t.newAdmin();
    expect(
      (await t.request({ method: 'POST', url: '/api/v1/cases', as: admin, payload: body({ region: '14' }) })).json().sequence,
    ).toBe(1);
  });

  it('refuses bad input with 4xx and consumes no number', async () => {
    const admin = await t.newAdmin();
    const bad: [Record<string, unknown>, number, string][] = [
      [body({ region: '99' }), 422, 'region'],
      [body({ region: '7' }), 422, 'region'],
      [body({ origin: 'kommunen' }), 422, 'origin'],
      [body({ receivedDate: '2026-02-30' }), 422, 'receivedDate'],
      [body({ receivedDate: '2099-01-01' }), 422, 'receivedDate'],
      [body({ subject: '' }), 422, 'subject'],
      [{ ...body(), caseNumber: 'R10 2026/99' }, 422, 'caseNumber'],
    ];
    for (const [payload, status, path] of bad) {
      const p = problem(
        await t.request({
          method: 'POST',
          url: '/api/v1/cases',
          as: admin,
          payload: { ...payload, region: payload.region ?? '20' },
        }),
      );
      expect(p.status, JSON.stringify(payload)).toBe(status);
      expect(p.body.errors?.map((e) => e.path)).toContain(path);
    }
    expect(await t.db.query(`SELECT 1 FROM case_sequences WHERE region_code = '20'`)).toHaveLength(0);
  });

  it("denies registering in another region (403) and hides other regions' cases", async () => {
    const blekinge = await t.newUser([{ role: 'samordnare', scopeType: 'region', scopeId: '10' }]);
    const kalmar = await t.newUser([{ role: 'samordnare', scopeType: 'region', scopeId: '08' }]);
    expect((await t.request({ method: 'POST', url: '/api/v1/cases', as: kalmar, payload: body() })).statusCode).toBe(403);
    expect((await t.request({ method: 'POST', url: '/api/v1/cases', payload: body() })).statusCode).toBe(401);
    const own = (await t.request({ method: 'POST', url: '/api/v1/cases', as: blekinge, payload: body() })).json();
    expect((await t.request({ method: 'GET', url: `/api/v1/cases/${own.id}`, as: kalmar })).statusCode).toBe(404);
    const list = (await t.request({ method: 'GET', url: '/api/v1/cases', as: kalmar })).json();
    expect(list.items).toEqual([]);
  });
});
