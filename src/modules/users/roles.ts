import { ROLES } from '../../platform/auth/policy.js';
import type { RoleAssignment } from '../../platform/context.js';
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
    const table = {
      'healthcare-region': ['healthcare_regions', 'id'],
      region: ['regions', 'code'],
      group: ['groups', 'id::text'],
    }[r.scopeType];
    const rows = await db.query(`SELECT 1 FROM ${table[0]} WHERE ${table[1]} = $1`, [r.scopeId]);
    if (rows.length === 0) {
      throw unprocessable(
        `Det finns ingen ${r.scopeType === 'region' ? 'region' : r.scopeType === 'group' ? 'grupp' : 'sjukvårdsregion'} "${r.scopeId}".`,
        [{ path: `${path}.scopeId`, message: 'finns inte' }],
      );
    }
  }
}
