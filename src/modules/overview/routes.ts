import { Type } from 'typebox';
import type { RouteModule } from '../../platform/http/app.js';
import { errorResponses } from '../../platform/http/schemas.js';
import { readOverview } from './read-overview.js';
import { MyOverview } from './schemas.js';

export const overviewRoutes: RouteModule = (app, { db, config }) => {
  app.addSchema(MyOverview);
  app.get(
    '/api/v1/me/overview',
    {
      schema: {
        tags: ['Min översikt'],
        summary:
          'Min översikt: det som väntar på dig nu och härnäst (milstolpar, ärenden, justering, granskning, uppdrag, anspråk, enkäter, veckans möten); avsnitt som dina roller inte berör är null',
        response: { 200: Type.Ref('MyOverview'), ...errorResponses(401) },
      },
    },
    async (req) => readOverview(db, req.ctx, { reminderDays: Math.max(0, ...config.reminderDays) }),
  );
};
