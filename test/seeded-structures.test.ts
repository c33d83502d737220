import { describe, expect, it } from 'vitest';
import { loadStructures, readStructures } from '../src/modules/organisation/load-structures.js';
import { clockIsSet, setClock, todayInSweden } from '../src/platform/clock.js';
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

  it('Västra (seed 003): Primärvårdsrådet and the nine regional stödfunktioner; 23 RPO unnamed, every missing processteam a gap', async () => {
    const functions = (await t.request({ method: 'GET', url: '/api/v1/groups?owner=vastra&kind=support-function' })).json().items;
    expect(functions.map((f: { name: string }) => f.name)).toEqual([
      'Regional stödfunktion Ekonomi',
      'Regional stödfunktion Forskning och Life Science',
      'Regional stödfunktion FVM (Framtidens vårdinformationsmiljö) och digitalisering',
      'Regional stödfunktion Förbättring och utveckling',
      'Regional stödfunktion Kommunikation',
      'Regional stödfunktion Kunskapsstöd',
      'Regional stödfunktion Läkemedel/medicinteknik',
      'Regional stödfunktion Patientsäkerhet',
      'Regional stödfunktion Uppföljning och analys',
    ]);
    const report = (await t.request({ method: 'GET', url: '/api/v1/mirroring/gaps?owner=vastra' })).json();
    // only Primärvårdsrådet is named; the seed's "23 regionala programområden samt ett Primärvårdsråd" are counted
    expect(report.expectedCounts).toEqual([
      { rule: 'twenty-three-rpo-and-a-primarvardsrad', expected: 24, recorded: 1, sourceId: 'seed-003' },
    ]);
    const council = await byKey('vastra:rad:primarvardsradet');
    expect(report.processTeams).toEqual([{ groupId: council.id, name: 'Primärvårdsrådet', missing: 'regional-process-team' }]);
  });

  it('Västra (seed 003): a regional processteam closes its gap, and its local processteam the next', async () => {
    const admin = await t.newAdmin();
    const council = await byKey('vastra:rad:primarvardsradet');
    const team = await t.request({
      method: 'POST',
      url: '/api/v1/groups',
      as: admin,
      payload: {
        kind: 'process-team',
        level: 'healthcare-region',
        owner: 'vastra',
        name: 'Regionalt processteam Primärvård (test)',
        parentGroupId: council.id,
      },
    });
    expect(team.statusCode).toBe(201);
    const gaps = async () => (await t.request({ method: 'GET', url: '/api/v1/mirroring/gaps?owner=vastra' })).json().processTeams;
    expect(await gaps()).toEqual([
      { groupId: team.json().id, name: 'Regionalt processteam Primärvård (test)', missing: 'local-process-team' },
    ]);
    const local = await t.request({
      method: 'POST',
      url: '/api/v1/groups',
      as: admin,
      payload: {
        kind: 'process-team',
        level: 'region',
        owner: '14',
        name: 'Lokalt processteam Primärvård (test)',
        mirrorsGroupId: team.json().id,
      },
    });
    expect(local.statusCode).toBe(201);
    expect(await gaps()).toEqual([]);
    // a local processteam cannot mirror a team of another healthcare region
    const wrong = await t.request({
      method: 'POST',
      url: '/api/v1/groups',
      as: admin,
      payload: {
        kind: 'process-team',
        level: 'region',
        owner: '10',
        name: 'Lokalt processteam (test)',
        mirrorsGroupId: team.json().id,
      },
    });
    expect(wrong.statusCode).toBe(422);
  });

  it("Sydöstra's RSGs (seed 001): each mirrors its NSG; Upphandling, Hållbar utveckling and eSpir have no national counterpart", async () => {
    const report = (await t.request({ method: 'GET', url: '/api/v1/mirroring/gaps?owner=sydostra' })).json();
    const rsg = Object.fromEntries(
      report.collaborationGroups.map((c: { name: string; state: string; mirrors: { name: string } | null }) => [
        c.name,
        [c.state, c.mirrors?.name ?? null],
      ]),
    );
    expect(rsg).toEqual({
      'RSG eSpir': ['no-counterpart', null],
      'RSG Forskning och Life Science': ['mirrored', 'Nationell samverkansgrupp forskning och life science'],
      'RSG Hållbar utveckling': ['no-counterpart', null],
      'RSG Kvalitetsregister': ['mirrored', 'Nationell samverkansgrupp kvalitetsregister'],
      'RSG Läkemedel och medicinteknisk utrustning': ['mirrored', 'Nationell samverkansgrupp läkemedel och medicinteknik'],
      'RSG Metoder för kunskapsstöd': ['mirrored', 'Nationell samverkansgrupp metoder för kunskapsstöd'],
      'RSG Patientsäkerhet': ['mirrored', 'Nationell samverkansgrupp patientsäkerhet'],
      'RSG Uppföljning och analys': ['mirrored', 'Nationell samverkansgrupp uppföljning och analys'],
      'RSG Upphandling': ['no-counterpart', null],
    });
    const procurement = report.collaborationGroups.find((c: { name: string }) => c.name === 'RSG Upphandling');
    expect(procurement.noCounterpartReason).toBe(
      'Samverkansgrupperna för upphandling, hållbar utveckling och eSpir saknar motsvarighet i det nationella systemet.',
    );
    const nsg = (await t.request({ method: 'GET', url: `/api/v1/groups/${(await byKey('nsg:patientsakerhet')).id}` })).json();
    expect(nsg.mirroredBy.map((m: { name: string }) => m.name)).toContain('RSG Patientsäkerhet');
  });

  it("Region Blekinge (seed 002): LSVO's agreement, its six program areas and three NSGs, valid three years from 24 May 2024", async () => {
    const lsvo = await byKey('10:ledningsgrupp:lsvo');
    const detail = (await t.request({ method: 'GET', url: `/api/v1/groups/${lsvo.id}` })).json();
    expect(detail.agreements).toHaveLength(1);
    const a = detail.agreements[0];
    expect(a).toMatchObject({
      name: 'Kunskapsstyrning hälso- och sjukvård – En överenskommelse i samverkan',
      decidedOn: '2024-05-24',
      validUntil: '2027-05-24',
      programAreaIds: [
        'barn-och-ungdomars-halsa',
        'psykisk-halsa',
        'nationellt-primarvardsrad',
        'aldres-halsa-och-palliativ-vard',
        'rehabilitering-habilitering-och-forsakringsmedicin',
        'levnadsvanor',
      ],
      sourceId: 'seed-002',
    });
    expect(a.decidedBy.name).toBe('Ledningssamarbeten vård och omsorg');
    expect(a.groups.map((g: { name: string }) => g.name)).toEqual([
      'Nationell samverkansgrupp hälsodata',
      'Nationell samverkansgrupp patientsäkerhet',
      'Nationell samverkansgrupp stöd för utveckling',
    ]);
    const report = (await t.request({ method: 'GET', url: '/api/v1/mirroring/gaps?owner=10' })).json();
    expect(report.agreements.map((x: { id: string }) => x.id)).toEqual([a.id]);
  });

  it("LSVO's agreement is warned inside the reminder window before 24 May 2027, and said to have ended after", async () => {
    const lsvo = await byKey('10:ledningsgrupp:lsvo');
    const before = clockIsSet() ? todayInSweden() : undefined;
    const at = async (day: string) => {
      setClock(day);
      try {
        const a = (await t.request({ method: 'GET', url: `/api/v1/groups/${lsvo.id}` })).json().agreements[0];
        return [a.state, a.daysLeft];
      } finally {
        setClock(before);
      }
    };
    // the test app's reminder window is the default, 90 days (NAVET_REMINDER_DAYS)
    expect(await at('2026-12-31')).toEqual(['valid', 144]);
    expect(await at('2027-02-23')).toEqual(['ending-soon', 90]);
    expect(await at('2027-05-24')).toEqual(['ending-soon', 0]);
    expect(await at('2027-05-25')).toEqual(['ended', -1]);
  });

  it('Region Blekinge (seed 002): 26 LPO, three named; the rest stay gaps, no name invented', async () => {
    const report = (await t.request({ method: 'GET', url: '/api/v1/mirroring/gaps?owner=10' })).json();
    expect(report.expectedCounts).toEqual([{ rule: 'twenty-six-lpo', expected: 26, recorded: 3, sourceId: 'seed-002' }]);
    const lpos = (await t.request({ method: 'GET', url: '/api/v1/groups?owner=10&kind=program-area' })).json().items;
    expect(lpos.map((g: { name: string }) => g.name)).toEqual([
      'Lokalt Primärvårdsråd',
      'LPO Cancersjukdomar',
      'LPO Psykisk hälsa',
    ]);
    expect(report.missing.length + report.unlinked.length + report.covered.length).toBeGreaterThanOrEqual(23);
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
