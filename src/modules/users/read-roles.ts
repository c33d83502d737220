import { authorize, PERMISSIONS, ROLES, type RoleCode } from '../../platform/auth/policy.js';
import type { Ctx } from '../../platform/context.js';
import type { Db } from '../../platform/db/index.js';
import type { RoleInfo } from './schemas.js';

/**
 * The role vocabulary an administrator gives from: each role with its Swedish name, what it may
 * do (the permissions of the one policy) and how many active users hold it — "who holds what".
 */
export async function readRoles(db: Db, ctx: Ctx): Promise<RoleInfo[]> {
  authorize(ctx.actor, 'users.manage');
  const held = await db.query<{ role: string; holders: number }>(
    `SELECT ra.role, count(DISTINCT ra.user_id)::int AS holders
       FROM role_assignments ra JOIN users u ON u.id = ra.user_id
      WHERE NOT u.disabled
      GROUP BY ra.role`,
  );
  const holders = new Map(held.map((r) => [r.role, r.holders]));
  return (Object.keys(ROLES) as RoleCode[]).map((code) => ({
    code,
    label: ROLES[code],
    permissions: Object.entries(PERMISSIONS)
      .filter(([, roles]) => (roles as readonly string[]).includes(code))
      .map(([permission]) => permission),
    holders: holders.get(code) ?? 0,
  }));
}
