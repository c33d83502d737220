import { recordAssignment } from '../../src/modules/compensation/record-assignment.js';
import { recordParticipant } from '../../src/modules/compensation/record-participant.js';
import { submitClaim } from '../../src/modules/compensation/submit-claim.js';
import { systemCtx } from '../../src/platform/context.js';
import { buildGroup, buildPerson, buildRateModel } from '../../src/testing/builders.js';
import type { AccessModule } from './types.js';

/**
 * Compensation to persons with patient experience. Claims and amounts are visible to the person
 * (linked by e-mail), the approvers of the group's region and administrators only: for everyone
 * else a claim is 404 and lists are empty (field-level rules are tested in
 * test/compensation.http.test.ts).
 */
async function setupCompensation({ db }: Parameters<AccessModule['setup'] & object>[0]) {
  const ctx = systemCtx('matrix');
  const group = await buildGroup(db, { kind: 'program-area', level: 'region', owner: '10', programAreaIds: ['tandvard'] });
  const person = await buildPerson(db, { homeOwner: '10' });
  const participant = await recordParticipant(db, ctx, {
    personId: person.id,
    groupId: group.id,
    recruitedOn: '2026-09-01',
    recruitedBy: 'Matrisens processtöd',
  });
  const assignment = await recordAssignment(db, ctx, participant.id, {
    kind: 'meeting',
    date: '2026-10-01',
    timeUnit: 'meeting',
    description: 'Möte',
  });
  const open = await recordAssignment(db, ctx, participant.id, {
    kind: 'work',
    date: '2026-10-02',
    timeUnit: 'full-day',
    description: 'Arbete',
  });
  // Navet ships no rates: the matrix's own model, once per database
  if ((await db.query('SELECT 1 FROM compensation_rate_models')).length === 0) await buildRateModel(db);
  const claim = await submitClaim(db, ctx, { assignmentId: assignment.id, distanceKm: 10, travelCostsOre: 0 });
  const [model] = await db.query<{ id: string }>('SELECT id FROM compensation_rate_models ORDER BY valid_from LIMIT 1');
  return {
    compensationGroupId: group.id,
    compensationPersonId: person.id,
    compensationParticipantId: participant.id,
    compensationOpenAssignmentId: open.id,
    compensationClaimId: claim.id,
    compensationRateModelId: model!.id,
  };
}

const rateBody = {
  name: 'Matris',
  validFrom: '2031-01-01',
  validTo: '2031-12-31',
  meetingFeeOre: 1,
  halfDayFeeOre: 2,
  fullDayFeeOre: 3,
  hourlyFeeOre: 1,
  mileageOrePerKm: 1,
};

export const compensationAccess: AccessModule = {
  setup: setupCompensation,
  routes: {
    'GET /api/v1/compensation/rate-models': ['signed-in', () => ({ url: '/api/v1/compensation/rate-models' })],
    'POST /api/v1/compensation/rate-models': ['admin', () => ({ url: '/api/v1/compensation/rate-models', payload: rateBody })],
    'PATCH /api/v1/compensation/rate-models/{id}': [
      'admin',
      (f) => ({
        url: `/api/v1/compensation/rate-models/${f.compensationRateModelId}`,
        payload: { ...rateBody, validFrom: '2026-01-01', validTo: '2026-12-31', version: 1 },
      }),
    ],
    'GET /api/v1/compensation/participants': ['signed-in', () => ({ url: '/api/v1/compensation/participants' })],
    'POST /api/v1/compensation/participants': [
      'scoped',
      (f) => ({
        url: '/api/v1/compensation/participants',
        payload: { personId: f.personId, groupId: f.compensationGroupId, recruitedOn: '2026-09-01', recruitedBy: 'Matris' },
      }),
    ],
    'PATCH /api/v1/compensation/participants/{id}': [
      'scoped',
      (f) => ({
        url: `/api/v1/compensation/participants/${f.compensationParticipantId}`,
        payload: {
          recruitedOn: '2026-09-01',
          recruitedBy: 'Matris',
          introducedOn: null,
          introducedBy: null,
          notes: null,
          version: 1,
        },
      }),
    ],
    'POST /api/v1/compensation/participants/{id}/assignments': [
      'scoped',
      (f) => ({
        url: `/api/v1/compensation/participants/${f.compensationParticipantId}/assignments`,
        payload: { kind: 'meeting', date: '2026-10-05', timeUnit: 'meeting', description: 'Matris' },
      }),
    ],
    'GET /api/v1/compensation/assignments': ['signed-in', () => ({ url: '/api/v1/compensation/assignments' })],
    'GET /api/v1/compensation/quote': [
      'scoped',
      (f) => ({ url: `/api/v1/compensation/quote?assignmentId=${f.compensationOpenAssignmentId}&distanceKm=5&travelCostsOre=0` }),
    ],
    'GET /api/v1/compensation/claims': ['signed-in', () => ({ url: '/api/v1/compensation/claims' })],
    'POST /api/v1/compensation/claims': [
      'scoped',
      (f) => ({
        url: '/api/v1/compensation/claims',
        payload: { assignmentId: f.compensationOpenAssignmentId, distanceKm: 0, travelCostsOre: 0 },
      }),
    ],
    'GET /api/v1/compensation/claims/{id}': ['scoped', (f) => ({ url: `/api/v1/compensation/claims/${f.compensationClaimId}` })],
    'POST /api/v1/compensation/claims/{id}/approve': [
      'scoped',
      (f) => ({ url: `/api/v1/compensation/claims/${f.compensationClaimId}/approve`, payload: { version: 1 } }),
    ],
    'POST /api/v1/compensation/claims/{id}/return': [
      'scoped',
      (f) => ({ url: `/api/v1/compensation/claims/${f.compensationClaimId}/return`, payload: { version: 1, comment: 'Matris' } }),
    ],
    'POST /api/v1/compensation/claims/{id}/withdraw': [
      'scoped',
      (f) => ({ url: `/api/v1/compensation/claims/${f.compensationClaimId}/withdraw`, payload: { version: 1 } }),
    ],
    'POST /api/v1/compensation/claims/{id}/resubmit': [
      'scoped',
      (f) => ({
        url: `/api/v1/compensation/claims/${f.compensationClaimId}/resubmit`,
        payload: { version: 1, distanceKm: 0, travelCostsOre: 0 },
      }),
    ],
    // Needs a managing role (processtöd, samordnare, admin) at some scope; the rows are limited
    // to that scope, so another region's coordinator gets a file without Blekinge's claims
    // (test/compensation.http.test.ts). Without such a role: 403.
    'GET /api/v1/compensation/payroll-export': ['admin', () => ({ url: '/api/v1/compensation/payroll-export?format=csv' })],
    'GET /api/v1/compensation/totals': ['signed-in', () => ({ url: '/api/v1/compensation/totals?year=2026' })],
  },
};
