import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../src/platform/http/app.js';
import { buildKnowledgeSupport, buildLpo } from '../src/testing/builders.js';
import { testConfig, useTestApp } from './helpers/app.js';
import { secondProcess } from './helpers/second-process.js';

/**
 * The public structure's lists (insyn) are the same for every anonymous caller and served by the
 * read cache (src/platform/http/read-cache.ts): a write through the use cases shows in every
 * process at once, and a signed-in caller never gets the anonymous answer.
 */
const t = useTestApp({ publicStructure: true });
let other: App;
beforeAll(async () => {
  other = await secondProcess(t.db, testConfig({ publicStructure: true }));
});
afterAll(async () => other?.close());

const names = async (app: App, url: string, field: 'name' | 'title') => {
  const res = await app.inject({ method: 'GET', url });
  expect(res.statusCode, res.body).toBe(200);
  return (JSON.parse(res.body) as { items: Record<string, string>[] }).items.map((i) => i[field]);
};

describe('anonymous public lists through the read cache', () => {
  it('the group list shows a new group in both processes', async () => {
    const url = '/api/v1/groups?limit=200&owner=07';
    const before = await names(t.app, url, 'name');
    await names(other, url, 'name');
    await buildLpo(t.db, { region: '07', programAreaId: 'hjart-och-karlsjukdomar', name: 'LPO Hjärta Kronoberg (cachetest)' });
    for (const app of [t.app, other]) {
      const after = await names(app, url, 'name');
      expect(after).toContain('LPO Hjärta Kronoberg (cachetest)');
      expect(after.length).toBe(before.length + 1);
    }
  });

  it('the catalogue shows a new support in both processes; a signed-in caller gets its own answer', async () => {
    const url = '/api/v1/knowledge-supports?limit=200';
    const before = await names(t.app, url, 'title');
    await names(other, url, 'title');
    await buildKnowledgeSupport(t.db, { title: 'Åtgärder vid hjärtsvikt (cachetest)' });
    for (const app of [t.app, other]) expect(await names(app, url, 'title')).toContain('Åtgärder vid hjärtsvikt (cachetest)');
    expect((await names(other, url, 'title')).length).toBe(before.length + 1);

    // What a caller may do is in the answer, so a signed-in caller's is built for them, never kept.
    const actions = (body: string) => (JSON.parse(body) as { items: { allowedActions: unknown[] }[] }).items[0]!.allowedActions;
    const anonymous = await t.app.inject({ method: 'GET', url });
    expect(anonymous.headers.etag).toMatch(/^"c-/);
    expect(actions(anonymous.body)).toEqual([]);
    const signedIn = await t.request({ method: 'GET', url, as: await t.newAdmin() });
    expect(signedIn.statusCode).toBe(200);
    expect(signedIn.headers.etag).not.toMatch(/^"c-/);
    expect(actions(signedIn.body)).not.toEqual([]);
  });
});
