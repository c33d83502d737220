import { BackupError } from '../platform/db/backup.js';
import { DataDirLockedError } from '../platform/db/lock.js';
import { MigrationPermissionError } from '../platform/db/migrate.js';
import { DatabaseRoleError } from '../platform/db/roles.js';
import { Problem } from '../platform/errors.js';

/** An expected failure with a message for people; exit code 2 means wrong usage. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

export const usageError = (message: string) => new CliError(message, 2);

/** Reached the server but could not use it; the driver's message says why. */
const CONNECTION_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  '28P01',
  '28000',
  '3D000',
]);

/** Prints what went wrong to stderr and returns the exit code. Only unexpected errors get a stack. */
export function reportError(err: unknown): number {
  const say = (message: string) => process.stderr.write(`navet: ${message}\n`);
  if (err instanceof CliError) {
    say(err.message);
    return err.exitCode;
  }
  if (err instanceof Problem) {
    say(err.detail);
    for (const e of err.errors ?? []) if (e.message !== err.detail) say(`  ${e.path}: ${e.message}`);
    return 1;
  }
  if (
    err instanceof DataDirLockedError ||
    err instanceof BackupError ||
    err instanceof DatabaseRoleError ||
    err instanceof MigrationPermissionError
  ) {
    say(err.message);
    return 1;
  }
  const code = (err as { code?: unknown }).code;
  if (typeof code === 'string' && CONNECTION_CODES.has(code)) {
    say(`kunde inte ansluta till databasen: ${(err as Error).message}`);
    return 1;
  }
  if (err instanceof Error && typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) {
    say(`databasfel (${code}): ${err.message}`);
    return 1;
  }
  say(`oväntat fel: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
  return 1;
}
