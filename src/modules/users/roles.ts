import { ROLES } from '../../platform/auth/policy.js';
import type { RoleAssignment } from '../../platform/context.js';
import { scopeExists } from '../../platform/auth/repository.js';
import type { Queryable } from '../../platform/db/index.js';
import { unprocessable } from '../../platform/errors.js';

/** A role must be known and its scope must exist: region "99" is refused, not stored. */
export async function checkRoles(db: Queryable, roles: RoleAssignment[]): Promise<void> {
  for (const [i, r] of roles.entries()) {
    const path = `roles.${i}`;
    if (!(r.role in ROLES)) {
      throw unprocessable(`Okänd roll "${r.role}". Kända roller: ${Object.keys(ROLES).join(', ')}.`, [
        { path: `${path}.role`, message: 'okänd roll' },
      ]);
    }
    if (r.scopeType === 'system') continue;
    if (!(await scopeExists(db, r.scopeType, r.scopeId))) {
      throw unprocessable(
        `Det finns ingen ${r.scopeType === 'region' ? 'region' : r.scopeType === 'group' ? 'grupp' : 'sjukvårdsregion'} "${r.scopeId}".`,
        [{ path: `${path}.scopeId`, message: 'finns inte' }],
      );
    }
  }
}
