import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildGroup, buildPerson, buildUser } from '../src/testing/builders.js';
import { problem, useTestApp, type Session } from './helpers/app.js';

/**
 * Persons with patient experience in Region Blekinge ("10"): the process support records the
 * recruitment and an assignment, the person claims, the process support approves, payroll
 * exports. Navet ships no rates: the test's own model for 2026 (made-up amounts): meeting 500 kr,
 * half day 900 kr, full day 1 800 kr, 225 kr/h, 2,50 kr/km, loss of income up to 1 200 kr a day.
 */
const t = useTestApp();
let support: Session; // processtöd, Region Blekinge
let claimant: Session; // the person with patient experience (linked by e-mail)
let plain: Session; // signed in, no roles
let kalmar: Session; // coordinator of another region
let admin: Session;
let groupId: string;
let personId: string;
let participantId: string;

const TEST_MODEL_2026 = {
  name: 'Testmodell 2026 (påhittade belopp)',
  validFrom: '2026-01-01',
  validTo: '2026-12-31',
  meetingFeeOre: 50000,
  halfDayFeeOre: 90000,
  fullDayFeeOre: 180000,
  hourlyFeeOre: 22500,
  mileageOrePerKm: 250,
  lossOfIncomeMaxOrePerDay: 120000,
};

const post = (as: Session | undefined, url: string, payload: Record<string, unknown>) =>
  t.request({ method: 'POST', url, ...(as ? { as } : {}), payload });
const get = (as: Session | undefined, url: string) => t.request({ method: 'GET', url, ...(as ? { as } : {}) });

async function newAssignment(payload: Record<string, unknown> = {}) {
  const res = await post(support, `/api/v1/compensation/participants/${participantId}/assignments`, {
    kind: 'meeting',
    date: '2026-10-14',
    timeUnit: 'half-day',
    description: 'Möte i programområdet',
    ...payload,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ id: string }>().id;
}

async function newClaim(as: Session, payload: Record<string, unknown> = {}) {
  const assignmentId = await newAssignment();
  const res = await post(as, '/api/v1/compensation/claims', { assignmentId, distanceKm: 112, travelCostsOre: 4500, ...payload });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ id: string; version: number; amounts: Record<string, number>; status: string }>();
}

beforeAll(async () => {
  support = await t.newUser([{ role: 'processtod', scopeType: 'region', scopeId: '10' }]);
  const user = await buildUser(t.db);
  claimant = await t.login(user.email);
  plain = await t.newUser();
  kalmar = await t.newUser([
    { role: 'samordnare', scopeType: 'region', scopeId: '08' },
    { role: 'processtod', scopeType: 'region', scopeId: '08' },
  ]);
  admin = await t.newAdmin();
  const model = await post(admin, '/api/v1/compensation/rate-models', TEST_MODEL_2026);
  expect(model.statusCode, model.body).toBe(201);
  groupId = (await buildGroup(t.db, { kind: 'program-area', level: 'region', owner: '10', programAreaIds: ['tandvard'] })).id;
  personId = (await buildPerson(t.db, { email: user.email, homeOwner: '10', employerType: 'patient-organisation' })).id;
  const res = await post(support, '/api/v1/compensation/participants', {
    personId,
    groupId,
    recruitedOn: '2026-09-01',
    recruitedBy: 'Cecilia Processtöd',
    introducedOn: '2026-09-15',
    introducedBy: 'Cecilia Processtöd',
    notes: 'Rekryterad via patientföreningen.',
  });
  expect(res.statusCode, res.body).toBe(201);
  participantId = res.json<{ id: string }>().id;
});

describe('recruitment and assignments', () => {
  it('records recruitment and introduction; the dates must make sense; a duplicate is a conflict', async () => {
    const list = (await get(support, '/api/v1/compensation/participants')).json<{
      items: { id: string; introducedOn: string }[];
    }>();
    expect(list.items.find((p) => p.id === participantId)).toMatchObject({ introducedOn: '2026-09-15' });
    const other = (await buildPerson(t.db, { homeOwner: '10' })).id;
    const bad = await post(support, '/api/v1/compensation/participants', {
      personId: other,
      groupId,
      recruitedOn: '2026-09-01',
      recruitedBy: 'X',
      introducedOn: '2026-08-01',
      introducedBy: 'X',
    });
    expect(problem(bad)).toMatchObject({ status: 422, body: { errors: [{ path: 'introducedOn' }] } });
    const dup = await post(support, '/api/v1/compensation/participants', {
      personId,
      groupId,
      recruitedOn: '2026-09-01',
      recruitedBy: 'X',
    });
    expect(dup.statusCode).toBe(409);
  });

  it('records the introduction later, with the version it was based on', async () => {
    const other = (await buildPerson(t.db, { homeOwner: '10' })).id;
    const created = (
      await post(support, '/api/v1/compensation/participants', {
        personId: other,
        groupId,
        recruitedOn: '2026-10-01',
        recruitedBy: 'Cecilia Processtöd',
      })
    ).json<{ id: string; version: number; introducedOn: string | null }>();
    expect(created.introducedOn).toBeNull();
    const body = {
      recruitedOn: '2026-10-01',
      recruitedBy: 'Cecilia Processtöd',
      introducedOn: '2026-10-08',
      introducedBy: 'Cecilia Processtöd',
      notes: null,
    };
    const patch = (as: Session, version: number) =>
      t.request({ method: 'PATCH', url: `/api/v1/compensation/participants/${created.id}`, as, payload: { ...body, version } });
    expect((await patch(kalmar, 1)).statusCode).toBe(404);
    const ok = await patch(support, 1);
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ introducedOn: '2026-10-08', version: 2 });
    expect((await patch(support, 1)).statusCode).toBe(409);
  });

  it("another region's coordinator and a plain user cannot record or see participants (the group is not theirs to see: 404)", async () => {
    const other = (await buildPerson(t.db, { homeOwner: '10' })).id;
    const payload = { personId: other, groupId, recruitedOn: '2026-09-01', recruitedBy: 'X' };
    expect((await post(kalmar, '/api/v1/compensation/participants', payload)).statusCode).toBe(404);
    expect((await post(plain, '/api/v1/compensation/participants', payload)).statusCode).toBe(404);
    for (const as of [kalmar, plain]) {
      const list = (await get(as, '/api/v1/compensation/participants')).json<{ items: unknown[] }>();
      expect(list.items).toEqual([]);
      const res = await post(as, `/api/v1/compensation/participants/${participantId}/assignments`, {
        kind: 'work',
        date: '2026-10-01',
        timeUnit: 'full-day',
        description: 'x',
      });
      expect(res.statusCode).toBe(404);
    }
  });

  it('needs minutes exactly when the time is counted in hours, and no assignment before recruitment', async () => {
    const url = `/api/v1/compensation/participants/${participantId}/assignments`;
    const base = { kind: 'work', date: '2026-10-01', description: 'Läsning av underlag' };
    expect((await post(support, url, { ...base, timeUnit: 'hours' })).statusCode).toBe(422);
    expect((await post(support, url, { ...base, timeUnit: 'meeting', minutes: 60 })).statusCode).toBe(422);
    expect((await post(support, url, { ...base, timeUnit: 'hours', minutes: 90 })).statusCode).toBe(201);
    expect((await post(support, url, { ...base, timeUnit: 'meeting', date: '2026-08-01' })).statusCode).toBe(422);
  });
});

describe('claims', () => {
  it('the person sees a live quote, submits, and the process support approves; amounts in öre', async () => {
    const assignmentId = await newAssignment();
    const quote = await get(
      claimant,
      `/api/v1/compensation/quote?assignmentId=${assignmentId}&distanceKm=112&travelCostsOre=4500`,
    );
    expect(quote.json()).toMatchObject({ amounts: { feeOre: 90000, mileageOre: 28000, travelCostsOre: 4500, totalOre: 122500 } });
    const res = await post(claimant, '/api/v1/compensation/claims', { assignmentId, distanceKm: 112, travelCostsOre: 4500 });
    expect(res.statusCode, res.body).toBe(201);
    const claim = res.json<{ id: string; version: number; permissions: Record<string, boolean> }>();
    expect(claim).toMatchObject({
      status: 'submitted',
      amounts: { totalOre: 122500 },
      permissions: { approve: false, withdraw: true },
      allowedActions: ['withdraw'],
    });
    // a second claim for the same assignment
    expect(
      (await post(claimant, '/api/v1/compensation/claims', { assignmentId, distanceKm: 0, travelCostsOre: 0 })).statusCode,
    ).toBe(409);
    // the claimant cannot approve their own claim
    expect((await post(claimant, `/api/v1/compensation/claims/${claim.id}/approve`, { version: 1 })).statusCode).toBe(403);
    const queue = (await get(support, '/api/v1/compensation/claims?status=submitted')).json<{
      items: { id: string; permissions: { approve: boolean }; allowedActions: string[] }[];
    }>();
    expect(queue.items.find((c) => c.id === claim.id)?.permissions.approve).toBe(true);
    // the process support approves or returns in the queue, and may withdraw on the person's behalf
    expect(queue.items.find((c) => c.id === claim.id)?.allowedActions).toEqual(['approve', 'return', 'withdraw']);
    const ok = await post(support, `/api/v1/compensation/claims/${claim.id}/approve`, { version: 1 });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ status: 'approved', version: 2, decidedAt: expect.any(String), allowedActions: [] });
    const again = await post(support, `/api/v1/compensation/claims/${claim.id}/approve`, { version: 2 });
    expect(again.statusCode).toBe(409);
  });

  it('hides claims and amounts from everyone but the person, approvers and admins', async () => {
    const claim = await newClaim(claimant);
    for (const as of [plain, kalmar]) {
      expect((await get(as, `/api/v1/compensation/claims/${claim.id}`)).statusCode).toBe(404);
      const list = (await get(as, '/api/v1/compensation/claims')).json<{ items: { id: string }[] }>();
      expect(list.items.map((c) => c.id)).not.toContain(claim.id);
      expect((await post(as, `/api/v1/compensation/claims/${claim.id}/approve`, { version: 1 })).statusCode).toBe(404);
      expect((await post(as, `/api/v1/compensation/claims/${claim.id}/withdraw`, { version: 1 })).statusCode).toBe(404);
      const totals = (await get(as, '/api/v1/compensation/totals?year=2026')).json<{
        perPerson: unknown[];
        total: { totalOre: number };
      }>();
      expect(totals.perPerson).toEqual([]);
      expect(totals.total.totalOre).toBe(0);
      const quote = await get(
        as,
        `/api/v1/compensation/quote?assignmentId=${await newAssignment()}&distanceKm=1&travelCostsOre=0`,
      );
      expect(quote.statusCode).toBe(404);
    }
    expect((await get(plain, '/api/v1/compensation/payroll-export?format=csv')).statusCode).toBe(403);
    expect((await get(undefined, `/api/v1/compensation/claims/${claim.id}`)).statusCode).toBe(401);
    for (const as of [claimant, support, admin])
      expect((await get(as, `/api/v1/compensation/claims/${claim.id}`)).statusCode).toBe(200);
    const mine = (await get(claimant, '/api/v1/compensation/claims?scope=mine')).json<{ items: { personId: string }[] }>();
    expect(mine.items.length).toBeGreaterThan(0);
    expect(new Set(mine.items.map((c) => c.personId))).toEqual(new Set([personId]));
  });

  it('a returned claim is corrected and resubmitted with recomputed amounts, or withdrawn', async () => {
    const claim = await newClaim(claimant);
    expect((await post(support, `/api/v1/compensation/claims/${claim.id}/return`, { version: 1 })).statusCode).toBe(422);
    const ret = await post(support, `/api/v1/compensation/claims/${claim.id}/return`, { version: 1, comment: 'Kvitto saknas.' });
    expect(ret.json()).toMatchObject({
      status: 'returned',
      decisionComment: 'Kvitto saknas.',
      allowedActions: ['resubmit', 'withdraw'],
    });
    // the move is in the audit trail with the comment as its reason, and no amounts
    const [event] = await t.db.query<{ before: unknown; after: Record<string, unknown> }>(
      `SELECT before, after FROM audit_events WHERE entity_type = 'compensation-claim' AND entity_id = $1 AND action = 'return'`,
      [claim.id],
    );
    expect(event).toEqual({
      before: { status: 'submitted', version: 1 },
      after: { status: 'returned', version: 2, reason: 'Kvitto saknas.', action: 'return' },
    });
    // a stale version is refused
    expect(
      (await post(claimant, `/api/v1/compensation/claims/${claim.id}/resubmit`, { version: 1, distanceKm: 0, travelCostsOre: 0 }))
        .statusCode,
    ).toBe(409);
    const re = await post(claimant, `/api/v1/compensation/claims/${claim.id}/resubmit`, {
      version: 2,
      distanceKm: 40,
      travelCostsOre: 0,
    });
    expect(re.statusCode, re.body).toBe(200);
    expect(re.json()).toMatchObject({
      status: 'submitted',
      amounts: { feeOre: 90000, mileageOre: 10000, travelCostsOre: 0, totalOre: 100000 },
    });
    const w = await post(claimant, `/api/v1/compensation/claims/${claim.id}/withdraw`, { version: 3 });
    expect(w.json()).toMatchObject({ status: 'withdrawn' });
    expect((await post(support, `/api/v1/compensation/claims/${claim.id}/approve`, { version: 4 })).statusCode).toBe(409);
  });

  it('exactly one of many simultaneous approvals wins', async () => {
    const claim = await newClaim(claimant);
    const results = await Promise.all(
      Array.from({ length: 6 }, () => post(support, `/api/v1/compensation/claims/${claim.id}/approve`, { version: 1 })),
    );
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409, 409, 409, 409, 409]);
  });

  it('the process support may submit on the person’s behalf, but then not approve it themself', async () => {
    const claim = await newClaim(support);
    expect(claim.status).toBe('submitted');
    expect((await post(support, `/api/v1/compensation/claims/${claim.id}/approve`, { version: 1 })).statusCode).toBe(403);
    expect((await post(admin, `/api/v1/compensation/claims/${claim.id}/approve`, { version: 1 })).statusCode).toBe(200);
  });
});

describe('rate models', () => {
  it('only administrators change the model; a new year’s model applies from its date, old claims keep old rates', async () => {
    const body = {
      name: 'Modell 2027',
      validFrom: '2027-01-01',
      meetingFeeOre: 60000,
      halfDayFeeOre: 100000,
      fullDayFeeOre: 200000,
      hourlyFeeOre: 25000,
      mileageOrePerKm: 300,
    };
    expect((await post(support, '/api/v1/compensation/rate-models', body)).statusCode).toBe(403);
    expect((await post(admin, '/api/v1/compensation/rate-models', { ...body, halfDayFeeOre: 300000 })).statusCode).toBe(422);
    const created = await post(admin, '/api/v1/compensation/rate-models', body);
    expect(created.statusCode, created.body).toBe(201);
    expect((await post(admin, '/api/v1/compensation/rate-models', body)).statusCode).toBe(409);
    const old = await newClaim(claimant); // 2026-10-14: the 2026 model
    const assignmentId = await newAssignment({ date: '2027-02-03' });
    const fresh = (
      await post(claimant, '/api/v1/compensation/claims', { assignmentId, distanceKm: 10, travelCostsOre: 0 })
    ).json();
    expect(fresh.amounts).toEqual({ feeOre: 100000, mileageOre: 3000, travelCostsOre: 0, lossOfIncomeOre: 0, totalOre: 103000 });
    const model = created.json<{ id: string }>();
    const patch = (v: number) =>
      t.request({
        method: 'PATCH',
        url: `/api/v1/compensation/rate-models/${model.id}`,
        as: admin,
        payload: { ...body, halfDayFeeOre: 110000, version: v },
      });
    expect((await patch(1)).statusCode).toBe(200);
    expect((await patch(1)).statusCode).toBe(409);
    // claims keep the amounts computed at submission
    expect((await get(claimant, `/api/v1/compensation/claims/${fresh.id}`)).json().amounts.feeOre).toBe(100000);
    expect((await get(claimant, `/api/v1/compensation/claims/${old.id}`)).json().amounts.feeOre).toBe(90000);
    const models = (await get(plain, '/api/v1/compensation/rate-models')).json<{
      items: { validFrom: string; isExample: boolean }[];
    }>();
    expect(models.items.map((m) => m.validFrom)).toEqual(['2027-01-01', '2026-01-01']);
    expect(models.items[1]!.isExample).toBe(false);
  });
});

describe('payroll export and yearly totals', () => {
  it('exports approved claims as CSV and XLSX for the region, with no foreign rows', async () => {
    const claim = await newClaim(claimant, { distanceKm: 0, travelCostsOre: 0 });
    await post(support, `/api/v1/compensation/claims/${claim.id}/approve`, { version: 1 });
    const csv = await get(support, '/api/v1/compensation/payroll-export?format=csv&year=2026');
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body).toContain(claim.id);
    expect(csv.body).toContain('900');
    const xlsx = await get(support, '/api/v1/compensation/payroll-export?format=xlsx&year=2026');
    expect(xlsx.headers['content-disposition']).toContain('ersattning-2026.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('Ersättningar')!;
    const ids = ws.getColumn(1).values.slice(2);
    expect(ids).toContain(claim.id);
    const row = ws.getRow(ids.indexOf(claim.id) + 2);
    expect(row.getCell(8).value).toBe(900);
    // only approved claims go to payroll
    const submitted = await newClaim(claimant);
    expect((await get(support, '/api/v1/compensation/payroll-export?format=csv')).body).not.toContain(submitted.id);
    // another region's process support exports nothing from Blekinge
    const foreign = await get(kalmar, '/api/v1/compensation/payroll-export?format=csv&year=2026');
    expect(foreign.statusCode).toBe(200);
    expect(foreign.body).not.toContain(claim.id);
    const events = await t.db.query<{ n: number }>(
      `SELECT count(*) AS n FROM audit_events WHERE entity_type = 'compensation-claim' AND action = 'export'`,
    );
    expect(events[0]!.n).toBeGreaterThanOrEqual(3);
  });

  it('sums approved claims per person and per group for the year', async () => {
    const all = (await get(admin, `/api/v1/compensation/claims?personId=${personId}&status=approved&year=2026`)).json<{
      items: { amounts: { totalOre: number } }[];
    }>();
    const expected = all.items.reduce((s, c) => s + c.amounts.totalOre, 0);
    expect(expected).toBeGreaterThan(0);
    for (const as of [support, claimant]) {
      const totals = (await get(as, '/api/v1/compensation/totals?year=2026')).json<{
        perPerson: { id: string; totalOre: number; claims: number }[];
        perGroup: { id: string; totalOre: number }[];
      }>();
      expect(totals.perPerson.find((p) => p.id === personId)?.totalOre).toBe(expected);
      expect(totals.perGroup.find((g) => g.id === groupId)?.totalOre).toBe(expected);
    }
    const none = (await get(support, '/api/v1/compensation/totals?year=2025')).json<{ perPerson: unknown[] }>();
    expect(none.perPerson).toEqual([]);
  });
});
