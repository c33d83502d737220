import { Problem, staleVersion } from '../errors.js';

/**
 * The version a client based its edit on: If-Match ("3", W/"3" or 3, or a public read's tag
 * "3-<hash>", which starts with the version) or a body `version`.
 * Required on updates, so a client that never read the record cannot overwrite it.
 */
export function expectedVersion(ifMatch: string | undefined, bodyVersion: number | undefined): number {
  if (ifMatch !== undefined) {
    const m = /^\s*(?:W\/)?"?(\d{1,9})(?:-[A-Za-z0-9_-]{1,64})?"?\s*$/.exec(ifMatch);
    if (!m?.[1]) {
      throw new Problem(400, 'Felaktig begäran', 'If-Match ska innehålla postens version, t.ex. "3".', [
        { path: 'If-Match', message: 'Ogiltig version' },
      ]);
    }
    const v = Number(m[1]);
    if (bodyVersion !== undefined && bodyVersion !== v) throw staleVersion(v);
    return v;
  }
  if (bodyVersion !== undefined) return bodyVersion;
  throw new Problem(
    428,
    'Version krävs',
    'Ange versionen du utgår från i If-Match eller som "version" i kroppen, så att ingen annans ändring skrivs över.',
  );
}
