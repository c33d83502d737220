import { describe, expect, it } from 'vitest';
import { appointMember } from '../src/modules/people/appoint-member.js';
import { systemCtx } from '../src/platform/context.js';
import { buildDeclaredPerson, buildGroup } from '../src/testing/builders.js';
import { useTestApp } from './helpers/app.js';
import { daysFromToday } from './helpers/clock.js';

const t = useTestApp({ publicRegister: true, publicStructure: true });
const day = daysFromToday;

describe('a group’s members, read without signing in', () => {
  it('carry the public register’s facts only: name, role, group, employer and period', async () => {
    const g = await buildGroup(t.db, { kind: 'forum', level: 'region', owner: '10' });
    const p = await buildDeclaredPerson(t.db, { homeOwner: '10', name: 'Åsa Öberg', employer: 'Region Blekinge' });
    await appointMember(t.db, systemCtx('t'), g.id, {
      personId: p.id,
      role: 'ledamot',
      startDate: day(-30),
      endDate: day(300),
      represents: '10',
    });

    const anon = await t.request({ method: 'GET', url: `/api/v1/groups/${g.id}/memberships` });
    expect(anon.statusCode, anon.body).toBe(200);
    expect(anon.json().items).toEqual([
      {
        groupId: g.id,
        groupName: g.name,
        personName: 'Åsa Öberg',
        role: 'ledamot',
        employer: 'Region Blekinge',
        startDate: day(-30),
        endDate: day(300),
      },
    ]);
    for (const hidden of ['personId', 'endedEarlyReason', 'overrideReason', 'declarationLapsed', 'represents', p.id]) {
      expect(anon.body).not.toContain(hidden);
    }

    // The public register says the same, period included.
    const register = await t.request({ method: 'GET', url: `/api/v1/public/register?groupId=${g.id}` });
    expect(register.json().items).toEqual([
      {
        name: 'Åsa Öberg',
        role: 'ledamot',
        groupId: g.id,
        groupName: g.name,
        employer: 'Region Blekinge',
        startDate: day(-30),
        endDate: day(300),
      },
    ]);

    // Signed-in users keep the full record.
    const s = await t.newUser();
    const full = (await t.request({ method: 'GET', url: `/api/v1/groups/${g.id}/memberships`, as: s })).json().items[0];
    expect(full).toMatchObject({ personId: p.id, declarationLapsed: false, represents: '10', overrideReason: null });
    expect(full).toHaveProperty('endedEarlyReason');
  });
});
