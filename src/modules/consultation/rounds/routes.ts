import { Type } from 'typebox';
import { sendDownload } from '../../../platform/http/download.js';
import type { FastifyRequest } from 'fastify';
import { recordAudit } from '../../../platform/audit/record.js';
import type { Ctx } from '../../../platform/context.js';
import { todayInSweden } from '../../../platform/clock.js';
import { notFound, unauthorized } from '../../../platform/errors.js';
import type { RouteModule } from '../../../platform/http/app.js';
import { expectedVersion } from '../../../platform/http/concurrency.js';
import { sendAtom } from '../../../platform/http/atom.js';
import { lastModified } from '../../../platform/http/public-read.js';
import { errorResponses, Uuid, VersionHeader } from '../../../platform/http/schemas.js';
import {
  AddDocumentBody,
  CancelRoundBody,
  ConsultationRound,
  CreateRoundBody,
  Proposal,
  ProposalQuery,
  RoundDocument,
  RoundQuery,
  UpdateRoundBody,
} from './schemas.js';
import { createRound, proposeForVersion } from './create-round.js';
import { addDocument, removeDocument } from './documents.js';
import { presentDocument, presentRound } from './presenter.js';
import { readRoundFeed } from './read-round-feed.js';
import * as repo from './repository.js';
import { getSupport } from '../../knowledge/index.js';
import { cancelRound } from './cancel-round.js';
import { updateRound } from './update-round.js';
import { mayManageRounds } from '../policy.js';

const tags = ['Remissomgångar'];
const IdParams = Type.Object({ id: Uuid });
const DocParams = Type.Object({ id: Uuid, documentId: Uuid });

export const roundRoutes: RouteModule = (app, { db, config }) => {
  app.addSchema(ConsultationRound);
  /** National rounds are public (insyn) when the public view is on; otherwise for everyone signed in. */
  const mayRead = (req: FastifyRequest) => {
    if (!config.publicStructure && !req.ctx.actor) throw unauthorized();
  };
  const present = async (ctx: Ctx, rows: repo.RoundRow[]) => {
    const today = todayInSweden();
    const ids = rows.map((r) => r.id);
    const [recipients, documents] = await Promise.all([repo.recipientsOf(db, ids), repo.documentsOf(db, ids)]);
    return rows.map((r) => presentRound(r, today, recipients, documents, mayManageRounds(ctx)));
  };
  const one = async (ctx: Ctx, id: string) => {
    const r = await repo.getRound(db, id);
    if (!r) throw notFound('Remissomgången');
    return (await present(ctx, [r]))[0]!;
  };

  app.get(
    '/api/v1/consultation-rounds',
    {
      config: { publicRead: true },
      schema: {
        tags,
        summary: 'Nationella remissomgångar, efter sista svarsdag; phase=aktuell ger planerade och öppna',
        querystring: RoundQuery,
        response: { 200: Type.Object({ items: Type.Array(Type.Ref('ConsultationRound')) }), ...errorResponses(400, 401) },
      },
    },
    async (req) => {
      mayRead(req);
      const { limit = 100, ...filter } = req.query;
      return { items: await present(req.ctx, await repo.listRounds(db, { ...filter, today: todayInSweden(), limit })) };
    },
  );

  app.get(
    '/api/v1/feeds/consultation-rounds.atom',
    {
      config: { publicRead: true },
      schema: {
        tags,
        summary: 'Remissomgångarna som Atom-flöde (RFC 4287): de senast ändrade omgångarna, nyast först',
        produces: ['application/atom+xml'],
        response: { 200: Type.String(), ...errorResponses(401) },
      },
    },
    async (req, reply) => {
      mayRead(req);
      return sendAtom(reply, await readRoundFeed(db, config.publicUrl, todayInSweden()));
    },
  );

  app.get(
    '/api/v1/consultation-rounds/proposal',
    {
      schema: {
        tags,
        summary: 'Föreslaget spår (från konsekvensbeskrivningen) och nästa lediga fönster i remisskalendern för en version',
        querystring: ProposalQuery,
        response: { 200: Proposal, ...errorResponses(400, 401, 404) },
      },
    },
    async (req) => {
      mayRead(req);
      const today = todayInSweden();
      const { supportVersionId, ...choice } = req.query;
      const p = await proposeForVersion(db, supportVersionId, today, choice);
      if (!p) throw notFound('Versionen');
      const { plan, version } = p;
      const support = (await getSupport(db, version.support_id))!;
      return {
        supportVersionId,
        supportId: support.id,
        supportTitle: support.title,
        versionLabel: version.label,
        versionStatus: version.status,
        today,
        proposedTrack: plan.proposal.track,
        because: plan.proposal.because,
        proposedOpensOn: plan.proposal.opensOn,
        proposedClosesOn: plan.proposal.closesOn,
        track: plan.track,
        opensOn: plan.opensOn,
        closesOn: plan.closesOn,
        trackOverridden: plan.trackOverridden,
        datesOverridden: plan.datesOverridden,
        errors: plan.errors,
      };
    },
  );

  app.get(
    '/api/v1/consultation-rounds/:id',
    {
      config: { publicRead: true },
      schema: {
        tags,
        summary: 'En remissomgång med mottagare och dokument',
        params: IdParams,
        response: { 200: Type.Ref('ConsultationRound'), ...errorResponses(400, 401, 404) },
      },
    },
    async (req, reply) => {
      mayRead(req);
      const r = await one(req.ctx, req.params.id);
      lastModified(reply, new Date(r.updatedAt));
      return reply.header('etag', `"${r.version}"`).send(r);
    },
  );

  app.post(
    '/api/v1/consultation-rounds',
    {
      schema: {
        tags,
        summary:
          'Registrera en nationell remissomgång (systemadministratör). Spår och fönster föreslås; avvikelse kräver skäl. Versionen går på remiss.',
        body: CreateRoundBody,
        response: { 201: Type.Ref('ConsultationRound'), ...errorResponses(401, 403, 404, 409, 422) },
      },
    },
    async (req, reply) => {
      const row = await createRound(db, req.ctx, req.body);
      const r = await one(req.ctx, row.id);
      return reply.code(201).header('etag', `"${r.version}"`).send(r);
    },
  );

  app.patch(
    '/api/v1/consultation-rounds/:id',
    {
      schema: {
        tags,
        summary: 'Ändra en remissomgång; spår eller datum utanför förslaget kräver skäl (If-Match eller version krävs)',
        params: IdParams,
        headers: VersionHeader,
        body: UpdateRoundBody,
        response: { 200: Type.Ref('ConsultationRound'), ...errorResponses(400, 401, 403, 404, 409, 422, 428) },
      },
    },
    async (req, reply) => {
      const { version, ...patch } = req.body;
      const row = await updateRound(db, req.ctx, req.params.id, expectedVersion(req.headers['if-match'], version), patch);
      const r = await one(req.ctx, row.id);
      return reply.header('etag', `"${r.version}"`).send(r);
    },
  );

  app.post(
    '/api/v1/consultation-rounds/:id/cancel',
    {
      schema: {
        tags,
        summary: 'Avbryt en remissomgång med skäl',
        params: IdParams,
        headers: VersionHeader,
        body: CancelRoundBody,
        response: { 200: Type.Ref('ConsultationRound'), ...errorResponses(400, 401, 403, 404, 409, 422, 428) },
      },
    },
    async (req) => {
      const { version, ...input } = req.body;
      const row = await cancelRound(db, req.ctx, req.params.id, expectedVersion(req.headers['if-match'], version), input);
      return one(req.ctx, row.id);
    },
  );

  app.post(
    '/api/v1/consultation-rounds/:id/documents',
    {
      schema: {
        tags,
        summary:
          'Lägg till ett dokument (remissutkast, missiv, konsekvensbeskrivning, svarsmall): en länk eller en liten fil (högst 512 kB, base64)',
        params: IdParams,
        body: AddDocumentBody,
        response: { 201: RoundDocument, ...errorResponses(401, 403, 404, 422) },
      },
    },
    async (req, reply) => {
      const row = await addDocument(db, req.ctx, req.params.id, req.body);
      return reply.code(201).send(presentDocument(row));
    },
  );

  app.get(
    '/api/v1/consultation-rounds/:id/documents/:documentId/content',
    {
      schema: {
        tags,
        summary: 'Hämta en uppladdad fil (kontrollsumman SHA-256 i x-content-sha256)',
        params: DocParams,
        response: { 200: Type.Unknown(), ...errorResponses(400, 401, 404) },
      },
    },
    async (req, reply) => {
      mayRead(req);
      const doc = await repo.getDocument(db, req.params.documentId);
      if (!doc || doc.roundId !== req.params.id || !doc.content) throw notFound('Dokumentet');
      if (req.ctx.actor) {
        await recordAudit(db, req.ctx, { entityType: 'consultation-round-document', entityId: doc.id, action: 'download' });
      }
      void reply.header('x-content-sha256', doc.sha256 ?? '');
      return sendDownload(reply, {
        filename: doc.fileName ?? 'dokument',
        contentType: doc.mediaType ?? 'application/octet-stream',
        body: Buffer.from(doc.content),
      });
    },
  );

  app.delete(
    '/api/v1/consultation-rounds/:id/documents/:documentId',
    {
      schema: {
        tags,
        summary: 'Ta bort ett dokument från en remissomgång',
        params: DocParams,
        response: { 204: Type.Null(), ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (req, reply) => {
      await removeDocument(db, req.ctx, req.params.id, req.params.documentId);
      return reply.code(204).send(null);
    },
  );
};
