import { findUserByEmail, normaliseEmail } from '../../platform/auth/repository.js';
import { systemCtx, type RoleAssignment } from '../../platform/context.js';
import { createUser } from '../../modules/users/create-user.js';
import { updateUser } from '../../modules/users/update-user.js';
import { withDatabase } from '../database.js';
import { CliError } from '../errors.js';
import { print } from '../output.js';
import { readPassword } from '../password.js';

export interface UserCreateOptions {
  email: string;
  name: string;
  password?: string;
  admin?: boolean;
  role?: RoleAssignment[];
}

const ADMIN: RoleAssignment = { role: 'admin', scopeType: 'system', scopeId: '' };

const describeRole = (r: RoleAssignment) =>
  r.scopeType === 'system' ? `${r.role} (hela systemet)` : `${r.role} (${r.scopeType} ${r.scopeId})`;

/** Created by the system actor, so the audit trail says the CLI did it. */
export async function createUserCommand(o: UserCreateOptions): Promise<void> {
  const password = await readPassword(o.password);
  const roles = [...(o.admin ? [ADMIN] : []), ...(o.role ?? [])];
  await withDatabase(async (db) => {
    const user = await createUser(db, systemCtx('cli'), { email: o.email, name: o.name, password, roles });
    print(`Användaren ${user.name} <${user.email}> är skapad (id ${user.id}).`);
    print(`Roller: ${user.roles.length ? user.roles.map(describeRole).join(', ') : 'inga'}.`);
  });
}

export async function setPasswordCommand(o: { email: string; password?: string }): Promise<void> {
  const password = await readPassword(o.password);
  await withDatabase(async (db) => {
    const user = await findUserByEmail(db, o.email);
    if (!user) throw new CliError(`det finns ingen användare med e-postadressen ${normaliseEmail(o.email)}`);
    await updateUser(db, systemCtx('cli'), user.id, user.version, { password });
    print(`Lösenordet för ${user.email} är bytt. Användarens inloggningar är avslutade och API-nycklarna återkallade.`);
  });
}
