import { describe, expect, it } from 'vitest';
import { loadStructures, readStructures } from '../src/modules/organisation/load-structures.js';
import { systemCtx } from '../src/platform/context.js';
import { useTestApp } from './helpers/app.js';

const t = useTestApp();
const gaps = async (owner: string) =>
  (
    (await t.request({ method: 'GET', url: `/api/v1/mirroring/gaps?owner=${owner}` })).json().missing as {
      programAreaId: string;
    }[]
  ).map((m) => m.programAreaId);
const byKey = async (key: string) =>
  (
    await t.db.query<{
      id: string;
      name: string;
      mirrors_group_id: string | null;
      parent_group_id: string | null;
      parent_relation: string | null;
      program_area_ids: string[];
      host_description: string | null;
    }>(
      'SELECT id, name, mirrors_group_id, parent_group_id, parent_relation, program_area_ids, host_description FROM groups WHERE reference_key = $1',
      [key],
    )
  )[0]!;

describe('the real structures of the source texts, loaded as reference data', () => {
  it('Sydöstra (seed 001): 24 RMPOs mirroring the NPOs by area; only Kirurgi and Perioperativ vård lack one', async () => {
    expect(await gaps('sydostra')).toEqual(['kirurgi-och-plastikkirurgi', 'perioperativ-vard-intensivvard-och-transplantation']);
    const rare = await byKey('sydostra:rmpo:sallsynta-diagnoser');
    expect(rare.name).toBe('RMPO Sällsynta diagnoser');
    expect(rare.mirrors_group_id).toBe((await byKey('npo:sallsynta-sjukdomar')).id);
  });

  it("Sydöstra's four kunskapsråd bundle program areas and report to the regionsjukvårdsledning", async () => {
    const councils = (await t.request({ method: 'GET', url: '/api/v1/groups?owner=sydostra&kind=council' })).json().items;
    expect(councils.map((c: { name: string }) => c.name)).toEqual([
      'Kunskapsråd Diagnostik och sinnen',
      'Kunskapsråd Hälsa och rehabilitering',
      'Kunskapsråd Kirurgi och cancer',
      'Kunskapsråd Medicin och akut vård',
    ]);
    const health = await byKey('sydostra:kunskapsrad:halsa-och-rehabilitering');
    expect(health.program_area_ids).toEqual(
      expect.arrayContaining(['psykisk-halsa', 'levnadsvanor', 'nationellt-primarvardsrad']),
    );
    expect(health.parent_group_id).toBe((await byKey('sydostra:ledningsgrupp:regionsjukvardsledningen')).id);
  });

  it('Region Jönköpings län (seed 000): LPOs with their hosts, mirroring Sydöstra by area, Primärvård the only gap', async () => {
    expect(await gaps('06')).toEqual(['nationellt-primarvardsrad']);
    const dental = await byKey('06:lpo:tandvard');
    expect(dental.host_description).toBe('Folktandvården, folkhälsa och primärvård');
    expect(dental.mirrors_group_id).toBe((await byKey('sydostra:rmpo:tandvard')).id);
    const hosting = (await t.request({ method: 'GET', url: '/api/v1/hosting' })).json();
    expect(hosting.local.filter((l: { owner: string }) => l.owner === '06').length).toBeGreaterThan(1);
  });

  it('Region Blekinge (seed 002): forums prepare for the kunskapsråd; LAGs report to their LSG', async () => {
    const council = await byKey('10:kunskapsrad:kunskapsradet');
    const preparing = await byKey('10:forum:beredningsforum');
    expect([preparing.parent_group_id, preparing.parent_relation]).toEqual([council.id, 'prepares-for']);
    const detail = (await t.request({ method: 'GET', url: `/api/v1/groups/${(await byKey('10:lsg:halsodata')).id}` })).json();
    expect(detail.children.map((c: { name: string }) => c.name)).toContain('LAG kvalitetsregister');
    const missing = await gaps('10');
    expect(missing).not.toContain('psykisk-halsa');
    expect(missing).toContain('akut-vard');
  });

  it('records the rule "one RPO per NPO" for Mellansverige (seed 004)', async () => {
    expect(
      await t.db.query(`SELECT source_id FROM structure_rules WHERE owner = 'mellansverige' AND rule = 'one-rpo-per-npo'`),
    ).toEqual([{ source_id: 'seed-004' }]);
  });

  it('reloading is idempotent and keeps ids', async () => {
    const before = await t.db.query(
      'SELECT id, reference_key, version FROM groups WHERE reference_key IS NOT NULL ORDER BY reference_key',
    );
    const text = readStructures()!;
    expect(await loadStructures(t.db, systemCtx('t'), text)).toEqual({ changed: false });
    await t.db.query(`DELETE FROM reference_files WHERE name = 'structures.json'`);
    expect(await loadStructures(t.db, systemCtx('t'), text)).toEqual({ changed: true });
    expect(
      await t.db.query('SELECT id, reference_key, version FROM groups WHERE reference_key IS NOT NULL ORDER BY reference_key'),
    ).toEqual(before);
  });

  it('refuses a structures file that names an unknown parent, loading nothing', async () => {
    const file = JSON.parse(readStructures()!);
    file.groups.push({
      key: '10:forum:nytt',
      kind: 'forum',
      level: 'region',
      owner: '10',
      name: 'Nytt forum',
      programAreaIds: [],
      parentKey: '10:forum:finns-inte',
      source: 'seed-002',
    });
    await expect(loadStructures(t.db, systemCtx('t'), JSON.stringify(file))).rejects.toThrow(
      /okänd överordnad 10:forum:finns-inte/,
    );
    expect(await t.db.query(`SELECT 1 FROM groups WHERE reference_key = '10:forum:nytt'`)).toHaveLength(0);
  });
});
