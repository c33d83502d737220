import { Type } from 'typebox';
import type { RouteModule } from '../../platform/http/app.js';
import { expectedVersion } from '../../platform/http/concurrency.js';
import { errorResponses, Uuid, VersionHeader } from '../../platform/http/schemas.js';
import { createVersion } from './create-version.js';
import { knowledgePolicy } from './policy.js';
import { presentVersion } from './presenter.js';
import * as repo from './repository.js';
import { CreateVersionBody, TransitionVersionBody, UpdateVersionBody } from './schemas.js';
import { transitionVersion } from './transition-version.js';
import { updateVersion } from './update-version.js';

const tags = ['Kunskapsstöd'];
const IdParams = Type.Object({ id: Uuid });

/** A support's versions: a new version, its texts and consequence description, and its lifecycle. */
export const versionRoutes: RouteModule = (app, { db }) => {
  const present = async (req: { ctx: Parameters<typeof knowledgePolicy>[0] }, row: repo.VersionRow) =>
    presentVersion(row, await repo.consequencesOf(db, [row.id]), await knowledgePolicy(req.ctx, db).caller());

  app.post(
    '/api/v1/knowledge-supports/:id/versions',
    {
      schema: {
        tags,
        summary: 'Ny version av ett kunskapsstöd (ett publicerat stöd går till under revision)',
        params: IdParams,
        body: CreateVersionBody,
        response: { 201: Type.Ref('KnowledgeSupportVersion'), ...errorResponses(401, 403, 404, 409, 422) },
      },
    },
    async (req, reply) => {
      const row = await createVersion(db, req.ctx, req.params.id, req.body);
      return reply.code(201).send(await present(req, row));
    },
  );

  app.patch(
    '/api/v1/knowledge-support-versions/:id',
    {
      schema: {
        tags,
        summary: 'Ändra en version och dess konsekvensbeskrivning (If-Match eller version krävs)',
        params: IdParams,
        headers: VersionHeader,
        body: UpdateVersionBody,
        response: { 200: Type.Ref('KnowledgeSupportVersion'), ...errorResponses(400, 401, 403, 404, 409, 422, 428) },
      },
    },
    async (req) => {
      const { version, ...patch } = req.body;
      const row = await updateVersion(db, req.ctx, req.params.id, expectedVersion(req.headers['if-match'], version), patch);
      return present(req, row);
    },
  );

  app.post(
    '/api/v1/knowledge-support-versions/:id/transition',
    {
      schema: {
        tags,
        summary:
          'Byt status på en version (status eller en action ur allowedActions); en publicerad version ersätter den som var publicerad före den',
        params: IdParams,
        headers: VersionHeader,
        body: TransitionVersionBody,
        response: { 200: Type.Ref('KnowledgeSupportVersion'), ...errorResponses(400, 401, 403, 404, 409, 422, 428) },
      },
    },
    async (req) => {
      const { version, ...input } = req.body;
      const row = await transitionVersion(db, req.ctx, req.params.id, expectedVersion(req.headers['if-match'], version), input);
      return present(req, row);
    },
  );
};
