import { createLocalAddition } from '../../src/modules/knowledge/create-local-addition.js';
import { createRecommendation } from '../../src/modules/knowledge/create-recommendation.js';
import { addDocument } from '../../src/modules/consultation/rounds/documents.js';
import { systemCtx } from '../../src/platform/context.js';
import { buildConsultationRound, buildKnowledgeSupport, buildLpo } from '../../src/testing/builders.js';
import type { AccessModule } from './types.js';

/** Fixtures: a national guideline with a version, a round on it, a recommendation, and a local addition by an LPO in Blekinge. */
async function setupKnowledge({ db }: Parameters<AccessModule['setup'] & object>[0]) {
  const ctx = systemCtx('matrix');
  const support = await buildKnowledgeSupport(db, { type: 'nationella-riktlinjer', title: 'Matrisens riktlinjer' });
  const round = await buildConsultationRound(db, { supportVersionId: support.firstVersionId! });
  const doc = await addDocument(db, ctx, round.id, {
    kind: 'missiv',
    title: 'Missiv',
    fileName: 'missiv.txt',
    mediaType: 'text/plain',
    contentBase64: Buffer.from('Missiv till regionerna').toString('base64'),
  });
  const rec = await createRecommendation(db, ctx, support.id, {
    code: 'M1',
    condition: 'Tillstånd',
    measure: 'Åtgärd',
    grade: 'prioritet',
    priority: 3,
    comment: null,
  });
  const lpo = await buildLpo(db, { region: '10', programAreaId: 'akut-vard' });
  const addition = await createLocalAddition(db, ctx, support.id, {
    ownerGroupId: lpo.id,
    kind: 'regionalt-tillagg',
    title: 'Blekinges tillägg',
    body: 'Remiss till ...',
    url: null,
    status: 'publicerad',
    reviewDate: null,
  });
  return {
    knowledgeSupportId: support.id,
    knowledgeVersionId: support.firstVersionId!,
    knowledgeRoundId: round.id,
    knowledgeDocumentId: doc.id,
    knowledgeRecommendationId: rec.id,
    knowledgeLpoId: lpo.id,
    knowledgeAdditionId: addition.id,
  };
}

export const knowledgeAccess: AccessModule = {
  setup: setupKnowledge,
  routes: {
    'GET /api/v1/knowledge-supports': ['public', () => ({ url: '/api/v1/knowledge-supports?q=riktlinjerna' })],
    'GET /api/v1/feeds/knowledge-supports.atom': ['public', () => ({ url: '/api/v1/feeds/knowledge-supports.atom' })],
    'GET /api/v1/knowledge-supports/owners': ['signed-in', () => ({ url: '/api/v1/knowledge-supports/owners' })],
    'GET /api/v1/knowledge-supports/{id}': ['public', (f) => ({ url: `/api/v1/knowledge-supports/${f.knowledgeSupportId}` })],
    'POST /api/v1/knowledge-supports': [
      'admin',
      () => ({
        url: '/api/v1/knowledge-supports',
        payload: { type: 'vardprogram', title: 'Matrisprogram', producerKind: 'npo', producerName: 'NPO' },
      }),
    ],
    'POST /api/v1/knowledge-catalogue/imports': [
      'admin',
      () => ({
        url: '/api/v1/knowledge-catalogue/imports',
        payload: {
          fileName: 'katalog.csv',
          format: 'csv',
          contentBase64: Buffer.from('identifierare;titel;typ\nMATRIS-1;Matrisens vårdförlopp;vardforlopp\n').toString('base64'),
          full: false,
          dryRun: false,
        },
      }),
    ],
    'PATCH /api/v1/knowledge-supports/{id}': [
      'admin',
      (f) => ({ url: `/api/v1/knowledge-supports/${f.knowledgeSupportId}`, payload: { summary: 'Ändrad', version: 1 } }),
    ],
    'POST /api/v1/knowledge-supports/{id}/transition': [
      'admin',
      (f) => ({
        url: `/api/v1/knowledge-supports/${f.knowledgeSupportId}/transition`,
        payload: { status: 'upphavd', reason: 'x', version: 1 },
      }),
    ],
    'POST /api/v1/knowledge-supports/{id}/versions': [
      'admin',
      (f) => ({ url: `/api/v1/knowledge-supports/${f.knowledgeSupportId}/versions`, payload: { label: '9.9' } }),
    ],
    'PATCH /api/v1/knowledge-support-versions/{id}': [
      'admin',
      (f) => ({ url: `/api/v1/knowledge-support-versions/${f.knowledgeVersionId}`, payload: { changeSummary: 'x', version: 1 } }),
    ],
    'POST /api/v1/knowledge-support-versions/{id}/transition': [
      'admin',
      (f) => ({
        url: `/api/v1/knowledge-support-versions/${f.knowledgeVersionId}/transition`,
        payload: { status: 'beslutad', version: 1 },
      }),
    ],
    'POST /api/v1/knowledge-supports/{id}/recommendations': [
      'admin',
      (f) => ({
        url: `/api/v1/knowledge-supports/${f.knowledgeSupportId}/recommendations`,
        payload: { condition: 'T', measure: 'Å', grade: 'fou' },
      }),
    ],
    'PATCH /api/v1/knowledge-recommendations/{id}': [
      'admin',
      (f) => ({ url: `/api/v1/knowledge-recommendations/${f.knowledgeRecommendationId}`, payload: { priority: 4, version: 1 } }),
    ],
    'DELETE /api/v1/knowledge-recommendations/{id}': [
      'admin',
      (f) => ({ url: `/api/v1/knowledge-recommendations/${f.knowledgeRecommendationId}`, headers: { 'if-match': '"1"' } }),
    ],
    'POST /api/v1/knowledge-supports/{id}/local-additions': [
      'scoped',
      (f) => ({
        url: `/api/v1/knowledge-supports/${f.knowledgeSupportId}/local-additions`,
        payload: { ownerGroupId: f.knowledgeLpoId, kind: 'lokal-rutin', title: 'Rutin', body: 'Text' },
      }),
    ],
    'PATCH /api/v1/knowledge-local-additions/{id}': [
      'scoped',
      (f) => ({ url: `/api/v1/knowledge-local-additions/${f.knowledgeAdditionId}`, payload: { title: 'Ny rubrik', version: 1 } }),
    ],
    'GET /api/v1/consultation-rounds': ['public', () => ({ url: '/api/v1/consultation-rounds?phase=aktuell' })],
    'GET /api/v1/feeds/consultation-rounds.atom': ['public', () => ({ url: '/api/v1/feeds/consultation-rounds.atom' })],
    'GET /api/v1/consultation-rounds/proposal': [
      'public',
      (f) => ({ url: `/api/v1/consultation-rounds/proposal?supportVersionId=${f.knowledgeVersionId}` }),
    ],
    'GET /api/v1/consultation-rounds/{id}': ['public', (f) => ({ url: `/api/v1/consultation-rounds/${f.knowledgeRoundId}` })],
    'POST /api/v1/consultation-rounds': [
      'admin',
      (f) => ({
        url: '/api/v1/consultation-rounds',
        payload: { supportVersionId: f.knowledgeVersionId, track: 'synpunktsinhamtning' },
      }),
    ],
    'PATCH /api/v1/consultation-rounds/{id}': [
      'admin',
      (f) => ({ url: `/api/v1/consultation-rounds/${f.knowledgeRoundId}`, payload: { title: 'Ny titel', version: 1 } }),
    ],
    'POST /api/v1/consultation-rounds/{id}/cancel': [
      'admin',
      (f) => ({ url: `/api/v1/consultation-rounds/${f.knowledgeRoundId}/cancel`, payload: { reason: 'Fel', version: 1 } }),
    ],
    'POST /api/v1/consultation-rounds/{id}/documents': [
      'admin',
      (f) => ({
        url: `/api/v1/consultation-rounds/${f.knowledgeRoundId}/documents`,
        payload: { kind: 'utkast', title: 'Utkast', url: 'https://example.se/utkast.pdf' },
      }),
    ],
    'GET /api/v1/consultation-rounds/{id}/documents/{documentId}/content': [
      'public',
      (f) => ({ url: `/api/v1/consultation-rounds/${f.knowledgeRoundId}/documents/${f.knowledgeDocumentId}/content` }),
    ],
    'DELETE /api/v1/consultation-rounds/{id}/documents/{documentId}': [
      'admin',
      (f) => ({ url: `/api/v1/consultation-rounds/${f.knowledgeRoundId}/documents/${f.knowledgeDocumentId}` }),
    ],
  },
};
