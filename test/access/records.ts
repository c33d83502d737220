import { closeCase } from '../../src/modules/cases/close-case.js';
import { systemCtx } from '../../src/platform/context.js';
import { buildCase, buildPerson } from '../../src/testing/builders.js';
import type { AccessModule } from './types.js';

/**
 * Register extracts and anonymisation: the person themself, the coordinators of their home
 * register and administrators; everyone else gets 404 for the person. Retention rules are read
 * by any signed-in user and changed by administrators, who also run gallring. A closed case's
 * e-archive package is for those who archive in its region.
 */
async function setupRecords({ db }: Parameters<AccessModule['setup'] & object>[0]) {
  const closed = await buildCase(db, { region: '10', subject: 'Avslutat ärende (matris)' });
  await closeCase(db, systemCtx('matrix'), closed.id, closed.version, { reason: 'Matris' });
  return { recordsPersonId: (await buildPerson(db, { homeOwner: '10' })).id, recordsClosedCaseId: closed.id };
}

const ruleBody = { label: 'Matris', retentionYears: 7, retention: 'Matris', legalBasis: 'Matris', version: 1 };

export const recordsAccess: AccessModule = {
  setup: setupRecords,
  routes: {
    'GET /api/v1/people/{id}/register-extract': [
      'scoped',
      (f) => ({ url: `/api/v1/people/${f.recordsPersonId}/register-extract` }),
    ],
    'GET /api/v1/people/{id}/register-extract.docx': [
      'scoped',
      (f) => ({ url: `/api/v1/people/${f.recordsPersonId}/register-extract.docx` }),
    ],
    'GET /api/v1/people/{id}/anonymisation': ['scoped', (f) => ({ url: `/api/v1/people/${f.recordsPersonId}/anonymisation` })],
    'POST /api/v1/people/{id}/anonymise': [
      'scoped',
      (f) => ({ url: `/api/v1/people/${f.recordsPersonId}/anonymise`, payload: { version: 1, confirm: true } }),
    ],
    'GET /api/v1/retention-rules': ['signed-in', () => ({ url: '/api/v1/retention-rules' })],
    'PUT /api/v1/retention-rules/{recordType}': [
      'admin',
      () => ({ url: '/api/v1/retention-rules/compensation-claim', payload: ruleBody }),
    ],
    'POST /api/v1/records/gallring': ['admin', () => ({ url: '/api/v1/records/gallring', payload: { dryRun: true } })],
    'GET /api/v1/cases/{id}/archive-package': [
      'scoped',
      (f) => ({ url: `/api/v1/cases/${f.recordsClosedCaseId}/archive-package` }),
    ],
  },
};
