import { Type } from 'typebox';
import type { RouteModule } from '../../platform/http/app.js';
import { errorResponses } from '../../platform/http/schemas.js';
import { readForwardings, recordForwarding } from './record-forwarding.js';
import { ForwardBody, Forwarding, ForwardingQuery, Mailbox, MailboxBody } from './rounds/schemas.js';
import { readMailbox, updateMailbox } from './update-mailbox.js';

const tags = ['Remissvar'];
const RegionParams = Type.Object({ region: Type.String({ pattern: '^[0-9]{2}$', description: 'Länskod' }) });

/** Seed 002: synpunktsinhämtning comes through the region's funktionsbrevlåda; its contact persons pass it on. */
export const mailboxRoutes: RouteModule = (app, { db }) => {
  app.get(
    '/api/v1/consultation-mailboxes/:region',
    {
      schema: {
        tags,
        summary: 'Regionens funktionsbrevlåda för synpunktsinhämtning och dess kontaktpersoner',
        params: RegionParams,
        response: { 200: Mailbox, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (req) => readMailbox(db, req.ctx, req.params.region),
  );

  app.put(
    '/api/v1/consultation-mailboxes/:region',
    {
      schema: {
        tags,
        summary: 'Registrera regionens funktionsbrevlåda och kontaktpersoner (samordnaren; version 0 första gången)',
        params: RegionParams,
        body: MailboxBody,
        response: { 200: Mailbox, ...errorResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (req) => {
      await updateMailbox(db, req.ctx, req.params.region, req.body);
      return readMailbox(db, req.ctx, req.params.region);
    },
  );

  app.get(
    '/api/v1/consultation-mailboxes/:region/forwardings',
    {
      schema: {
        tags,
        summary: 'Vidareförmedlingar av synpunktsinhämtningar i regionen: vem som skickade vad till vem och när',
        params: RegionParams,
        querystring: ForwardingQuery,
        response: { 200: Type.Object({ items: Type.Array(Forwarding) }), ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (req) => ({ items: await readForwardings(db, req.ctx, req.params.region, req.query.roundId) }),
  );

  app.post(
    '/api/v1/consultation-mailboxes/:region/forwardings',
    {
      schema: {
        tags,
        summary: 'Registrera att en kontaktperson vidareförmedlat en synpunktsinhämtning enligt lokal rutin',
        params: RegionParams,
        body: ForwardBody,
        response: { 201: Forwarding, ...errorResponses(400, 401, 403, 404, 422) },
      },
    },
    async (req, reply) => reply.code(201).send(await recordForwarding(db, req.ctx, req.params.region, req.body)),
  );
};
