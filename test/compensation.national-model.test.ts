import { beforeAll, describe, expect, it } from 'vitest';
import { buildPerson, buildUser } from '../src/testing/builders.js';
import { problem, useTestApp, type Session } from './helpers/app.js';
import { useClock } from './helpers/clock.js';

/**
 * Issue 21, item 20. Seed 000: "Ersättningen baseras på skattepliktigt arvode och reseersättning
 * enligt nationell modell". The national levels are set annually and the sources do not give them
 * (reference/kunskapsstod.md §6): Navet ships no rates, shows the gap, and a claim takes the rates
 * of the model whose dated period covers the meeting day. The amounts below are the test's own.
 */
useClock('2026-11-26');
const t = useTestApp();
let admin: Session;
let support: Session;
let claimant: Session;
let participantId: string;

const post = (as: Session, url: string, payload: Record<string, unknown>) => t.request({ method: 'POST', url, as, payload });
const rates = async () =>
  (await t.request({ method: 'GET', url: '/api/v1/compensation/rate-models', as: support })).json<{
    items: { name: string; validFrom: string; validTo: string | null }[];
    gaps: { from: string; to: string | null }[];
  }>();
const model = (o: Record<string, unknown>) => ({
  name: 'Nivåer första halvåret 2026 (testets belopp)',
  validFrom: '2026-01-01',
  validTo: '2026-06-30',
  meetingFeeOre: 40000,
  halfDayFeeOre: 80000,
  fullDayFeeOre: 160000,
  hourlyFeeOre: 20000,
  mileageOrePerKm: 250,
  lossOfIncomeMaxOrePerDay: 120000,
  ...o,
});
const assignment = async (date: string, timeUnit = 'half-day') => {
  const res = await post(support, `/api/v1/compensation/participants/${participantId}/assignments`, {
    kind: 'meeting',
    date,
    timeUnit,
    description: 'Programområdets möte: behovsanalys',
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ id: string }>().id;
};

beforeAll(async () => {
  admin = await t.newAdmin();
  support = await t.newUser([{ role: 'processtod', scopeType: 'region', scopeId: '06' }]);
  const user = await buildUser(t.db);
  claimant = await t.login(user.email);
  // Region Jönköpings län's LPO Tandvård (seed 000), whose grundbemanning names a person with patient experience
  const groupId = (await t.db.query<{ id: string }>(`SELECT id FROM groups WHERE reference_key = '06:lpo:tandvard'`))[0]!.id;
  const personId = (await buildPerson(t.db, { email: user.email, homeOwner: '06', employerType: 'patient-organisation' })).id;
  const res = await post(support, '/api/v1/compensation/participants', {
    personId,
    groupId,
    recruitedOn: '2026-01-15',
    recruitedBy: 'Programområdets processtöd',
  });
  participantId = res.json<{ id: string }>().id;
});

describe('the national model’s levels are dated data an administrator sets', () => {
  it('ships no rates: the gap is shown, and no claim can be priced for a day no model covers', async () => {
    expect(await rates()).toEqual({ items: [], gaps: [{ from: '2026-01-01', to: null }] });
    const id = await assignment('2026-03-12');
    const refused = problem(
      await post(claimant, '/api/v1/compensation/claims', { assignmentId: id, distanceKm: 0, travelCostsOre: 0 }),
    );
    expect(refused.status).toBe(422);
    expect(refused.body.detail).toContain('Ersättningsnivåer saknas för perioden');
    expect(refused.body.errors?.[0]).toEqual({ path: 'assignmentId', message: 'Ersättningsnivåer saknas för perioden' });
  });

  it('a claim takes the rates valid on the meeting day; overlapping periods are refused; only administrators set them', async () => {
    expect((await post(support, '/api/v1/compensation/rate-models', model({}))).statusCode).toBe(403);
    const first = await post(admin, '/api/v1/compensation/rate-models', model({}));
    expect(first.statusCode, first.body).toBe(201);
    expect(
      (await post(admin, '/api/v1/compensation/rate-models', model({ validFrom: '2026-06-01', validTo: null }))).statusCode,
    ).toBe(409);
    expect((await rates()).gaps).toEqual([{ from: '2026-07-01', to: null }]);

    // 2026-03-12, half day, 86 km, loss of income 1 500 kr claimed: at most 1 200 kr a day
    const march = await post(claimant, '/api/v1/compensation/claims', {
      assignmentId: await assignment('2026-03-12'),
      distanceKm: 86,
      travelCostsOre: 0,
      lossOfIncomeOre: 150000,
    });
    expect(march.statusCode, march.body).toBe(201);
    expect(march.json().amounts).toEqual({
      feeOre: 80000,
      mileageOre: 21500,
      travelCostsOre: 0,
      lossOfIncomeOre: 120000,
      totalOre: 221500,
    });

    const september = await assignment('2026-09-10');
    expect(
      problem(await post(claimant, '/api/v1/compensation/claims', { assignmentId: september, distanceKm: 0, travelCostsOre: 0 }))
        .body.detail,
    ).toContain('Ersättningsnivåer saknas för perioden');

    // the second half-year's levels, without loss of income: a claim for it is refused, the rest priced
    const second = await post(
      admin,
      '/api/v1/compensation/rate-models',
      model({
        name: 'Nivåer andra halvåret 2026',
        validFrom: '2026-07-01',
        validTo: null,
        halfDayFeeOre: 85000,
        lossOfIncomeMaxOrePerDay: null,
      }),
    );
    expect(second.statusCode, second.body).toBe(201);
    expect((await rates()).gaps).toEqual([]);
    const noLoss = problem(
      await post(claimant, '/api/v1/compensation/claims', {
        assignmentId: september,
        distanceKm: 0,
        travelCostsOre: 0,
        lossOfIncomeOre: 50000,
      }),
    );
    expect(noLoss.status).toBe(422);
    expect(noLoss.body.errors?.[0]?.path).toBe('lossOfIncomeOre');
    const priced = await post(claimant, '/api/v1/compensation/claims', {
      assignmentId: september,
      distanceKm: 0,
      travelCostsOre: 34500,
    });
    expect(priced.json().amounts).toMatchObject({ feeOre: 85000, travelCostsOre: 34500, lossOfIncomeOre: 0, totalOre: 119500 });
    // the March claim keeps the first half-year's rates
    expect(march.json().rateModelId).toBe(first.json().id);
  });
});
