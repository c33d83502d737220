import { Type } from 'typebox';
import type { RouteModule } from '../../platform/http/app.js';
import { expectedVersion } from '../../platform/http/concurrency.js';
import { errorResponses, VersionHeader } from '../../platform/http/schemas.js';
import { addCaseClassification } from './add-case-classification.js';
import { listCaseClassifications } from './list-case-classifications.js';
import * as cs from './classification-schemas.js';
import * as s from './schemas.js';
import { updateCaseClassification } from './update-case-classification.js';

const tags = ['Ärenden'];

/** The region's klassificeringsstruktur: read by the region's case readers, kept by `cases.classification`. */
export const caseClassificationRoutes: RouteModule = (app, { db }) => {
  app.get(
    '/api/v1/case-classifications',
    {
      schema: {
        tags,
        summary: 'Regionens klassificeringsstruktur i kodordning (aktiva poster, eller alla med includeInactive)',
        querystring: cs.ClassificationQuery,
        response: {
          200: Type.Object({
            items: Type.Array(Type.Ref('CaseClassification')),
            canManage: Type.Boolean({ description: 'Du får förvalta regionens klassificeringsstruktur' }),
          }),
          ...errorResponses(400, 401, 404),
        },
      },
    },
    async (req) => listCaseClassifications(db, req.ctx, req.query),
  );

  app.post(
    '/api/v1/case-classifications',
    {
      schema: {
        tags,
        summary: 'Lägg till en post i regionens klassificeringsstruktur; den överordnade koden måste finnas',
        body: cs.ClassificationBody,
        response: { 201: Type.Ref('CaseClassification'), ...errorResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (req, reply) => reply.code(201).send(await addCaseClassification(db, req.ctx, req.body)),
  );

  app.patch(
    '/api/v1/case-classifications/:id',
    {
      schema: {
        tags,
        summary: 'Byt rubrik på en post eller gör den aktiv/inaktiv (koden ändras inte); version krävs',
        params: s.IdParams,
        headers: VersionHeader,
        body: cs.ClassificationPatch,
        response: { 200: Type.Ref('CaseClassification'), ...errorResponses(400, 401, 403, 404, 409, 422, 428) },
      },
    },
    async (req) => {
      const { version: v, ...patch } = req.body;
      return updateCaseClassification(db, req.ctx, req.params.id, expectedVersion(req.headers['if-match'], v), patch);
    },
  );
};
