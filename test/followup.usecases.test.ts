/**
 * The follow-up use cases on a real database, without HTTP: the plan and PDSA lifecycles run
 * through runTransition (guard, audit, allowedActions for the caller) and the policy answers
 * from the request's scope.
 */
import { describe, expect, it } from 'vitest';
import type { Ctx } from '../src/platform/context.js';
import { createPdsa } from '../src/modules/planning/create-pdsa.js';
import { createPlan } from '../src/modules/planning/create-plan.js';
import { getPlan, presentPlan } from '../src/modules/planning/plan-queries.js';
import { planningWritable } from '../src/modules/planning/policy.js';
import { transitionPlan } from '../src/modules/planning/transition-plan.js';
import { updatePdsa } from '../src/modules/planning/update-pdsa.js';
import { updatePlan } from '../src/modules/planning/update-plan.js';
import { buildIndicator, buildLpo } from '../src/testing/builders.js';
import { useTestDb } from './helpers/db.js';

const t = useTestDb();
let n = 0;
const coordinator = (region: string): Ctx => ({
  actor: {
    userId: '00000000-0000-0000-0000-0000000000' + String(10 + n).padStart(2, '0'),
    email: `samordnare-${region}@example.se`,
    name: `Samordnare ${region}`,
    roles: [{ role: 'samordnare', scopeType: 'region', scopeId: region }],
    via: 'session',
  },
  requestId: `uc-${n++}`,
});

describe('plans', () => {
  it('take their steps in order, each audited, and offer the caller the next one', async () => {
    const lpo = await buildLpo(t.db, { region: '10', programAreaId: 'hjart-och-karlsjukdomar' });
    const blekinge = coordinator('10');
    const plan = await createPlan(t.db, blekinge, { groupId: lpo.id, startYear: 2031, title: 'Plan', items: [] });
    expect((await presentPlan(t.db, coordinator('10'), plan)).allowedActions).toEqual(['agree']);
    // Another region's coordinator may read nothing to act on.
    expect((await presentPlan(t.db, coordinator('08'), plan)).allowedActions).toEqual([]);
    expect((await planningWritable(coordinator('10'), t.db)).planGroupIds).toContain(lpo.id);
    expect((await planningWritable(coordinator('08'), t.db)).planGroupIds).not.toContain(lpo.id);

    await expect(
      transitionPlan(t.db, coordinator('10'), plan.id, 1, { to: 'established', decisionRef: 'X', establishedOn: '2031-01-10' }),
    ).rejects.toMatchObject({ status: 409 });
    await expect(transitionPlan(t.db, coordinator('08'), plan.id, 1, { to: 'agreed', agreedWith: 'x' })).rejects.toMatchObject({
      status: 403,
    });
    const agreed = await transitionPlan(t.db, coordinator('10'), plan.id, 1, { to: 'agreed', agreedWith: 'Verksamhetschefer' });
    expect(agreed).toMatchObject({ state: 'agreed', agreedWith: 'Verksamhetschefer', version: 2 });
    const est = await transitionPlan(t.db, coordinator('10'), plan.id, 2, {
      to: 'established',
      decisionRef: 'RK 1',
      establishedOn: '2031-01-15',
    });
    const shown = await presentPlan(t.db, coordinator('10'), est);
    expect(shown).toMatchObject({ state: 'established', locked: true, allowedActions: [] });
    // Locked: the title no longer changes.
    await expect(updatePlan(t.db, coordinator('10'), plan.id, 3, { title: 'Ny' })).rejects.toMatchObject({ status: 409 });
    expect((await getPlan(t.db, plan.id))!.title).toBe('Plan');

    const audit = await t.db.query<{ action: string; before: { status: string } | null }>(
      `SELECT action, before FROM audit_events WHERE entity_type = 'operational-plan' AND entity_id = $1 ORDER BY id`,
      [plan.id],
    );
    expect(audit.map((a) => a.action)).toEqual(['create', 'agree', 'establish']);
    expect(audit[2]!.before).toMatchObject({ status: 'agreed', version: 2 });
  });
});

describe('PDSA cycles', () => {
  it('step one phase at a time through the lifecycle; texts change in any phase', async () => {
    const ind = await buildIndicator(t.db);
    const c = await createPdsa(t.db, coordinator('10'), {
      indicatorId: ind.id,
      regionCode: '10',
      groupId: null,
      title: 'Telefontider',
      plan: 'Fler tider',
      startedOn: null,
    });
    await expect(updatePdsa(t.db, coordinator('10'), c.id, 1, { phase: 'study' })).rejects.toMatchObject({ status: 409 });
    const texts = await updatePdsa(t.db, coordinator('10'), c.id, 1, { plan: 'Ännu fler tider' });
    expect(texts).toMatchObject({ phase: 'plan', plan: 'Ännu fler tider', version: 2 });
    const done = await updatePdsa(t.db, coordinator('10'), c.id, 2, { phase: 'do', do: 'Två veckor' });
    expect(done).toMatchObject({ phase: 'do', do: 'Två veckor', plan: 'Ännu fler tider', version: 3 });
    await expect(updatePdsa(t.db, coordinator('10'), c.id, 3, { phase: 'plan' })).rejects.toMatchObject({ status: 409 });
    const audit = await t.db.query<{ action: string; after: { status?: string } }>(
      `SELECT action, after FROM audit_events WHERE entity_type = 'pdsa-cycle' AND entity_id = $1 ORDER BY id`,
      [c.id],
    );
    expect(audit.map((a) => a.action)).toEqual(['create', 'update', 'update']);
    expect(audit[2]!.after).toMatchObject({ status: 'do' });
  });
});
