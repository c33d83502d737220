import { Type } from 'typebox';
import { requireActor } from '../../platform/auth/policy.js';
import type { RouteModule } from '../../platform/http/app.js';
import { expectedVersion } from '../../platform/http/concurrency.js';
import { errorResponses, VersionHeader } from '../../platform/http/schemas.js';
import { addActionToCase } from './add-case-action.js';
import { setCaseActionDone } from './complete-case-action.js';
import { listCaseActions } from './list-case-actions.js';
import { presentAction } from './presenter.js';
import * as repo from './repository.js';
import * as s from './schemas.js';
import { showsSecret } from './policy.js';

const tags = ['Ärenden'];

/** A case's action items (åtgärdspunkter): list, add, complete and reopen. */
export const caseActionRoutes: RouteModule = (app, { db }) => {
  app.get(
    '/api/v1/cases/:id/actions',
    {
      schema: {
        tags,
        summary: 'Ärendets åtgärdspunkter, öppna först',
        params: s.IdParams,
        response: { 200: Type.Object({ items: Type.Array(Type.Ref('CaseAction')) }), ...errorResponses(400, 401, 404) },
      },
    },
    async (req) => ({ items: await listCaseActions(db, req.ctx, req.params.id) }),
  );

  app.post(
    '/api/v1/cases/:id/actions',
    {
      schema: {
        tags,
        summary: 'Lägg till en åtgärdspunkt med ansvarig och måldatum',
        params: s.IdParams,
        body: s.ActionBody,
        response: { 201: Type.Ref('CaseAction'), ...errorResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (req, reply) => reply.code(201).send(await addActionToCase(db, req.ctx, req.params.id, req.body)),
  );

  for (const [verb, done] of [
    ['complete', true],
    ['reopen', false],
  ] as const) {
    app.post(
      `/api/v1/case-actions/:id/${verb}`,
      {
        schema: {
          tags,
          summary: done ? 'Markera en åtgärdspunkt som klar' : 'Öppna en klar åtgärdspunkt igen',
          params: s.IdParams,
          headers: VersionHeader,
          body: s.VersionBody,
          response: { 200: Type.Ref('CaseAction'), ...errorResponses(400, 401, 403, 404, 409, 428) },
        },
      },
      async (req) => {
        requireActor(req.ctx.actor);
        const expected = expectedVersion(req.headers['if-match'], req.body.version);
        const a = await setCaseActionDone(db, req.ctx, req.params.id, expected, done);
        return presentAction(a, showsSecret((await repo.getCase(db, a.caseId)) as repo.CaseFlowRow, req.ctx.actor));
      },
    );
  }
};
