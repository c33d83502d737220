import type { FieldError } from '../../../platform/errors.js';

/**
 * The official diarium's pure rules: documents' registration, classification codes, diarienummer.
 *
 * A case document's place in the diarium: its handlingstyp, its direction and its party.
 *
 * The handlingstyp is a fixed vocabulary rather than a list each region keeps: the types are the
 * ones a diarium and an e-archive package (FGS Ärendehantering) name the same way in every
 * region, and a fixed list keeps exports and filters comparable. A new type is a code change.
 */
export const DOCUMENT_TYPES = [
  'skrivelse',
  'remiss',
  'remissvar',
  'yttrande',
  'tjansteskrivelse',
  'beslut',
  'protokoll',
  'kallelse',
  'underlag',
  'rapport',
  'avtal',
  'e-post',
  'ovrigt',
] as const;
export type DocumentType = (typeof DOCUMENT_TYPES)[number];

/** Inkommande (received), upprättad (drawn up here) or utgående (sent out). */
export const DOCUMENT_DIRECTIONS = ['inkommande', 'upprattad', 'utgaende'] as const;
export type DocumentDirection = (typeof DOCUMENT_DIRECTIONS)[number];

export interface DocumentRegistration {
  documentType?: DocumentType | undefined;
  direction?: DocumentDirection | undefined;
  counterpart?: string | undefined;
  documentDate?: string | undefined;
}

/**
 * The registration a new document gets: a document without a direction is one drawn up here
 * (upprättad), and its date is the day it is uploaded. An incoming document names its sender and
 * an outgoing one its recipient; a document drawn up here has no party. The date is not in the
 * future. Returns the settled values or the field errors.
 */
export function settleDocumentRegistration(
  input: DocumentRegistration,
  today: string,
):
  | {
      ok: true;
      value: {
        documentType: DocumentType | null;
        direction: DocumentDirection;
        counterpart: string | null;
        documentDate: string;
      };
    }
  | { ok: false; errors: FieldError[] } {
  const direction = input.direction ?? 'upprattad';
  const counterpart = input.counterpart?.trim() || null;
  const documentDate = input.documentDate ?? today;
  const errors: FieldError[] = [];
  if (direction === 'inkommande' && !counterpart) {
    errors.push({ path: 'counterpart', message: 'Ange avsändare för en inkommande handling.' });
  }
  if (direction === 'utgaende' && !counterpart) {
    errors.push({ path: 'counterpart', message: 'Ange mottagare för en utgående handling.' });
  }
  if (direction === 'upprattad' && counterpart) {
    errors.push({ path: 'counterpart', message: 'En upprättad handling har varken avsändare eller mottagare.' });
  }
  if (documentDate > today) errors.push({ path: 'documentDate', message: 'Handlingens datum kan inte ligga i framtiden.' });
  if (errors.length) return { ok: false, errors };
  return { ok: true, value: { documentType: input.documentType ?? null, direction, counterpart, documentDate } };
}

/** The parent of a hierarchical classification code ("1.2.3" → "1.2"), or null for a top-level code. */
export function parentCode(code: string): string | null {
  const i = code.lastIndexOf('.');
  return i < 0 ? null : code.slice(0, i);
}

/**
 * The official diarienummer as stored: trimmed, and an empty one means none. Loose on purpose:
 * regions write theirs differently ("RS 2026/123", "2026-00123", "Dnr 123/26").
 */
export function normaliseDiarienummer(v: string | null | undefined): string | null | undefined {
  if (v === undefined) return undefined;
  const t = v?.trim();
  return t ? t : null;
}
