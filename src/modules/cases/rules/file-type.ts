/**
 * Which files a case accepts, decided from the bytes (magic numbers), not from what the client
 * claims. The file name's extension must agree with the content, so a renamed executable or an
 * HTML page called "rapport.pdf" is refused.
 */
export const FILE_KINDS = {
  pdf: { contentType: 'application/pdf', extensions: ['pdf'], label: 'PDF' },
  docx: {
    contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    extensions: ['docx'],
    label: 'Word (DOCX)',
  },
  xlsx: {
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    extensions: ['xlsx'],
    label: 'Excel (XLSX)',
  },
  odt: { contentType: 'application/vnd.oasis.opendocument.text', extensions: ['odt'], label: 'OpenDocument-text (ODT)' },
  png: { contentType: 'image/png', extensions: ['png'], label: 'PNG' },
  jpeg: { contentType: 'image/jpeg', extensions: ['jpg', 'jpeg'], label: 'JPEG' },
  txt: { contentType: 'text/plain; charset=utf-8', extensions: ['txt'], label: 'text' },
  csv: { contentType: 'text/csv; charset=utf-8', extensions: ['csv'], label: 'CSV' },
} as const;
export type FileKind = keyof typeof FILE_KINDS;

export const ALLOWED_EXTENSIONS = Object.values(FILE_KINDS).flatMap((k) => k.extensions);

const startsWith = (b: Uint8Array, sig: readonly number[], at = 0) => sig.every((v, i) => b[at + i] === v);

/** Names of the entries in a zip archive, from its central directory; undefined when it is not a well-formed zip. */
export function zipEntryNames(b: Uint8Array): string[] | undefined {
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  // End of central directory: signature 0x06054b50, searched from the end (comment ≤ 65535 bytes).
  const min = Math.max(0, b.length - 22 - 0xffff);
  let eocd = -1;
  for (let i = b.length - 22; i >= min; i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return undefined;
  const count = view.getUint16(eocd + 10, true);
  let p = view.getUint32(eocd + 16, true);
  const names: string[] = [];
  const dec = new TextDecoder('utf-8', { fatal: false });
  for (let n = 0; n < count; n++) {
    if (p + 46 > b.length || view.getUint32(p, true) !== 0x02014b50) return undefined;
    const nameLen = view.getUint16(p + 28, true);
    const extraLen = view.getUint16(p + 30, true);
    const commentLen = view.getUint16(p + 32, true);
    if (p + 46 + nameLen > b.length) return undefined;
    names.push(dec.decode(b.subarray(p + 46, p + 46 + nameLen)));
    p += 46 + nameLen + extraLen + commentLen;
  }
  return names;
}

function isText(b: Uint8Array): boolean {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(b);
  } catch {
    return false;
  }
  // Control characters other than tab, newline, form feed and carriage return mean binary.
  // eslint-disable-next-line no-control-regex
  return !/[\u0000-\u0008\u000B\u000E-\u001F\u007F]/.test(text);
}

/** The kind of file the bytes are, or undefined when it is none of the allowed kinds. */
export function sniff(b: Uint8Array): 'pdf' | 'zip-docx' | 'zip-xlsx' | 'zip-odt' | 'png' | 'jpeg' | 'text' | undefined {
  if (b.length === 0) return undefined;
  if (startsWith(b, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'pdf'; // %PDF-
  if (startsWith(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (startsWith(b, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(b, [0x50, 0x4b, 0x03, 0x04])) {
    const names = zipEntryNames(b);
    if (!names) return undefined;
    // ODF: the first entry is an uncompressed "mimetype" holding the document's media type.
    if (names[0] === 'mimetype' && b.length > 30) {
      const at = 30 + (b[26]! | (b[27]! << 8)) + (b[28]! | (b[29]! << 8));
      const odt = 'application/vnd.oasis.opendocument.text';
      const size = b[18]! | (b[19]! << 8) | (b[20]! << 16) | (b[21]! << 24);
      if (size === odt.length && new TextDecoder().decode(b.subarray(at, at + odt.length)) === odt) return 'zip-odt';
    }
    if (names.includes('[Content_Types].xml')) {
      if (names.some((n) => n.startsWith('word/'))) return 'zip-docx';
      if (names.some((n) => n.startsWith('xl/'))) return 'zip-xlsx';
    }
    return undefined;
  }
  return isText(b) ? 'text' : undefined;
}

export type FileVerdict =
  { ok: true; kind: FileKind; contentType: string; fileName: string } | { ok: false; status: 415 | 422; message: string };

const SNIFFED_KIND: Record<NonNullable<ReturnType<typeof sniff>>, readonly FileKind[]> = {
  pdf: ['pdf'],
  'zip-docx': ['docx'],
  'zip-xlsx': ['xlsx'],
  'zip-odt': ['odt'],
  png: ['png'],
  jpeg: ['jpeg'],
  text: ['txt', 'csv'],
};

/** A file name safe to store and to put in a Content-Disposition header. */
export function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  return (
    base
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u001f\u007f"]/g, '')
      .trim()
      .slice(0, 255)
  );
}

/** Checks a file against the allow-list: its name's extension and its bytes must agree. */
export function checkFile(rawName: string, bytes: Uint8Array): FileVerdict {
  const fileName = cleanFileName(rawName);
  if (!fileName || fileName.startsWith('.')) return { ok: false, status: 422, message: 'Ange ett filnamn, t.ex. underlag.pdf.' };
  const ext = /\.([A-Za-z0-9]+)$/.exec(fileName)?.[1]?.toLowerCase();
  const byExt = (Object.keys(FILE_KINDS) as FileKind[]).find((k) =>
    (FILE_KINDS[k].extensions as readonly string[]).includes(ext ?? ''),
  );
  const allowed = 'PDF, Word (DOCX), Excel (XLSX), ODT, PNG, JPEG, text eller CSV';
  if (!byExt) return { ok: false, status: 415, message: `Filtypen är inte tillåten. Tillåtna är ${allowed}.` };
  if (bytes.length === 0) return { ok: false, status: 422, message: 'Filen är tom.' };
  const sniffed = sniff(bytes);
  if (!sniffed || !SNIFFED_KIND[sniffed].includes(byExt)) {
    return {
      ok: false,
      status: 415,
      message: `Filens innehåll är inte ${FILE_KINDS[byExt].label} som filnamnet säger. Tillåtna filtyper är ${allowed}.`,
    };
  }
  return { ok: true, kind: byExt, contentType: FILE_KINDS[byExt].contentType, fileName };
}

/**
 * The SHA-256 a client sent along, as lowercase hex: `Repr-Digest: sha-256=:<base64>:` (RFC 9530),
 * `Digest: SHA-256=<base64>` (RFC 3230) or a hex `X-Checksum-Sha256` / `sha256` parameter.
 * undefined when none was sent; null when one was sent but cannot be read.
 */
export function claimedSha256(h: { reprDigest?: string; digest?: string; hex?: string }): string | null | undefined {
  if (h.hex !== undefined) return /^[0-9a-fA-F]{64}$/.test(h.hex.trim()) ? h.hex.trim().toLowerCase() : null;
  const header = h.reprDigest ?? h.digest;
  if (header === undefined) return undefined;
  for (const part of header.split(',')) {
    const m = /^\s*sha-256\s*=\s*:?([A-Za-z0-9+/=]+):?\s*$/i.exec(part);
    if (m?.[1]) {
      const raw = Buffer.from(m[1], 'base64');
      return raw.length === 32 ? raw.toString('hex') : null;
    }
  }
  return null;
}
