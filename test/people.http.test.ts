import { describe, expect, it } from 'vitest';
import { buildGroup } from '../src/testing/builders.js';
import { problem, useTestApp, type Session } from './helpers/app.js';
import { yearFromNow } from './helpers/clock.js';

const t = useTestApp();
let n = 0;
const newPerson = async (as: Session, o: Record<string, unknown> = {}) => {
  const res = await t.request({
    method: 'POST',
    url: '/api/v1/people',
    as,
    payload: { name: `Person ${++n}`, email: `person-${n}-${Date.now()}@example.se`, ...o },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
};
const declare = (as: Session, personId: string, payload: Record<string, unknown> = { nothingToDeclare: true, interests: [] }) =>
  t.request({ method: 'POST', url: `/api/v1/people/${personId}/jav-declarations`, as, payload });
const review = (as: Session, id: string, payload: Record<string, unknown>) =>
  t.request({ method: 'POST', url: `/api/v1/jav-declarations/${id}/review`, as, payload });

describe('persons', () => {
  it('a coordinator registers a person in their region; others cannot see it (404)', async () => {
    const c = await t.newUser([{ role: 'samordnare', scopeType: 'region', scopeId: '06' }]);
    const other = await t.newUser([{ role: 'samordnare', scopeType: 'region', scopeId: '10' }]);
    const p = await newPerson(c, {
      employer: 'Region Jönköpings län',
      employerType: 'region',
      profession: 'Sjuksköterska',
      hsaId: 'SE2321000057-abcd',
    });
    expect(p).toMatchObject({ id: expect.any(String), homeOwner: '06', employer: 'Region Jönköpings län', version: 1 });
    expect((await t.request({ method: 'GET', url: `/api/v1/people/${p.id}`, as: c })).statusCode).toBe(200);
    expect((await t.request({ method: 'GET', url: `/api/v1/people/${p.id}`, as: other })).statusCode).toBe(404);
    expect((await t.request({ method: 'GET', url: `/api/v1/people/${p.id}` })).statusCode).toBe(401);
    expect(
      (await t.request({ method: 'GET', url: '/api/v1/people/00000000-0000-4000-8000-000000000000', as: c })).statusCode,
    ).toBe(404);
    const list = (await t.request({ method: 'GET', url: '/api/v1/people', as: other })).json();
    expect(list.items.map((x: { id: string }) => x.id)).not.toContain(p.id);
  });

  it('refuses bad input with 422 and duplicates with 409', async () => {
    const admin = await t.newAdmin();
    expect(
      problem(await t.request({ method: 'POST', url: '/api/v1/people', as: admin, payload: { name: 'X', email: 'inte-epost' } }))
        .body.errors?.[0]?.path,
    ).toBe('email');
    expect(
      problem(
        await t.request({
          method: 'POST',
          url: '/api/v1/people',
          as: admin,
          payload: { name: 'X', email: 'x@example.se', hsaId: '123' },
        }),
      ).status,
    ).toBe(422);
    expect(
      problem(
        await t.request({
          method: 'POST',
          url: '/api/v1/people',
          as: admin,
          payload: { name: 'X', email: 'x@example.se', homeOwner: '99' },
        }),
      ).status,
    ).toBe(422);
    await newPerson(admin, { email: 'dubblett@example.se' });
    expect(
      (
        await t.request({
          method: 'POST',
          url: '/api/v1/people',
          as: admin,
          payload: { name: 'Y', email: 'DUBBLETT@example.se' },
        })
      ).statusCode,
    ).toBe(409);
    const reader = await t.newUser([{ role: 'lasare', scopeType: 'region', scopeId: '06' }]);
    expect(
      (
        await t.request({
          method: 'POST',
          url: '/api/v1/people',
          as: reader,
          payload: { name: 'Z', email: 'z@example.se', homeOwner: '06' },
        })
      ).statusCode,
    ).toBe(403);
  });
});

describe('jäv declarations and appointments', () => {
  it('no appointment without a current approved declaration; after approval the appointment succeeds', async () => {
    const c = await t.newUser([{ role: 'samordnare', scopeType: 'region', scopeId: '06' }]);
    const reviewer = await t.newUser([{ role: 'jav-granskare', scopeType: 'region', scopeId: '06' }]);
    const lpo = (await t.db.query<{ id: string }>(`SELECT id FROM groups WHERE reference_key = '06:lpo:tandvard'`))[0]!;
    const p = await newPerson(c);
    const appoint = () =>
      t.request({
        method: 'POST',
        url: `/api/v1/groups/${lpo.id}/memberships`,
        as: c,
        payload: { personId: p.id, role: 'ledamot', startDate: '2027-01-01', endDate: '2029-12-31' },
      });

    const none = problem(await appoint());
    expect(none.status).toBe(422);
    expect(none.body.detail).toContain('ingen jävsdeklaration');
    expect(none.body.errors?.[0]).toMatchObject({ path: 'personId', message: expect.stringContaining('jävsdeklaration') });

    const submitted = await declare(c, p.id, {
      nothingToDeclare: false,
      interests: [{ category: 'research-funding', description: 'Forskningsanslag från stiftelse', organisation: 'Stiftelsen X' }],
    });
    expect(submitted.statusCode, submitted.body).toBe(201);
    expect(submitted.json()).toMatchObject({ status: 'submitted', personId: p.id });
    expect(problem(await appoint()).body.detail).toContain('väntar på granskning');

    const queue = (await t.request({ method: 'GET', url: '/api/v1/jav-declarations', as: reviewer })).json();
    expect(queue.items.find((d: { id: string }) => d.id === submitted.json().id)).toMatchObject({ personName: p.name });
    const approved = await review(reviewer, submitted.json().id, {
      decision: 'approved-with-restrictions',
      restrictions: [{ programAreaId: 'tandvard', note: 'Deltar inte i beslut om materialval' }],
    });
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json().validUntil).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(Number(approved.json().validUntil.slice(0, 4)) - yearFromNow()).toBe(3);

    const ok = await appoint();
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json()).toMatchObject({ personId: p.id, role: 'ledamot', startDate: '2027-01-01', endDate: '2029-12-31' });
    expect(problem(await appoint()).body.errors?.[0]?.path).toBe('personId');
    const members = (await t.request({ method: 'GET', url: `/api/v1/groups/${lpo.id}/memberships` })).json();
    expect(members.items.map((m: { personName: string }) => m.personName)).toContain(p.name);
  });

  it('nobody reviews their own declaration (403); a second review gets 409; outsiders see only the status', async () => {
    const admin = await t.newAdmin();
    const me = await t.db.query<{ email: string }>('SELECT email FROM users WHERE id = $1', [admin.userId]);
    const myself = await newPerson(admin, { email: me[0]!.email, name: 'Admin Själv' });
    const mine = (await declare(admin, myself.id)).json();
    expect((await review(admin, mine.id, { decision: 'approved' })).statusCode).toBe(403);

    const c = await t.newUser([{ role: 'samordnare', scopeType: 'region', scopeId: '10' }]);
    const p = await newPerson(c, { homeOwner: '10' });
    const d = (
      await declare(c, p.id, {
        nothingToDeclare: false,
        interests: [{ category: 'industry-relation', description: 'Konsultuppdrag' }],
      })
    ).json();
    expect((await review(admin, d.id, { decision: 'approved' })).statusCode).toBe(200);
    expect((await review(admin, d.id, { decision: 'returned', comment: 'x' })).statusCode).toBe(409);
    const seenByCoordinator = (await t.request({ method: 'GET', url: `/api/v1/people/${p.id}`, as: c })).json();
    expect(seenByCoordinator.declarations[0]).toMatchObject({ status: 'approved', interests: null, nothingToDeclare: null });
    expect(seenByCoordinator.currentDeclaration.ok).toBe(true);
    const coordinatorReview = await t.newUser([{ role: 'samordnare', scopeType: 'region', scopeId: '10' }]);
    const d2 = (await declare(c, p.id)).json();
    expect((await review(coordinatorReview, d2.id, { decision: 'approved' })).statusCode).toBe(403);
  });

  it('refuses inconsistent declarations and reviews with 422', async () => {
    const admin = await t.newAdmin();
    const p = await newPerson(admin);
    expect(
      problem(await declare(admin, p.id, { nothingToDeclare: true, interests: [{ category: 'other', description: 'x' }] }))
        .status,
    ).toBe(422);
    expect(problem(await declare(admin, p.id, { nothingToDeclare: false, interests: [] })).status).toBe(422);
    expect(
      problem(await declare(admin, p.id, { nothingToDeclare: false, interests: [{ category: 'hemligt', description: 'x' }] }))
        .status,
    ).toBe(422);
    const reviewer = await t.newUser([{ role: 'jav-granskare', scopeType: 'system', scopeId: '' }]);
    const d = (await declare(admin, p.id)).json();
    expect(problem(await review(reviewer, d.id, { decision: 'approved-with-restrictions' })).body.errors?.[0]?.path).toBe(
      'restrictions',
    );
    expect(problem(await review(reviewer, d.id, { decision: 'returned' })).body.errors?.[0]?.path).toBe('comment');
  });

  it('a third simultaneous chair is refused; a group with running memberships cannot close', async () => {
    const admin = await t.newAdmin();
    const reviewer = await t.newUser([{ role: 'jav-granskare', scopeType: 'system', scopeId: '' }]);
    const g = await buildGroup(t.db, { kind: 'council', level: 'region', owner: '19', name: 'Kunskapsråd Västmanland' });
    const chairs = [];
    for (let i = 0; i < 3; i++) {
      const p = await newPerson(admin);
      const d = (await declare(admin, p.id)).json();
      await review(reviewer, d.id, { decision: 'approved' });
      chairs.push(
        await t.request({
          method: 'POST',
          url: `/api/v1/groups/${g.id}/memberships`,
          as: admin,
          payload: { personId: p.id, role: 'ordforande', startDate: '2027-01-01' },
        }),
      );
    }
    expect(chairs.map((r) => r.statusCode)).toEqual([201, 201, 422]);
    const close = problem(
      await t.request({
        method: 'POST',
        url: `/api/v1/groups/${g.id}/close`,
        as: admin,
        payload: { endDate: '2027-06-30', version: 1 },
      }),
    );
    expect(close.status).toBe(409);
    expect(close.body.detail).toContain('2 uppdrag');
  });
});
