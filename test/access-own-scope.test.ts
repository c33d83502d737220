import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PERMISSIONS, ROLES, type RoleCode } from '../src/platform/auth/policy.js';
import type { App } from '../src/platform/http/app.js';
import { accessGaps, routesOf } from './access/check.js';
import { ACCESS, setupFixtures } from './access/index.js';
import { OWN_SCOPE, type OwnScopeRule } from './access/permissions.js';
import type { SandboxDb } from './access/sandbox.js';
import { openSandboxApp, sandboxClient } from './access/sandbox-app.js';
import type { Fixture } from './access/types.js';
import type { Session } from './helpers/app.js';
import { dropTestDatabases } from './helpers/db.js';
import { useClock } from './helpers/clock.js';

/**
 * The access matrix's "each role × own scope" dimension. For every route that needs a role,
 * and every role of the policy table, a user holding only that role in the fixtures' own
 * scope (Region Blekinge "10"; the healthcare region Södra for joint answers; administrators
 * system-wide) calls it:
 *  - a role without the route's permission (test/access/permissions.ts) is refused, 403 or 404,
 *    and nothing is written;
 *  - a role with it succeeds (2xx, or the matrix's declared statuses), and a write is audited.
 * Each request runs in a transaction that is rolled back (test/access/sandbox.ts), so every
 * role meets the same fixture state and the order of routes does not matter.
 */
// The fixtures plan rounds, surveys and meetings on real dates of the calendar as of this day.
useClock('2026-11-26');

const ROLE_CODES = Object.keys(ROLES) as RoleCode[];

let db: SandboxDb;
let app: App;
let f: Fixture = {};
const sessions = { region: {} as Record<RoleCode, Session>, 'healthcare-region': {} as Record<RoleCode, Session> };
let admin: Session;

const { request, newUser, auditCount } = sandboxClient(
  () => app,
  () => db,
);
const method = (key: string) => key.split(' ')[0] as 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
const short = (r: LightMyRequestResponse) => `${r.statusCode} ${r.body.slice(0, 200)}`;
const grants = (role: RoleCode, rule: OwnScopeRule) => rule.any.some((p) => (PERMISSIONS[p] as readonly string[]).includes(role));

beforeAll(async () => {
  ({ db, app } = await openSandboxApp());
  f = await setupFixtures({ db, newUser, request });
  for (const role of ROLE_CODES) {
    const system = { role, scopeType: 'system', scopeId: '' } as const;
    sessions.region[role] = await newUser([role === 'admin' ? system : { role, scopeType: 'region', scopeId: '10' }]);
    sessions['healthcare-region'][role] = await newUser([
      role === 'admin' ? system : { role, scopeType: 'healthcare-region', scopeId: 'sodra' },
    ]);
  }
  admin = sessions.region.admin;
}, 240_000);

afterAll(async () => {
  await app?.close();
  await db?.close();
  await dropTestDatabases();
});

const covered = { permitted: 0, refused: 0 };

describe('each role in its own scope', () => {
  it('every route that needs a role names the permissions it checks (test/access/permissions.ts)', () => {
    const gaps = accessGaps(routesOf(app.swagger()), ACCESS, OWN_SCOPE);
    expect(gaps.withoutPermissions, 'scoped/admin routes missing from test/access/permissions.ts').toEqual([]);
    expect(gaps.stalePermissions, 'entries in permissions.ts for routes that are not scoped/admin').toEqual([]);
  });

  it('every permission a rule names is in the policy table', () => {
    for (const [key, rule] of Object.entries(OWN_SCOPE)) for (const p of rule.any) expect(PERMISSIONS, key).toHaveProperty([p]);
  });

  const routes = Object.entries(ACCESS).filter(([, [access]]) => access === 'scoped' || access === 'admin');
  for (const [key, [, matrixReq, also = []]] of routes) {
    it(key, async () => {
      const rule = OWN_SCOPE[key];
      expect(rule, `${key} is missing from test/access/permissions.ts`).toBeDefined();
      const at = rule!.at ?? 'region';
      await db.run(async () => {
        const extra = rule!.prep
          ? await rule!.prep({
              db,
              f,
              admin: async (m, url, payload) => {
                const res = await request({ method: m, url, as: admin, ...(payload ? { payload } : {}) });
                if (res.statusCode >= 300) throw new Error(`prep ${m} ${url} → ${short(res)}`);
                return res;
              },
            })
          : {};
        const req = (rule!.request ?? matrixReq)({ ...f, ...extra });
        for (const role of ROLE_CODES) {
          const allowed = grants(role, rule!);
          await db.attempt(async () => {
            const before = await auditCount();
            const res = await request({ method: method(key), as: sessions[at][role], ...req });
            const what = `${key} as ${role} (${allowed ? 'permitted' : 'not permitted'}) → ${short(res)}`;
            if (allowed) {
              if (!also.includes(res.statusCode)) expect(res.statusCode, what).toBeLessThan(300);
              expect(res.statusCode, what).toBeGreaterThanOrEqual(200);
              if (method(key) !== 'GET') expect(await auditCount(), `${what}: the write is audited`).toBeGreaterThan(before);
            } else {
              expect([403, 404], what).toContain(res.statusCode);
              expect(await auditCount(), `${what}: nothing written`).toBe(before);
            }
          });
          covered[allowed ? 'permitted' : 'refused']++;
        }
      });
    });
  }

  afterAll(() => {
    const n = covered.permitted + covered.refused;
    console.log(
      `own-scope matrix: ${routes.length} routes × ${ROLE_CODES.length} roles = ${n} combinations checked ` +
        `(${covered.permitted} permitted and succeeded, ${covered.refused} refused with nothing written)`,
    );
  });
});
