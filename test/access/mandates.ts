import { createRule } from '../../src/modules/mandates/manage-rules.js';
import { createNomination } from '../../src/modules/mandates/create-nomination.js';
import { appointMember } from '../../src/modules/people/appoint-member.js';
import { systemCtx } from '../../src/platform/context.js';
import { buildDeclaredPerson, buildGroup } from '../../src/testing/builders.js';
import type { AccessModule } from './types.js';

const nomination = (personId: string) => ({
  personId,
  nominatingOrganisation: 'Region Blekinge',
  nominatingOrganisationType: 'region',
  nominatedBy: 'Matrisen',
  role: 'ledamot',
  startDate: '2027-01-01',
});

/** Mandates: memberships edited and ended, nominations, composition rules and checks, rotation, the public register. */
export const mandatesAccess: AccessModule = {
  async setup({ db }) {
    const ctx = systemCtx('matrix');
    const group = await buildGroup(db, { kind: 'forum', level: 'region', owner: '10', name: 'Matrisens mandatforum' });
    const seated = await buildDeclaredPerson(db, { homeOwner: '10' });
    const nominee = await buildDeclaredPerson(db, { homeOwner: '10' });
    const membership = await appointMember(db, ctx, group.id, {
      personId: seated.id,
      role: 'ledamot',
      startDate: '2026-01-01',
      endDate: '2028-12-31',
    });
    const n = await createNomination(db, ctx, group.id, nomination(nominee.id));
    const rule = await createRule(db, ctx, {
      groupKind: 'forum',
      groupLevel: 'region',
      groupOwner: '10',
      ruleType: 'role-count',
      roles: ['ordforande'],
      minCount: 1,
      maxCount: 1,
      description: 'Matrisens regel',
    });
    // A rotation whose order the region has not set yet (seed 001 leaves it open).
    const rotation = await createRule(db, ctx, {
      groupKind: 'forum',
      groupLevel: 'region',
      groupOwner: '10',
      ruleType: 'rotation',
      roles: ['sekreterare'],
      years: 2,
      description: 'Matrisens rotation',
    });
    return {
      mandatesGroupId: group.id,
      mandatesRotationRuleId: rotation.id,
      mandatesNomineeId: nominee.id,
      mandatesMembershipId: membership.id,
      mandatesNominationId: n.id,
      mandatesRuleId: rule.id,
    };
  },
  routes: {
    'PATCH /api/v1/memberships/{id}': [
      'scoped',
      (f) => ({ url: `/api/v1/memberships/${f.mandatesMembershipId}`, payload: { endDate: '2028-06-30', version: 1 } }),
    ],
    'POST /api/v1/memberships/{id}/end': [
      'scoped',
      (f) => ({
        url: `/api/v1/memberships/${f.mandatesMembershipId}/end`,
        payload: { endDate: '2027-06-30', reason: 'Matris', version: 1 },
      }),
    ],
    'POST /api/v1/groups/{id}/nominations': [
      'scoped',
      (f) => ({
        url: `/api/v1/groups/${f.mandatesGroupId}/nominations`,
        payload: { ...nomination(f.mandatesNomineeId!), role: 'deltagare' },
      }),
    ],
    'GET /api/v1/nominations': ['signed-in', () => ({ url: '/api/v1/nominations?status=open' })],
    'GET /api/v1/nominations/{id}': ['scoped', (f) => ({ url: `/api/v1/nominations/${f.mandatesNominationId}` })],
    'POST /api/v1/nominations/{id}/decision': [
      'scoped',
      (f) => ({
        url: `/api/v1/nominations/${f.mandatesNominationId}/decision`,
        payload: { decision: 'refused', decisionDate: '2026-11-01', reference: 'M 1', reason: 'Matris', version: 1 },
      }),
    ],
    'POST /api/v1/nominations/{id}/withdraw': [
      'scoped',
      (f) => ({ url: `/api/v1/nominations/${f.mandatesNominationId}/withdraw`, payload: { version: 1 } }),
    ],
    'GET /api/v1/composition-rules': ['public', () => ({ url: '/api/v1/composition-rules' })],
    'POST /api/v1/composition-rules': [
      'admin',
      () => ({
        url: '/api/v1/composition-rules',
        payload: { groupKind: 'forum', ruleType: 'role-count', roles: ['sekreterare'], minCount: 1, description: 'Matris' },
      }),
    ],
    'PATCH /api/v1/composition-rules/{id}': [
      'admin',
      (f) => ({
        url: `/api/v1/composition-rules/${f.mandatesRuleId}`,
        payload: {
          groupKind: 'forum',
          ruleType: 'role-count',
          roles: ['ordforande'],
          minCount: 1,
          description: 'Ändrad',
          version: 1,
        },
      }),
    ],
    'DELETE /api/v1/composition-rules/{id}': [
      'admin',
      (f) => ({ url: `/api/v1/composition-rules/${f.mandatesRuleId}?version=1` }),
    ],
    'GET /api/v1/groups/{id}/composition': ['public', (f) => ({ url: `/api/v1/groups/${f.mandatesGroupId}/composition` })],
    'GET /api/v1/composition/gaps': ['signed-in', () => ({ url: '/api/v1/composition/gaps?owner=10' })],
    'GET /api/v1/groups/{id}/rotation': ['public', (f) => ({ url: `/api/v1/groups/${f.mandatesGroupId}/rotation` })],
    'PUT /api/v1/composition-rules/{id}/rotation-order': [
      'scoped',
      (f) => ({
        url: `/api/v1/composition-rules/${f.mandatesRotationRuleId}/rotation-order`,
        payload: { regionOrder: ['10', '07'], anchorDate: '2027-01-01', version: 1 },
      }),
    ],
    'GET /api/v1/represented-bodies': ['public', () => ({ url: '/api/v1/represented-bodies' })],
    'GET /api/v1/groups/{id}/representation': ['public', (f) => ({ url: `/api/v1/groups/${f.mandatesGroupId}/representation` })],
    'GET /api/v1/public/register': ['public', () => ({ url: '/api/v1/public/register?owner=10' })],
  },
};
