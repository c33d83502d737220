import * as repo from '../../platform/auth/repository.js';
import type { Ctx } from '../../platform/context.js';
import type { Db } from '../../platform/db/index.js';
import { createUser } from './create-user.js';

/** NAVET_BOOTSTRAP_ADMIN_*: create the first administrator once; never touch an existing user. */
export async function ensureBootstrapAdmin(db: Db, ctx: Ctx, admin: { email: string; password: string }): Promise<boolean> {
  if (await repo.findUserByEmail(db, admin.email)) return false;
  await createUser(db, ctx, {
    email: admin.email,
    name: 'Systemadministratör',
    password: admin.password,
    roles: [{ role: 'admin', scopeType: 'system', scopeId: '' }],
  });
  return true;
}
