import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/helpers/app.js';
import { useClock } from '../../../test/helpers/clock.js';
import type { Ctx, RoleAssignment } from '../../platform/context.js';
import { buildDeclaredPerson, buildGroup, buildPerson } from '../../testing/builders.js';
import { appointMember } from './appoint-member.js';

/**
 * How a person is appointed to a group, on a real database without HTTP: the jäv declaration
 * that must be current and approved on the day (seed 000), who may appoint, and that a refused
 * appointment writes nothing.
 */
const t = useTestApp();
const today = '2026-11-26';
useClock(today);

const as = (roles: RoleAssignment[]): Ctx => ({
  actor: { userId: randomUUID(), email: `u-${randomUUID()}@example.se`, name: 'Testperson', roles, via: 'session' },
  requestId: 'test',
});
const coordinator = (region: string) => as([{ role: 'samordnare', scopeType: 'region', scopeId: region }]);

let forum: string;
beforeAll(async () => {
  forum = (await buildGroup(t.db, { kind: 'forum', level: 'region', owner: '10', name: 'Beredningsforum Blekinge' })).id;
});

async function problemOf(p: Promise<unknown>) {
  try {
    await p;
  } catch (e) {
    return e as { status: number; detail: string; errors?: { path: string; message: string }[] };
  }
  throw new Error('expected a problem');
}

const membershipsOf = async (personId: string) =>
  (await t.db.query<{ id: string }>('SELECT id FROM memberships WHERE person_id = $1', [personId])).length;

describe('appointing a member', () => {
  it('is refused without an approved jäv declaration, saying what is missing, and writes nothing', async () => {
    const p = await buildPerson(t.db, { name: 'Karin Lund', homeOwner: '10' });
    const refused = await problemOf(
      appointMember(t.db, coordinator('10'), forum, { personId: p.id, role: 'ledamot', startDate: '2027-01-01' }),
    );
    expect(refused.status).toBe(422);
    expect(refused.detail).toContain('Karin Lund kan inte utses');
    expect(refused.errors?.[0]).toMatchObject({ path: 'personId' });
    expect(refused.errors?.[0]?.message).toContain('ingen deklaration finns');
    expect(await membershipsOf(p.id)).toBe(0);
  });

  it('appoints a declared person, audited with the declaration it rests on', async () => {
    const p = await buildDeclaredPerson(t.db, { name: 'Omar Haddad', homeOwner: '10' });
    const m = await appointMember(t.db, coordinator('10'), forum, { personId: p.id, role: 'ledamot', startDate: '2027-01-01' });
    expect(await membershipsOf(p.id)).toBe(1);
    const audit = await t.db.query<{ action: string; after: { personId: string; declarationId: string } }>(
      "SELECT action, after FROM audit_events WHERE entity_type = 'membership' AND entity_id = $1",
      [m.id],
    );
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'create', after: { personId: p.id } });
    expect(audit[0]?.after.declarationId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('is refused once the declaration has passed its re-assessment date, three years after approval', async () => {
    const p = await buildDeclaredPerson(t.db, { name: 'Eva Berg', homeOwner: '10' });
    const input = { personId: p.id, role: 'ledamot', startDate: '2030-01-01' };
    const lapsed = await problemOf(appointMember(t.db, coordinator('10'), forum, input, { today: '2029-11-27' }));
    expect(lapsed.status).toBe(422);
    expect(lapsed.errors?.[0]?.message).toContain('den har gått ut');
    // The day before, it still holds.
    await appointMember(t.db, coordinator('10'), forum, input, { today: '2029-11-26' });
    expect(await membershipsOf(p.id)).toBe(1);
  });

  it('is not the step of another region’s coordinator', async () => {
    const p = await buildDeclaredPerson(t.db, { homeOwner: '10' });
    const refused = await problemOf(
      appointMember(t.db, coordinator('08'), forum, { personId: p.id, role: 'ledamot', startDate: '2027-01-01' }),
    );
    expect([403, 404]).toContain(refused.status);
    expect(await membershipsOf(p.id)).toBe(0);
  });
});
