import { Type } from 'typebox';
import type { RouteModule } from '../../platform/http/app.js';
import { errorResponses } from '../../platform/http/schemas.js';
import { CONTENT_TYPES } from '../../platform/export/spreadsheet.js';
import { sendDownload } from '../../platform/http/download.js';
import { personalCalendar } from './calendar.js';
import { createFeedToken } from './create-feed-token.js';
import { readCalendarFeed } from './read-calendar-feed.js';
import { revokeFeedToken } from './revoke-feed-token.js';
import * as S from './schemas.js';
import { searchDecisions } from './search-decisions.js';

const tags = ['Möten och protokoll'];

/** The decision log and the personal calendar feeds. */
export const feedRoutes: RouteModule = (app, { db, config }) => {
  app.get(
    '/api/v1/decisions',
    {
      schema: {
        tags,
        summary: 'Beslutsloggen: beslut i justerade protokoll i de forum du kan läsa, med svensk fritextsökning',
        querystring: S.DecisionQuery,
        response: { 200: S.DecisionPage, ...errorResponses(400, 401) },
      },
    },
    async (req) => searchDecisions(db, req.ctx, req.query),
  );

  app.get(
    '/api/v1/calendar-feed',
    {
      schema: {
        tags,
        summary: 'Finns en personlig kalenderlänk? (själva länken visas bara när den skapas)',
        response: { 200: S.CalendarFeedStatus, ...errorResponses(401) },
      },
    },
    async (req) => readCalendarFeed(db, req.ctx),
  );

  app.post(
    '/api/v1/calendar-feed',
    {
      schema: {
        tags,
        summary: 'Skapa en ny personlig kalenderlänk (den gamla slutar gälla); visas en gång',
        response: { 201: S.CalendarFeedCreated, ...errorResponses(401) },
      },
    },
    async (req, reply) => reply.code(201).send(await createFeedToken(db, req.ctx, config.publicUrl)),
  );

  app.delete(
    '/api/v1/calendar-feed',
    {
      schema: {
        tags,
        summary: 'Återkalla din kalenderlänk (inget händer om du inte har någon)',
        response: { 204: Type.Null(), ...errorResponses(401) },
      },
    },
    async (req, reply) => {
      await revokeFeedToken(db, req.ctx);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/v1/calendar-feeds/:token',
    {
      schema: {
        tags,
        summary: 'Din personliga mötes­kalender (iCalendar); länken är hemlig och kan återkallas',
        params: S.FeedTokenParams,
        produces: ['text/calendar'],
        response: { 200: Type.String(), ...errorResponses(404) },
      },
    },
    async (req, reply) =>
      sendDownload(reply, {
        filename: 'mina-moten.ics',
        contentType: CONTENT_TYPES['ics'],
        body: await personalCalendar(db, req.params.token, config.publicUrl),
      }),
  );
};
