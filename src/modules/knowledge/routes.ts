import type { RouteModule } from '../../platform/http/app.js';
import { additionRoutes } from './addition-routes.js';
import { catalogueRoutes } from './catalogue-routes.js';
import './audit.js';
import { KnowledgeSupport, SupportVersion } from './schemas.js';
import { supportRoutes } from './support-routes.js';
import { versionRoutes } from './version-routes.js';

/**
 * The catalogue's routes (thin: each calls one use case), in the server's route list. The
 * national consultation rounds are the consultation module's (src/modules/consultation/rounds).
 */
export const knowledgeRoutes: RouteModule = async (app, deps) => {
  app.addSchema(KnowledgeSupport);
  app.addSchema(SupportVersion);
  await supportRoutes(app, deps);
  await versionRoutes(app, deps);
  await additionRoutes(app, deps);
  await catalogueRoutes(app, deps);
};
