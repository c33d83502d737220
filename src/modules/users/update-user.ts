import { recordAudit } from '../../platform/audit/record.js';
import { endAccessOf } from '../../platform/auth/api-tokens.js';
import { authorize } from '../../platform/auth/policy.js';
import { hashPassword, passwordProblem } from '../../platform/auth/passwords.js';
import { presentUser } from '../../platform/auth/presenter.js';
import * as repo from '../../platform/auth/repository.js';
import type { Ctx, RoleAssignment } from '../../platform/context.js';
import type { Db } from '../../platform/db/index.js';
import { notFound, staleVersion, unprocessable } from '../../platform/errors.js';
import { checkRoles } from './roles.js';

export interface UpdateUserInput {
  name?: string;
  disabled?: boolean;
  locale?: 'sv' | 'en';
  roles?: RoleAssignment[];
  password?: string;
}

/**
 * Changes a user under optimistic concurrency. Disabling a user or setting a password ends
 * their sessions and revokes their API tokens, so the change takes effect on their very next
 * request and a token does not outlive the password it was made under.
 */
export async function updateUser(db: Db, ctx: Ctx, id: string, expectedVersion: number, input: UpdateUserInput) {
  authorize(ctx.actor, 'users.manage');
  if (input.password !== undefined) {
    const p = passwordProblem(input.password);
    if (p) throw unprocessable(p, [{ path: 'password', message: p }]);
  }
  if (input.disabled === true && ctx.actor.userId === id) {
    throw unprocessable('Du kan inte stänga av ditt eget konto.', [
      { path: 'disabled', message: 'inte tillåtet för eget konto' },
    ]);
  }
  const passwordHash = input.password === undefined ? undefined : await hashPassword(input.password);
  return db.transaction(async (tx) => {
    const before = await repo.findUserById(tx, id, { forUpdate: true });
    if (!before) throw notFound('Användaren');
    if (before.version !== expectedVersion) throw staleVersion(before.version);
    if (input.roles) await checkRoles(tx, input.roles);
    const row = await repo.updateUser(tx, id, expectedVersion, {
      ...(input.name !== undefined ? { name: input.name.trim() } : {}),
      ...(input.disabled !== undefined ? { disabled: input.disabled } : {}),
      ...(input.locale !== undefined ? { locale: input.locale } : {}),
      ...(passwordHash !== undefined ? { passwordHash } : {}),
    });
    if (!row) throw staleVersion(before.version);
    if (input.roles) await repo.replaceRoles(tx, id, input.roles);
    if (input.disabled === true || passwordHash !== undefined) {
      await endAccessOf(tx, ctx, id, input.disabled === true ? 'user-disabled' : 'password-changed');
    }
    const after = (await repo.findUserById(tx, id))!;
    const action =
      passwordHash !== undefined && Object.keys(input).length === 1
        ? 'set-password'
        : input.disabled === true && !before.disabled
          ? 'disable'
          : input.disabled === false && before.disabled
            ? 'enable'
            : 'update';
    await recordAudit(tx, ctx, {
      entityType: 'user',
      entityId: id,
      action,
      before: presentUser(before),
      after: presentUser(after),
    });
    return after;
  });
}
