import { describe, expect, it } from 'vitest';
import { problem, useTestApp } from './helpers/app.js';

const t = useTestApp();
const get = async (url: string) => {
  const res = await t.request({ method: 'GET', url });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};

async function all(url: string): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  let cursor: string | null = null;
  do {
    const sep = url.includes('?') ? '&' : '?';
    const page = (await get(`${url}${cursor ? `${sep}cursor=${encodeURIComponent(cursor)}` : ''}`)) as {
      items: Record<string, unknown>[];
      nextCursor: string | null;
    };
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return items;
}

describe('GET /api/health', () => {
  it('says which database is in use', async () => {
    const body = await get('/api/health');
    expect(body).toEqual({
      status: 'ok',
      database: process.env.TEST_DATABASE_URL ? 'postgresql' : 'pglite',
      version: expect.any(String),
    });
  });
});

describe('healthcare regions and regions', () => {
  it('lists the six healthcare regions with their member regions', async () => {
    const { items, nextCursor } = await get('/api/v1/healthcare-regions');
    expect(nextCursor).toBeNull();
    const byId = Object.fromEntries(items.map((h: { id: string; regionCodes: string[] }) => [h.id, h.regionCodes]));
    expect(Object.keys(byId).sort()).toEqual(['mellansverige', 'norra', 'sodra', 'stockholm-gotland', 'sydostra', 'vastra']);
    expect(byId.sydostra).toEqual(['05', '06', '08']);
    expect(byId.sodra).toContain('13');
    expect(byId.vastra).toContain('13');
    expect(items[0]).toEqual({ id: expect.any(String), name: expect.any(String), regionCodes: expect.any(Array), version: 1 });
  });

  it('lists 21 regions by county code; Halland belongs to both Södra and Västra', async () => {
    const items = await all('/api/v1/regions');
    expect(items).toHaveLength(21);
    expect(items.map((r) => r.code)).toEqual([...items.map((r) => r.code)].sort());
    expect(items.find((r) => r.code === '13')).toMatchObject({
      name: 'Region Halland',
      healthcareRegionIds: ['sodra', 'vastra'],
    });
    expect(items.find((r) => r.code === '07')).toMatchObject({ healthcareRegionIds: ['sodra'], municipalityCount: 8 });
  });

  it('pages with limit and cursor without losing or repeating rows', async () => {
    const first = await get('/api/v1/regions?limit=5');
    expect(first.items).toHaveLength(5);
    expect(first.nextCursor).toEqual(expect.any(String));
    const rest = await all(`/api/v1/regions?limit=5`);
    expect(new Set(rest.map((r) => r.code)).size).toBe(21);
  });

  it('answers unknown ids with 404 problem+json and malformed codes with 400', async () => {
    const nf = problem(await t.request({ method: 'GET', url: '/api/v1/regions/99' }));
    expect(nf.status).toBe(404);
    expect(nf.type).toContain('application/problem+json');
    expect(nf.body.detail).toContain('99');
    const bad = problem(await t.request({ method: 'GET', url: '/api/v1/regions/7' }));
    expect(bad.status).toBe(400);
    expect(problem(await t.request({ method: 'GET', url: '/api/v1/healthcare-regions/atlantis' })).status).toBe(404);
  });
});

describe('municipalities', () => {
  it('lists all 290 municipalities, 50 per page by default', async () => {
    const first = await get('/api/v1/municipalities');
    expect(first.items).toHaveLength(50);
    const items = await all('/api/v1/municipalities?limit=500');
    expect(items).toHaveLength(290);
    expect(new Set(items.map((m) => m.code)).size).toBe(290);
    for (const m of items) expect(String(m.code).slice(0, 2)).toBe(m.regionCode);
  });

  it('filters by region: Kronoberg (07) has its 8 municipalities, Växjö among them', async () => {
    const { items } = await get('/api/v1/municipalities?region=07');
    expect(items).toHaveLength(8);
    expect(items.find((m: { name: string }) => m.name === 'Växjö')).toMatchObject({
      code: '0780',
      regionCode: '07',
      healthcareRegionId: 'sodra',
    });
  });

  it('splits Halland between Södra and Västra per municipality', async () => {
    const { items } = await get('/api/v1/municipalities?region=13');
    const by = Object.fromEntries(items.map((m: { name: string; healthcareRegionId: string }) => [m.name, m.healthcareRegionId]));
    expect(by).toEqual({
      Falkenberg: 'vastra',
      Halmstad: 'sodra',
      Hylte: 'sodra',
      Kungsbacka: 'vastra',
      Laholm: 'sodra',
      Varberg: 'vastra',
    });
  });

  it('searches by part of the name, also with Swedish letters', async () => {
    const { items } = await get(`/api/v1/municipalities?q=${encodeURIComponent('ÄLV')}`);
    expect(items.map((m: { name: string }) => m.name)).toEqual(expect.arrayContaining(['Älvdalen', 'Älvkarleby', 'Älvsbyn']));
  });

  it('refuses region "99" and malformed filters with a clear 400', async () => {
    const p = problem(await t.request({ method: 'GET', url: '/api/v1/municipalities?region=99' }));
    expect(p.status).toBe(400);
    expect(p.body.errors).toEqual([{ path: 'region', message: 'okänd länskod' }]);
    expect(problem(await t.request({ method: 'GET', url: '/api/v1/municipalities?region=abc' })).status).toBe(400);
    expect(problem(await t.request({ method: 'GET', url: '/api/v1/municipalities?limit=501' })).status).toBe(400);
    expect(problem(await t.request({ method: 'GET', url: '/api/v1/municipalities?cursor=garbage' })).status).toBe(400);
    expect(problem(await t.request({ method: 'GET', url: '/api/v1/municipalities?bogus=1' })).status).toBe(400);
  });
});

describe('program areas and national groups', () => {
  it('lists the NPO areas of npo.csv and Nationellt primärvårdsråd with hosts, null where unknown', async () => {
    const items = (await all('/api/v1/program-areas')) as {
      id: string;
      hostHealthcareRegionId: string | null;
      hostStatus: string;
      sources: { id: string; url: string | null }[];
    }[];
    expect(items).toHaveLength(26);
    const by = Object.fromEntries(items.map((p) => [p.id, p]));
    expect(by['akut-vard']).toMatchObject({
      name: 'Akut vård',
      hostHealthcareRegionId: 'mellansverige',
      hostStatus: 'confirmed',
    });
    expect(by['nationellt-primarvardsrad']).toMatchObject({
      kind: 'primarvardsrad',
      hostHealthcareRegionId: 'sodra',
      hostStatus: 'partly_confirmed',
    });
    expect(by['reumatiska-sjukdomar']).toMatchObject({ hostHealthcareRegionId: null, hostStatus: 'unknown' });
    expect(by['cancersjukdomar']).toMatchObject({ hostHealthcareRegionId: null, hostOther: 'SKR (RCC i samverkan)' });
    expect(by['akut-vard']!.sources[0]).toMatchObject({ id: 'S09', url: expect.stringMatching(/^https:/) });
  });

  it('loads the national collaboration groups with their status', async () => {
    const { items } = await get('/api/v1/groups?level=national&kind=collaboration-group&limit=100');
    const by = Object.fromEntries(items.map((g: { name: string; factStatus: string }) => [g.name, g.factStatus]));
    expect(by['Nationell samverkansgrupp patientsäkerhet']).toBe('confirmed');
    expect(Object.values(by)).toContain('seed_002');
    const npo = await get('/api/v1/groups?level=national&kind=program-area&programArea=psykisk-halsa');
    expect(npo.items).toHaveLength(1);
    expect(npo.items[0]).toMatchObject({ level: 'national', owner: 'national', programAreaIds: ['psykisk-halsa'] });
  });
});
