import { addCaseAction } from '../../src/modules/cases/add-case-action.js';
import { addCaseClassification } from '../../src/modules/cases/add-case-classification.js';
import { linkCase } from '../../src/modules/cases/link-case.js';
import { uploadDocument } from '../../src/modules/cases/upload-document.js';
import { systemCtx } from '../../src/platform/context.js';
import { buildCase } from '../../src/testing/builders.js';
import type { AccessModule } from './types.js';

/** The case flow's routes (registration, list and GET /cases/{id} are declared in core.ts). */
export const casesAccess: AccessModule = {
  setup: async ({ db }) => {
    const ctx = systemCtx('matrix');
    const main = await buildCase(db, { region: '10' });
    const other = await buildCase(db, { region: '10' });
    const action = await db.transaction((tx) => addCaseAction(tx, ctx, { caseId: main.id, title: 'Matrisens åtgärd' }));
    const link = await linkCase(db, ctx, main.id, { targetType: 'case', targetId: other.id });
    const doc = await uploadDocument(db, ctx, main.id, { fileName: 'matris.txt', bytes: Buffer.from('Matris\n') });
    const classification = await addCaseClassification(db, ctx, { region: '10', code: '9', title: 'Matrisens klass' });
    return {
      casesMainId: main.id,
      casesOtherId: other.id,
      casesActionId: action.id,
      casesLinkId: link.id,
      casesDocumentId: doc.id,
      casesClassificationId: classification.id,
    };
  },
  routes: {
    'GET /api/v1/cases/triage-queue': ['scoped', () => ({ url: '/api/v1/cases/triage-queue?region=10' })],
    'GET /api/v1/cases/mine': ['signed-in', () => ({ url: '/api/v1/cases/mine' })],
    'GET /api/v1/cases/options': ['scoped', () => ({ url: '/api/v1/cases/options?region=10' })],
    'GET /api/v1/case-register': ['public', () => ({ url: '/api/v1/case-register?region=10' })],
    'GET /api/v1/feeds/case-register.atom': ['public', () => ({ url: '/api/v1/feeds/case-register.atom?region=10' })],
    'PATCH /api/v1/cases/{id}': [
      'scoped',
      (f) => ({ url: `/api/v1/cases/${f.casesMainId}`, payload: { version: 1, dueDate: '2027-03-01' } }),
    ],
    'POST /api/v1/cases/{id}/transitions': [
      'scoped',
      (f) => ({ url: `/api/v1/cases/${f.casesOtherId}/transitions`, payload: { version: 1, to: 'under-beredning' } }),
    ],
    'POST /api/v1/cases/{id}/close': [
      'scoped',
      (f) => ({ url: `/api/v1/cases/${f.casesOtherId}/close`, payload: { version: 1, reason: 'Inget beslut behövs.' } }),
    ],
    'GET /api/v1/cases/{id}/transitions': ['scoped', (f) => ({ url: `/api/v1/cases/${f.casesMainId}/transitions` })],
    'POST /api/v1/cases/{id}/escalation': [
      'scoped',
      (f) => ({
        url: `/api/v1/cases/${f.casesMainId}/escalation`,
        payload: { version: 1, forumGroupId: f.groupId!, reason: 'Kräver rådets beslut' },
      }),
    ],
    'POST /api/v1/cases/{id}/triage': [
      'scoped',
      (f) => ({
        url: `/api/v1/cases/${f.casesOtherId}/triage`,
        payload: { version: 1, decisionPath: 'forum-decision', forumGroupId: f.groupId! },
      }),
    ],
    'GET /api/v1/cases/{id}/history': ['scoped', (f) => ({ url: `/api/v1/cases/${f.casesMainId}/history` })],
    'GET /api/v1/cases/{id}/actions': ['scoped', (f) => ({ url: `/api/v1/cases/${f.casesMainId}/actions` })],
    'POST /api/v1/cases/{id}/actions': [
      'scoped',
      (f) => ({ url: `/api/v1/cases/${f.casesMainId}/actions`, payload: { title: 'Ny åtgärd', dueDate: '2027-02-01' } }),
    ],
    'POST /api/v1/case-actions/{id}/complete': [
      'scoped',
      (f) => ({ url: `/api/v1/case-actions/${f.casesActionId}/complete`, payload: { version: 1 } }),
    ],
    'POST /api/v1/case-actions/{id}/reopen': [
      'scoped',
      (f) => ({ url: `/api/v1/case-actions/${f.casesActionId}/reopen`, payload: { version: 1 } }),
    ],
    'GET /api/v1/cases/{id}/links': ['scoped', (f) => ({ url: `/api/v1/cases/${f.casesMainId}/links` })],
    'POST /api/v1/cases/{id}/links': [
      'scoped',
      (f) => ({
        url: `/api/v1/cases/${f.casesMainId}/links`,
        payload: { targetType: 'knowledge-support', targetId: f.knowledgeSupportId! },
      }),
    ],
    'DELETE /api/v1/case-links/{id}': ['scoped', (f) => ({ url: `/api/v1/case-links/${f.casesLinkId}` })],
    'GET /api/v1/cases/{id}/documents': ['scoped', (f) => ({ url: `/api/v1/cases/${f.casesMainId}/documents` })],
    'POST /api/v1/cases/{id}/documents': [
      'scoped',
      (f) => ({
        url: `/api/v1/cases/${f.casesMainId}/documents?fileName=matris.txt`,
        payload: { text: 'matris' },
      }),
    ],
    'GET /api/v1/case-documents/{id}/content': [
      'scoped',
      (f) => ({ url: `/api/v1/case-documents/${f.casesDocumentId}/content` }),
    ],
    'GET /api/v1/case-classifications': ['scoped', () => ({ url: '/api/v1/case-classifications?region=10' })],
    'POST /api/v1/case-classifications': [
      'scoped',
      () => ({ url: '/api/v1/case-classifications', payload: { region: '10', code: '8', title: 'Ny klass' } }),
    ],
    'PATCH /api/v1/case-classifications/{id}': [
      'scoped',
      (f) => ({ url: `/api/v1/case-classifications/${f.casesClassificationId}`, payload: { version: 1, title: 'Omdöpt' } }),
    ],
  },
};
