import { Type } from 'typebox';
import type { RouteModule } from '../../platform/http/app.js';
import { errorResponses } from '../../platform/http/schemas.js';
import { CONTENT_TYPES } from '../../platform/export/spreadsheet.js';
import { sendDownload } from '../../platform/http/download.js';
import { addParagraphAction } from './add-paragraph-action.js';
import { approveMinutes } from './approve-minutes.js';
import { approveMinutesOnPaper } from './approve-minutes-on-paper.js';
import { deleteParagraph } from './delete-paragraph.js';
import { downloadExtract, downloadMinutes } from './download-minutes.js';
import { presentMeeting } from './presenter.js';
import { reopenMinutes } from './reopen-minutes.js';
import * as S from './schemas.js';
import { setAdjusters } from './set-adjusters.js';
import { setParticipation } from './set-participation.js';
import { submitMinutes } from './submit-minutes.js';
import { updateParagraph } from './update-paragraph.js';
import { createParagraph } from './write-paragraph.js';

const tags = ['Möten och protokoll'];
const MeetingRef = Type.Ref('Meeting');
const changes = errorResponses(400, 401, 403, 404, 409, 422);

/** The minutes: paragraphs, participation (jäv), action items, adjusters, justering and the documents. */
export const minutesRoutes: RouteModule = (app, { db }) => {
  app.post(
    '/api/v1/meetings/:id/minutes/submit',
    {
      schema: {
        tags,
        summary: 'Skicka protokollet till justerarna',
        params: S.IdParams,
        body: S.VersionBody,
        response: { 200: MeetingRef, ...changes },
      },
    },
    async (req) => presentMeeting(await submitMinutes(db, req.ctx, req.params.id, req.body)),
  );

  app.post(
    '/api/v1/meetings/:id/minutes/reopen',
    {
      schema: {
        tags,
        summary: 'Ta tillbaka protokollet till utkast (innan det är justerat)',
        params: S.IdParams,
        body: S.VersionBody,
        response: { 200: MeetingRef, ...changes },
      },
    },
    async (req) => presentMeeting(await reopenMinutes(db, req.ctx, req.params.id, req.body)),
  );

  app.put(
    '/api/v1/meetings/:id/adjusters',
    {
      schema: {
        tags,
        summary: 'Utse justerare (1–3 personer)',
        params: S.IdParams,
        body: S.AdjustersBody,
        response: { 204: Type.Null(), ...changes },
      },
    },
    async (req, reply) => {
      await setAdjusters(db, req.ctx, req.params.id, req.body);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/api/v1/meetings/:id/minutes/approve',
    {
      schema: {
        tags,
        summary: 'Justera protokollet (utsedd justerare). När alla justerat låses det och besluten gäller',
        params: S.IdParams,
        response: { 200: S.ApproveResult, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (req) => {
      const r = await approveMinutes(db, req.ctx, req.params.id);
      return { meeting: presentMeeting(r.meeting), locked: r.locked };
    },
  );

  app.post(
    '/api/v1/meetings/:id/minutes/approve-on-paper',
    {
      schema: {
        tags,
        summary: 'Registrera en justering på papper (sekreteraren, för en utsedd justerare) med datum då den skrevs under',
        params: S.IdParams,
        body: S.PaperJusteringBody,
        response: { 200: S.ApproveResult, ...changes },
      },
    },
    async (req) => {
      const r = await approveMinutesOnPaper(db, req.ctx, req.params.id, req.body);
      return { meeting: presentMeeting(r.meeting), locked: r.locked };
    },
  );

  app.post(
    '/api/v1/meetings/:id/paragraphs',
    {
      schema: {
        tags,
        summary: 'Skriv en ny paragraf i protokollet; numret är forumets nästa för året, jäv föreslås',
        params: S.IdParams,
        body: S.ParagraphBody,
        response: { 201: S.Created, ...changes },
      },
    },
    async (req, reply) => reply.code(201).send({ id: await createParagraph(db, req.ctx, req.params.id, req.body) }),
  );

  app.get(
    '/api/v1/meetings/:id/minutes',
    {
      schema: {
        tags,
        summary: 'Hela protokollet som PDF eller DOCX',
        params: S.IdParams,
        querystring: S.FormatQuery,
        response: { 200: Type.String(), ...errorResponses(400, 401, 404) },
      },
    },
    async (req, reply) => {
      const { fileName, body } = await downloadMinutes(db, req.ctx, req.params.id, req.query.format);
      return sendDownload(reply, { filename: fileName, contentType: CONTENT_TYPES[req.query.format], body: body });
    },
  );

  app.patch(
    '/api/v1/paragraphs/:id',
    {
      schema: {
        tags,
        summary: 'Ändra en paragraf i ett protokollsutkast',
        params: S.IdParams,
        body: S.ParagraphPatch,
        response: { 204: Type.Null(), ...changes },
      },
    },
    async (req, reply) => {
      await updateParagraph(db, req.ctx, req.params.id, req.body);
      return reply.code(204).send(null);
    },
  );

  app.delete(
    '/api/v1/paragraphs/:id',
    {
      schema: {
        tags,
        summary: 'Ta bort forumets senaste paragraf (numreringen får inga luckor)',
        params: S.IdParams,
        response: { 204: Type.Null(), ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (req, reply) => {
      await deleteParagraph(db, req.ctx, req.params.id);
      return reply.code(204).send(null);
    },
  );

  app.put(
    '/api/v1/paragraphs/:id/participation/:personId',
    {
      schema: {
        tags,
        summary: 'Deltar personen i beslutet? Att delta trots jävsbegränsning kräver ett skäl (granskas)',
        params: S.ParticipationParams,
        body: S.ParticipationBody,
        response: { 204: Type.Null(), ...changes },
      },
    },
    async (req, reply) => {
      await setParticipation(db, req.ctx, req.params.id, req.params.personId, req.body);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/api/v1/paragraphs/:id/actions',
    {
      schema: {
        tags,
        summary: 'Åtgärdspunkt med ansvarig och datum; förs till ärendet när protokollet justerats',
        params: S.IdParams,
        body: S.ActionBody,
        response: { 201: S.Created, ...changes },
      },
    },
    async (req, reply) => reply.code(201).send({ id: await addParagraphAction(db, req.ctx, req.params.id, req.body) }),
  );

  app.get(
    '/api/v1/paragraphs/:id/extract',
    {
      schema: {
        tags,
        summary: 'Protokollsutdrag: en paragraf som PDF eller DOCX',
        params: S.IdParams,
        querystring: S.FormatQuery,
        response: { 200: Type.String(), ...errorResponses(400, 401, 404) },
      },
    },
    async (req, reply) => {
      const { fileName, body } = await downloadExtract(db, req.ctx, req.params.id, req.query.format);
      return sendDownload(reply, { filename: fileName, contentType: CONTENT_TYPES[req.query.format], body: body });
    },
  );
};
