import { clock } from '../../platform/clock.js';
import { sendDownload } from '../../platform/http/download.js';
import { Type } from 'typebox';
import type { RouteModule } from '../../platform/http/app.js';
import { errorResponses, IsoDate } from '../../platform/http/schemas.js';
import './audit.js';
import { consultationCalendar } from './rules/calendar.js';
import { toICalendar } from './rules/ical.js';
import { answerRoutes } from './answer-routes.js';
import { jointRoutes } from './joint-routes.js';
import { surveyRoutes } from './survey-routes.js';
import { roundRoutes } from './rounds/routes.js';
import { mailboxRoutes } from './mailbox-routes.js';

const tags = ['Remisser'];
const Window = Type.Object({ opens: IsoDate, closes: IsoDate });
const YearQuery = Type.Object(
  { year: Type.Integer({ minimum: 2000, maximum: 2100, description: 'Kalenderår, t.ex. 2027' }) },
  { additionalProperties: false },
);

export const consultationRoutes: RouteModule = async (app, deps) => {
  await roundRoutes(app, deps);
  await answerRoutes(app, deps);
  await surveyRoutes(app, deps);
  await jointRoutes(app, deps);
  await mailboxRoutes(app, deps);

  app.get(
    '/api/v1/consultation-calendar',
    {
      schema: {
        tags,
        summary: 'Nationella remisskalendern: synpunktsinhämtning och öppen nationell remiss för ett år, i datumordning',
        querystring: YearQuery,
        response: {
          200: Type.Object({ year: Type.Integer(), synpunktsinhamtning: Type.Array(Window), nationalRemiss: Type.Array(Window) }),
          ...errorResponses(400),
        },
      },
    },
    async (req) => consultationCalendar(req.query.year),
  );

  app.get(
    '/api/v1/consultation-calendar.ics',
    {
      schema: {
        tags,
        summary: 'Remisskalendern som iCalendar (prenumerera i din kalender)',
        querystring: YearQuery,
        produces: ['text/calendar'],
        response: { 200: Type.String(), ...errorResponses(400) },
      },
    },
    async (req, reply) => {
      const c = consultationCalendar(req.query.year);
      const events = [
        ...c.synpunktsinhamtning.map((w) => ({
          uid: `synpunkt-${w.opens}@navet`,
          summary: 'Synpunktsinhämtning',
          start: w.opens,
          endInclusive: w.closes,
          description: `Nationell synpunktsinhämtning ${w.opens}–${w.closes}.`,
        })),
        ...c.nationalRemiss.map((w) => ({
          uid: `remiss-${w.opens}@navet`,
          summary: 'Öppen nationell remiss',
          start: w.opens,
          endInclusive: w.closes,
          description: `Öppen nationell remiss ${w.opens}–${w.closes}.`,
        })),
      ].sort((a, b) => a.start.localeCompare(b.start));
      return sendDownload(reply, {
        filename: `remisskalender-${c.year}.ics`,
        contentType: 'text/calendar; charset=utf-8',
        body: toICalendar(`Nationell remisskalender ${c.year}`, events, clock.now()),
      });
    },
  );
};
