import { Type } from 'typebox';
import type { FastifyRequest } from 'fastify';
import { can } from '../../platform/auth/policy.js';
import { todayInSweden } from '../../platform/clock.js';
import type { Actor } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/index.js';
import { notFound, unauthorized } from '../../platform/errors.js';
import type { RouteModule } from '../../platform/http/app.js';
import { expectedVersion } from '../../platform/http/concurrency.js';
import { decodeCursor, paginate } from '../../platform/http/pagination.js';
import { errorResponses, Page, Uuid, VersionHeader } from '../../platform/http/schemas.js';
import { ownerScope } from '../organisation/check-group.js';
import { geography } from '../organisation/repository.js';
import { createSupport } from './create-support.js';
import { createLocalAddition, updateLocalAddition } from './local-additions.js';
import { presentLocalAddition, presentRecommendation, presentSupport, presentVersion } from './presenter.js';
import { createRecommendation, deleteRecommendation, updateRecommendation } from './recommendations.js';
import * as repo from './repository.js';
import { presentRound } from '../consultation/rounds/presenter.js';
import * as roundRepo from '../consultation/rounds/repository.js';
import { ConsultationRound } from '../consultation/rounds/schemas.js';
import {
  CreateLocalAdditionBody,
  CreateRecommendationBody,
  CreateSupportBody,
  CreateVersionBody,
  KnowledgeSupport,
  LocalAddition,
  Recommendation,
  SupportDetail,
  SupportQuery,
  SupportVersion,
  TransitionSupportBody,
  TransitionVersionBody,
  UpdateLocalAdditionBody,
  UpdateRecommendationBody,
  UpdateSupportBody,
  UpdateVersionBody,
} from './schemas.js';
import { transitionSupport, transitionVersion } from './transition.js';
import { updateSupport } from './update-support.js';
import { createVersion, updateVersion } from './versions.js';

const tags = ['Kunskapsstöd'];
const IdParams = Type.Object({ id: Uuid });

/** The LPOs the actor may write local additions for. */
export async function localOwnersFor(db: Queryable, actor: Actor | undefined) {
  if (!actor) return [];
  const [lpos, geo, editorOf] = await Promise.all([
    repo.activeLpos(db),
    geography(db),
    actor.via === 'system' ? Promise.resolve([]) : repo.webEditorGroups(db, actor.email, todayInSweden()),
  ]);
  const mine = new Set(editorOf);
  return lpos.filter(
    (g) => mine.has(g.id) || can(actor, 'knowledge.local.write', { type: 'group', id: g.id, owner: ownerScope(g.owner, geo) }),
  );
}

const catalogueRoutes: RouteModule = (app, { db, config }) => {
  app.addSchema(KnowledgeSupport);
  app.addSchema(SupportVersion);
  app.addSchema(ConsultationRound);

  /** The catalogue is public (insyn) when the public view is on; otherwise for everyone signed in. */
  const mayRead = (req: FastifyRequest) => {
    if (!config.publicStructure && !req.ctx.actor) throw unauthorized();
  };

  app.get(
    '/api/v1/knowledge-supports',
    {
      schema: {
        tags,
        summary: 'Katalogen över kunskapsstöd, i svensk bokstavsordning; fritextsök på svenska (q) och filter',
        querystring: SupportQuery,
        response: { 200: Page(Type.Ref('KnowledgeSupport')), ...errorResponses(400, 401) },
      },
    },
    async (req) => {
      mayRead(req);
      const { cursor, limit = 50, ...filter } = req.query;
      const after = decodeCursor(cursor, 2) as [string, string] | undefined;
      const rows = await repo.listSupports(db, { ...filter, limit, ...(after ? { after } : {}) });
      const page = paginate(rows, limit, (s) => [s.sort_key, s.id]);
      return { items: page.items.map(presentSupport), nextCursor: page.nextCursor };
    },
  );

  app.get(
    '/api/v1/knowledge-supports/:id',
    {
      schema: {
        tags,
        summary: 'Ett kunskapsstöd med versioner, konsekvensbeskrivningar, rekommendationer, remissomgångar och lokala tillägg',
        params: IdParams,
        response: { 200: SupportDetail, ...errorResponses(400, 401, 404) },
      },
    },
    async (req, reply) => {
      mayRead(req);
      const s = await repo.getSupport(db, req.params.id);
      if (!s) throw notFound('Kunskapsstödet');
      const today = todayInSweden();
      const [versions, recommendations, additions, rounds, owners, replacedBy] = await Promise.all([
        repo.versionsOf(db, s.id),
        repo.recommendationsOf(db, s.id),
        repo.localAdditionsOf(db, s.id),
        roundRepo.listRounds(db, { supportId: s.id, today, limit: 200 }),
        localOwnersFor(db, req.ctx.actor),
        s.replaced_by_support_id ? repo.getSupport(db, s.replaced_by_support_id) : Promise.resolve(undefined),
      ]);
      const [consequences, recipients, documents] = await Promise.all([
        repo.consequencesOf(
          db,
          versions.map((v) => v.id),
        ),
        roundRepo.recipientsOf(
          db,
          rounds.map((r) => r.id),
        ),
        roundRepo.documentsOf(
          db,
          rounds.map((r) => r.id),
        ),
      ]);
      const ownerIds = new Set(owners.map((o) => o.id));
      void reply.header('etag', `"${s.version}"`);
      return {
        support: presentSupport(s),
        versions: versions.map((v) => presentVersion(v, consequences)),
        recommendations: recommendations.map(presentRecommendation),
        localAdditions: additions
          .filter((a) => a.status !== 'utkast' || ownerIds.has(a.owner_group_id))
          .map((a) => presentLocalAddition(a, req.ctx.actor, ownerIds.has(a.owner_group_id))),
        rounds: rounds.map((r) => presentRound(r, today, recipients, documents)),
        replacedBy: replacedBy ? { id: replacedBy.id, title: replacedBy.title } : null,
        permissions: {
          edit: can(req.ctx.actor, 'knowledge.write'),
          createRound: can(req.ctx.actor, 'rounds.create'),
          localOwners: owners,
        },
      };
    },
  );

  app.post(
    '/api/v1/knowledge-supports',
    {
      schema: {
        tags,
        summary: 'Lägg in ett nationellt kunskapsstöd (systemadministratör), med första versionen och konsekvensbeskrivning',
        body: CreateSupportBody,
        response: { 201: Type.Ref('KnowledgeSupport'), ...errorResponses(401, 403, 404, 422) },
      },
    },
    async (req, reply) => {
      const { firstVersion, ...b } = req.body;
      const row = await createSupport(db, req.ctx, {
        type: b.type,
        title: b.title,
        producerKind: b.producerKind,
        producerGroupId: b.producerGroupId ?? null,
        producerName: b.producerName ?? null,
        sender: b.sender ?? null,
        url: b.url ?? null,
        summary: b.summary ?? null,
        targetGroups: b.targetGroups ?? [],
        programAreaIds: b.programAreaIds ?? [],
        nextRevisionDate: b.nextRevisionDate ?? null,
        validFrom: b.validFrom ?? null,
        validUntil: b.validUntil ?? null,
        ...(firstVersion
          ? {
              firstVersion: {
                label: firstVersion.label,
                changeSummary: firstVersion.changeSummary ?? null,
                url: firstVersion.url ?? null,
                decidedOn: firstVersion.decidedOn ?? null,
                publishedOn: firstVersion.publishedOn ?? null,
                validFrom: firstVersion.validFrom ?? null,
                validUntil: firstVersion.validUntil ?? null,
                consequences: firstVersion.consequences ?? [],
              },
            }
          : {}),
      });
      return reply.code(201).header('etag', `"${row.version}"`).send(presentSupport(row));
    },
  );

  app.patch(
    '/api/v1/knowledge-supports/:id',
    {
      schema: {
        tags,
        summary: 'Ändra ett kunskapsstöd (If-Match eller version krävs)',
        params: IdParams,
        headers: VersionHeader,
        body: UpdateSupportBody,
        response: { 200: Type.Ref('KnowledgeSupport'), ...errorResponses(400, 401, 403, 404, 409, 422, 428) },
      },
    },
    async (req, reply) => {
      const { version, ...patch } = req.body;
      const row = await updateSupport(db, req.ctx, req.params.id, expectedVersion(req.headers['if-match'], version), patch);
      return reply.header('etag', `"${row.version}"`).send(presentSupport(row));
    },
  );

  app.post(
    '/api/v1/knowledge-supports/:id/transition',
    {
      schema: {
        tags,
        summary:
          'Byt status längs livscykeln (under framtagande → på remiss → beslutad/publicerad → under revision → ersatt/upphävd)',
        params: IdParams,
        headers: VersionHeader,
        body: TransitionSupportBody,
        response: { 200: Type.Ref('KnowledgeSupport'), ...errorResponses(400, 401, 403, 404, 409, 422, 428) },
      },
    },
    async (req, reply) => {
      const { version, ...input } = req.body;
      const row = await transitionSupport(db, req.ctx, req.params.id, expectedVersion(req.headers['if-match'], version), input);
      return reply.header('etag', `"${row.version}"`).send(presentSupport(row));
    },
  );

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
      const b = req.body;
      const row = await createVersion(db, req.ctx, req.params.id, {
        label: b.label,
        changeSummary: b.changeSummary ?? null,
        url: b.url ?? null,
        decidedOn: b.decidedOn ?? null,
        publishedOn: b.publishedOn ?? null,
        validFrom: b.validFrom ?? null,
        validUntil: b.validUntil ?? null,
        consequences: b.consequences ?? [],
      });
      return reply.code(201).send(presentVersion(row, await repo.consequencesOf(db, [row.id])));
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
      return presentVersion(row, await repo.consequencesOf(db, [row.id]));
    },
  );

  app.post(
    '/api/v1/knowledge-support-versions/:id/transition',
    {
      schema: {
        tags,
        summary: 'Byt status på en version; en publicerad version ersätter den som var publicerad före den',
        params: IdParams,
        headers: VersionHeader,
        body: TransitionVersionBody,
        response: { 200: Type.Ref('KnowledgeSupportVersion'), ...errorResponses(400, 401, 403, 404, 409, 422, 428) },
      },
    },
    async (req) => {
      const { version, ...input } = req.body;
      const row = await transitionVersion(db, req.ctx, req.params.id, expectedVersion(req.headers['if-match'], version), input);
      return presentVersion(row, await repo.consequencesOf(db, [row.id]));
    },
  );

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
      const b = req.body;
      const row = await createRecommendation(db, req.ctx, req.params.id, {
        code: b.code ?? null,
        condition: b.condition,
        measure: b.measure,
        grade: b.grade,
        priority: b.priority ?? null,
        comment: b.comment ?? null,
      });
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
      const b = req.body;
      const row = await createLocalAddition(db, req.ctx, req.params.id, {
        ownerGroupId: b.ownerGroupId,
        kind: b.kind,
        title: b.title,
        body: b.body ?? null,
        url: b.url ?? null,
        status: b.status ?? 'utkast',
        reviewDate: b.reviewDate ?? null,
      });
      return reply.code(201).send(presentLocalAddition(row, req.ctx.actor, true));
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
      return presentLocalAddition(row, req.ctx.actor, true);
    },
  );
};

/** The catalogue (the national consultation rounds are the consultation module's). */
export const knowledgeRoutes: RouteModule = async (app, deps) => {
  await catalogueRoutes(app, deps);
};
