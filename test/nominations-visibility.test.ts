import { describe, expect, it } from 'vitest';
import { buildDeclaredPerson } from '../src/testing/builders.js';
import { useTestApp, type Session } from './helpers/app.js';
import { daysFromToday } from './helpers/clock.js';

/**
 * Regions nominate to a shared body (here Södra regionvårdsnämnden); each region sees its own
 * nominations, motivations included, and not the other regions'. The appointing body sees all.
 */
const t = useTestApp();
const day = daysFromToday;
const groupByKey = async (key: string) =>
  (await t.db.query<{ id: string }>('SELECT id FROM groups WHERE reference_key = $1', [key]))[0]!.id;

describe('nominations to a shared healthcare-regional body', () => {
  it('are seen by the nominating region and the appointing body, not by the other regions', async () => {
    const namnd = await groupByKey('sodra:namnd:sodra-regionvardsnamnden');
    const kronoberg = await t.newUser([{ role: 'samordnare', scopeType: 'region', scopeId: '07' }]);
    const kronobergColleague = await t.newUser([{ role: 'processtod', scopeType: 'region', scopeId: '07' }]);
    const blekinge = await t.newUser([{ role: 'samordnare', scopeType: 'region', scopeId: '10' }]);
    const sodra = await t.newUser([{ role: 'samordnare', scopeType: 'healthcare-region', scopeId: 'sodra' }]);
    const nominate = async (as: Session, personId: string, extra: Record<string, unknown> = {}) => {
      const res = await t.request({
        method: 'POST',
        url: `/api/v1/groups/${namnd}/nominations`,
        as,
        payload: {
          personId,
          nominatingOrganisation: 'Regionen',
          nominatingOrganisationType: 'region',
          nominatedBy: 'Regiondirektören',
          motivation: 'Personlig bedömning av kandidaten.',
          role: 'ersattare',
          startDate: day(60),
          ...extra,
        },
      });
      expect(res.statusCode, res.body).toBe(201);
      return res.json<{ id: string }>().id;
    };
    const fromKronoberg = await nominate(kronoberg, (await buildDeclaredPerson(t.db, { homeOwner: '07' })).id);
    const fromBlekinge = await nominate(blekinge, (await buildDeclaredPerson(t.db, { homeOwner: '10' })).id);
    // The healthcare region nominates someone from Kronoberg's register to represent Blekinge: the region
    // the nomination represents decides the side, not the nominee's home. (A region cannot name a person
    // of another region's register itself: that is a 404, test/visible-references.test.ts.)
    const representingBlekinge = await nominate(sodra, (await buildDeclaredPerson(t.db, { homeOwner: '07' })).id, {
      represents: '10',
    });

    const listed = async (as: Session) =>
      (await t.request({ method: 'GET', url: `/api/v1/nominations?groupId=${namnd}`, as }))
        .json<{ items: { id: string }[] }>()
        .items.map((n) => n.id)
        .sort();
    const byId = async (as: Session, id: string) =>
      (await t.request({ method: 'GET', url: `/api/v1/nominations/${id}`, as })).statusCode;

    expect(await listed(kronobergColleague)).toEqual([fromKronoberg]);
    expect(await listed(kronoberg)).toEqual([fromKronoberg]);
    expect(await listed(blekinge)).toEqual([fromBlekinge, representingBlekinge].sort());
    expect(await listed(sodra)).toEqual([fromKronoberg, fromBlekinge, representingBlekinge].sort());

    expect(await byId(kronobergColleague, fromKronoberg)).toBe(200);
    expect(await byId(kronoberg, fromBlekinge)).toBe(404);
    expect(await byId(kronoberg, representingBlekinge)).toBe(404);
    expect(await byId(blekinge, fromKronoberg)).toBe(404);
    expect(await byId(sodra, fromBlekinge)).toBe(200);

    // Nor can another region withdraw it; the nominating region can.
    const withdraw = (as: Session, id: string) =>
      t.request({ method: 'POST', url: `/api/v1/nominations/${id}/withdraw`, as, payload: { version: 1 } });
    expect((await withdraw(kronoberg, fromBlekinge)).statusCode).toBe(404);
    expect((await withdraw(blekinge, fromBlekinge)).statusCode).toBe(200);
  });
});
