import { clock, clockIsSet } from './platform/clock.js';
import { loadConfig } from './platform/config.js';
import { openDatabase, type Db } from './platform/db/index.js';
import { DataDirLockedError } from './platform/db/lock.js';
import { MigrationPermissionError } from './platform/db/migrate.js';
import { checkApplicationRole, DatabaseRoleError } from './platform/db/roles.js';
import { jobHandlers } from './jobs.js';
import { SMTP_MISSING } from './platform/jobs/email.js';
import { startWorker } from './platform/jobs/worker.js';
import { createApp, createLogger, prepareDatabase } from './server.js';
import { compilePendingSchemas, SCHEMAS_COMPILED } from './platform/http/lazy-serializers.js';

/** The web entrypoint: API + UI, and the job worker unless NAVET_IN_PROCESS_WORKER=0. */
async function main(): Promise<void> {
  const config = loadConfig();
  const log = createLogger(config);
  if (clockIsSet()) log.warn(`NAVET_CLOCK: the product's clock reads ${clock.now().toISOString()}, not the system clock`);
  let db: Db;
  try {
    db = await openDatabase(config);
  } catch (err) {
    if (err instanceof DataDirLockedError) {
      log.fatal(err.message);
      process.exit(2);
    }
    throw err;
  }
  try {
    // On PostgreSQL the app must not be able to rewrite the audit trail: not as a superuser, not as the owner.
    const problems = await checkApplicationRole(db, { allowOwner: config.dbAllowOwner });
    if (problems.length)
      log.warn({ problems }, 'NAVET_DB_ALLOW_OWNER=1: the app runs as a role that can rewrite the audit trail');
    await prepareDatabase(db, config, log);
  } catch (err) {
    await db.close();
    if (err instanceof DatabaseRoleError || err instanceof MigrationPermissionError) {
      log.fatal(err.message);
      process.exit(2);
    }
    throw err;
  }
  const app = await createApp(db, config, log);
  const worker = config.inProcessWorker ? startWorker(db, jobHandlers(db, config), log) : undefined;
  if (worker && !config.smtp) log.warn(SMTP_MISSING);

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    log.info({ signal }, 'shutting down: finishing in-flight requests');
    const force = setTimeout(() => {
      log.error('shutdown took too long; exiting');
      process.exit(1);
    }, 20_000);
    force.unref();
    await app.close(); // stops accepting, waits for in-flight requests
    await worker?.stop();
    await db.close();
    log.info('stopped');
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));

  await app.listen({ port: config.port, host: config.host });
  // The schemas not compiled at start-up (lazy-serializers.ts), 10 ms per turn while requests are answered.
  const warmStart = performance.now();
  void compilePendingSchemas(app, 10).then(
    (schemas) => {
      log.info({ schemas, ms: Math.round(performance.now() - warmStart) }, 'schemas compiled');
      // A parent with an IPC channel (the bench) measures only after this (bench/processes.ts).
      if (process.connected) process.send?.({ type: SCHEMAS_COMPILED }, undefined, undefined, () => undefined);
    },
    (err: unknown) => log.error({ err }, 'a response schema does not compile'),
  );
  log.info(`Navet kör på http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${config.port} (databas: ${db.kind})`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
