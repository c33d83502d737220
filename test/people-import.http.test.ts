import { describe, expect, it } from 'vitest';
import { useTestApp } from './helpers/app.js';
import { useClock } from './helpers/clock.js';

const t = useTestApp();
useClock('2026-11-02');

const BOM = '\uFEFF';
const csv = [
  'Namn;E-post;HSA-id;Yrke/titel;Arbetsgivare',
  'Anna Andersson;anna.andersson@example.se;SE2321000065-imp1;Läkare;Region Östergötland',
  'Bertil Berg;bertil.berg@example.se;SE2321000065-imp2;Sjuksköterska;Region Östergötland',
  'Anna A. igen;annan.adress@example.se;SE2321000065-imp1;Läkare;Region Östergötland',
  'Cecilia Ceder;inte-en-adress;;Fysioterapeut;',
  'Befintlig Person;befintlig@example.se;;;',
  'David Dahl;DAVID.DAHL@example.se;;;Linköpings kommun',
].join('\r\n');
const body = (dryRun: boolean, extra: Record<string, unknown> = {}) => ({
  fileName: 'personer.csv',
  contentBase64: Buffer.from(BOM + csv + '\r\n', 'utf8').toString('base64'),
  homeOwner: '05',
  dryRun,
  ...extra,
});

describe('person import from CSV', () => {
  it('dry run reports per row, the confirm registers the new ones, a second run finds them all', async () => {
    const c = await t.newUser([{ role: 'samordnare', scopeType: 'region', scopeId: '05' }]);
    const existing = await t.request({
      method: 'POST',
      url: '/api/v1/people',
      as: c,
      payload: { name: 'Befintlig Person', email: 'befintlig@example.se', homeOwner: '05' },
    });
    expect(existing.statusCode, existing.body).toBe(201);
    const countPersons = async () => (await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM persons'))[0]!.n;
    const before = await countPersons();

    const dry = await t.request({ method: 'POST', url: '/api/v1/people/imports', as: c, payload: body(true) });
    expect(dry.statusCode, dry.body).toBe(200);
    const report = dry.json();
    expect(report.rows.map((r: { row: number; outcome: string }) => [r.row, r.outcome])).toEqual([
      [2, 'new'],
      [3, 'new'],
      [4, 'error'],
      [5, 'error'],
      [6, 'existing'],
      [7, 'new'],
    ]);
    expect(report.rows[2].messages[0]).toMatch(/Samma HSA-id som rad 2/);
    expect(report.rows[3].messages[0]).toMatch(/inte en giltig e-postadress/);
    expect(report.rows[4]).toMatchObject({ personId: existing.json().id });
    expect(report.rows[4].messages[0]).toMatch(/ändras inte/);
    expect(report.rows[5].email).toBe('david.dahl@example.se');
    expect(report.summary).toEqual({ new: 3, existing: 1, errors: 2, created: 0 });
    expect(await countPersons()).toBe(before);

    const done = await t.request({ method: 'POST', url: '/api/v1/people/imports', as: c, payload: body(false) });
    expect(done.statusCode, done.body).toBe(201);
    expect(done.json().summary).toEqual({ new: 3, existing: 1, errors: 2, created: 3 });
    expect(await countPersons()).toBe(before + 3);
    const anna = await t.db.query<{ name: string; profession: string; employer: string; home_owner: string }>(
      `SELECT name, profession, employer, home_owner FROM persons WHERE hsa_id = 'SE2321000065-imp1'`,
    );
    expect(anna).toEqual([{ name: 'Anna Andersson', profession: 'Läkare', employer: 'Region Östergötland', home_owner: '05' }]);
    const created = await t.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_events a JOIN persons p ON a.entity_id = p.id::text
        WHERE a.entity_type = 'person' AND a.action = 'create' AND p.hsa_id LIKE 'SE2321000065-imp%'`,
    );
    expect(created[0]!.n).toBe(2);
    const summaries = await t.db.query<{ after: { created: number; personIds: string[] } }>(
      `SELECT after FROM audit_events WHERE entity_type = 'person-import' AND action = 'import'`,
    );
    expect(summaries).toHaveLength(1);
    expect(summaries[0]!.after).toMatchObject({ created: 3, existing: 1, errors: 2 });
    expect(summaries[0]!.after.personIds).toHaveLength(3);

    const again = await t.request({ method: 'POST', url: '/api/v1/people/imports', as: c, payload: body(false) });
    expect(again.statusCode, again.body).toBe(201);
    expect(again.json().summary).toEqual({ new: 0, existing: 4, errors: 2, created: 0 });
    expect(await countPersons()).toBe(before + 3);
    // Nothing created, nothing to summarise.
    expect((await t.db.query(`SELECT 1 FROM audit_events WHERE entity_type = 'person-import'`)).length).toBe(1);
  });

  it('refuses callers without people.manage in the register, and unreadable files', async () => {
    const other = await t.newUser([{ role: 'samordnare', scopeType: 'region', scopeId: '10' }]);
    const plain = await t.newUser([]);
    expect((await t.request({ method: 'POST', url: '/api/v1/people/imports', payload: body(true) })).statusCode).toBe(401);
    expect((await t.request({ method: 'POST', url: '/api/v1/people/imports', as: other, payload: body(true) })).statusCode).toBe(
      403,
    );
    expect((await t.request({ method: 'POST', url: '/api/v1/people/imports', as: plain, payload: body(false) })).statusCode).toBe(
      403,
    );
    const admin = await t.newAdmin();
    const noHeader = await t.request({
      method: 'POST',
      url: '/api/v1/people/imports',
      as: admin,
      payload: body(true, { contentBase64: Buffer.from('a,b\n1,2\n').toString('base64') }),
    });
    expect(noHeader.statusCode).toBe(422);
    expect(noHeader.json().detail).toMatch(/namn.*e-post/);
  });
});
