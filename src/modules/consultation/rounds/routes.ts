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
  Invitation,
  InvitationAnswerBody,
  InvitationForm,
  InviteBody,
  RoundStep,
  StepBody,
  TrackDefinition,
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
import { authorizeRounds, mayManageRounds } from '../policy.js';
import { TRACKS } from '../rules/tracks.js';
import { setRoundStep } from './set-round-step.js';
import { inviteOrganisation } from './invite-organisation.js';
import { answerInvitation, openInvitation } from './answer-invitation.js';
import { invitationsOf } from './invitation-repository.js';

const tags = ['Remissomgångar'];
const IdParams = Type.Object({ id: Uuid });
const DocParams = Type.Object({ id: Uuid, documentId: Uuid });
const StepParams = Type.Object({ id: Uuid, step: Type.String({ pattern: '^[a-z0-9-]{1,60}$' }) });
const InvitationTokenHeader = Type.Object({
  'x-invitation-token': Type.Optional(
    Type.String({ maxLength: 200, description: 'Token ur den personliga länken (delen efter #)' }),
  ),
});

export const roundRoutes: RouteModule = (app, { db, config }) => {
  app.addSchema(ConsultationRound);
  /** National rounds are public (insyn) when the public view is on; otherwise for everyone signed in. */
  const mayRead = (req: FastifyRequest) => {
    if (!config.publicStructure && !req.ctx.actor) throw unauthorized();
  };
  const present = async (ctx: Ctx, rows: repo.RoundRow[]) => {
    const today = todayInSweden();
    const ids = rows.map((r) => r.id);
    const [recipients, documents, steps] = await Promise.all([
      repo.recipientsOf(db, ids),
      repo.documentsOf(db, ids),
      repo.stepsOf(db, ids),
    ]);
    return rows.map((r) => presentRound(r, today, recipients, documents, mayManageRounds(ctx), steps));
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
      const support = (await getSupport(db, version.supportId))!;
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

  app.get(
    '/api/v1/consultation-tracks',
    {
      config: { publicRead: true },
      schema: {
        tags,
        summary:
          'Remissprocessernas spår (seed 002): SKR:s två och Socialstyrelsens nationella riktlinjer, nationell högspecialiserad vård, cancer och andra myndigheter inom partnerskapet, med stegen i ordning och vem som agerar',
        response: { 200: Type.Object({ items: Type.Array(TrackDefinition) }), ...errorResponses(401) },
      },
    },
    async (req) => {
      mayRead(req);
      return { items: TRACKS.map((t) => ({ ...t, steps: t.steps.map((x) => ({ ...x })) })) };
    },
  );

  app.put(
    '/api/v1/consultation-rounds/:id/steps/:step',
    {
      schema: {
        tags,
        summary:
          'För in datum för ett steg som spåret lämnar öppet (seminarium, godkännande, slutlig version …) och när det blev gjort (version 0 första gången)',
        params: StepParams,
        body: StepBody,
        response: { 200: RoundStep, ...errorResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (req) => {
      await setRoundStep(db, req.ctx, req.params.id, req.params.step, req.body);
      const r = await one(req.ctx, req.params.id);
      return r.steps.find((x) => x.code === req.params.step)!;
    },
  );

  app.get(
    '/api/v1/consultation-rounds/:id/invitations',
    {
      schema: {
        tags,
        summary: 'Organisationer inbjudna att svara på en öppen nationell remiss, med deras svar (omgångens samordnare)',
        params: IdParams,
        response: { 200: Type.Object({ items: Type.Array(Invitation) }), ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (req) => {
      authorizeRounds(req.ctx);
      if (!(await repo.getRound(db, req.params.id))) throw notFound('Remissomgången');
      return { items: await invitationsOf(db, req.params.id) };
    },
  );

  app.post(
    '/api/v1/consultation-rounds/:id/invitations',
    {
      schema: {
        tags,
        summary:
          'Bjud in en patientförening, ett universitet, en profession eller en kommun att svara på en öppen nationell remiss; svarar med den personliga länken (visas bara nu)',
        params: IdParams,
        body: InviteBody,
        response: {
          201: Type.Object({ invitation: Invitation, link: Type.String() }),
          ...errorResponses(400, 401, 403, 404, 409, 422),
        },
      },
    },
    async (req, reply) => {
      const out = await inviteOrganisation(db, req.ctx, req.params.id, req.body, {
        publicUrl: config.publicUrl,
        today: todayInSweden(),
      });
      return reply.code(201).send(out);
    },
  );

  // The invited organisation's side: a personal link, no account. The token travels in a header, never in the URL.
  app.get(
    '/api/v1/invitation-form/:id',
    {
      schema: {
        tags: ['Remissvar (publik)'],
        summary: 'Öppna inbjudan att svara på remissen med den personliga länken; 404 för okänd länk, 410 när remissen stängt',
        params: IdParams,
        headers: InvitationTokenHeader,
        response: { 200: InvitationForm, ...errorResponses(400, 404, 410) },
      },
    },
    async (req, reply) => {
      void reply.header('cache-control', 'no-store');
      return openInvitation(db, req.params.id, req.headers['x-invitation-token'], todayInSweden());
    },
  );

  app.put(
    '/api/v1/invitation-form/:id',
    {
      schema: {
        tags: ['Remissvar (publik)'],
        summary: 'Lämna (eller ändra) organisationens svar medan remissen är öppen',
        params: IdParams,
        headers: InvitationTokenHeader,
        body: InvitationAnswerBody,
        response: { 204: Type.Null(), ...errorResponses(400, 404, 410, 422) },
      },
    },
    async (req, reply) => {
      await answerInvitation(db, req.ctx, req.params.id, req.headers['x-invitation-token'], req.body.answer, todayInSweden());
      return reply.code(204).send(null);
    },
  );
};
