import { describe, expect, it } from 'vitest';
import { appointMember } from '../src/modules/people/appoint-member.js';
import { systemCtx } from '../src/platform/context.js';
import { buildDeclaredPerson, buildGroup } from '../src/testing/builders.js';
import { useTestApp } from './helpers/app.js';

const t = useTestApp({ publicRegister: false });

describe('NAVET_PUBLIC_REGISTER=0: no public register of who sits where', () => {
  it('the register answers 404 and anonymous readers cannot list a group’s members; signed-in users still can', async () => {
    const g = await buildGroup(t.db, { kind: 'forum', level: 'region', owner: '10' });
    await buildDeclaredPerson(t.db, { homeOwner: '10' });
    expect((await t.request({ method: 'GET', url: '/api/v1/public/register' })).statusCode).toBe(404);
    expect((await t.request({ method: 'GET', url: `/api/v1/groups/${g.id}/memberships` })).statusCode).toBe(401);
    const s = await t.newUser();
    expect((await t.request({ method: 'GET', url: `/api/v1/groups/${g.id}/memberships`, as: s })).statusCode).toBe(200);
    expect((await t.request({ method: 'GET', url: '/api/v1/public/register', as: s })).statusCode).toBe(404);
    // The rotation schedule stays public, without the holders' names.
    const svn = (
      await t.db.query<{ id: string }>(`SELECT id FROM groups WHERE reference_key = 'sydostra:namnd:samverkansnamnden'`)
    )[0]!.id;
    // The order is the healthcare region's data (seed 001 leaves it open); set here as it would be.
    await t.db.query(
      `UPDATE composition_rules SET region_order = '{06,08,05}', anchor_date = '2025-01-01'
        WHERE group_key = 'sydostra:namnd:samverkansnamnden' AND rule_type = 'rotation'`,
    );
    const kalmar = await buildDeclaredPerson(t.db, { homeOwner: '08', name: 'Kalle Kalmar' });
    await appointMember(t.db, systemCtx('t'), svn, { personId: kalmar.id, role: 'ordforande', startDate: '2027-01-01' });
    const url = `/api/v1/groups/${svn}/rotation?from=2027-01-01&to=2028-12-31`;
    expect((await t.request({ method: 'GET', url })).json().schedules[0].periods[0]).toMatchObject({ region: '08', holders: [] });
    expect((await t.request({ method: 'GET', url, as: s })).json().schedules[0].periods[0].holders).toEqual([
      { role: 'ordforande', personName: 'Kalle Kalmar', represents: '08' },
    ]);
    // The structure itself stays public.
    expect((await t.request({ method: 'GET', url: `/api/v1/groups/${g.id}` })).statusCode).toBe(200);
  });
});
