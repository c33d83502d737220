/**
 * Regions own their indicators and their targets (issue 18): a region's samordnare defines and
 * changes the region's indicators and sets their targets; its controller defines them but leaves
 * the targets to the samordnare; a municipality's are kept by its region; national indicators
 * only by national roles. Another region's samordnare is refused (403: indicators are read by all
 * signed in), nothing is written, and every accepted write is audited with the owner.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { problem, useTestApp, type Session } from './helpers/app.js';

const t = useTestApp();
let admin: Session;
let kronoberg: Session;
let kronobergController: Session;
let blekinge: Session;
let sodra: Session;
let reader: Session;
let nationalGoal: string;
let blekingeGoal: string;
let kronobergGoal: string;

const body = (code: string, extra: Record<string, unknown> = {}) => ({
  code,
  name: 'Andel patienter med vårdplan',
  definition: 'Andel patienter med upprättad vårdplan inom 30 dagar.',
  unit: '%',
  direction: 'higher',
  periodicity: 'year',
  source: 'own-measurement',
  ...extra,
});
const create = (as: Session, payload: Record<string, unknown>) =>
  t.request({ method: 'POST', url: '/api/v1/indicators', as, payload });
const patch = (as: Session, id: string, payload: Record<string, unknown>) =>
  t.request({ method: 'PATCH', url: `/api/v1/indicators/${id}`, as, payload });
const audits = async (id: string) =>
  (
    await t.db.query<{ action: string; after: { owner?: string } }>(
      `SELECT action, after FROM audit_events WHERE entity_type = 'indicator' AND entity_id = $1 ORDER BY id`,
      [id],
    )
  ).map((a) => [a.action, a.after.owner]);
const goal = async (owner: string, title: string) => {
  const res = await t.request({ method: 'POST', url: '/api/v1/goals', as: admin, payload: { owner, title } });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ id: string }>().id;
};

beforeAll(async () => {
  admin = await t.newAdmin();
  kronoberg = await t.newUser([{ role: 'samordnare', scopeType: 'region', scopeId: '07' }]);
  kronobergController = await t.newUser([{ role: 'controller', scopeType: 'region', scopeId: '07' }]);
  blekinge = await t.newUser([{ role: 'samordnare', scopeType: 'region', scopeId: '10' }]);
  sodra = await t.newUser([{ role: 'samordnare', scopeType: 'healthcare-region', scopeId: 'sodra' }]);
  reader = await t.newUser([{ role: 'lasare', scopeType: 'region', scopeId: '07' }]);
  nationalGoal = await goal('national', 'Nationellt löfte');
  blekingeGoal = await goal('10', 'Blekinges löfte');
  kronobergGoal = await goal('07', 'Kronobergs löfte');
});

describe("a region's own indicators", () => {
  it("Kronoberg's samordnare defines one for Kronoberg, with a target under its own goal; it is audited with the owner", async () => {
    const res = await create(
      kronoberg,
      body('KRON-VP-1', { owner: '07', targetValue: 90, alertValue: 80, goalId: kronobergGoal }),
    );
    expect(res.statusCode, res.body).toBe(201);
    const ind = res.json<{ id: string; owner: string; targetValue: number }>();
    expect(ind).toMatchObject({ owner: '07', targetValue: 90, goalId: kronobergGoal });
    expect(await audits(ind.id)).toEqual([['create', '07']]);

    const detail = await t.request({ method: 'GET', url: `/api/v1/indicators/${ind.id}`, as: kronoberg });
    expect(detail.json()).toMatchObject({ owner: '07', allowedActions: ['edit', 'set-targets'] });
    const asBlekinge = await t.request({ method: 'GET', url: `/api/v1/indicators/${ind.id}`, as: blekinge });
    expect(asBlekinge.json()).toMatchObject({ owner: '07', allowedActions: [] });
    const asController = await t.request({ method: 'GET', url: `/api/v1/indicators/${ind.id}`, as: kronobergController });
    expect(asController.json()).toMatchObject({ allowedActions: ['edit'] });

    // Its targets change with If-Match, and a stale version is 409.
    const changed = await patch(kronoberg, ind.id, { targetValue: 92, version: 1 });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toMatchObject({ targetValue: 92, version: 2, owner: '07' });
    expect((await patch(kronoberg, ind.id, { name: 'Gammal', version: 1 })).statusCode).toBe(409);
    expect(await audits(ind.id)).toEqual([
      ['create', '07'],
      ['update', '07'],
    ]);
  });

  it("another region's samordnare, a reader and anonymous are refused, and nothing is written", async () => {
    const ind = (await create(kronoberg, body('KRON-VP-2', { owner: '07' }))).json<{ id: string }>();
    const p = problem(await patch(blekinge, ind.id, { name: 'Blekinges namn', version: 1 }));
    expect(p.status).toBe(403);
    expect(p.body.detail).toBe('Du får inte skriva indikatorer för den här ägaren.');
    expect((await patch(reader, ind.id, { name: 'Läsarens', version: 1 })).statusCode).toBe(403);
    expect(
      (await t.request({ method: 'PATCH', url: `/api/v1/indicators/${ind.id}`, payload: { name: 'x', version: 1 } })).statusCode,
    ).toBe(401);
    expect((await create(blekinge, body('BLEK-I-KRON', { owner: '07' }))).statusCode).toBe(403);
    const after = (await t.request({ method: 'GET', url: `/api/v1/indicators/${ind.id}`, as: admin })).json();
    expect(after).toMatchObject({ name: 'Andel patienter med vårdplan', version: 1 });
    expect(await t.db.query(`SELECT 1 FROM followup_indicators WHERE code = 'BLEK-I-KRON'`)).toHaveLength(0);
    expect(await audits(ind.id)).toEqual([['create', '07']]);
  });

  it('national indicators are defined and changed only by national roles', async () => {
    const p = problem(await create(kronoberg, body('NAT-AV-SAM')));
    expect(p.status).toBe(403);
    expect(p.body.detail).toBe('Nationella indikatorer skrivs bara av nationella roller.');
    const national = await create(admin, body('NAT-1', { goalId: nationalGoal, targetValue: 85 }));
    expect(national.statusCode, national.body).toBe(201);
    expect(national.json()).toMatchObject({ owner: 'national' });
    const id = national.json<{ id: string }>().id;
    expect((await patch(kronoberg, id, { name: 'Regionens', version: 1 })).statusCode).toBe(403);
    expect((await patch(sodra, id, { name: 'Södras', version: 1 })).statusCode).toBe(403);
    const detail = await t.request({ method: 'GET', url: `/api/v1/indicators/${id}`, as: kronoberg });
    expect(detail.json()).toMatchObject({ allowedActions: [] });
  });

  it("the controller defines the region's indicators; the targets are the samordnare's", async () => {
    const withTarget = problem(await create(kronobergController, body('KRON-C-1', { owner: '07', targetValue: 50 })));
    expect(withTarget.status).toBe(403);
    expect(withTarget.body.detail).toMatch(/Målnivåer och målkoppling .* sätts av den som skriver regionens mål/);
    const res = await create(kronobergController, body('KRON-C-2', { owner: '07' }));
    expect(res.statusCode, res.body).toBe(201);
    const id = res.json<{ id: string }>().id;
    expect((await patch(kronobergController, id, { targetValue: 70, version: 1 })).statusCode).toBe(403);
    expect((await patch(kronobergController, id, { goalId: kronobergGoal, version: 1 })).statusCode).toBe(403);
    const renamed = await patch(kronobergController, id, {
      name: 'Andel med vårdplan (controller)',
      targetValue: null,
      version: 1,
    });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect((await patch(kronoberg, id, { targetValue: 70, version: 2 })).statusCode).toBe(200);
  });

  it('a healthcare region’s samordnare keeps its own and its regions’ indicators, not a neighbour’s', async () => {
    expect((await create(sodra, body('SODRA-1', { owner: 'sodra' }))).statusCode).toBe(201);
    expect((await create(sodra, body('SODRA-BLEK', { owner: '10' }))).statusCode).toBe(201);
    expect((await create(sodra, body('SODRA-STHLM', { owner: '01' }))).statusCode).toBe(403);
    expect((await create(kronoberg, body('KRON-SODRA', { owner: 'sodra' }))).statusCode).toBe(403);
  });

  it('a municipality’s indicators and goals are kept by its region', async () => {
    // Växjö (0780) is in Kronoberg.
    const vaxjo = await create(kronoberg, body('VAXJO-1', { owner: '0780', goalId: kronobergGoal, targetValue: 75 }));
    expect(vaxjo.statusCode, vaxjo.body).toBe(201);
    expect(vaxjo.json()).toMatchObject({ owner: '0780' });
    expect((await create(blekinge, body('VAXJO-2', { owner: '0780' }))).statusCode).toBe(403);
    const g = await t.request({
      method: 'POST',
      url: '/api/v1/goals',
      as: kronoberg,
      payload: { owner: '0780', title: 'Växjös mål' },
    });
    expect(g.statusCode, g.body).toBe(201);
    const bg = await t.request({
      method: 'POST',
      url: '/api/v1/goals',
      as: blekinge,
      payload: { owner: '0780', title: 'Inte Blekinges' },
    });
    expect(bg.statusCode).toBe(403);
    const unknown = problem(await create(admin, body('NOWHERE', { owner: '9999' })));
    expect(unknown.status).toBe(422);
    expect(unknown.body.errors?.[0]).toMatchObject({ path: '/owner' });
    expect(problem(await create(admin, body('BAD-OWNER', { owner: 'Kronoberg' }))).status).toBe(422);
  });

  it("an indicator measures its owner's goal or one above it, never another region's", async () => {
    const p = problem(await create(kronoberg, body('KRON-G-BLEK', { owner: '07', goalId: blekingeGoal, targetValue: 1 })));
    expect(p.status).toBe(422);
    expect(p.body.errors).toEqual([{ path: '/goalId', message: expect.stringMatching(/ägs av indikatorns ägare/) }]);
    expect((await create(kronoberg, body('KRON-G-NAT', { owner: '07', goalId: nationalGoal, targetValue: 1 }))).statusCode).toBe(
      201,
    );
    const nat = problem(await create(admin, body('NAT-G-KRON', { goalId: kronobergGoal })));
    expect(nat.status).toBe(422);
  });

  it('the list says whose indicators the caller defines', async () => {
    const list = async (as: Session) =>
      (await t.request({ method: 'GET', url: '/api/v1/indicators', as })).json<{ writableOwners: string[] }>().writableOwners;
    expect(await list(kronoberg)).toEqual(['07']);
    expect(await list(kronobergController)).toEqual(['07']);
    expect(await list(reader)).toEqual([]);
    expect((await list(sodra)).sort()).toEqual(['07', '10', '12', '13', 'sodra']);
    expect((await list(admin))[0]).toBe('national');
  });
});
