import { submitJavDeclaration } from '../../src/modules/people/submit-jav-declaration.js';
import { systemCtx } from '../../src/platform/context.js';
import { buildCase, buildDeclaredPerson, buildGroup, buildPerson } from '../../src/testing/builders.js';
import type { AccessModule } from './types.js';

/** Fixtures shared by the foundation's routes; other modules' files may read them too. */
async function setupCore({ db, newUser, request }: Parameters<AccessModule['setup'] & object>[0]) {
  const ctx = systemCtx('matrix');
  const personId = (await buildPerson(db, { homeOwner: '10' })).id;
  const owner = await newUser();
  const tokenId: string = (
    await request({ method: 'POST', url: '/api/v1/auth/tokens', as: owner, payload: { name: 'ägarens' } })
  ).json().id;
  return {
    groupId: (await buildGroup(db, { kind: 'forum', level: 'region', owner: '10', name: 'Matrisens forum' })).id,
    personId,
    declaredPersonId: (await buildDeclaredPerson(db, { homeOwner: '10' })).id,
    declarationId: (await submitJavDeclaration(db, ctx, personId, { nothingToDeclare: true, interests: [] })).id,
    caseId: (await buildCase(db, { region: '10' })).id,
    userId: owner.userId,
    tokenId,
  };
}

export const coreAccess: AccessModule = {
  setup: setupCore,
  routes: {
    'GET /api/health': ['public', () => ({ url: '/api/health' })],
    'POST /api/v1/auth/login': [
      'public',
      () => ({ url: '/api/v1/auth/login', payload: { email: 'x@example.se', password: 'x' } }),
    ],
    'POST /api/v1/auth/logout': ['public', () => ({ url: '/api/v1/auth/logout' })],
    'GET /api/v1/me': ['signed-in', () => ({ url: '/api/v1/me' })],
    'GET /api/v1/me/overview': ['signed-in', () => ({ url: '/api/v1/me/overview' })],
    'GET /api/v1/auth/tokens': ['signed-in', () => ({ url: '/api/v1/auth/tokens' })],
    'POST /api/v1/auth/tokens': ['signed-in', () => ({ url: '/api/v1/auth/tokens', payload: { name: 'matris' } })],
    'DELETE /api/v1/auth/tokens/{id}': ['admin', (f) => ({ url: `/api/v1/auth/tokens/${f.tokenId}` })], // someone else's token: 404 for all but its owner
    'GET /api/v1/users': ['admin', () => ({ url: '/api/v1/users' })],
    'GET /api/v1/roles': ['admin', () => ({ url: '/api/v1/roles' })],
    'POST /api/v1/users': [
      'admin',
      () => ({ url: '/api/v1/users', payload: { email: `matris-${Date.now()}@example.se`, name: 'Matris' } }),
    ],
    'GET /api/v1/users/{id}': ['admin', (f) => ({ url: `/api/v1/users/${f.userId}` })],
    'PATCH /api/v1/users/{id}': ['admin', (f) => ({ url: `/api/v1/users/${f.userId}`, payload: { name: 'Ändrad', version: 1 } })],
    'GET /api/v1/audit': ['admin', () => ({ url: '/api/v1/audit' })],
    'GET /api/v1/healthcare-regions': ['public', () => ({ url: '/api/v1/healthcare-regions' })],
    'GET /api/v1/healthcare-regions/{id}': ['public', () => ({ url: '/api/v1/healthcare-regions/sodra' })],
    'GET /api/v1/regions': ['public', () => ({ url: '/api/v1/regions' })],
    'GET /api/v1/regions/{code}': ['public', () => ({ url: '/api/v1/regions/10' })],
    'GET /api/v1/municipalities': ['public', () => ({ url: '/api/v1/municipalities' })],
    'GET /api/v1/municipalities/{code}': ['public', () => ({ url: '/api/v1/municipalities/1080' })],
    'GET /api/v1/program-areas': ['public', () => ({ url: '/api/v1/program-areas' })],
    'GET /api/v1/program-areas/{id}': ['public', () => ({ url: '/api/v1/program-areas/akut-vard' })],
    'GET /api/v1/sources': ['public', () => ({ url: '/api/v1/sources' })],
    'GET /api/v1/senders': ['signed-in', () => ({ url: '/api/v1/senders?q=tlv' })],
    // The register of senders is national: any samordnare adds to it (permissions.ts), so it is
    // not "scoped" to Blekinge; a user without that permission anywhere is refused.
    'POST /api/v1/senders': [
      'admin',
      () => ({
        url: '/api/v1/senders',
        payload: { name: `Matrisens avsändare ${Math.random().toString(36).slice(2)}`, kind: 'ovrig' },
      }),
    ],
    'GET /api/v1/groups': ['public', () => ({ url: '/api/v1/groups' })],
    'POST /api/v1/groups': [
      'scoped',
      () => ({ url: '/api/v1/groups', payload: { kind: 'forum', level: 'region', owner: '10', name: 'Matrisforum' } }),
    ],
    'GET /api/v1/groups/{id}': ['public', (f) => ({ url: `/api/v1/groups/${f.groupId}` })],
    'PATCH /api/v1/groups/{id}': [
      'scoped',
      (f) => ({ url: `/api/v1/groups/${f.groupId}`, payload: { shortName: 'M', version: 1 } }),
    ],
    'POST /api/v1/groups/{id}/close': [
      'scoped',
      (f) => ({ url: `/api/v1/groups/${f.groupId}/close`, payload: { endDate: '2026-12-31', version: 1 } }),
    ],
    'POST /api/v1/groups/{id}/merge': [
      'scoped',
      (f) => ({
        url: `/api/v1/groups/${f.groupId}/merge`,
        payload: { intoGroupId: f.groupId, endDate: '2026-12-31', version: 1 },
      }),
    ],
    'PUT /api/v1/groups/{id}/mandate': [
      'scoped',
      (f) => ({ url: `/api/v1/groups/${f.groupId}/mandate`, payload: { text: 'x', basedOnRevision: 0 } }),
    ],
    'GET /api/v1/groups/{id}/mandate/revisions': ['public', (f) => ({ url: `/api/v1/groups/${f.groupId}/mandate/revisions` })],
    'GET /api/v1/mirroring/gaps': ['public', () => ({ url: '/api/v1/mirroring/gaps?owner=10' })],
    'GET /api/v1/mirroring/matrix': ['public', () => ({ url: '/api/v1/mirroring/matrix' })],
    'PUT /api/v1/mirroring/coverage': [
      'scoped',
      (f) => ({ url: '/api/v1/mirroring/coverage', payload: { owner: '10', programAreaId: 'tandvard', groupId: f.groupId } }),
    ],
    'GET /api/v1/hosting': ['public', () => ({ url: '/api/v1/hosting' })],
    'POST /api/v1/people': [
      'scoped',
      () => ({ url: '/api/v1/people', payload: { name: 'Matris', email: `m-${Date.now()}@example.se`, homeOwner: '10' } }),
    ],
    'POST /api/v1/people/imports': [
      'scoped',
      () => ({
        url: '/api/v1/people/imports',
        payload: {
          fileName: 'p.csv',
          contentBase64: Buffer.from(`namn;e-post\nMatris;mi-${Date.now()}@example.se\n`).toString('base64'),
          homeOwner: '10',
          dryRun: false,
        },
      }),
    ],
    'GET /api/v1/people': ['signed-in', () => ({ url: '/api/v1/people' })],
    'GET /api/v1/people/{id}': ['scoped', (f) => ({ url: `/api/v1/people/${f.personId}` })],
    'POST /api/v1/people/{id}/jav-declarations': [
      'scoped',
      (f) => ({ url: `/api/v1/people/${f.personId}/jav-declarations`, payload: { nothingToDeclare: true, interests: [] } }),
    ],
    'GET /api/v1/jav-declarations': ['signed-in', () => ({ url: '/api/v1/jav-declarations' })],
    'GET /api/v1/expiring': ['signed-in', () => ({ url: '/api/v1/expiring?days=90' })],
    'POST /api/v1/jav-declarations/{id}/review': [
      'admin',
      (f) => ({ url: `/api/v1/jav-declarations/${f.declarationId}/review`, payload: { decision: 'approved' } }),
    ],
    'POST /api/v1/groups/{id}/memberships': [
      'scoped',
      (f) => ({
        url: `/api/v1/groups/${f.groupId}/memberships`,
        payload: { personId: f.declaredPersonId, role: 'ledamot', startDate: '2027-01-01' },
      }),
    ],
    'GET /api/v1/groups/{id}/memberships': ['public', (f) => ({ url: `/api/v1/groups/${f.groupId}/memberships` })],
    'GET /api/v1/consultation-calendar': ['public', () => ({ url: '/api/v1/consultation-calendar?year=2027' })],
    'GET /api/v1/consultation-calendar.ics': ['public', () => ({ url: '/api/v1/consultation-calendar.ics?year=2027' })],
    'POST /api/v1/cases': [
      'scoped',
      () => ({
        url: '/api/v1/cases',
        payload: { region: '10', subject: 'Matris', origin: 'local', sender: 'Test', receivedDate: '2026-11-02' },
      }),
    ],
    'GET /api/v1/cases': ['signed-in', () => ({ url: '/api/v1/cases' })],
    'GET /api/v1/cases/{id}': ['scoped', (f) => ({ url: `/api/v1/cases/${f.caseId}` })],
  },
};
