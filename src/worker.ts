import { runWorker } from './cli/commands/worker.js';
import { reportError } from './cli/errors.js';

/** The job worker entrypoint (`npm run worker`; the same as `navet worker`). */
runWorker().catch((err: unknown) => {
  process.exitCode = reportError(err);
});
