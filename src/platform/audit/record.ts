import { AUDIT_KINDS } from '../../shared/audit-kinds.js';
import type { Ctx } from '../context.js';
import type { Queryable } from '../db/index.js';
import { fanOutWebhooks } from '../webhooks/fan-out.js';

export { AUDIT_KINDS };

export type AuditEntity = keyof typeof AUDIT_KINDS;
export type AuditAction<E extends AuditEntity> = (typeof AUDIT_KINDS)[E][number];

/**
 * Each audit kind's payload, by `entity.action`: modules declare theirs in their own audit.ts by
 * declaration merging, e.g.
 *
 *   declare module '../../platform/audit/record.js' {
 *     interface AuditPayloads { 'case.register': { after: CaseCore } }
 *   }
 *
 * so that recording a kind with the wrong payload, or a kind nobody declared, does not compile.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface AuditPayloads {}

export type AuditKind<E extends AuditEntity, A extends AuditAction<E>> = `${E}.${A}`;

/** A lifecycle move, as runTransition records it. */
export interface TransitionPayload<S extends string = string> {
  before: { status: S; version: number };
  /** The lifecycle action that made the move (e.g. 'decide'), beside the status it led to. */
  after: { status: S; version: number; reason: string | null; action?: string } & Record<string, unknown>;
}

/** A kind without a declared payload does not compile: declare it in the module's audit.ts. */
export type AuditPayload<E extends AuditEntity, A extends AuditAction<E>> =
  AuditKind<E, A> extends keyof AuditPayloads ? AuditPayloads[AuditKind<E, A>] : never;

export type AuditInput<E extends AuditEntity, A extends AuditAction<E> = AuditAction<E>> = {
  entityType: E;
  entityId: string;
  action: A;
} & AuditPayload<E, A>;

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
export async function recordAudit<E extends AuditEntity, A extends AuditAction<E>>(
  tx: Queryable,
  ctx: Ctx,
  e: AuditInput<E, A>,
): Promise<void> {
  await writeAudit(tx, ctx, e);
}

/** A lifecycle move (runTransition's record): the action is the declaration's audit kind. */
export async function recordTransitionAudit(
  tx: Queryable,
  ctx: Ctx,
  e: { entityType: AuditEntity; entityId: string; action: string } & TransitionPayload,
): Promise<void> {
  await writeAudit(tx, ctx, e);
}

async function writeAudit(
  tx: Queryable,
  ctx: Ctx,
  e: { entityType: string; entityId: string; action: string; before?: unknown; after?: unknown },
): Promise<void> {
  const { before, after } = e;
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
      before === undefined || before === null ? null : JSON.stringify(scrub(before)),
      after === undefined || after === null ? null : JSON.stringify(scrub(after)),
    ],
  );
  // Outbound webhooks for the public kinds someone subscribed to, in the same transaction.
  await fanOutWebhooks(tx, e);
}
