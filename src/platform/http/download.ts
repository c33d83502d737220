/**
 * The one way a route sends a file. The name follows one rule (RFC 6266 with RFC 8187):
 * `filename="…"` is an ASCII fallback for old clients (Swedish letters lose their marks:
 * "Årsrapport" → "Arsrapport"), `filename*=UTF-8''…` carries the real name percent-encoded.
 * No path travels in the name (only the last segment is kept), no control characters or
 * quotes break the header, and `nosniff` keeps the browser from guessing another type.
 */
import type { FastifyReply } from 'fastify';

export interface Download {
  /** The name the browser saves the file under; a path is cut to its last segment. */
  filename: string;
  contentType: string;
  body: string | Buffer | Uint8Array;
  /** 'inline' opens in the browser where it can (a PDF); the default saves it. */
  disposition?: 'attachment' | 'inline';
}

const FALLBACK = 'fil';

/** The file's name as it is safe to send: last path segment, no control characters, trimmed. */
export function safeFilename(name: string): string {
  const base = (name.split(/[\\/]/).pop() ?? '')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f]/g, '')
    .trim()
    .slice(0, 255);
  return base.replace(/^\.+/, '') || FALLBACK;
}

/** The ASCII fallback for `filename="…"`: marks dropped, other non-ASCII and quotes replaced. */
export function asciiFilename(name: string): string {
  const ascii = safeFilename(name)
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\x20-\x7e]/gu, '_')
    .replace(/["\\%]/g, '_');
  return ascii.trim() || FALLBACK;
}

/** RFC 8187 value-chars: encodeURIComponent leaves a few characters the header grammar does not allow. */
const encodeRfc8187 = (s: string) =>
  encodeURIComponent(s).replace(/['()*!]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/** The Content-Disposition header for a download of this name. */
export function contentDisposition(name: string, disposition: 'attachment' | 'inline' = 'attachment'): string {
  return `${disposition}; filename="${asciiFilename(name)}"; filename*=UTF-8''${encodeRfc8187(safeFilename(name))}`;
}

/** Sends a file download with the one filename rule and `nosniff`. */
export function sendDownload(reply: FastifyReply, d: Download): FastifyReply {
  return reply
    .header('content-type', d.contentType)
    .header('content-disposition', contentDisposition(d.filename, d.disposition))
    .header('x-content-type-options', 'nosniff')
    .send(typeof d.body === 'string' || Buffer.isBuffer(d.body) ? d.body : Buffer.from(d.body));
}
