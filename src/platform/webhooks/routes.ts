import { Type } from 'typebox';
import { authorize } from '../auth/policy.js';
import { notFound } from '../errors.js';
import type { RouteModule } from '../http/app.js';
import { expectedVersion } from '../http/concurrency.js';
import { decodeCursor, paginate } from '../http/pagination.js';
import { errorResponses, Page, Uuid, VersionHeader } from '../http/schemas.js';
import { createSubscription } from './create-subscription.js';
import { presentDelivery, presentSubscription } from './presenter.js';
import { replayDelivery } from './replay-delivery.js';
import * as repo from './repository.js';
import {
  CreateSubscriptionBody,
  DeliveryQuery,
  UpdateSubscriptionBody,
  WebhookDelivery,
  WebhookSubscription,
} from './schemas.js';
import { updateSubscription } from './update-subscription.js';

const tags = ['Webhooks'];
const IdParams = Type.Object({ id: Uuid });

/** Outbound webhooks (administrator): subscriptions per event kind, the delivery log and replay. */
export const webhookRoutes: RouteModule = (app, { db }) => {
  app.addSchema(WebhookSubscription);
  app.addSchema(WebhookDelivery);

  app.get(
    '/api/v1/webhooks',
    {
      schema: {
        tags,
        summary: 'Webhook-prenumerationer (systemadministratör)',
        response: { 200: Type.Object({ items: Type.Array(Type.Ref('WebhookSubscription')) }), ...errorResponses(401, 403) },
      },
    },
    async (req) => {
      authorize(req.ctx.actor, 'webhooks.manage');
      return { items: (await repo.listSubscriptions(db)).map((s) => presentSubscription(s)) };
    },
  );

  app.post(
    '/api/v1/webhooks',
    {
      schema: {
        tags,
        summary: 'Prenumerera en adress på händelser; svaret innehåller signeringsnyckeln, en enda gång',
        body: CreateSubscriptionBody,
        response: { 201: Type.Ref('WebhookSubscription'), ...errorResponses(401, 403, 422) },
      },
    },
    async (req, reply) => {
      const row = await createSubscription(db, req.ctx, req.body);
      return reply
        .code(201)
        .header('etag', `"${row.version}"`)
        .send(presentSubscription(row, { withSecret: true }));
    },
  );

  app.patch(
    '/api/v1/webhooks/:id',
    {
      schema: {
        tags,
        summary: 'Ändra en prenumeration, stäng av eller på den, eller byt nyckel (If-Match eller version krävs)',
        params: IdParams,
        headers: VersionHeader,
        body: UpdateSubscriptionBody,
        response: { 200: Type.Ref('WebhookSubscription'), ...errorResponses(400, 401, 403, 404, 409, 422, 428) },
      },
    },
    async (req, reply) => {
      const { version, ...input } = req.body;
      const { row, secretRotated } = await updateSubscription(
        db,
        req.ctx,
        req.params.id,
        expectedVersion(req.headers['if-match'], version),
        input,
      );
      return reply.header('etag', `"${row.version}"`).send(presentSubscription(row, { withSecret: secretRotated }));
    },
  );

  app.get(
    '/api/v1/webhooks/:id/deliveries',
    {
      schema: {
        tags,
        summary: 'Leveransloggen för en prenumeration, nyast först, med varje försök',
        params: IdParams,
        querystring: DeliveryQuery,
        response: { 200: Page(Type.Ref('WebhookDelivery')), ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (req) => {
      authorize(req.ctx.actor, 'webhooks.manage');
      if (!(await repo.getSubscription(db, req.params.id))) throw notFound('Prenumerationen');
      const { limit = 50, cursor } = req.query;
      const after = decodeCursor(cursor, 1) as [number] | undefined;
      const rows = await repo.listDeliveries(db, req.params.id, limit, after?.[0]);
      const page = paginate(rows, limit, (d) => [Number(d.seq)]);
      const attempts = await repo.attemptsOf(
        db,
        page.items.map((d) => d.id),
      );
      return { items: page.items.map((d) => presentDelivery(d, attempts)), nextCursor: page.nextCursor };
    },
  );

  app.post(
    '/api/v1/webhook-deliveries/:id/replay',
    {
      schema: {
        tags,
        summary: 'Skicka en leverans igen, med samma id och innehåll (mottagaren känner igen den)',
        params: IdParams,
        response: { 202: Type.Ref('WebhookDelivery'), ...errorResponses(401, 403, 404) },
      },
    },
    async (req, reply) => {
      const d = await replayDelivery(db, req.ctx, req.params.id);
      return reply.code(202).send(presentDelivery(d, await repo.attemptsOf(db, [d.id])));
    },
  );
};
