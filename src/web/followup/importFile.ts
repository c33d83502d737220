/**
 * The import page's reading of the chosen file in the browser: a guess at its columns, its
 * heading row (a large CSV file), its content as base64 (a small one).
 */
export type Mapping = { area: string; period: string; value: string; subArea: string; gender: string };

export function guess(header: string[]): Mapping {
  const find = (re: RegExp, fallback: number) => header.find((h) => re.test(h)) ?? header[fallback] ?? '';
  return {
    area: find(/region|län|lan|område|area/i, 0),
    period: find(/period|månad|manad|kvartal|år|ar|month|year/i, 1),
    value: find(/värde|varde|andel|value|antal|%/i, 2),
    subArea: '',
    gender: header.find((h) => /^(kön|kon|gender|sex)$/i.test(h.trim())) ?? '',
  };
}

/** Above this a file goes as the request body (base64 in JSON is capped near 1 MB). */
export const LARGE_FILE_BYTES = 700 * 1024;

/** The header row of a large CSV file, read from its first 64 kB (UTF-8, else Windows-1252), as the server reads it. */
export async function readHeader(file: File): Promise<string[]> {
  const bytes = new Uint8Array(await file.slice(0, 64 * 1024).arrayBuffer());
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    text = new TextDecoder('windows-1252').decode(bytes);
  }
  const first = (text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '').trim();
  const delimiter = [';', ',', '\t'].map((d) => [d, first.split(d).length - 1] as const).sort((a, b) => b[1] - a[1])[0]![0];
  return first.split(delimiter).map((h) => h.trim().replace(/^"(.*)"$/, '$1'));
}

export async function toBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}
