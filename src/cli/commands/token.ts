import { createApiToken } from '../../platform/auth/api-tokens.js';
import { actorOf } from '../../platform/auth/login.js';
import { findUserByEmail, normaliseEmail } from '../../platform/auth/repository.js';
import { withDatabase } from '../database.js';
import { CliError } from '../errors.js';
import { note, print } from '../output.js';

/** The token is made by the user themself (it is theirs, and audited as theirs); only it goes to stdout. */
export async function createTokenCommand(o: { email: string; name: string }): Promise<void> {
  await withDatabase(async (db, config) => {
    const user = await findUserByEmail(db, o.email);
    if (!user) throw new CliError(`det finns ingen användare med e-postadressen ${normaliseEmail(o.email)}`);
    if (user.disabled) throw new CliError(`användaren ${user.email} är avstängd och kan inte få en API-nyckel`);
    const { row, token } = await createApiToken(
      db,
      { actor: actorOf(user, 'session'), requestId: 'cli' },
      {
        name: o.name,
        validDays: config.apiTokenDays,
      },
    );
    note(
      `API-nyckeln "${row.name}" för ${user.email} är skapad och gäller till ${row.expires_at.toISOString()}. Den visas bara nu: spara den på ett säkert ställe.`,
    );
    print(token);
  });
}
