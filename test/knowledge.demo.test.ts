import { describe, expect, it } from 'vitest';
import { loadKnowledgeDemo } from '../src/modules/knowledge/demo.js';
import { systemCtx } from '../src/platform/context.js';
import { buildLpo } from '../src/testing/builders.js';
import { useTestApp } from './helpers/app.js';

const t = useTestApp();

describe('the knowledge demo', () => {
  it('loads supports of every type, rounds placed by the calendar and a regional addition', async () => {
    await buildLpo(t.db, { region: '07', programAreaId: 'hjart-och-karlsjukdomar', isDemo: true });
    await loadKnowledgeDemo(t.db, systemCtx('demo'));
    const types = await t.db.query<{ type: string }>('SELECT DISTINCT type FROM knowledge_supports WHERE is_demo ORDER BY type');
    expect(types).toHaveLength(7);
    const rounds = (await t.request({ method: 'GET', url: '/api/v1/consultation-rounds?phase=aktuell' })).json().items;
    expect(rounds.map((r: { track: string }) => r.track).sort()).toEqual(['oppen-remiss', 'synpunktsinhamtning']);
    const found = (await t.request({ method: 'GET', url: '/api/v1/knowledge-supports?q=v%C3%A5rdf%C3%B6rloppen' })).json().items;
    expect(found.length).toBeGreaterThanOrEqual(2);
    const additions = await t.db.query<{ n: number }>('SELECT count(*) AS n FROM knowledge_local_additions');
    expect(additions[0]!.n).toBe(1);
  });
});
