import { describe, expect, it } from 'vitest';
import { demoDate } from '../src/modules/demo/dates.js';
import { loadCompensationDemo } from '../src/modules/compensation/demo.js';
import { buildLpo, buildUser } from '../src/testing/builders.js';
import { systemCtx } from '../src/platform/context.js';
import { useTestApp } from './helpers/app.js';

const t = useTestApp();

describe('compensation demo data', () => {
  it('gives Region Kronoberg persons with patient experience, claims in every open state, and a user who can sign in', async () => {
    // the demo LPOs and process support that loadDemo makes before this part
    await buildLpo(t.db, { region: '07', programAreaId: 'akut-vard', name: 'LPO Akut vård (demo)', isDemo: true });
    await buildLpo(t.db, { region: '07', programAreaId: 'psykisk-halsa', name: 'LPO Psykisk hälsa (demo)', isDemo: true });
    await buildUser(t.db, {
      email: 'processtod@demo.navet.example',
      password: 'demo-lösenord-navet',
      roles: [{ role: 'processtod', scopeType: 'region', scopeId: '07' }],
    });
    await loadCompensationDemo(t.db, systemCtx('t'));
    const states = await t.db.query<{ status: string; n: number }>(
      'SELECT status, count(*) AS n FROM compensation_claims GROUP BY status ORDER BY status',
    );
    expect(Object.fromEntries(states.map((s) => [s.status, s.n]))).toEqual({ approved: 3, returned: 1, submitted: 1 });
    const lena = await t.login('patient@demo.navet.example', 'demo-lösenord-navet');
    const mine = (await t.request({ method: 'GET', url: '/api/v1/compensation/claims?scope=mine', as: lena })).json<{
      items: { personName: string }[];
    }>();
    expect(mine.items.map((c) => c.personName)).toEqual(['Lena Levande (demo)', 'Lena Levande (demo)', 'Lena Levande (demo)']);
    const open = (await t.request({ method: 'GET', url: '/api/v1/compensation/assignments?unclaimed=true', as: lena })).json<{
      items: { date: string }[];
    }>();
    expect(open.items.map((a) => a.date)).toEqual([demoDate('2026-11-05')]);
    const support = await t.login('processtod@demo.navet.example', 'demo-lösenord-navet');
    const queue = (await t.request({ method: 'GET', url: '/api/v1/compensation/claims?status=submitted', as: support })).json<{
      items: { permissions: { approve: boolean } }[];
    }>();
    expect(queue.items).toHaveLength(1);
    expect(queue.items[0]!.permissions.approve).toBe(true);
  });
});
