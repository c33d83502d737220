import { recordAudit } from '../../platform/audit/record.js';
import { authorize } from '../../platform/auth/policy.js';
import { hashPassword, passwordProblem } from '../../platform/auth/passwords.js';
import * as repo from '../../platform/auth/repository.js';
import { presentUser } from '../../platform/auth/presenter.js';
import type { Ctx, RoleAssignment } from '../../platform/context.js';
import type { Db } from '../../platform/db/index.js';
import { conflict, unprocessable } from '../../platform/errors.js';
import { checkRoles } from './roles.js';

export interface CreateUserInput {
  email: string;
  name: string;
  password?: string;
  locale?: 'sv' | 'en';
  roles?: RoleAssignment[];
  isDemo?: boolean;
}

export async function createUser(db: Db, ctx: Ctx, input: CreateUserInput) {
  authorize(ctx.actor, 'users.manage');
  if (input.password !== undefined) {
    const p = passwordProblem(input.password);
    if (p) throw unprocessable(p, [{ path: 'password', message: p }]);
  }
  const roles = input.roles ?? [];
  const passwordHash = input.password === undefined ? null : await hashPassword(input.password);
  return db.transaction(async (tx) => {
    await checkRoles(tx, roles);
    if (await repo.findUserByEmail(tx, input.email)) {
      throw conflict(`Det finns redan en användare med e-postadressen ${repo.normaliseEmail(input.email)}.`);
    }
    const row = await repo.insertUser(tx, { ...input, passwordHash });
    await repo.replaceRoles(tx, row.id, roles);
    const user = (await repo.findUserById(tx, row.id))!;
    await recordAudit(tx, ctx, { entityType: 'user', entityId: user.id, action: 'create', after: presentUser(user) });
    return user;
  });
}
