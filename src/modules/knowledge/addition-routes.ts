import { Type } from 'typebox';
import type { RouteModule } from '../../platform/http/app.js';
import { expectedVersion } from '../../platform/http/concurrency.js';
import { errorResponses, Uuid, VersionHeader } from '../../platform/http/schemas.js';
import { createLocalAddition } from './create-local-addition.js';
import { createRecommendation } from './create-recommendation.js';
import { deleteRecommendation } from './delete-recommendation.js';
import { presentLocalAddition, presentRecommendation } from './presenter.js';
import {
  CreateLocalAdditionBody,
  CreateRecommendationBody,
  LocalAddition,
  Recommendation,
  UpdateLocalAdditionBody,
  UpdateRecommendationBody,
} from './schemas.js';
import { updateLocalAddition } from './update-local-addition.js';
import { updateRecommendation } from './update-recommendation.js';

const tags = ['Kunskapsstöd'];
const IdParams = Type.Object({ id: Uuid });

/** What is added to a support: the national guidelines' recommendations, and the LPOs' regional additions and routines. */
export const additionRoutes: RouteModule = (app, { db }) => {
  app.post(
    '/api/v1/knowledge-supports/:id/recommendations',
    {
      schema: {
        tags,
        summary: 'Ny rekommendation i Socialstyrelsens nationella riktlinjer (prioritet 1–10, icke-göra eller FoU)',
        params: IdParams,
        body: CreateRecommendationBody,
        response: { 201: Recommendation, ...errorResponses(401, 403, 404, 422) },
      },
    },
    async (req, reply) => {
      const row = await createRecommendation(db, req.ctx, req.params.id, req.body);
      return reply.code(201).send(presentRecommendation(row));
    },
  );

  app.patch(
    '/api/v1/knowledge-recommendations/:id',
    {
      schema: {
        tags,
        summary: 'Ändra en rekommendation (If-Match eller version krävs)',
        params: IdParams,
        headers: VersionHeader,
        body: UpdateRecommendationBody,
        response: { 200: Recommendation, ...errorResponses(400, 401, 403, 404, 409, 422, 428) },
      },
    },
    async (req) => {
      const { version, ...patch } = req.body;
      return presentRecommendation(
        await updateRecommendation(db, req.ctx, req.params.id, expectedVersion(req.headers['if-match'], version), patch),
      );
    },
  );

  app.delete(
    '/api/v1/knowledge-recommendations/:id',
    {
      schema: {
        tags,
        summary: 'Ta bort en rekommendation (If-Match krävs)',
        params: IdParams,
        headers: VersionHeader,
        response: { 204: Type.Null(), ...errorResponses(400, 401, 403, 404, 409, 428) },
      },
    },
    async (req, reply) => {
      await deleteRecommendation(db, req.ctx, req.params.id, expectedVersion(req.headers['if-match'], undefined));
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/api/v1/knowledge-supports/:id/local-additions',
    {
      schema: {
        tags,
        summary: 'Regionalt tillägg eller lokal rutin, ägd av en LPO (LPO:ns webbredaktör eller regionens samordnare)',
        params: IdParams,
        body: CreateLocalAdditionBody,
        response: { 201: LocalAddition, ...errorResponses(401, 403, 404, 422) },
      },
    },
    async (req, reply) => {
      const row = await createLocalAddition(db, req.ctx, req.params.id, req.body);
      return reply.code(201).send(presentLocalAddition(row, true));
    },
  );

  app.patch(
    '/api/v1/knowledge-local-additions/:id',
    {
      schema: {
        tags,
        summary: 'Ändra ett regionalt tillägg eller en lokal rutin (If-Match eller version krävs)',
        params: IdParams,
        headers: VersionHeader,
        body: UpdateLocalAdditionBody,
        response: { 200: LocalAddition, ...errorResponses(400, 401, 403, 404, 409, 422, 428) },
      },
    },
    async (req) => {
      const { version, ...patch } = req.body;
      const row = await updateLocalAddition(db, req.ctx, req.params.id, expectedVersion(req.headers['if-match'], version), patch);
      return presentLocalAddition(row, true);
    },
  );
};
