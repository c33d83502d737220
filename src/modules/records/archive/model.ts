/** What the e-archive package is built from: the closed case and its documents, read by the use case. */
export interface ArchiveCase {
  id: string;
  caseNumber: string;
  diarienummer: string | null;
  subject: string;
  sender: string;
  origin: string;
  receivedDate: string;
  registeredAt: string;
  closedAt: string | null;
  classificationCode: string | null;
  classificationTitle: string | null;
  handlerName: string | null;
  assignedGroupName: string | null;
  forumName: string | null;
  decisionRef: string | null;
  secret: boolean;
  secrecyGround: string | null;
  region: { code: string; name: string };
}

export interface ArchiveDocument {
  id: string;
  fileName: string;
  /** The file's path inside the package (representations/rep1/data/…). */
  path: string;
  contentType: string;
  sizeBytes: number;
  sha256: string;
  uploadedAt: string;
  documentType: string | null;
  documentTypeLabel: string | null;
  direction: 'inkommande' | 'upprattad' | 'utgaende';
  counterpart: string | null;
  documentDate: string | null;
}

export interface PackageInfo {
  /** The package's identifier (urn:uuid:…), also METS/@OBJID. */
  objectId: string;
  createdAt: string;
  software: string;
  softwareVersion: string;
}

/** An xs:dateTime from a date or an ISO timestamp. */
export const dateTime = (d: string) => (d.length === 10 ? `${d}T00:00:00` : d);

/** The handlingstyp as written in the package (the diarium's fixed list, rules/diarium.ts in cases). */
const TYPE_LABELS: Record<string, string> = {
  skrivelse: 'Skrivelse',
  remiss: 'Remiss',
  remissvar: 'Remissvar',
  yttrande: 'Yttrande',
  tjansteskrivelse: 'Tjänsteskrivelse',
  beslut: 'Beslut',
  protokoll: 'Protokoll',
  kallelse: 'Kallelse',
  underlag: 'Underlag',
  rapport: 'Rapport',
  avtal: 'Avtal',
  'e-post': 'E-post',
  ovrigt: 'Övrigt',
};
export const documentTypeLabel = (t: string | null) => (t ? (TYPE_LABELS[t] ?? t) : null);

/** A file name safe in any archive: running number, then the name's letters, digits, dots and dashes. */
export function packagePath(n: number, fileName: string): string {
  const safe = fileName
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9._-]+/g, '_')
    .replace(/^[._]+/, '')
    .slice(-120);
  return `representations/rep1/data/${String(n).padStart(3, '0')}-${safe || 'handling'}`;
}
