import { systemCtx } from '../../platform/context.js';
import { createScimClient, findScimClient, revokeScimClient, rotateScimClient } from '../../modules/scim/index.js';
import { withDatabase } from '../database.js';
import { CliError } from '../errors.js';
import { note, print } from '../output.js';

/** The operator registers an identity system; only its credential goes to stdout, shown this once. */
export async function createScimClientCommand(o: { name: string; owner: string }): Promise<void> {
  await withDatabase(async (db) => {
    const { row, token } = await createScimClient(db, systemCtx('cli'), { name: o.name, owner: o.owner });
    note(`SCIM-klienten "${row.name}" (${row.id}) etablerar användare i registret ${row.owner}. Nyckeln visas bara nu.`);
    print(token);
  });
}

export async function rotateScimClientCommand(o: { id: string }): Promise<void> {
  await withDatabase(async (db) => {
    const current = await findScimClient(db, o.id);
    if (!current || current.revokedAt) throw new CliError(`det finns ingen aktiv SCIM-klient ${o.id}`);
    const { row, token } = await rotateScimClient(db, systemCtx('cli'), o.id, current.version);
    note(`SCIM-klienten "${row.name}" har fått en ny nyckel; den gamla slutade gälla nu. Nyckeln visas bara nu.`);
    print(token);
  });
}

export async function revokeScimClientCommand(o: { id: string }): Promise<void> {
  await withDatabase(async (db) => {
    await revokeScimClient(db, systemCtx('cli'), o.id);
    note(`SCIM-klienten ${o.id} är återkallad: nyckeln gäller inte längre.`);
  });
}
