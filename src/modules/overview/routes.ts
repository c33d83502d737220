import { Type } from 'typebox';
import { requireActor } from '../../platform/auth/policy.js';
import { todayInSweden } from '../../platform/clock.js';
import type { RouteModule } from '../../platform/http/app.js';
import { cachedRead } from '../../platform/http/read-cache.js';
import { errorResponses } from '../../platform/http/schemas.js';
import { readOverview } from './read-overview.js';
import { MyOverview } from './schemas.js';

/** What Min översikt is built from: every audited change, the notices, the geography (read-cache.ts, migration 0060). */
const OVERVIEW_TOPICS = ['audit', 'notifications', 'reference'] as const;

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
    async (req, reply) => {
      const actor = req.ctx.actor;
      requireActor(actor);
      const opts = { reminderDays: Math.max(0, ...config.reminderDays) };
      // Kept per person, roles and day until anything is changed: every change is audited in its
      // own transaction (topic 'audit'), notices are not (their own topic), and the geography.
      const key = JSON.stringify([actor.userId, actor.email, actor.roles, todayInSweden(), opts.reminderDays]);
      return cachedRead(db, req, reply, { topics: OVERVIEW_TOPICS, key }, () => readOverview(db, req.ctx, opts));
    },
  );
};
