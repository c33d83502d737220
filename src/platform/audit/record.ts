import type { Ctx } from '../context.js';
import type { Queryable } from '../db/index.js';

/**
 * Audit event kinds: entity type → the actions recorded for it. Modules add theirs here, so
 * the audit trail stays a typed vocabulary rather than free text.
 */
export const AUDIT_KINDS = {
  user: ['create', 'update', 'set-password', 'disable', 'enable', 'login-locked'],
  'api-token': ['create', 'revoke'],
  session: ['login', 'logout'],
  'reference-file': ['load'],
  group: ['create', 'update', 'close', 'merge', 'update-mandate', 'reparent'],
  'mirror-coverage': ['set', 'clear'],
  person: ['create', 'update', 'anonymise'],
  'jav-declaration': ['submit', 'review', 'remind'],
  membership: ['create', 'remind', 'update', 'end'],
  nomination: ['create', 'approve', 'refuse', 'withdraw'],
  'composition-rule': ['create', 'update', 'delete'],
  case: ['register', 'update', 'transition', 'escalate', 'assign', 'triage', 'bundle', 'link', 'unlink'],
  'compensation-rate-model': ['create', 'update'],
  'compensation-participant': ['create', 'update'],
  'compensation-assignment': ['create'],
  'compensation-claim': ['submit', 'approve', 'return', 'resubmit', 'withdraw', 'export'],
  'retention-rule': ['update'],
  'register-extract': ['export'],
  'case-action': ['create', 'complete', 'reopen', 'remind'],
  'forum-settings': ['update'],
  meeting: [
    'create',
    'update',
    'notice',
    'cancel',
    'hold',
    'add-agenda-item',
    'remove-agenda-item',
    'reorder-agenda',
    'attendance',
    'set-adjusters',
    'submit-minutes',
    'reopen-minutes',
    'approve-minutes',
    'lock-minutes',
  ],
  'minutes-paragraph': ['create', 'update', 'delete', 'participation', 'jav-override', 'add-action'],
  'calendar-feed-token': ['create', 'revoke'],
  notification: ['read', 'read-all'],
  'case-document': ['upload', 'download'],
  'followup-goal': ['create'],
  indicator: ['create', 'update'],
  'indicator-import': ['import'],
  'implementation-status': ['create', 'update'],
  'operational-plan': ['create', 'update', 'agree', 'establish'],
  'followup-comment': ['set'],
  'pdsa-cycle': ['create', 'update'],
  'consultation-answer': ['register', 'route', 'transition', 'draft-ready', 'supersede', 'warn-late'],
  'consultation-answer-section': ['create', 'update'],
  'consultation-answer-comment': ['create', 'respond'],
  'consultation-survey': ['send', 'add-recipient', 'close', 'respond'],
  'consultation-settings': ['update'],
  'consultation-joint-answer': ['create', 'update-section', 'approve', 'send'],
  'knowledge-support': ['create', 'update', 'transition', 'remind'],
  'knowledge-support-version': ['create', 'update', 'transition'],
  'knowledge-recommendation': ['create', 'update', 'delete'],
  'knowledge-local-addition': ['create', 'update'],
  'consultation-round': ['create', 'update', 'override', 'cancel'],
  'consultation-round-document': ['add', 'remove', 'download'],
} as const;

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
