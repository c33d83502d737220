/**
 * HTTP for an indicator's values at the level of units (HSA-id): which units have values, and
 * their series against their regions and the country. Read as the national views are: everyone
 * signed in, and anyone when the public view (insyn) is on.
 */
import type { FastifyRequest } from 'fastify';
import { notFound, unauthorized } from '../../platform/errors.js';
import type { RouteModule } from '../../platform/http/app.js';
import { cachedRead } from '../../platform/http/read-cache.js';
import { errorResponses } from '../../platform/http/schemas.js';
import { presentIndicator } from './presenter.js';
import * as repo from './repository.js';
import { IdParams, Series, tags, Units, UnitSeriesQuery, UnitsQuery } from './schemas.js';
import { SERIES_TOPICS, unitSeries } from './series.js';

export const unitRoutes: RouteModule = async (app, { db, config }) => {
  const mayRead = (req: FastifyRequest) => {
    if (!config.publicFollowup && !req.ctx.actor) throw unauthorized();
  };
  // Past mayRead every reader sees every indicator's units: the indicator and the query are the key.
  const keyOf = (req: FastifyRequest<{ Params: { id: string } }>) => ({
    topics: SERIES_TOPICS,
    key: `${req.params.id}\n${JSON.stringify(req.query)}`,
  });

  app.get(
    '/api/v1/indicators/:id/units',
    {
      schema: {
        tags,
        summary: 'Enheterna (HSA-id) som har värden för indikatorn, i en region eller alla, med källans namn',
        params: IdParams,
        querystring: UnitsQuery,
        response: { 200: Units, ...errorResponses(400, 401, 404) },
      },
    },
    async (req, reply) => {
      mayRead(req);
      return cachedRead(db, req, reply, keyOf(req), async () => {
        if (!(await repo.getIndicator(db, req.params.id))) throw notFound('Indikatorn');
        const items = await repo.unitsOf(db, req.params.id, req.query.region ? { region: req.query.region } : {});
        return { items };
      });
    },
  );

  app.get(
    '/api/v1/indicators/:id/unit-series',
    {
      schema: {
        tags,
        summary: 'Enheternas värden per period (per HSA-id) mot deras regioner och riket, med körschema och styrdiagram',
        params: IdParams,
        querystring: UnitSeriesQuery,
        response: { 200: Series, ...errorResponses(400, 401, 404) },
      },
    },
    async (req, reply) => {
      mayRead(req);
      return cachedRead(db, req, reply, keyOf(req), async () => {
        const ind = await repo.getIndicator(db, req.params.id);
        if (!ind) throw notFound('Indikatorn');
        const s = await unitSeries(db, ind, {
          units: [...new Set(req.query.units.split(','))],
          ...(req.query.from ? { from: req.query.from } : {}),
          ...(req.query.to ? { to: req.query.to } : {}),
          ...(req.query.gender ? { gender: req.query.gender } : {}),
        });
        return { indicator: presentIndicator(ind), ...s };
      });
    },
  );
};
