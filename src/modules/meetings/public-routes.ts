import { Type } from 'typebox';
import type { RouteModule } from '../../platform/http/app.js';
import { sendAtom } from '../../platform/http/atom.js';
import { sendDownload } from '../../platform/http/download.js';
import { errorResponses } from '../../platform/http/schemas.js';
import { CONTENT_TYPES } from '../../platform/export/spreadsheet.js';
import { downloadPublicMinutes } from './download-public-minutes.js';
import { readDecisionFeed } from './read-decision-feed.js';
import * as S from './schemas.js';
import * as P from './public-schemas.js';
import { searchPublicDecisions } from './search-public-decisions.js';

const tags = ['Möten och protokoll'];

/**
 * Insyn: the decisions of justerade protokoll and the protokoll themselves, for anyone (CORS,
 * ETag and 304 through `publicRead`); secret cases' paragraphs masked, nothing before justering.
 * NAVET_PUBLIC_DECISIONS=0 keeps them for signed-in users.
 */
export const publicMinutesRoutes: RouteModule = (app, { db, config }) => {
  const opts = { publicDecisions: config.publicDecisions };

  app.get(
    '/api/v1/public/decisions',
    {
      config: { publicRead: true },
      schema: {
        tags,
        summary:
          'Insyn: beslut i justerade protokoll i alla forum, senast justerade först, med svensk fritextsökning. Paragrafer om sekretessmarkerade ärenden visas utan rubrik och beslut.',
        querystring: P.PublicDecisionQuery,
        response: { 200: P.PublicDecisionPage, ...errorResponses(400, 401) },
      },
    },
    // No Last-Modified: a case marked secret after justering changes what is shown without a
    // newer justering; the ETag (over the bytes) is the validator.
    async (req) => searchPublicDecisions(db, req.ctx, req.query, opts),
  );

  app.get(
    '/api/v1/public/meetings/:id/minutes',
    {
      config: { publicRead: true, rateLimit: 'export' },
      schema: {
        tags,
        summary:
          'Insyn: ett justerat protokoll som PDF eller DOCX, sekretessmarkerade ärendens paragrafer maskerade; 404 innan protokollet är justerat',
        params: S.IdParams,
        querystring: S.FormatQuery,
        produces: ['application/pdf', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
        response: { 200: Type.String(), ...errorResponses(400, 401, 404) },
      },
    },
    async (req, reply) => {
      const { fileName, body } = await downloadPublicMinutes(db, req.ctx, req.params.id, req.query.format, opts);
      // A PDF opens in the browser (the public page links to it); a DOCX is saved.
      return sendDownload(reply, {
        filename: fileName,
        contentType: CONTENT_TYPES[req.query.format],
        body,
        disposition: req.query.format === 'pdf' ? 'inline' : 'attachment',
      });
    },
  );

  app.get(
    '/api/v1/feeds/decisions.atom',
    {
      config: { publicRead: true },
      schema: {
        tags,
        summary: 'Insyn: beslut i justerade protokoll som Atom-flöde (RFC 4287), sekretess maskerad',
        produces: ['application/atom+xml'],
        response: { 200: Type.String(), ...errorResponses(401) },
      },
    },
    async (req, reply) => sendAtom(reply, await readDecisionFeed(db, req.ctx, { ...opts, publicUrl: config.publicUrl })),
  );
};
