import { Type } from 'typebox';
import type { RouteModule } from '../../platform/http/app.js';
import { errorResponses } from '../../platform/http/schemas.js';
import { CONTENT_TYPES } from '../../platform/export/spreadsheet.js';
import { sendDownload } from '../../platform/http/download.js';
import { readForumCalendar } from './calendar.js';
import { createMeeting } from './create-meeting.js';
import { createMeetingsFromProposal } from './create-meetings-from-proposal.js';
import { listForumMeetings } from './list-forum-meetings.js';
import { listForums } from './list-forums.js';
import { presentMeeting, presentSettings } from './presenter.js';
import { readForumSettings } from './read-forum-settings.js';
import { readMeetingProposal } from './read-meeting-proposal.js';
import * as S from './schemas.js';
import { updateForumSettings } from './update-forum-settings.js';

const tags = ['Möten och protokoll'];
const MeetingRef = Type.Ref('Meeting');

/** Forums: the list, their cadence settings, proposed dates, their meetings and public calendar. */
export const forumRoutes: RouteModule = (app, { db, config }) => {
  app.get(
    '/api/v1/forums',
    {
      schema: {
        tags,
        summary: 'Forum (råd, beredningsforum, styrgrupper …) som du kan läsa, med om du håller i deras möten',
        response: { 200: S.ForumList, ...errorResponses(401) },
      },
    },
    async (req) => listForums(db, req.ctx),
  );

  app.get(
    '/api/v1/forums/:id/meeting-settings',
    {
      schema: {
        tags,
        summary: 'Forumets mötesrytm (var 4–6:e vecka, veckodag, uppehåll) och stående punkter',
        params: S.IdParams,
        response: { 200: Type.Ref('ForumSettings'), ...errorResponses(400, 401, 404, 422) },
      },
    },
    async (req) => presentSettings(await readForumSettings(db, req.ctx, req.params.id)),
  );

  app.put(
    '/api/v1/forums/:id/meeting-settings',
    {
      schema: {
        tags,
        summary: 'Ändra forumets mötesrytm; version 0 första gången',
        params: S.IdParams,
        body: S.SettingsBody,
        response: { 200: Type.Ref('ForumSettings'), ...errorResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (req) => presentSettings(await updateForumSettings(db, req.ctx, req.params.id, req.body)),
  );

  app.get(
    '/api/v1/forums/:id/meeting-proposal',
    {
      schema: {
        tags,
        summary: 'Föreslagna mötesdatum för ett år enligt forumets rytm (helgdagar och uppehåll undantagna)',
        params: S.IdParams,
        querystring: S.ProposalQuery,
        response: { 200: S.MeetingProposal, ...errorResponses(400, 401, 404, 422) },
      },
    },
    async (req) => readMeetingProposal(db, req.ctx, req.params.id, req.query.year),
  );

  app.get(
    '/api/v1/forums/:id/meetings',
    {
      schema: {
        tags,
        summary: 'Forumets möten (ett år, eller alla), i datumordning',
        params: S.IdParams,
        querystring: S.YearQuery,
        response: { 200: S.ForumMeetings, ...errorResponses(400, 401, 404, 422) },
      },
    },
    async (req) => listForumMeetings(db, req.ctx, req.params.id, req.query.year),
  );

  app.post(
    '/api/v1/forums/:id/meetings',
    {
      schema: {
        tags,
        summary: 'Planera ett möte; forumets stående punkter hamnar på föredragningslistan',
        params: S.IdParams,
        body: S.MeetingBody,
        response: { 201: MeetingRef, ...errorResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (req, reply) => reply.code(201).send(presentMeeting(await createMeeting(db, req.ctx, req.params.id, req.body))),
  );

  app.post(
    '/api/v1/forums/:id/meetings/from-proposal',
    {
      schema: {
        tags,
        summary: 'Skapa årets föreslagna möten (alla, eller de angivna datumen); befintliga hoppas över',
        params: S.IdParams,
        body: S.ProposalBody,
        response: { 201: S.MeetingList, ...errorResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (req, reply) =>
      reply
        .code(201)
        .send({ items: (await createMeetingsFromProposal(db, req.ctx, req.params.id, req.body)).map(presentMeeting) }),
  );

  app.get(
    '/api/v1/forums/:id/calendar.ics',
    {
      schema: {
        tags,
        summary: 'Forumets möten som iCalendar (öppen: datum, tid och plats, utan möteslänk)',
        params: S.IdParams,
        produces: ['text/calendar'],
        response: { 200: Type.String(), ...errorResponses(400, 404) },
      },
    },
    async (req, reply) => {
      const { name, ics } = await readForumCalendar(db, req.params.id, config.publicUrl);
      return sendDownload(reply, { filename: `${name}.ics`, contentType: CONTENT_TYPES['ics'], body: ics });
    },
  );
};
