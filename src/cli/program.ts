import { Command, CommanderError, Help, InvalidArgumentError } from 'commander';
import type { RoleAssignment } from '../platform/context.js';
import { APP_VERSION } from '../platform/version.js';
import { reportError } from './errors.js';

/**
 * The `navet` command: thin commands over the same use cases as the API. Each command's
 * module is imported when it runs, so `--help` and usage errors answer quickly.
 */

const TITLES: Record<string, string> = {
  'Usage:': 'Användning:',
  'Options:': 'Flaggor:',
  'Commands:': 'Kommandon:',
  'Arguments:': 'Argument:',
  'Global Options:': 'Globala flaggor:',
};

const swedishTerms = (usage: string) => usage.replace('[options]', '[flaggor]').replace('[command]', '[kommando]');

const SCOPE_TYPES: readonly string[] = ['system', 'healthcare-region', 'region', 'group'];

/** --role samordnare:region:07, repeatable; the use case checks that the role and scope exist. */
function collectRole(value: string, previous: RoleAssignment[] | undefined): RoleAssignment[] {
  const [role = '', scopeType = '', ...rest] = value.split(':');
  const scopeId = rest.join(':');
  if (!role || !SCOPE_TYPES.includes(scopeType)) {
    throw new InvalidArgumentError(
      'ange roll:omfångstyp:id, där omfångstypen är system, healthcare-region, region eller group (t.ex. samordnare:region:07)',
    );
  }
  if (scopeType !== 'system' && !scopeId) throw new InvalidArgumentError(`id för omfånget ${scopeType} saknas`);
  return [
    ...(previous ?? []),
    { role, scopeType: scopeType as RoleAssignment['scopeType'], scopeId: scopeType === 'system' ? '' : scopeId },
  ];
}

const ENVIRONMENT = `
Databasen väljs av miljön: DATABASE_URL=postgres://… för en PostgreSQL-server, annars den
inbäddade databasen i NAVET_DATA_DIR (standard ./data), som bara en process åt gången får öppna.
Mer i docs/cli.md.`;

export function buildProgram(): Command {
  const program = new Command('navet');
  program
    .description('Navet — plattform för kunskapsstyrning. Administrera databasen, användare och jobbkön.')
    .version(APP_VERSION, '-V, --version', 'visa versionen')
    .helpOption('-h, --help', 'visa hjälp för kommandot')
    .helpCommand('help [kommando]', 'visa hjälp för ett kommando')
    .configureHelp({
      styleTitle: (title) => TITLES[title] ?? title,
      commandUsage(this: Help, cmd) {
        return swedishTerms(Help.prototype.commandUsage.call(this, cmd));
      },
      subcommandTerm(this: Help, cmd) {
        return swedishTerms(Help.prototype.subcommandTerm.call(this, cmd));
      },
    })
    .configureOutput({ outputError: () => {} })
    .showSuggestionAfterError(false)
    .exitOverride()
    .addHelpText('after', ENVIRONMENT);

  program
    .command('migrate')
    .description(
      'kör de databasmigreringar som inte har körts (som databasens ägare; NAVET_DB_APP_ROLE ger appens roll dess rättigheter)',
    )
    .action(async () => (await import('./commands/migrate.js')).migrateCommand());

  program
    .command('seed')
    .description('migrera och läs in referensdata och demodata, som en start av Navet gör')
    .option('--demo', 'läs in demodata i en databas utan demoanvändare (standard om inte NAVET_DEMO=0)')
    .option('--no-demo', 'hoppa över demodata')
    .action(async (_o: unknown, cmd: Command) => (await import('./commands/seed.js')).seedCommand(cmd.opts()));

  const user = program.command('user').description('hantera användare');
  user
    .command('create')
    .description('skapa en användare (granskningsloggen visar att systemet gjorde det)')
    .requiredOption('--email <adress>', 'e-postadress att logga in med')
    .requiredOption('--name <namn>', 'namnet som visas')
    .option('--password <lösenord>', 'lösenord; annars NAVET_PASSWORD eller standard in (flaggan syns i processlistan)')
    .option('--admin', 'ge rollen systemadministratör')
    .option(
      '--role <roll:omfångstyp:id>',
      'ge en roll, t.ex. samordnare:region:07 eller lasare:group:<uuid> (kan upprepas)',
      collectRole,
    )
    .action(async (_o: unknown, cmd: Command) => (await import('./commands/user.js')).createUserCommand(cmd.opts()));
  user
    .command('set-password')
    .description('byt lösenord för en användare, avsluta användarens inloggningar och återkalla API-nycklarna')
    .requiredOption('--email <adress>', 'användarens e-postadress')
    .option('--password <lösenord>', 'nytt lösenord; annars NAVET_PASSWORD eller standard in')
    .action(async (_o: unknown, cmd: Command) => (await import('./commands/user.js')).setPasswordCommand(cmd.opts()));

  const token = program.command('token').description('hantera API-nycklar');
  token
    .command('create')
    .description('skapa en personlig API-nyckel åt en användare; nyckeln skrivs ut en enda gång')
    .requiredOption('--email <adress>', 'användarens e-postadress')
    .requiredOption('--name <namn>', 'vad nyckeln används till, t.ex. "Rapportexport"')
    .action(async (_o: unknown, cmd: Command) => (await import('./commands/token.js')).createTokenCommand(cmd.opts()));

  const scim = program.command('scim-client').description('hantera SCIM-klienter (identitetssystem som etablerar användare)');
  scim
    .command('create')
    .description('registrera en SCIM-klient; nyckeln skrivs ut en enda gång')
    .requiredOption('--name <namn>', 't.ex. "Entra ID Region Blekinge"')
    .requiredOption(
      '--owner <ägare>',
      'registret användarna hör till: national, en sjukvårdsregion (t.ex. sodra) eller en länskod (t.ex. 10)',
    )
    .action(async (_o: unknown, cmd: Command) => (await import('./commands/scim-client.js')).createScimClientCommand(cmd.opts()));
  scim
    .command('rotate')
    .description('ge en SCIM-klient en ny nyckel (den gamla slutar gälla direkt); nyckeln skrivs ut en enda gång')
    .requiredOption('--id <id>', 'klientens id')
    .action(async (_o: unknown, cmd: Command) => (await import('./commands/scim-client.js')).rotateScimClientCommand(cmd.opts()));
  scim
    .command('revoke')
    .description('återkalla en SCIM-klient: nyckeln slutar gälla, användarna finns kvar')
    .requiredOption('--id <id>', 'klientens id')
    .action(async (_o: unknown, cmd: Command) => (await import('./commands/scim-client.js')).revokeScimClientCommand(cmd.opts()));

  program
    .command('backup')
    .description('säkerhetskopiera hela databasen till en gzip-komprimerad fil (JSON-rader)')
    .option('--out <fil>', 'filen att skriva (standard navet-backup-<datum>-<tid>.jsonl.gz; - för standard ut)')
    .action(async (_o: unknown, cmd: Command) => (await import('./commands/backup.js')).backupCommand(cmd.opts()));

  program
    .command('restore')
    .description('återställ en säkerhetskopia i en ny databas (en databas utan migreringar migreras först)')
    .argument('<fil>', 'säkerhetskopian (- för standard in)')
    .option('--force', 'töm tabellerna först även om det finns användare; aldrig om granskningsloggen har händelser')
    .action(async (file: string, _o: unknown, cmd: Command) =>
      (await import('./commands/backup.js')).restoreCommand(file, cmd.opts()),
    );

  program
    .command('worker')
    .description('kör jobbkön i en egen process tills SIGTERM eller Ctrl+C')
    .action(async () => (await import('./commands/worker.js')).runWorker());

  return program;
}

/** commander's messages in Swedish; the quoted names are kept. */
function usageMessage(err: CommanderError): string {
  const quoted = [...err.message.matchAll(/'([^']*)'/g)].map((m) => m[1] ?? '');
  const q = quoted[0] ?? '';
  switch (err.code) {
    case 'commander.unknownCommand':
      return `okänt kommando '${q}'`;
    case 'commander.unknownOption':
      return `okänd flagga '${q}'`;
    case 'commander.missingArgument':
      return `argumentet '${q}' saknas`;
    case 'commander.optionMissingArgument':
      return `flaggan '${q}' behöver ett värde`;
    case 'commander.missingMandatoryOptionValue':
      return `flaggan '${q}' måste anges`;
    case 'commander.excessArguments':
      return 'för många argument';
    case 'commander.invalidArgument':
      return `ogiltigt värde för '${q}': ${err.message.split(' is invalid. ')[1] ?? err.message}`;
    default:
      return err.message.replace(/^error: /, '');
  }
}

/** The command the arguments name, e.g. "navet user create", for the hint after an error. */
function commandPath(program: Command, args: string[]): string {
  const path = ['navet'];
  let cmd = program;
  for (const arg of args) {
    const sub = cmd.commands.find((c) => c.name() === arg);
    if (!sub) break;
    path.push(arg);
    cmd = sub;
  }
  return path.join(' ');
}

/** Runs the command line and returns the exit code: 0 done, 1 failed, 2 wrong usage. */
export async function runCli(argv: string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv);
    return 0;
  } catch (err) {
    if (!(err instanceof CommanderError)) return reportError(err);
    if (err.exitCode === 0) return 0; // --help, --version
    if (err.code !== 'commander.help') {
      process.stderr.write(`navet: ${usageMessage(err)}\nSe '${commandPath(program, argv.slice(2))} --help'.\n`);
    }
    return 2;
  }
}
