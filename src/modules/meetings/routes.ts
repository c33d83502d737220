import type { RouteModule } from '../../platform/http/app.js';
import './audit.js';
import { feedRoutes } from './feed-routes.js';
import { forumRoutes } from './forum-routes.js';
import { meetingFlowRoutes } from './meeting-routes.js';
import { minutesRoutes } from './minutes-routes.js';
import { publicMinutesRoutes } from './public-routes.js';
import { Meeting, Paragraph, Settings } from './schemas.js';

/**
 * The meetings module's HTTP API. Each handler parses the request, calls one use case (a file
 * named after its verb: send-notice.ts, add-agenda-item.ts, approve-minutes.ts …) and presents
 * the result. The lifecycles are in rules/lifecycle.ts, who may do what in policy.ts.
 */
export const meetingRoutes: RouteModule = async (app, deps) => {
  app.addSchema(Settings);
  app.addSchema(Meeting);
  app.addSchema(Paragraph);
  await forumRoutes(app, deps);
  await meetingFlowRoutes(app, deps);
  await minutesRoutes(app, deps);
  await feedRoutes(app, deps);
  await publicMinutesRoutes(app, deps);
};
