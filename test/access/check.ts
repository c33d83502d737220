import type { Access } from './types.js';

/** "METHOD /path" for every operation of an OpenAPI document. */
export function routesOf(doc: unknown): string[] {
  const paths = (doc as { paths?: Record<string, Record<string, unknown>> }).paths ?? {};
  return Object.entries(paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`));
}

export interface AccessGaps {
  /** Routes of the app without an access decision in test/access/<module>.ts. */
  undeclared: string[];
  /** Access entries for routes the app does not have. */
  stale: string[];
  /** 'scoped' and 'admin' routes without their permissions in test/access/permissions.ts. */
  withoutPermissions: string[];
  /** Entries in permissions.ts for routes that are not 'scoped' or 'admin' (or do not exist). */
  stalePermissions: string[];
}

/**
 * What the access matrix requires of the route inventory: every route of the app has an access
 * decision, and every route that needs a role names the permission(s) it checks. A route
 * added without them shows up here, and the matrix fails (test/access-matrix.test.ts,
 * test/access-own-scope.test.ts; demonstrated in test/access-gate.test.ts).
 */
export function accessGaps(
  routes: readonly string[],
  access: Readonly<Record<string, readonly [Access, ...unknown[]]>>,
  permissions: Readonly<Record<string, unknown>>,
): AccessGaps {
  const present = new Set(routes);
  const needsRole = (k: string) => access[k]?.[0] === 'scoped' || access[k]?.[0] === 'admin';
  return {
    undeclared: routes.filter((r) => !(r in access)),
    stale: Object.keys(access).filter((r) => !present.has(r)),
    withoutPermissions: Object.keys(access).filter((r) => present.has(r) && needsRole(r) && !(r in permissions)),
    stalePermissions: Object.keys(permissions).filter((r) => !needsRole(r)),
  };
}
