import { describe, expect, it } from 'vitest';
import { useTestApp } from './helpers/app.js';

const t = useTestApp();

const owners = async (as: Awaited<ReturnType<typeof t.newUser>>) => {
  const res = await t.request({ method: 'GET', url: '/api/v1/knowledge-supports/owners', as });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<{ items: { owner: string; kind: string; name: string }[] }>().items;
};

describe('GET /api/v1/knowledge-supports/owners: whom the caller authors supports for', () => {
  it("a region's samordnare gets only the region, with its Swedish name", async () => {
    const kronoberg = await t.newUser([{ role: 'samordnare', scopeType: 'region', scopeId: '07' }]);
    expect(await owners(kronoberg)).toEqual([{ owner: '07', kind: 'region', name: 'Region Kronoberg' }]);
  });

  it("a healthcare region's samordnare gets the healthcare region and its regions", async () => {
    const syd = await t.newUser([{ role: 'samordnare', scopeType: 'healthcare-region', scopeId: 'sodra' }]);
    const items = await owners(syd);
    expect(items[0]).toMatchObject({ owner: 'sodra', kind: 'healthcare-region' });
    expect(items.map((o) => o.owner)).toEqual(expect.arrayContaining(['sodra', '07', '10']));
    expect(items.map((o) => o.owner)).not.toContain('national');
    expect(items.map((o) => o.owner)).not.toContain('01');
  });

  it('an administrator gets the nation first, then every healthcare region and region', async () => {
    const admin = await t.newAdmin();
    const items = await owners(admin);
    expect(items[0]).toEqual({ owner: 'national', kind: 'national', name: 'Nationellt' });
    expect(items.filter((o) => o.kind === 'healthcare-region')).toHaveLength(6);
    expect(items.filter((o) => o.kind === 'region')).toHaveLength(21);
  });

  it('a reader gets none; anonymous is refused', async () => {
    expect(await owners(await t.newUser())).toEqual([]);
    const anon = await t.request({ method: 'GET', url: '/api/v1/knowledge-supports/owners' });
    expect(anon.statusCode).toBe(401);
  });
});
