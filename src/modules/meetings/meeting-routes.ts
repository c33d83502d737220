import { Type } from 'typebox';
import type { RouteModule } from '../../platform/http/app.js';
import { errorResponses } from '../../platform/http/schemas.js';
import { Problem } from '../../platform/errors.js';
import { CONTENT_TYPES } from '../../platform/export/spreadsheet.js';
import { sendDownload } from '../../platform/http/download.js';
import { addAgendaItem } from './add-agenda-item.js';
import { attachFollowupReport } from './attach-report.js';
import { cancelMeeting } from './cancel-meeting.js';
import { downloadAttachment } from './download-attachment.js';
import { holdMeeting } from './hold-meeting.js';
import { presentAttachment, presentMeeting } from './presenter.js';
import { readMeeting } from './read-meeting.js';
import { recordAttendance } from './record-attendance.js';
import { removeAgendaItem } from './remove-agenda-item.js';
import { removeAttachment } from './remove-attachment.js';
import { reorderAgenda } from './reorder-agenda.js';
import * as S from './schemas.js';
import { sendNotice } from './send-notice.js';
import { updateMeeting } from './update-meeting.js';

const tags = ['Möten och protokoll'];
const MeetingRef = Type.Ref('Meeting');
const changes = errorResponses(400, 401, 403, 404, 409, 422);

/** A meeting: its page, its lifecycle (notice, held, cancelled), agenda, attachments and attendance. */
export const meetingFlowRoutes: RouteModule = (app, { db }) => {
  app.get(
    '/api/v1/meetings/:id',
    {
      schema: {
        tags,
        summary: 'Ett möte: föredragningslista, närvaro, protokoll, justerare och vad du får göra',
        params: S.IdParams,
        response: { 200: S.MeetingDetail, ...errorResponses(400, 401, 404) },
      },
    },
    async (req) => readMeeting(db, req.ctx, req.params.id),
  );

  app.patch(
    '/api/v1/meetings/:id',
    {
      schema: {
        tags,
        summary: 'Ändra datum, tid, plats eller möteslänk (kalendrarna uppdateras)',
        params: S.IdParams,
        body: S.MeetingPatch,
        response: { 200: MeetingRef, ...changes },
      },
    },
    async (req) => presentMeeting(await updateMeeting(db, req.ctx, req.params.id, req.body)),
  );

  const versionAction = (path: string, summary: string, run: typeof sendNotice) =>
    app.post(
      path,
      { schema: { tags, summary, params: S.IdParams, body: S.VersionBody, response: { 200: MeetingRef, ...changes } } },
      async (req) => presentMeeting(await run(db, req.ctx, req.params.id, req.body)),
    );
  versionAction(
    '/api/v1/meetings/:id/notice',
    'Skicka kallelsen till ledamöter och adjungerade (i appen och med e-post)',
    sendNotice,
  );
  versionAction('/api/v1/meetings/:id/held', 'Markera mötet som genomfört', holdMeeting);

  app.post(
    '/api/v1/meetings/:id/cancel',
    {
      schema: {
        tags,
        summary: 'Ställ in mötet; de kallade får veta det och kalendrarna visar det som inställt',
        params: S.IdParams,
        body: S.CancelBody,
        response: { 200: MeetingRef, ...changes },
      },
    },
    async (req) => presentMeeting(await cancelMeeting(db, req.ctx, req.params.id, req.body)),
  );

  app.post(
    '/api/v1/meetings/:id/agenda',
    {
      schema: {
        tags,
        summary: 'Sätt upp ett ärende (blir "för beslut") eller en annan punkt på föredragningslistan',
        params: S.IdParams,
        body: S.AgendaBody,
        response: { 201: S.Created, ...changes },
      },
    },
    async (req, reply) => reply.code(201).send({ id: await addAgendaItem(db, req.ctx, req.params.id, req.body) }),
  );

  app.delete(
    '/api/v1/meetings/:id/agenda/:itemId',
    {
      schema: {
        tags,
        summary: 'Ta bort en punkt från föredragningslistan',
        params: S.AgendaItemParams,
        response: { 204: Type.Null(), ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (req, reply) => {
      await removeAgendaItem(db, req.ctx, req.params.id, req.params.itemId);
      return reply.code(204).send(null);
    },
  );

  app.put(
    '/api/v1/meetings/:id/agenda/order',
    {
      schema: {
        tags,
        summary: 'Ny ordning på föredragningslistan',
        params: S.IdParams,
        body: S.AgendaOrderBody,
        response: { 204: Type.Null(), ...changes },
      },
    },
    async (req, reply) => {
      await reorderAgenda(db, req.ctx, req.params.id, req.body);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/api/v1/meetings/:id/attachments',
    {
      schema: {
        tags,
        summary:
          'Bifoga en grupps uppföljningsrapport (PDF eller DOCX) till en punkt på föredragningslistan; sparas som ögonblicksbild med kontrollsumma',
        params: S.IdParams,
        body: S.AttachReportBody,
        response: { 201: S.Attachment, ...changes },
      },
    },
    async (req, reply) =>
      reply.code(201).send(presentAttachment(await attachFollowupReport(db, req.ctx, req.params.id, req.body))),
  );

  app.get(
    '/api/v1/meeting-attachments/:id/content',
    {
      schema: {
        tags,
        summary: 'Hämta en bilaga till ett möte (ögonblicksbilden; kontrollsumman verifieras före sändning)',
        params: S.IdParams,
        produces: ['application/pdf', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
        response: {
          200: Type.Unsafe<Buffer>({ type: 'string', format: 'binary', description: 'Bilagan som PDF eller DOCX' }),
          ...errorResponses(400, 401, 404, 500),
        },
      },
    },
    async (req, reply) => {
      const { attachment: a, bytes, intact } = await downloadAttachment(db, req.ctx, req.params.id);
      if (!intact) {
        req.log.error({ attachmentId: a.id }, 'meeting attachment failed its checksum');
        throw new Problem(
          500,
          'Bilagan är skadad',
          `Bilagan stämmer inte med sin kontrollsumma och lämnas inte ut. Ange begärans id ${req.id} till supporten.`,
        );
      }
      reply
        .header('x-content-type-options', 'nosniff')
        .header('repr-digest', `sha-256=:${Buffer.from(a.sha256, 'hex').toString('base64')}:`)
        .header('etag', `"${a.sha256}"`);
      return sendDownload(reply, { filename: a.fileName, contentType: CONTENT_TYPES[a.format], body: bytes });
    },
  );

  app.delete(
    '/api/v1/meeting-attachments/:id',
    {
      schema: {
        tags,
        summary: 'Ta bort en bilaga (inte när protokollet är justerat)',
        params: S.IdParams,
        response: { 204: Type.Null(), ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (req, reply) => {
      await removeAttachment(db, req.ctx, req.params.id);
      return reply.code(204).send(null);
    },
  );

  app.put(
    '/api/v1/meetings/:id/attendance',
    {
      schema: {
        tags,
        summary: 'Närvaro: närvarande, frånvarande; nya personer antecknas som adjungerade',
        params: S.IdParams,
        body: S.AttendanceBody,
        response: { 200: S.AttendanceList, ...changes },
      },
    },
    async (req) => ({ items: await recordAttendance(db, req.ctx, req.params.id, req.body) }),
  );
};
