import './audit.js';
import { Type } from 'typebox';
import { recordAudit } from '../../platform/audit/record.js';
import { requireActor } from '../../platform/auth/policy.js';
import { notFound } from '../../platform/errors.js';
import type { RouteModule } from '../../platform/http/app.js';
import { decodeCursor, paginate } from '../../platform/http/pagination.js';
import { errorResponses, PageQuery, Uuid } from '../../platform/http/schemas.js';
import * as repo from './repository.js';
import { Notification } from './schemas.js';

const tags = ['Aviseringar'];

/** The row is already in API shape (repository.ts). */
const present = (n: repo.NotificationRow) => n;

export const notificationRoutes: RouteModule = (app, { db }) => {
  app.addSchema(Notification);

  app.get(
    '/api/v1/notifications',
    {
      schema: {
        tags,
        summary: 'Dina aviseringar (kallelser, ändrade föredragningslistor, protokoll att justera), nyast först',
        querystring: Type.Object(
          { ...PageQuery, unread: Type.Optional(Type.Boolean({ description: 'Bara olästa' })) },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            items: Type.Array(Type.Ref('Notification')),
            nextCursor: Type.Union([Type.String(), Type.Null()]),
            unread: Type.Integer(),
          }),
          ...errorResponses(400, 401),
        },
      },
    },
    async (req) => {
      requireActor(req.ctx.actor);
      const limit = req.query.limit ?? 50;
      const after = decodeCursor(req.query.cursor, 2) as [string, string] | undefined;
      const rows = await repo.listNotifications(db, req.ctx.actor.userId, {
        unreadOnly: req.query.unread ?? false,
        limit,
        ...(after ? { after } : {}),
      });
      const page = paginate(rows, limit, (n) => [n.createdAt, n.id]);
      return {
        items: page.items.map(present),
        nextCursor: page.nextCursor,
        unread: await repo.unreadCount(db, req.ctx.actor.userId),
      };
    },
  );

  app.post(
    '/api/v1/notifications/:id/read',
    {
      schema: {
        tags,
        summary: 'Markera en avisering som läst',
        params: Type.Object({ id: Uuid }),
        response: { 200: Type.Ref('Notification'), ...errorResponses(400, 401, 404) },
      },
    },
    async (req) => {
      requireActor(req.ctx.actor);
      const actor = req.ctx.actor;
      return db.transaction(async (tx) => {
        const row = await repo.markRead(tx, actor.userId, req.params.id);
        if (!row) throw notFound('Aviseringen');
        await recordAudit(tx, req.ctx, { entityType: 'notification', entityId: row.id, action: 'read' });
        return present(row);
      });
    },
  );

  app.post(
    '/api/v1/notifications/read-all',
    {
      schema: {
        tags,
        summary: 'Markera alla dina aviseringar som lästa',
        response: { 200: Type.Object({ marked: Type.Integer() }), ...errorResponses(401) },
      },
    },
    async (req) => {
      requireActor(req.ctx.actor);
      const actor = req.ctx.actor;
      return db.transaction(async (tx) => {
        const marked = await repo.markAllRead(tx, actor.userId);
        await recordAudit(tx, req.ctx, {
          entityType: 'notification',
          entityId: actor.userId,
          action: 'read-all',
          after: { marked },
        });
        return { marked };
      });
    },
  );
};
