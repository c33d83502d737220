import { Type } from 'typebox';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/platform/config.js';
import type { Db } from '../src/platform/db/index.js';
import { buildApp, type App, type RouteModule } from '../src/platform/http/app.js';
import { ROUTE_MODULES } from '../src/server.js';
import { accessGaps, routesOf } from './access/check.js';
import { ACCESS } from './access/index.js';
import { OWN_SCOPE } from './access/permissions.js';

/**
 * "A route added without a policy makes CI fail", shown once: the app built with one extra
 * route that nobody declared. The same check the access matrix runs over the real app
 * (accessGaps in test/access/check.ts) names exactly that route, first as having no access
 * decision, then — once declared as needing a role — as having no permissions.
 */
const UNGUARDED = 'POST /api/v1/unguarded-example/{id}';

const unguarded: RouteModule = (app) => {
  app.post(
    '/api/v1/unguarded-example/:id',
    {
      schema: {
        tags: ['Exempel'],
        summary: 'En ny route som ingen har tagit ställning till',
        params: Type.Object({ id: Type.String() }),
        response: { 200: Type.Object({ ok: Type.Boolean() }) },
      },
    },
    async () => ({ ok: true }),
  );
};

/** Registering routes touches no database. */
const noDatabase: Db = {
  kind: 'pglite',
  query: () => Promise.reject(new Error('no database')),
  exec: () => Promise.reject(new Error('no database')),
  transaction: () => Promise.reject(new Error('no database')),
  ping: () => Promise.resolve(false),
  close: () => Promise.resolve(),
};

async function inventory(modules: RouteModule[]): Promise<string[]> {
  const app: App = await buildApp({ db: noDatabase, config: { ...loadConfig({}), logLevel: 'silent' }, logger: false }, modules);
  await app.ready();
  try {
    return routesOf(app.swagger());
  } finally {
    await app.close();
  }
}

let real: string[];
let withExtra: string[];
beforeAll(async () => {
  real = await inventory(ROUTE_MODULES);
  withExtra = await inventory([...ROUTE_MODULES, unguarded]);
}, 180_000);

describe('a route added without a policy fails the access matrix', () => {
  it('the app as it is has no gaps', () => {
    expect(real).not.toContain(UNGUARDED);
    expect(accessGaps(real, ACCESS, OWN_SCOPE)).toEqual({
      undeclared: [],
      stale: [],
      withoutPermissions: [],
      stalePermissions: [],
    });
  });

  it('one new route without an access decision is reported, and only it', () => {
    expect(withExtra).toContain(UNGUARDED);
    expect(accessGaps(withExtra, ACCESS, OWN_SCOPE)).toEqual({
      undeclared: [UNGUARDED],
      stale: [],
      withoutPermissions: [],
      stalePermissions: [],
    });
  });

  it('declared as needing a role but without its permissions, it is reported again', () => {
    const declared = { ...ACCESS, [UNGUARDED]: ['scoped', () => ({ url: '/api/v1/unguarded-example/x' })] as const };
    expect(accessGaps(withExtra, declared, OWN_SCOPE)).toEqual({
      undeclared: [],
      stale: [],
      withoutPermissions: [UNGUARDED],
      stalePermissions: [],
    });
    // With its permission named, the gate opens; for a route that is gone, the entries are stale.
    const named = { ...OWN_SCOPE, [UNGUARDED]: { any: ['groups.write'] } };
    expect(accessGaps(withExtra, declared, named).withoutPermissions).toEqual([]);
    expect(accessGaps(real, declared, named)).toMatchObject({ stale: [UNGUARDED], withoutPermissions: [] });
  });
});
