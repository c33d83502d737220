import pino, { type Logger } from 'pino';
import { auditRoutes } from './platform/audit/routes.js';
import { authRoutes } from './platform/auth/routes.js';
import { signInRoutes } from './platform/auth/sign-in-routes.js';
import type { Config } from './platform/config.js';
import { systemCtx } from './platform/context.js';
import { openDatabase, type Db } from './platform/db/index.js';
import { migrate } from './platform/db/migrate.js';
import { buildApp, type App, type RouteModule } from './platform/http/app.js';
import { healthRoutes } from './platform/http/health.js';
import { ensureSchedules } from './jobs.js';
import { loadDemo } from './modules/demo/load-demo.js';
import { loadStructures } from './modules/organisation/load-structures.js';
import { organisationRoutes } from './modules/organisation/routes.js';
import { peopleRoutes } from './modules/people/routes.js';
import { mandatesRoutes } from './modules/mandates/routes.js';
import { consultationRoutes } from './modules/consultation/routes.js';
import { knowledgeRoutes } from './modules/knowledge/routes.js';
import { caseRoutes } from './modules/cases/routes.js';
import { meetingRoutes } from './modules/meetings/routes.js';
import { notificationRoutes } from './modules/notifications/routes.js';
import { compensationRoutes } from './modules/compensation/routes.js';
import { recordsRoutes } from './modules/records/routes.js';
import { implementationRoutes } from './modules/implementation/index.js';
import { indicatorRoutes } from './modules/indicators/index.js';
import { planningRoutes } from './modules/planning/index.js';
import { loadReference } from './modules/reference/load-reference.js';
import { referenceRoutes } from './modules/reference/routes.js';
import { ensureBootstrapAdmin } from './modules/users/ensure-bootstrap-admin.js';
import { userRoutes } from './modules/users/routes.js';

/** Every module's routes, in one list: the OpenAPI document and the access tests read it. */
export const ROUTE_MODULES: RouteModule[] = [
  healthRoutes,
  authRoutes,
  signInRoutes,
  userRoutes,
  auditRoutes,
  referenceRoutes,
  organisationRoutes,
  peopleRoutes,
  mandatesRoutes,
  consultationRoutes,
  knowledgeRoutes,
  caseRoutes,
  meetingRoutes,
  notificationRoutes,
  compensationRoutes,
  recordsRoutes,
  implementationRoutes,
  planningRoutes,
  indicatorRoutes,
];

export function createLogger(config: Pick<Config, 'logLevel'>): Logger {
  return pino({
    level: config.logLevel,
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: {
      paths: [
        'req.headers.authorization',
        'req.headers.cookie',
        'req.headers["x-csrf-token"]',
        'res.headers["set-cookie"]',
        '*.password',
        '*.token',
      ],
      censor: '[dolt]',
    },
  });
}

/** Migrations, reference data, bootstrap admin and demo data: what every start does. */
export async function prepareDatabase(db: Db, config: Config, log?: Logger): Promise<void> {
  const applied = await migrate(db);
  if (applied.length) log?.info({ applied }, 'migrations applied');
  const ctx = systemCtx('startup');
  const ref = await loadReference(db, ctx);
  if (ref.changedFiles.length) log?.info({ files: ref.changedFiles }, 'reference data loaded');
  if ((await loadStructures(db, ctx)).changed) log?.info('reference structures loaded (reference/structures.json)');
  if (config.bootstrapAdmin && (await ensureBootstrapAdmin(db, ctx, config.bootstrapAdmin))) {
    log?.info({ email: config.bootstrapAdmin.email }, 'bootstrap administrator created');
  }
  if (config.demo && (await loadDemo(db, ctx))) log?.info('demo data loaded (Region Kronoberg, fictional people)');
  await ensureSchedules(db);
}

export async function createApp(db: Db, config: Config, logger?: Logger | boolean): Promise<App> {
  return buildApp({ db, config, ...(logger !== undefined ? { logger } : {}) }, ROUTE_MODULES);
}

export async function openAndPrepare(config: Config, log?: Logger): Promise<Db> {
  const db = await openDatabase(config);
  try {
    await prepareDatabase(db, config, log);
  } catch (err) {
    await db.close();
    throw err;
  }
  return db;
}
