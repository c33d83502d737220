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
    expect(types).toHaveLength(8); // the seven national types, and Kronoberg's own rutin
    // The sample catalogue came in through the import, with its identifiers.
    const imported = await t.db.query<{ catalogue_id: string }>(
      'SELECT catalogue_id FROM knowledge_supports WHERE catalogue_id IS NOT NULL ORDER BY catalogue_id',
    );
    expect(imported.map((r) => r.catalogue_id)).toEqual([
      'nkk',
      'socialstyrelsen-nationella-riktlinjer',
      'svf-cancer',
      'vardprogram-cancer',
      'vip-psykisk-halsa',
    ]);
    const regional = await t.db.query<{ owner: string }>(`SELECT owner FROM knowledge_supports WHERE type = 'rutin'`);
    expect(regional.map((r) => r.owner)).toEqual(['07']);
    const rounds = (await t.request({ method: 'GET', url: '/api/v1/consultation-rounds?phase=aktuell' })).json().items;
    expect(rounds.map((r: { track: string }) => r.track).sort()).toEqual(['oppen-remiss', 'synpunktsinhamtning']);
    const found = (await t.request({ method: 'GET', url: '/api/v1/knowledge-supports?q=v%C3%A5rdf%C3%B6rloppen' })).json().items;
    expect(found.length).toBeGreaterThanOrEqual(2);
    const additions = await t.db.query<{ n: number }>('SELECT count(*) AS n FROM knowledge_local_additions');
    expect(additions[0]!.n).toBe(1);
  });
});
