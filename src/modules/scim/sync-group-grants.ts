import { recordAudit } from '../../platform/audit/record.js';
import { presentUser } from '../../platform/auth/presenter.js';
import { findUserById } from '../../platform/auth/repository.js';
import type { Ctx } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/index.js';
import { ScimProblem } from './errors.js';
import * as groups from './group-repository.js';
import { ownersCoveredBy, scimPolicy } from './policy.js';
import { grantRefusal } from './rules/group-mapping.js';

const keyOf = (g: { role: string; scopeType: string; scopeId: string }) => `${g.role}|${g.scopeType}|${g.scopeId}`;

/**
 * Brings the roles these users hold through SCIM groups in line with their groups and their
 * clients' mappings, inside the caller's transaction: a grant the groups no longer give is taken
 * back, a new one is given. A role given by hand is never touched. Each user whose roles change
 * is written as the users module writes a change of roles (`user.update` with the user before and
 * after, the version moved), so the audit trail reads the same whoever gave the role.
 *
 * Every grant is checked against its client's register when it is made: a mapping that would give
 * admin, or a role outside the register, is refused (403) and nothing is given.
 */
export async function syncGroupGrants(tx: Queryable, ctx: Ctx, userIds: string[]): Promise<void> {
  const ids = [...new Set(userIds)];
  if (ids.length === 0) return;
  const geo = await scimPolicy(ctx, tx).scope.geography();
  const desired = await groups.mappedGrants(tx, ids);
  for (const d of desired) {
    const refusal = grantRefusal(ownersCoveredBy(d.clientOwner, geo), d);
    if (refusal) throw new ScimProblem(403, `Gruppens roll kan inte ges: ${refusal}`);
  }
  const held = await groups.heldGroupGrants(tx, ids);
  for (const userId of ids) {
    const want = new Map<string, groups.GroupGrant>();
    for (const d of desired) {
      if (d.userId === userId && !want.has(keyOf(d))) {
        want.set(keyOf(d), { userId, groupId: d.groupId, role: d.role, scopeType: d.scopeType, scopeId: d.scopeId });
      }
    }
    const mine = held.filter((h) => h.userId === userId);
    const stale = mine.filter((h) => want.get(keyOf(h))?.groupId !== h.groupId);
    const fresh = [...want.values()].filter((w) => !mine.some((h) => h.groupId === w.groupId && keyOf(h) === keyOf(w)));
    if (stale.length === 0 && fresh.length === 0) continue;

    const before = await findUserById(tx, userId, { forUpdate: true });
    if (!before) continue;
    for (const s of stale) await groups.dropGroupGrant(tx, s);
    for (const f of fresh) await groups.addGroupGrant(tx, f);
    const roles = (await findUserById(tx, userId))!.roles;
    if (JSON.stringify(roles) === JSON.stringify(before.roles)) continue;
    await groups.bumpUserVersion(tx, userId);
    const after = (await findUserById(tx, userId))!;
    await recordAudit(tx, ctx, {
      entityType: 'user',
      entityId: userId,
      action: 'update',
      before: presentUser(before),
      after: presentUser(after),
    });
  }
}
