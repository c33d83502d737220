import type { RouteModule } from '../../platform/http/app.js';
import { additionRoutes } from './addition-routes.js';
import './audit.js';
import { roundRoutes } from './rounds/routes.js';
import { ConsultationRound, KnowledgeSupport, SupportVersion } from './schemas.js';
import { supportRoutes } from './support-routes.js';
import { versionRoutes } from './version-routes.js';

/** The catalogue's routes (thin: each calls one use case), in the server's route list. */
const catalogueRoutes: RouteModule = async (app, deps) => {
  app.addSchema(KnowledgeSupport);
  app.addSchema(SupportVersion);
  app.addSchema(ConsultationRound);
  await supportRoutes(app, deps);
  await versionRoutes(app, deps);
  await additionRoutes(app, deps);
};

/** The catalogue and the national consultation rounds: one entry in the server's route list. */
export const knowledgeRoutes: RouteModule = async (app, deps) => {
  await catalogueRoutes(app, deps);
  await roundRoutes(app, deps);
};
