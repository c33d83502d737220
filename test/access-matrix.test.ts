import { beforeAll, describe, expect, it } from 'vitest';
import { generateOpenApi } from '../src/platform/http/openapi.js';
import { buildCase, buildDeclaredPerson, buildGroup, buildPerson } from '../src/testing/builders.js';
import { submitJavDeclaration } from '../src/modules/people/submit-jav-declaration.js';
import { systemCtx } from '../src/platform/context.js';
import { useTestApp, type Session } from './helpers/app.js';

/**
 * Every route, who may call it, and a valid request for it. A route missing here fails the
 * first test, so a new route cannot ship without a decision on its access.
 * public: anyone; signed-in: any signed-in user acting on their own things; scoped: needs a
 * role covering the object's region (Region Blekinge, "10", in the fixtures below).
 */
type Access = 'public' | 'signed-in' | 'admin' | 'scoped';
interface Fixture {
  groupId: string;
  personId: string;
  declarationId: string;
  caseId: string;
  declaredPersonId: string;
  userId: string;
  tokenId: string;
}
type Req = (f: Fixture) => { url: string; payload?: Record<string, unknown>; headers?: Record<string, string> };

const ACCESS: Record<string, [Access, Req]> = {
  'GET /api/health': ['public', () => ({ url: '/api/health' })],
  'POST /api/v1/auth/login': ['public', () => ({ url: '/api/v1/auth/login', payload: { email: 'x@example.se', password: 'x' } })],
  'POST /api/v1/auth/logout': ['public', () => ({ url: '/api/v1/auth/logout' })],
  'GET /api/v1/me': ['signed-in', () => ({ url: '/api/v1/me' })],
  'GET /api/v1/auth/tokens': ['signed-in', () => ({ url: '/api/v1/auth/tokens' })],
  'POST /api/v1/auth/tokens': ['signed-in', () => ({ url: '/api/v1/auth/tokens', payload: { name: 'matris' } })],
  'DELETE /api/v1/auth/tokens/{id}': ['admin', (f) => ({ url: `/api/v1/auth/tokens/${f.tokenId}` })], // someone else's token: 404 for all but its owner
  'GET /api/v1/users': ['admin', () => ({ url: '/api/v1/users' })],
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
    (f) => ({ url: `/api/v1/groups/${f.groupId}/merge`, payload: { intoGroupId: f.groupId, endDate: '2026-12-31', version: 1 } }),
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
};

const t = useTestApp();
const f = {} as Fixture;
let roleless: Session;
let otherRegion: Session;
const auditCount = async () => (await t.db.query<{ n: number }>('SELECT count(*) AS n FROM audit_events'))[0]!.n;

beforeAll(async () => {
  const ctx = systemCtx('matrix');
  f.groupId = (await buildGroup(t.db, { kind: 'forum', level: 'region', owner: '10', name: 'Matrisens forum' })).id;
  f.personId = (await buildPerson(t.db, { homeOwner: '10' })).id;
  f.declaredPersonId = (await buildDeclaredPerson(t.db, { homeOwner: '10' })).id;
  f.declarationId = (await submitJavDeclaration(t.db, ctx, f.personId, { nothingToDeclare: true, interests: [] })).id;
  f.caseId = (await buildCase(t.db, { region: '10' })).id;
  const owner = await t.newUser();
  f.userId = owner.userId;
  f.tokenId = (
    await t.request({ method: 'POST', url: '/api/v1/auth/tokens', as: owner, payload: { name: 'ägarens' } })
  ).json().id;
  roleless = await t.newUser();
  otherRegion = await t.newUser([
    { role: 'samordnare', scopeType: 'region', scopeId: '08' },
    { role: 'registrator', scopeType: 'region', scopeId: '08' },
    { role: 'lasare', scopeType: 'region', scopeId: '08' },
  ]);
});

describe('access matrix', () => {
  it('declares every route of the OpenAPI document, and nothing else', async () => {
    const doc = (await generateOpenApi()) as { paths: Record<string, Record<string, unknown>> };
    const routes = Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`));
    expect(
      routes.filter((r) => !(r in ACCESS)),
      'routes without an access decision',
    ).toEqual([]);
    expect(
      Object.keys(ACCESS).filter((r) => !routes.includes(r)),
      'stale entries',
    ).toEqual([]);
  });

  const method = (key: string) => key.split(' ')[0] as 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

  it('anonymous callers get 401 on everything that is not public, and nothing is written', async () => {
    for (const [key, [access, req]] of Object.entries(ACCESS)) {
      if (access === 'public') continue;
      const before = await auditCount();
      const res = await t.request({ method: method(key), ...req(f) });
      expect(res.statusCode, key).toBe(401);
      expect(await auditCount(), key).toBe(before);
    }
  });

  it('a signed-in user without roles is refused (403, or 404 for objects they may not see) on admin and scoped routes', async () => {
    for (const [key, [access, req]] of Object.entries(ACCESS)) {
      if (access !== 'admin' && access !== 'scoped') continue;
      const before = await auditCount();
      const res = await t.request({ method: method(key), as: roleless, ...req(f) });
      expect([403, 404], `${key} → ${res.statusCode} ${res.body.slice(0, 120)}`).toContain(res.statusCode);
      expect(await auditCount(), key).toBe(before);
    }
  });

  it("roles in another region (Kalmar) give no access to Blekinge's objects", async () => {
    for (const [key, [access, req]] of Object.entries(ACCESS)) {
      if (access !== 'scoped') continue;
      const res = await t.request({ method: method(key), as: otherRegion, ...req(f) });
      expect([403, 404], `${key} → ${res.statusCode} ${res.body.slice(0, 120)}`).toContain(res.statusCode);
    }
    const cases = (await t.request({ method: 'GET', url: '/api/v1/cases', as: otherRegion })).json();
    expect(cases.items).toEqual([]);
    const people = (await t.request({ method: 'GET', url: '/api/v1/people', as: otherRegion })).json();
    expect(people.items.map((p: { homeOwner: string }) => p.homeOwner)).not.toContain('10');
  });

  it('public and signed-in routes answer 2xx for a signed-in user without roles', async () => {
    for (const [key, [access, req]] of Object.entries(ACCESS)) {
      if (access !== 'public' && access !== 'signed-in') continue;
      if (key.startsWith('POST /api/v1/auth/log')) continue;
      const res = await t.request({ method: method(key), as: roleless, ...req(f) });
      expect(res.statusCode, `${key} → ${res.body.slice(0, 120)}`).toBeLessThan(300);
    }
  });
});
