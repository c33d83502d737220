import { authorize } from '../../platform/auth/policy.js';
import { requestScope } from '../../platform/auth/scope.js';
import type { Actor, Ctx } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/index.js';
import { allowedActions } from '../../platform/lifecycle/lifecycle.js';
import { groupLifecycle, isGroupActive, type GroupAction } from './rules/group-lifecycle.js';

/**
 * The organisation's one policy: who may do what with a group. The structure itself is read by
 * everyone signed in (and by anyone when insyn is on; the routes ask that); writing a group, its
 * mandate text, its members and its mirror coverage takes `groups.write` at the group's owner.
 * The geography is read once per request (requestScope).
 */
export function groupPolicy(ctx: Ctx, db: Queryable) {
  const scope = requestScope(ctx, db);
  const mayWrite = (owner: string) => (ctx.actor ? scope.may('groups.write', owner) : Promise.resolve(false));
  return {
    scope,
    mayWrite,
    /** 401 without a caller, 403 without `groups.write` at the owner. */
    async assertWrite(owner: string): Promise<Actor> {
      const actor = ctx.actor;
      authorize(actor, 'groups.write', await scope.of(owner));
      return actor;
    },
    /** What the caller may do with this group now: its permissions and lifecycle actions. */
    async of(g: { owner: string; status: string }): Promise<GroupPermissions> {
      const write = await mayWrite(g.owner);
      const active = isGroupActive(g.status);
      return {
        permissions: { edit: active && write },
        allowedActions:
          groupLifecycle.isStatus(g.status) && write ? allowedActions(groupLifecycle, g.status, {}, () => true) : [],
      };
    },
  };
}

export interface GroupPermissions {
  permissions: { edit: boolean };
  allowedActions: GroupAction[];
}
