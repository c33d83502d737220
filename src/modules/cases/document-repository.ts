import type { Static } from 'typebox';
import type { Queryable } from '../../platform/db/index.js';
import { selectRow, selectRows } from '../../platform/db/rows.js';
import type { Document } from './schemas.js';

/** The SQL for a case's documents (kept in the database with their SHA-256). */

/** A document's metadata as the API shows it (the stored checksum is always there; the presenter may hide it). */
export type DocumentMetaRow = Static<typeof Document> & { sha256: string };

/** The metadata, never the content (a column of its own, read only for a download). */
const DOC_META = `id, case_id, file_name, content_type, size_bytes, sha256, uploaded_by_label AS uploaded_by, uploaded_at,
  document_type, direction, counterpart, document_date`;

export async function insertDocument(
  tx: Queryable,
  d: {
    caseId: string;
    fileName: string;
    contentType: string;
    sha256: string;
    content: Uint8Array;
    uploadedBy: string | null;
    uploadedByLabel: string;
    documentType: string | null;
    direction: string;
    counterpart: string | null;
    documentDate: string;
  },
): Promise<DocumentMetaRow> {
  const row = await selectRow<DocumentMetaRow>(
    tx,
    `INSERT INTO case_documents (case_id, file_name, content_type, size_bytes, sha256, content, uploaded_by, uploaded_by_label,
       document_type, direction, counterpart, document_date)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING ${DOC_META}`,
    [
      d.caseId,
      d.fileName,
      d.contentType,
      d.content.byteLength,
      d.sha256,
      d.content,
      d.uploadedBy,
      d.uploadedByLabel,
      d.documentType,
      d.direction,
      d.counterpart,
      d.documentDate,
    ],
  );
  return row!;
}

export async function documentsOf(db: Queryable, caseId: string): Promise<DocumentMetaRow[]> {
  return selectRows<DocumentMetaRow>(db, `SELECT ${DOC_META} FROM case_documents WHERE case_id = $1 ORDER BY uploaded_at, id`, [
    caseId,
  ]);
}

export async function getDocument(db: Queryable, id: string) {
  return selectRow<DocumentMetaRow & { content: Uint8Array }>(
    db,
    `SELECT ${DOC_META}, content FROM case_documents WHERE id = $1`,
    [id],
  );
}
