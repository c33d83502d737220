import './audit.js';
import { Type } from 'typebox';
import type { FastifyRequest } from 'fastify';
import { requireActor } from '../../platform/auth/policy.js';
import { todayInSweden } from '../../platform/clock.js';
import { notFound, unauthorized, unprocessable } from '../../platform/errors.js';
import type { RouteModule } from '../../platform/http/app.js';
import { expectedVersion } from '../../platform/http/concurrency.js';
import { decodeCursor, encodeCursor } from '../../platform/http/pagination.js';
import { errorResponses, Page, Uuid } from '../../platform/http/schemas.js';
import { getGroup } from '../organisation/index.js';
import { addYears } from '../people/index.js';
import { requestScope } from '../../platform/auth/scope.js';
import { levelOfOwner, maySeeNomination, maySetRotation, nominationPolicy } from './policy.js';
import { groupRepresentation } from './representation.js';
import { setRotationOrder } from './set-rotation-order.js';
import { gapsOverview, groupComposition, groupRotation } from './composition.js';
import { createNomination } from './create-nomination.js';
import { decideNomination } from './decide-nomination.js';
import { withdrawNomination } from './withdraw-nomination.js';
import { createRule, deleteRule, updateRule } from './manage-rules.js';
import { presentNomination, presentRegisterEntry } from './presenter.js';
import * as repo from './repository.js';
import {
  Composition,
  CompositionQuery,
  DecideBody,
  GapsOverview,
  GapsQuery,
  Nomination,
  NominationBody,
  NominationListQuery,
  RegisterEntry,
  RegisterQuery,
  Representation,
  RepresentationQuery,
  RepresentedBody,
  Rotation,
  RotationOrderBody,
  RotationQuery,
  Rule,
  RuleBody,
  RulePatchBody,
  WithdrawBody,
} from './schemas.js';

const tags = ['Mandat och sammansättning'];
const IdParams = Type.Object({ id: Uuid });

export const mandatesRoutes: RouteModule = (app, { db, config }) => {
  app.addSchema(Nomination);
  app.addSchema(Rule);

  const mayReadStructure = (req: FastifyRequest) => {
    if (!config.publicStructure && !req.ctx.actor) throw unauthorized();
  };

  // ---- Nominations -------------------------------------------------------------------------

  app.post(
    '/api/v1/groups/:id/nominations',
    {
      schema: {
        tags,
        summary: 'Nominera en person till en plats i gruppen (linjeorganisation, region eller förening)',
        params: IdParams,
        body: NominationBody,
        response: { 201: Type.Ref('Nomination'), ...errorResponses(401, 403, 404, 409, 422) },
      },
    },
    async (req, reply) => reply.code(201).send(presentNomination(await createNomination(db, req.ctx, req.params.id, req.body))),
  );

  app.get(
    '/api/v1/nominations',
    {
      schema: {
        tags,
        summary: 'Nomineringar du får se, per grupp (groupId), per nominerande organisation och status; öppna först',
        querystring: NominationListQuery,
        response: { 200: Page(Type.Ref('Nomination')), ...errorResponses(400, 401) },
      },
    },
    async (req) => {
      requireActor(req.ctx.actor);
      const policy = nominationPolicy(req.ctx, db);
      const geo = await policy.scope.geography();
      const rows = await repo.listNominations(db, {
        ...(req.query.groupId ? { groupId: req.query.groupId } : {}),
        ...(req.query.organisation ? { organisation: req.query.organisation } : {}),
        ...(req.query.status ? { status: req.query.status } : {}),
        limit: 1000,
      });
      const groupOf = (n: repo.NominationRecord) => ({ level: levelOfOwner(n.groupOwner, geo), owner: n.groupOwner });
      const visible = rows.filter((n) => maySeeNomination(req.ctx.actor, groupOf(n), n, geo)).slice(0, req.query.limit ?? 50);
      const actions = await Promise.all(visible.map((n) => policy.actions(groupOf(n), n)));
      return { items: visible.map((n, i) => presentNomination(n, actions[i])), nextCursor: null };
    },
  );

  app.get(
    '/api/v1/nominations/:id',
    {
      schema: {
        tags,
        summary: 'En nominering; 404 om okänd eller inte synlig',
        params: IdParams,
        response: { 200: Type.Ref('Nomination'), ...errorResponses(401, 404) },
      },
    },
    async (req, reply) => {
      requireActor(req.ctx.actor);
      const policy = nominationPolicy(req.ctx, db);
      const n = await repo.getNomination(db, req.params.id);
      const group = n ? await getGroup(db, n.groupId) : undefined;
      if (!n || !group || !(await policy.maySee(group, n))) throw notFound('Nomineringen');
      return reply.header('etag', `"${n.version}"`).send(presentNomination(n, await policy.actions(group, n)));
    },
  );

  app.post(
    '/api/v1/nominations/:id/decision',
    {
      schema: {
        tags,
        summary: 'Den utseende instansen beslutar: bifall (skapar uppdraget med samma regler som Utse) eller avslag med skäl',
        params: IdParams,
        body: DecideBody,
        response: { 200: Type.Ref('Nomination'), ...errorResponses(401, 403, 404, 409, 422, 428) },
      },
    },
    async (req) => {
      const { version, ...input } = req.body;
      return presentNomination(
        await decideNomination(db, req.ctx, req.params.id, expectedVersion(req.headers['if-match'], version), input),
      );
    },
  );

  app.post(
    '/api/v1/nominations/:id/withdraw',
    {
      schema: {
        tags,
        summary: 'Återkalla en öppen nominering',
        params: IdParams,
        body: WithdrawBody,
        response: { 200: Type.Ref('Nomination'), ...errorResponses(401, 404, 409, 428) },
      },
    },
    async (req) => {
      const { version, ...input } = req.body;
      return presentNomination(
        await withdrawNomination(db, req.ctx, req.params.id, expectedVersion(req.headers['if-match'], version), input),
      );
    },
  );

  // ---- Composition rules -------------------------------------------------------------------

  app.get(
    '/api/v1/composition-rules',
    {
      schema: {
        tags,
        summary:
          'Sammansättningsregler per slag och nivå av grupp (eller enskild grupp): roller, platser per region, mandattid, rotation',
        response: { 200: Page(Type.Ref('CompositionRule')), ...errorResponses(401) },
      },
    },
    async (req) => {
      mayReadStructure(req);
      return { items: await repo.listRules(db), nextCursor: null };
    },
  );

  app.post(
    '/api/v1/composition-rules',
    {
      schema: {
        tags,
        summary: 'Lägg till en sammansättningsregel (administratör)',
        body: RuleBody,
        response: { 201: Type.Ref('CompositionRule'), ...errorResponses(401, 403, 422) },
      },
    },
    async (req, reply) => reply.code(201).send(await createRule(db, req.ctx, req.body)),
  );

  app.patch(
    '/api/v1/composition-rules/:id',
    {
      schema: {
        tags,
        summary: 'Ersätt en sammansättningsregel (hela regeln; version krävs)',
        params: IdParams,
        body: RulePatchBody,
        response: { 200: Type.Ref('CompositionRule'), ...errorResponses(401, 403, 404, 409, 422, 428) },
      },
    },
    async (req) => {
      const { version, ...input } = req.body;
      return updateRule(db, req.ctx, req.params.id, expectedVersion(req.headers['if-match'], version), input);
    },
  );

  app.delete(
    '/api/v1/composition-rules/:id',
    {
      schema: {
        tags,
        summary: 'Ta bort en sammansättningsregel (If-Match eller ?version krävs)',
        params: IdParams,
        querystring: Type.Object({ version: Type.Optional(Type.Integer({ minimum: 1 })) }, { additionalProperties: false }),
        response: { 204: Type.Null(), ...errorResponses(401, 403, 404, 409, 428) },
      },
    },
    async (req, reply) => {
      await deleteRule(db, req.ctx, req.params.id, expectedVersion(req.headers['if-match'], req.query.version));
      return reply.code(204).send(null);
    },
  );

  app.put(
    '/api/v1/composition-rules/:id/rotation-order',
    {
      schema: {
        tags,
        summary:
          'Ange en rotations ordning mellan regionerna och dagen då den första perioden börjar (administratör eller samordnare för gruppens ägare)',
        params: IdParams,
        body: RotationOrderBody,
        response: { 200: Type.Ref('CompositionRule'), ...errorResponses(401, 403, 404, 409, 422, 428) },
      },
    },
    async (req) => {
      const { version, ...input } = req.body;
      return setRotationOrder(db, req.ctx, req.params.id, expectedVersion(req.headers['if-match'], version), input);
    },
  );

  app.get(
    '/api/v1/represented-bodies',
    {
      schema: {
        tags,
        summary:
          'Organisationer utöver regioner som en plats kan innehas för (nätverk, SKR; seed 002:s SKS): värden för represents',
        response: { 200: Page(RepresentedBody), ...errorResponses(401) },
      },
    },
    async (req) => {
      mayReadStructure(req);
      return { items: await repo.representedBodies(db), nextCursor: null };
    },
  );

  // ---- Composition check, gaps, rotation ---------------------------------------------------

  app.get(
    '/api/v1/groups/:id/composition',
    {
      schema: {
        tags,
        summary: 'Sammansättningskontroll: gruppen mot sina regler en dag (standard i dag), med luckor',
        params: IdParams,
        querystring: CompositionQuery,
        response: { 200: Composition, ...errorResponses(400, 401, 404) },
      },
    },
    async (req) => {
      mayReadStructure(req);
      return groupComposition(db, req.params.id, req.query.date ?? todayInSweden());
    },
  );

  app.get(
    '/api/v1/composition/gaps',
    {
      schema: {
        tags,
        summary: 'Alla aktiva grupper som bryter sina sammansättningsregler (saknad ordförande, tomma regionplatser …)',
        querystring: GapsQuery,
        response: { 200: GapsOverview, ...errorResponses(400, 401) },
      },
    },
    async (req) => {
      requireActor(req.ctx.actor);
      return gapsOverview(db, {
        date: req.query.date ?? todayInSweden(),
        ...(req.query.owner ? { owners: [req.query.owner] } : {}),
        ...(req.query.staffedOnly ? { staffedOnly: true } : {}),
      });
    },
  );

  app.get(
    '/api/v1/groups/:id/rotation',
    {
      schema: {
        tags,
        summary: 'Rotationsschema för ordförande och sekreterare (tvåårsperioder), med innehavare per period',
        params: IdParams,
        querystring: RotationQuery,
        response: { 200: Rotation, ...errorResponses(400, 401, 404) },
      },
    },
    async (req) => {
      mayReadStructure(req);
      const today = todayInSweden();
      const from = req.query.from ?? addYears(today, -4);
      const to = req.query.to ?? addYears(today, 6);
      if (to < from) throw unprocessable('Slutdatum före startdatum.', [{ path: 'to', message: 'före from' }]);
      const scope = requestScope(req.ctx, db);
      const rotation = await groupRotation(db, req.params.id, from, to, today, async (owner) =>
        req.ctx.actor ? maySetRotation(req.ctx.actor, owner, await scope.geography()) : false,
      );
      // Holders' names are register content: anonymous readers see them only with the public register on.
      if (!req.ctx.actor && !config.publicRegister) {
        for (const sch of rotation.schedules) for (const p of sch.periods) p.holders = [];
      }
      return rotation;
    },
  );

  app.get(
    '/api/v1/groups/:id/representation',
    {
      schema: {
        tags,
        summary:
          'Vem som företräder vem mellan nivåerna: vilka av gruppens ledamöter som sitter i gruppen den speglar (t.ex. RPO → NPO), och vilka från grupperna som speglar den som sitter här',
        params: IdParams,
        querystring: RepresentationQuery,
        response: { 200: Representation, ...errorResponses(400, 401, 404) },
      },
    },
    async (req) => {
      mayReadStructure(req);
      const rep = await groupRepresentation(db, req.params.id, req.query.date ?? todayInSweden());
      // The names are register content: anonymous readers see them only with the public register on.
      if (!req.ctx.actor && !config.publicRegister) {
        if (rep.up) rep.up.people = [];
        for (const d of rep.down) d.people = [];
      }
      return rep;
    },
  );

  // ---- Public register (insyn) -------------------------------------------------------------

  app.get(
    '/api/v1/public/register',
    {
      schema: {
        tags,
        summary: 'Offentligt register över vem som sitter var (namn, roll, grupp, arbetsgivare); 404 när det är avstängt',
        querystring: RegisterQuery,
        response: { 200: Page(RegisterEntry), ...errorResponses(400, 404) },
      },
    },
    async (req) => {
      if (!config.publicRegister) throw notFound('Det offentliga registret');
      const limit = req.query.limit ?? 50;
      const offset = Number(decodeCursor(req.query.cursor, 1)?.[0] ?? 0);
      const rows = await repo.publicRegister(db, {
        today: todayInSweden(),
        limit,
        offset,
        ...(req.query.groupId ? { groupId: req.query.groupId } : {}),
        ...(req.query.owner ? { owner: req.query.owner } : {}),
        ...(req.query.q ? { q: req.query.q } : {}),
      });
      return {
        items: rows.slice(0, limit).map(presentRegisterEntry),
        nextCursor: rows.length > limit ? encodeCursor([offset + limit]) : null,
      };
    },
  );
};
