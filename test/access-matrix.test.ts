import { beforeAll, describe, expect, it } from 'vitest';
import { generateOpenApi } from '../src/platform/http/openapi.js';
import { accessGaps, routesOf } from './access/check.js';
import { ACCESS, setupFixtures } from './access/index.js';
import { OWN_SCOPE } from './access/permissions.js';
import type { Fixture } from './access/types.js';
import { useTestApp, type Session } from './helpers/app.js';
import { useClock } from './helpers/clock.js';

/**
 * Every route, who may call it, and a valid request for it (one file per module under
 * test/access/). A route missing there fails the first test, so a new route cannot ship
 * without a decision on its access (and, when it needs a role, the permissions it checks in
 * test/access/permissions.ts; each role in its own scope: test/access-own-scope.test.ts).
 */
const t = useTestApp();
// The fixtures plan rounds, surveys and meetings on real dates of the calendar as of this day.
useClock('2026-11-26');
let f: Fixture = {};
let roleless: Session;
let otherRegion: Session;
const auditCount = async () => (await t.db.query<{ n: number }>('SELECT count(*) AS n FROM audit_events'))[0]!.n;

beforeAll(async () => {
  f = await setupFixtures({ db: t.db, newUser: (r) => t.newUser(r), request: (o) => t.request(o) });
  roleless = await t.newUser();
  otherRegion = await t.newUser([
    { role: 'samordnare', scopeType: 'region', scopeId: '08' },
    { role: 'registrator', scopeType: 'region', scopeId: '08' },
    { role: 'lasare', scopeType: 'region', scopeId: '08' },
  ]);
});

describe('access matrix', () => {
  it('declares every route of the OpenAPI document, and nothing else', { timeout: 180_000 }, async () => {
    const gaps = accessGaps(routesOf(await generateOpenApi()), ACCESS, OWN_SCOPE);
    expect(gaps.undeclared, 'routes without an access decision').toEqual([]);
    expect(gaps.stale, 'stale entries').toEqual([]);
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
    for (const [key, [access, req, also = []]] of Object.entries(ACCESS)) {
      if (access !== 'public' && access !== 'signed-in') continue;
      if (key.startsWith('POST /api/v1/auth/log') || key.startsWith('GET /api/v1/auth/oidc/logout')) continue;
      const res = await t.request({ method: method(key), as: roleless, ...req(f) });
      if (also.includes(res.statusCode)) continue;
      expect(res.statusCode, `${key} → ${res.body.slice(0, 120)}`).toBeLessThan(300);
    }
  });
});
