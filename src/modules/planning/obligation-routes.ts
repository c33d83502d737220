/** HTTP for recurring obligations (twice a year: seeds 000 and 002) and the record that they happened. */
import { Type } from 'typebox';
import { notFound, unauthorized } from '../../platform/errors.js';
import type { RouteModule } from '../../platform/http/app.js';
import { errorResponses, Uuid } from '../../platform/http/schemas.js';
import { createObligation } from './create-obligation.js';
import * as repo from './obligation-repository.js';
import { mayReadObligation, presentObligation } from './obligation-queries.js';
import { CreateObligationBody, Obligation, ObligationListQuery, RecordOccurrenceBody } from './obligation-schemas.js';
import { recordOccurrence } from './record-occurrence.js';

const IdParams = Type.Object({ id: Uuid });
const YearQuery = Type.Object(
  { year: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2100 })) },
  { additionalProperties: false },
);

export const obligationRoutes: RouteModule = (app, { db }) => {
  const tags = ['Införande och planer'];

  app.get(
    '/api/v1/obligations',
    {
      schema: {
        tags,
        summary: 'Återkommande skyldigheter (t.ex. två gånger per år) med årets tillfällen; försenade tillfällen är luckor',
        querystring: ObligationListQuery,
        response: { 200: Type.Object({ items: Type.Array(Obligation), nextCursor: Type.Null() }), ...errorResponses(400, 401) },
      },
    },
    async (req) => {
      if (!req.ctx.actor) throw unauthorized();
      const items = [];
      for (const o of await repo.listObligations(db, { owner: req.query.owner ?? null, groupId: req.query.groupId ?? null })) {
        if (await mayReadObligation(req.ctx, db, o)) items.push(await presentObligation(db, req.ctx, o, req.query.year));
      }
      return { items, nextCursor: null };
    },
  );

  app.post(
    '/api/v1/obligations',
    {
      schema: {
        tags,
        summary: 'Lägg upp en återkommande skyldighet för en ansvarig grupp',
        body: CreateObligationBody,
        response: { 201: Obligation, ...errorResponses(401, 403, 404, 409, 422) },
      },
    },
    async (req, reply) => {
      const b = req.body;
      const o = await createObligation(db, req.ctx, {
        groupId: b.groupId,
        title: b.title.trim(),
        description: b.description?.trim() || null,
        timesPerYear: b.timesPerYear,
        remindDaysBefore: b.remindDaysBefore ?? 30,
        sourceId: b.sourceId ?? null,
        sourceQuote: b.sourceQuote ?? null,
      });
      return reply.code(201).send(await presentObligation(db, req.ctx, o));
    },
  );

  app.get(
    '/api/v1/obligations/:id',
    {
      schema: {
        tags,
        summary: 'En återkommande skyldighet med ett års tillfällen (i år om year saknas)',
        params: IdParams,
        querystring: YearQuery,
        response: { 200: Obligation, ...errorResponses(400, 401, 404) },
      },
    },
    async (req) => {
      if (!req.ctx.actor) throw unauthorized();
      const o = await repo.getObligation(db, req.params.id);
      if (!o || !(await mayReadObligation(req.ctx, db, o))) throw notFound('Skyldigheten');
      return presentObligation(db, req.ctx, o, req.query.year);
    },
  );

  app.post(
    '/api/v1/obligations/:id/occurrences',
    {
      schema: {
        tags,
        summary: 'Registrera att ett tillfälle blev av: ett möte i den ansvariga gruppen, eller datum och anteckning',
        params: IdParams,
        body: RecordOccurrenceBody,
        response: { 200: Obligation, ...errorResponses(400, 401, 403, 404, 422) },
      },
    },
    async (req) => {
      const b = req.body;
      const o = await recordOccurrence(db, req.ctx, req.params.id, {
        year: b.year,
        ordinal: b.ordinal,
        heldOn: b.heldOn ?? null,
        meetingId: b.meetingId ?? null,
        note: b.note ?? null,
      });
      return presentObligation(db, req.ctx, o, b.year);
    },
  );
};
