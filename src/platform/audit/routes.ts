import { Type } from 'typebox';
import { authorize } from '../auth/policy.js';
import type { RouteModule } from '../http/app.js';
import { decodeCursor, paginate } from '../http/pagination.js';
import { cachedRead } from '../http/read-cache.js';
import { errorResponses, IsoDate, Page, PageQuery, Timestamp, Uuid } from '../http/schemas.js';
import { listAuditEvents, type AuditRow } from './repository.js';

const AuditEvent = Type.Object({
  id: Type.Integer(),
  occurredAt: Timestamp,
  actorUserId: Type.Union([Uuid, Type.Null()]),
  actorLabel: Type.String(),
  requestId: Type.Union([Type.String(), Type.Null()]),
  entityType: Type.String(),
  entityId: Type.String(),
  action: Type.String(),
  before: Type.Unknown(),
  after: Type.Unknown(),
});

const AuditQuery = Type.Object(
  {
    ...PageQuery,
    entityType: Type.Optional(Type.String({ maxLength: 50 })),
    entityId: Type.Optional(Type.String({ maxLength: 100 })),
    actorUserId: Type.Optional(Uuid),
    action: Type.Optional(Type.String({ maxLength: 50 })),
    from: Type.Optional(IsoDate),
    to: Type.Optional(IsoDate),
  },
  { additionalProperties: false },
);

/** The audit trail's read version (migration 0060). */
const AUDIT_TOPICS = ['audit'] as const;

export const presentAuditEvent = (r: AuditRow) => ({
  id: r.id,
  occurredAt: r.occurred_at.toISOString(),
  actorUserId: r.actor_user_id,
  actorLabel: r.actor_label,
  requestId: r.request_id,
  entityType: r.entity_type,
  entityId: r.entity_id,
  action: r.action,
  before: r.before ?? null,
  after: r.after ?? null,
});

export const auditRoutes: RouteModule = (app, { db }) => {
  app.get(
    '/api/v1/audit',
    {
      schema: {
        tags: ['Granskningslogg'],
        summary: 'Granskningsloggen: vem ändrade vad, när, före och efter (administratör)',
        querystring: AuditQuery,
        response: { 200: Page(AuditEvent), ...errorResponses(400, 401, 403) },
      },
    },
    async (req, reply) => {
      authorize(req.ctx.actor, 'audit.read');
      const { limit = 50, cursor, ...filter } = req.query;
      const after = decodeCursor(cursor, 1);
      // Whoever may read the trail reads all of it: the answer depends on the query alone, and is
      // kept until the next event (topic 'audit', bumped as each writing transaction commits).
      return cachedRead(db, req, reply, { topics: AUDIT_TOPICS, key: JSON.stringify(req.query) }, async () => {
        const rows = await listAuditEvents(db, { ...filter, limit, ...(after ? { beforeId: Number(after[0]) } : {}) });
        const page = paginate(rows, limit, (r) => [r.id]);
        return { items: page.items.map(presentAuditEvent), nextCursor: page.nextCursor };
      });
    },
  );
};
