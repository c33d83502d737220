import type { Static } from 'typebox';
import type { Queryable } from '../../platform/db/index.js';
import { selectRow, selectRows } from '../../platform/db/rows.js';
import type { Attachment } from './schemas.js';

/** Attachments to agenda items (migration 0019) and the groups whose report can be attached, in API shape. */

/**
 * An attachment as the API shows it (`source_group_id AS group_id`, the name of who attached it as
 * `created_by`), with its meeting and content type; the presenter adds the address.
 */
export type AttachmentRecord = Omit<Static<typeof Attachment>, 'href'> & { meetingId: string; contentType: string };

const ATTACHMENT = `SELECT a.id, a.meeting_id, a.agenda_item_id, a.kind, a.source_group_id AS group_id, g.name AS group_name,
    a.title, a.file_name, a.format, a.content_type, a.size_bytes, a.sha256, a.created_at, a.created_by_name AS created_by
  FROM meeting_attachments a JOIN groups g ON g.id = a.source_group_id`;

export async function attachmentsOf(db: Queryable, meetingId: string): Promise<AttachmentRecord[]> {
  return selectRows<AttachmentRecord>(db, `${ATTACHMENT} WHERE a.meeting_id = $1 ORDER BY a.created_at, a.id`, [meetingId]);
}

export async function getAttachment(db: Queryable, id: string): Promise<AttachmentRecord | undefined> {
  return selectRow<AttachmentRecord>(db, `${ATTACHMENT} WHERE a.id = $1`, [id]);
}

export async function attachmentContent(db: Queryable, id: string): Promise<Uint8Array | undefined> {
  return (await db.query<{ content: Uint8Array }>('SELECT content FROM meeting_attachments WHERE id = $1', [id]))[0]?.content;
}

export async function insertAttachment(
  db: Queryable,
  a: {
    meetingId: string;
    agendaItemId: string;
    sourceGroupId: string;
    title: string;
    fileName: string;
    format: 'pdf' | 'docx';
    contentType: string;
    content: Buffer;
    sha256: string;
    createdBy: string | null;
    createdByName: string;
  },
): Promise<string> {
  const [row] = await db.query<{ id: string }>(
    `INSERT INTO meeting_attachments (meeting_id, agenda_item_id, source_group_id, title, file_name, format, content_type,
       content, size_bytes, sha256, created_by, created_by_name)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id`,
    [
      a.meetingId,
      a.agendaItemId,
      a.sourceGroupId,
      a.title,
      a.fileName,
      a.format,
      a.contentType,
      a.content,
      a.content.length,
      a.sha256,
      a.createdBy,
      a.createdByName,
    ],
  );
  return row!.id;
}

export async function deleteAttachment(db: Queryable, id: string): Promise<void> {
  await db.query('DELETE FROM meeting_attachments WHERE id = $1', [id]);
}

/** Groups of the forum's region whose follow-up report can be attached (LPO, LSG, LAG). */
export async function reportGroupsOf(db: Queryable, owner: string): Promise<{ id: string; name: string; kind: string }[]> {
  return db.query<{ id: string; name: string; kind: string }>(
    `SELECT id, name, kind FROM groups
     WHERE owner = $1 AND status = 'active' AND kind IN ('program-area', 'collaboration-group', 'working-group')
     ORDER BY sv_key(name) COLLATE "C", id`,
    [owner],
  );
}
