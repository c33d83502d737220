import { migrate } from '../../platform/db/migrate.js';
import { checkApplicationRole } from '../../platform/db/roles.js';
import { ensureSchedules, jobHandlers } from '../../jobs.js';
import { SMTP_MISSING } from '../../platform/jobs/email.js';
import { startWorker } from '../../platform/jobs/worker.js';
import { createLogger } from '../../server.js';
import { describeDatabase, withDatabase } from '../database.js';

/** Resolves on the first SIGTERM or SIGINT; a second one ends the process at once (the default). */
function firstSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    const on = (signal: NodeJS.Signals) => {
      process.off('SIGTERM', on);
      process.off('SIGINT', on);
      resolve(signal);
    };
    process.on('SIGTERM', on);
    process.on('SIGINT', on);
  });
}

/**
 * The job worker as its own process (`navet worker`, `npm run worker`): beside web processes
 * started with NAVET_IN_PROCESS_WORKER=0. Stops taking jobs on SIGTERM, finishes the one in hand.
 */
export async function runWorker(): Promise<void> {
  const stopping = firstSignal();
  await withDatabase(async (db, config) => {
    const log = createLogger(config);
    const problems = await checkApplicationRole(db, { allowOwner: config.dbAllowOwner });
    if (problems.length)
      log.warn({ problems }, 'NAVET_DB_ALLOW_OWNER=1: the worker runs as a role that can rewrite the audit trail');
    await migrate(db);
    await ensureSchedules(db, config);
    const worker = startWorker(db, jobHandlers(db, config), log);
    if (!config.smtp) log.warn(SMTP_MISSING);
    log.info({ database: db.kind }, `Jobbkön körs (${describeDatabase(config)}). Stoppa med SIGTERM eller Ctrl+C.`);
    const signal = await stopping;
    log.info({ signal }, 'Jobbkön stoppas: väntar på pågående jobb');
    await worker.stop();
    log.info('Jobbkön har stoppats');
  });
}
