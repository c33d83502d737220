/** SQL for implementation statuses (the heatmap's queries are in heatmap-queries.ts). */
import type { Static } from 'typebox';
import type { Queryable } from '../../platform/db/index.js';
import { Filters } from '../../platform/db/sql.js';
import { selectRow, selectRows } from '../../platform/db/rows.js';
import type { ImplementationState } from './rules/implementation.js';
import type { ImplementationStatus } from './schemas.js';

/** A status as the API shows it, less the caller's permissions (presenter.ts). */
export type StatusRow = Omit<Static<typeof ImplementationStatus>, 'mayEdit' | 'allowedActions'>;

const SELECT = `SELECT s.id, s.support_id, s.support_version_id, v.label AS version_label, k.title AS support_title, s.region_code, s.group_id,
  s.kind, s.status, s.not_applicable_reason, s.decision_date, COALESCE(df.name, s.decision_forum) AS decision_forum,
  COALESCE(dc.case_number, s.decision_case_ref) AS decision_case_ref, s.decision_forum_id, s.decision_case_id, s.decision_paragraph_id,
  CASE WHEN dp.id IS NULL THEN NULL ELSE dpf.name || ' ' || to_char(dpm.meeting_date, 'YYYY-MM-DD') || ' § ' || dp.number END AS decision_paragraph_ref,
  s.decision_elsewhere, s.decision_forum AS legacy_decision_forum, s.decision_case_ref AS legacy_decision_case_ref, s.responsible_group_id,
  s.planned_start, s.planned_done, s.actual_start, s.actual_done, s.notes, s.version, s.updated_at, s.updated_by
  FROM implementation_statuses s JOIN knowledge_support_versions v ON v.id = s.support_version_id JOIN knowledge_supports k ON k.id = s.support_id
  LEFT JOIN groups df ON df.id = s.decision_forum_id LEFT JOIN cases dc ON dc.id = s.decision_case_id
  LEFT JOIN minutes_paragraphs dp ON dp.id = s.decision_paragraph_id LEFT JOIN meetings dpm ON dpm.id = dp.meeting_id
  LEFT JOIN groups dpf ON dpf.id = dp.group_id`;

export const getStatus = (db: Queryable, id: string, opts: { forUpdate?: boolean } = {}) =>
  selectRow<StatusRow>(db, `${SELECT} WHERE s.id = $1${opts.forUpdate ? ' FOR UPDATE OF s' : ''}`, [id]);

export function listStatuses(
  db: Queryable,
  f: { region?: string | undefined; supportId?: string | undefined; groupId?: string | undefined; limit: number },
) {
  return selectRows<StatusRow>(
    db,
    `${SELECT} WHERE ($1::text IS NULL OR s.region_code = $1) AND ($2::uuid IS NULL OR s.support_id = $2) AND ($3::uuid IS NULL OR s.group_id = $3 OR s.responsible_group_id = $3)
     ORDER BY sv_key(k.title) COLLATE "C", s.region_code, s.unit_key LIMIT $4`,
    [f.region ?? null, f.supportId ?? null, f.groupId ?? null, f.limit],
  );
}

export const supportVersion = (db: Queryable, versionId: string) =>
  selectRow<{ id: string; supportId: string; label: string; title: string }>(
    db,
    `SELECT v.id, v.support_id, v.label, k.title FROM knowledge_support_versions v JOIN knowledge_supports k ON k.id = v.support_id WHERE v.id = $1`,
    [versionId],
  );

export interface StatusWrite {
  kind: 'implement' | 'phase-out';
  status: ImplementationState;
  notApplicableReason: string | null;
  decisionDate: string | null;
  decisionForumId: string | null;
  decisionCaseId: string | null;
  decisionParagraphId: string | null;
  decisionElsewhere: string | null;
  /** Free text from before forums and cases were chosen (migration 0051); cleared when one is chosen. */
  legacyDecisionForum: string | null;
  legacyDecisionCaseRef: string | null;
  responsibleGroupId: string | null;
  plannedStart: string | null;
  plannedDone: string | null;
  actualStart: string | null;
  actualDone: string | null;
  notes: string | null;
}

export async function insertStatus(
  db: Queryable,
  key: { supportId: string; supportVersionId: string; regionCode: string; groupId: string | null },
  w: StatusWrite,
  by: string,
  isDemo = false,
): Promise<string> {
  const rows = await db.query<{ id: string }>(
    `INSERT INTO implementation_statuses (support_id, support_version_id, region_code, group_id, unit_key, kind, status, not_applicable_reason,
       decision_date, decision_forum, decision_case_ref, responsible_group_id, planned_start, planned_done, actual_start, actual_done, notes, updated_by, is_demo,
       decision_forum_id, decision_case_id, decision_paragraph_id, decision_elsewhere)
     VALUES ($1, $2, $3, $4, $19, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $20, $21, $22, $23)
     ON CONFLICT (support_version_id, region_code, unit_key) DO NOTHING RETURNING id`,
    [
      key.supportId,
      key.supportVersionId,
      key.regionCode,
      key.groupId,
      w.kind,
      w.status,
      w.notApplicableReason,
      w.decisionDate,
      w.legacyDecisionForum,
      w.legacyDecisionCaseRef,
      w.responsibleGroupId,
      w.plannedStart,
      w.plannedDone,
      w.actualStart,
      w.actualDone,
      w.notes,
      by,
      isDemo,
      key.groupId ?? '',
      w.decisionForumId,
      w.decisionCaseId,
      w.decisionParagraphId,
      w.decisionElsewhere,
    ],
  );
  return rows[0]?.id ?? '';
}

export async function updateStatusRow(db: Queryable, id: string, version: number, w: StatusWrite, by: string): Promise<boolean> {
  const rows = await db.query(
    `UPDATE implementation_statuses SET kind = $3, status = $4, not_applicable_reason = $5, decision_date = $6, decision_forum = $7, decision_case_ref = $8,
       responsible_group_id = $9, planned_start = $10, planned_done = $11, actual_start = $12, actual_done = $13, notes = $14, updated_by = $15,
       decision_forum_id = $16, decision_case_id = $17, decision_paragraph_id = $18, decision_elsewhere = $19,
       version = version + 1, updated_at = now()
     WHERE id = $1 AND version = $2 RETURNING id`,
    [
      id,
      version,
      w.kind,
      w.status,
      w.notApplicableReason,
      w.decisionDate,
      w.legacyDecisionForum,
      w.legacyDecisionCaseRef,
      w.responsibleGroupId,
      w.plannedStart,
      w.plannedDone,
      w.actualStart,
      w.actualDone,
      w.notes,
      by,
      w.decisionForumId,
      w.decisionCaseId,
      w.decisionParagraphId,
      w.decisionElsewhere,
    ],
  );
  return rows.length > 0;
}

/**
 * Writers of one heatmap cell (a support's region-wide rows in one region) take turns, before
 * they touch a status row: the triggers of migration 0018 then update the cell's other rows,
 * and two writers each holding one of them would deadlock.
 */
export async function lockCell(db: Queryable, supportId: string, regionCode: string): Promise<void> {
  await db.query(`SELECT pg_advisory_xact_lock(hashtextextended('implementation-cell:' || $1 || '/' || $2, 0))`, [
    supportId,
    regionCode,
  ]);
}

export async function recordHistory(db: Queryable, statusId: string, status: string, validFrom: string): Promise<void> {
  await db.query(`INSERT INTO implementation_status_history (status_id, status, valid_from) VALUES ($1, $2, $3)`, [
    statusId,
    status,
    validFrom,
  ]);
}

/** Open data: every region's status per support (non-personal: no names of who changed it). */
/** A page of open data, in the order of the (version, region, unit) key's index, after a key. */
/** The open data's page key: the order of the unique index (support_version_id, region_code, unit_key). */
export type OpenStatusKey = [string, string, string];

const STATUS_KEY = '(s.support_version_id, s.region_code, s.unit_key)';

/** The keyset conditions, written only when given, so each query's shape lets the index serve it. */
function statusKeyset(after: OpenStatusKey | undefined, until?: OpenStatusKey): Filters {
  const w = new Filters();
  if (after) w.add(`${STATUS_KEY} > (?::uuid, ?::text, ?::text)`, ...after);
  if (until) w.add(`${STATUS_KEY} <= (?::uuid, ?::text, ?::text)`, ...until);
  return w;
}

/** A batch of open data after one key and not past another, in the order of the unique index. */
export function openImplementationStatuses(
  db: Queryable,
  page: { after?: OpenStatusKey | undefined; until?: OpenStatusKey | undefined; limit: number },
) {
  const w = statusKeyset(page.after, page.until);
  const limit = w.param(page.limit);
  return selectRows<OpenImplementationStatus & { supportVersionId: string; unitKey: string }>(
    db,
    `SELECT s.support_id, k.title AS support, v.label AS version, s.region_code AS region, g.name AS lpo, s.kind, s.status,
            s.decision_date, s.actual_done AS implemented_on, s.support_version_id, s.unit_key
     FROM implementation_statuses s JOIN knowledge_supports k ON k.id = s.support_id JOIN knowledge_support_versions v ON v.id = s.support_version_id
     LEFT JOIN groups g ON g.id = s.group_id
     ${w.where}
     ORDER BY s.support_version_id, s.region_code, s.unit_key LIMIT ${limit}`,
    w.params,
  );
}

/** The keys of the `limit`-th status after `after` and of the one following it (the page's end and the next page's start). */
export async function openImplementationStatusPageEnd(
  db: Queryable,
  after: OpenStatusKey | undefined,
  limit: number,
): Promise<OpenStatusKey[]> {
  const w = statusKeyset(after);
  const offset = w.param(limit - 1);
  const rows = await db.query<{ support_version_id: string; region_code: string; unit_key: string }>(
    `SELECT s.support_version_id, s.region_code, s.unit_key FROM implementation_statuses s ${w.where}
     ORDER BY s.support_version_id, s.region_code, s.unit_key OFFSET ${offset} LIMIT 2`,
    w.params,
  );
  return rows.map((r) => [r.support_version_id, r.region_code, r.unit_key]);
}

/** One row of the open data, as published (the page's key, version and unit, comes with it). */
export interface OpenImplementationStatus {
  supportId: string;
  support: string;
  version: string;
  region: string;
  lpo: string | null;
  kind: string;
  status: string;
  decisionDate: string | null;
  implementedOn: string | null;
}

/**
 * The statuses a group's follow-up report lists: the group's own rows and the region's rows
 * of supports in its program areas that another group is not responsible for.
 */
export async function statusesForGroupReport(
  db: Queryable,
  group: { id: string; owner: string; programAreaIds: string[] },
): Promise<StatusRow[]> {
  const own = await listStatuses(db, { region: group.owner, groupId: group.id, limit: 500 });
  const region = group.programAreaIds.length
    ? await selectRows<StatusRow>(
        db,
        `${SELECT}
         WHERE s.region_code = $1 AND s.unit_key = '' AND s.responsible_group_id IS DISTINCT FROM $2
           AND EXISTS (SELECT 1 FROM knowledge_support_program_areas pa WHERE pa.support_id = s.support_id AND pa.program_area_id = ANY($3::text[]))
         ORDER BY sv_key(k.title) COLLATE "C" LIMIT 500`,
        [group.owner, group.id, group.programAreaIds],
      )
    : [];
  const seen = new Set<string>();
  return own.concat(region).filter((s) => !seen.has(s.id) && seen.add(s.id));
}

/** A § a decision may name: its meeting (whose reader may see it), forum, case and whether its minutes are justerade. */
export const decisionParagraph = (db: Queryable, id: string) =>
  selectRow<{ meetingId: string; groupId: string; caseId: string | null; meetingDate: string; approved: boolean }>(
    db,
    `SELECT p.meeting_id, p.group_id, p.case_id, m.meeting_date, m.minutes_status = 'justerat' AS approved
     FROM minutes_paragraphs p JOIN meetings m ON m.id = p.meeting_id WHERE p.id = $1`,
    [id],
  );
