import { AUDIT_KINDS } from '../../shared/audit-kinds.js';
import type { Ctx } from '../context.js';
import type { Queryable } from '../db/index.js';

export { AUDIT_KINDS };

export type AuditEntity = keyof typeof AUDIT_KINDS;
export type AuditAction<E extends AuditEntity> = (typeof AUDIT_KINDS)[E][number];

export interface AuditInput<E extends AuditEntity> {
  entityType: E;
  entityId: string;
  action: AuditAction<E>;
  before?: unknown;
  after?: unknown;
}

const SECRET_KEYS = /password|hash|token|secret|csrf/i;

/** Never let a secret into the trail, whatever a use case passes. */
function scrub(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (Array.isArray(value)) return value.map(scrub);
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, SECRET_KEYS.test(k) ? '[dolt]' : scrub(v)]),
    );
  }
  return value;
}

/** Write one audit event. Call it inside the transaction that makes the change. */
export async function recordAudit<E extends AuditEntity>(tx: Queryable, ctx: Ctx, e: AuditInput<E>): Promise<void> {
  const actor = ctx.actor;
  await tx.query(
    `INSERT INTO audit_events (actor_user_id, actor_label, request_id, entity_type, entity_id, action, before, after)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [
      actor && actor.via !== 'system' ? actor.userId : null,
      actor ? `${actor.name} <${actor.email}>` : 'anonym',
      ctx.requestId,
      e.entityType,
      e.entityId,
      e.action,
      e.before === undefined || e.before === null ? null : JSON.stringify(scrub(e.before)),
      e.after === undefined || e.after === null ? null : JSON.stringify(scrub(e.after)),
    ],
  );
}
