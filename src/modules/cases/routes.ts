import type { RouteModule } from '../../platform/http/app.js';
import './audit.js';
import { caseActionRoutes } from './action-routes.js';
import { caseFlowRoutes } from './case-routes.js';
import { caseClassificationRoutes } from './classification-routes.js';
import { caseDocumentRoutes } from './document-routes.js';
import { caseLinkRoutes } from './link-routes.js';
import { Classification } from './classification-schemas.js';
import { Action, Case, CaseDetail, Document } from './schemas.js';

/**
 * The case module's HTTP API. Each handler parses the request, calls one use case (a file named
 * after its verb: register-case.ts, change-case-status.ts, triage-case.ts …) and presents the result.
 */
export const caseRoutes: RouteModule = async (app, deps) => {
  app.addSchema(Case);
  app.addSchema(CaseDetail);
  app.addSchema(Action);
  app.addSchema(Document);
  app.addSchema(Classification);
  await caseFlowRoutes(app, deps);
  await caseActionRoutes(app, deps);
  await caseLinkRoutes(app, deps);
  await caseDocumentRoutes(app, deps);
  await caseClassificationRoutes(app, deps);
};
