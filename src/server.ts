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
import { webhookRoutes } from './platform/webhooks/routes.js';
import { ensureSchedules } from './jobs.js';
import { loadDemo } from './modules/demo/index.js';
import { loadStructures, organisationRoutes } from './modules/organisation/index.js';
import { peopleRoutes } from './modules/people/index.js';
import { mandatesRoutes } from './modules/mandates/index.js';
import { consultationRoutes } from './modules/consultation/index.js';
import { knowledgeRoutes } from './modules/knowledge/index.js';
import { caseRoutes } from './modules/cases/index.js';
import { meetingRoutes } from './modules/meetings/index.js';
import { notificationRoutes } from './modules/notifications/index.js';
import { overviewRoutes } from './modules/overview/index.js';
import { compensationRoutes } from './modules/compensation/index.js';
import { recordsRoutes } from './modules/records/index.js';
import { implementationRoutes } from './modules/implementation/index.js';
import { indicatorRoutes, loadReferenceGoals } from './modules/indicators/index.js';
import { loadReferenceObligations, planningRoutes } from './modules/planning/index.js';
import { loadReference, referenceRoutes } from './modules/reference/index.js';
import { ensureBootstrapAdmin, userRoutes } from './modules/users/index.js';
import { scimClientRoutes, scimRoutes } from './modules/scim/index.js';

/** Every module's routes, in one list: the OpenAPI document and the access tests read it. */
export const ROUTE_MODULES: RouteModule[] = [
  healthRoutes,
  authRoutes,
  signInRoutes,
  userRoutes,
  auditRoutes,
  webhookRoutes,
  scimClientRoutes,
  scimRoutes,
  referenceRoutes,
  organisationRoutes,
  peopleRoutes,
  mandatesRoutes,
  consultationRoutes,
  knowledgeRoutes,
  caseRoutes,
  meetingRoutes,
  notificationRoutes,
  overviewRoutes,
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
  const followup = (await loadReferenceGoals(db, ctx)) + (await loadReferenceObligations(db, ctx));
  if (followup) log?.info({ changed: followup }, 'reference goals and obligations loaded (reference/followup.json)');
  if (config.bootstrapAdmin && (await ensureBootstrapAdmin(db, ctx, config.bootstrapAdmin))) {
    log?.info({ email: config.bootstrapAdmin.email }, 'bootstrap administrator created');
  }
  if (config.demo && (await loadDemo(db, ctx))) log?.info('demo data loaded (Region Kronoberg, fictional people)');
  await ensureSchedules(db, config);
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
