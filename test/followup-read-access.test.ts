import { describe, expect, it } from 'vitest';
import { createPlan } from '../src/modules/planning/create-plan.js';
import { systemCtx } from '../src/platform/context.js';
import { buildGroup, buildImplementationStatus } from '../src/testing/builders.js';
import { useTestApp, type Session } from './helpers/app.js';
import { yearFromNow } from './helpers/clock.js';

/**
 * Plans, implementation statuses and follow-up reports are read in detail by those with a role
 * covering the region or group; a signed-in account without one (freshly provisioned, or from
 * another region) gets empty lists and 404s. The heatmap stays public.
 */
const t = useTestApp();

describe('reading follow-up work', () => {
  it('needs a role covering the region or the group', async () => {
    const group = await buildGroup(t.db, { kind: 'forum', level: 'region', owner: '10', name: 'Läsforumet' });
    const status = await buildImplementationStatus(t.db, { region: '10', status: 'planerad' });
    const plan = await createPlan(t.db, systemCtx('t'), {
      groupId: group.id,
      startYear: yearFromNow(1),
      title: 'Läsplanen',
      items: [],
    });
    const roleless = await t.newUser();
    const kalmar = await t.newUser([{ role: 'samordnare', scopeType: 'region', scopeId: '08' }]);
    const reader = await t.newUser([{ role: 'lasare', scopeType: 'region', scopeId: '10' }]);
    const sodra = await t.newUser([{ role: 'processtod', scopeType: 'healthcare-region', scopeId: 'sodra' }]);
    const chair = await t.newUser([{ role: 'ordforande', scopeType: 'group', scopeId: group.id }]);

    const get = (as: Session, url: string) => t.request({ method: 'GET', url, as });
    const reads = {
      plan: `/api/v1/plans/${plan.id}`,
      status: `/api/v1/implementation-statuses/${status.id}`,
      history: `/api/v1/implementation-statuses/${status.id}/history`,
      report: `/api/v1/groups/${group.id}/followup-report?format=docx`,
    };
    for (const [who, as] of [
      ['without a role', roleless],
      ['from another region', kalmar],
    ] as const) {
      for (const [what, url] of Object.entries(reads)) expect((await get(as, url)).statusCode, `${who}: ${what}`).toBe(404);
      expect((await get(as, '/api/v1/plans?region=10')).json().items, who).toEqual([]);
      expect((await get(as, '/api/v1/implementation-statuses?region=10')).json().items, who).toEqual([]);
    }
    for (const [who, as] of [
      ['a reader in the region', reader],
      ['the healthcare region', sodra],
    ] as const) {
      for (const [what, url] of Object.entries(reads)) expect((await get(as, url)).statusCode, `${who}: ${what}`).toBe(200);
      expect((await get(as, '/api/v1/plans?region=10')).json().items.map((p: { id: string }) => p.id)).toContain(plan.id);
      const statuses = (await get(as, '/api/v1/implementation-statuses?region=10')).json().items;
      expect(statuses.map((s: { id: string }) => s.id)).toContain(status.id);
    }
    // A role in the group itself reads the group's plan and report.
    expect((await get(chair, reads.plan)).statusCode).toBe(200);
    expect((await get(chair, reads.report)).statusCode).toBe(200);
    // The non-personal comparison stays public.
    expect((await t.request({ method: 'GET', url: '/api/v1/implementation/heatmap' })).statusCode).toBe(200);
  });
});
