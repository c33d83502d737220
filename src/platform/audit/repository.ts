import { Filters } from '../db/sql.js';
import type { Queryable } from '../db/index.js';

export interface AuditRow {
  id: number;
  occurred_at: Date;
  actor_user_id: string | null;
  actor_label: string;
  request_id: string | null;
  entity_type: string;
  entity_id: string;
  action: string;
  before: unknown;
  after: unknown;
}

export interface AuditFilter {
  entityType?: string;
  entityId?: string;
  actorUserId?: string;
  action?: string;
  from?: string;
  to?: string;
  beforeId?: number;
  limit: number;
}

/** Newest first; the cursor is the last id seen. `to` is inclusive of that whole day (UTC). */
export async function listAuditEvents(db: Queryable, f: AuditFilter): Promise<AuditRow[]> {
  const w = new Filters();
  if (f.entityType) w.add('entity_type = ?', f.entityType);
  if (f.entityId) w.add('entity_id = ?', f.entityId);
  if (f.actorUserId) w.add('actor_user_id = ?::uuid', f.actorUserId);
  if (f.action) w.add('action = ?', f.action);
  if (f.from) w.add(`occurred_at >= ?::date`, f.from);
  if (f.to) w.add(`occurred_at < ?::date + 1`, f.to);
  if (f.beforeId !== undefined) w.add('id < ?', f.beforeId);
  const limit = w.param(f.limit + 1);
  return db.query<AuditRow>(`SELECT * FROM audit_events ${w.where} ORDER BY id DESC LIMIT ${limit}`, w.params);
}
