import { Type } from 'typebox';
import { serviceUnavailable } from '../errors.js';
import type { RouteModule } from './app.js';
import { errorResponses } from './schemas.js';
import { APP_VERSION } from '../version.js';

export const healthRoutes: RouteModule = (app, { db }) => {
  app.get(
    '/api/health',
    {
      schema: {
        tags: ['Drift'],
        summary: 'Hälsa: vilken databas som används och versionen',
        response: {
          200: Type.Object({
            status: Type.Literal('ok'),
            database: Type.Union([Type.Literal('pglite'), Type.Literal('postgresql')]),
            version: Type.String(),
          }),
          ...errorResponses(503),
        },
      },
    },
    async () => {
      try {
        await db.ping();
      } catch {
        throw serviceUnavailable();
      }
      return { status: 'ok' as const, database: db.kind, version: APP_VERSION };
    },
  );
};
