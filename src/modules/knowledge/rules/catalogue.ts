/**
 * The national catalogue file's rules, pure: reading its rows (columns identifier, title, type,
 * producer, publication date, version, next revision date, link — Swedish or English headings)
 * and planning what an import does against the catalogue Navet holds:
 *
 * - new: an identifier Navet has not seen → a published support with its first version;
 * - updated: a known identifier whose version changed (a new version is recorded, the old one
 *   kept as replaced) or whose facts changed (title, type, producer, link, next revision);
 * - unchanged: the same facts and version (importing the same file twice changes nothing);
 * - withdrawn: a full catalogue file lacks a support imported earlier → upphävd, not deleted;
 * - error: a row Navet cannot read, with its Swedish message; other rows still import.
 */
import { isFinal, type LifecycleState } from './lifecycle.js';
import {
  PRODUCER_KINDS,
  REGIONAL_SUPPORT_TYPES,
  SUPPORT_TYPE_LABELS,
  SUPPORT_TYPES,
  type ProducerKind,
  type SupportType,
} from './vocabulary.js';

export type Cell = string | number | boolean | Date | null | undefined;

export interface CatalogueEntry {
  row: number;
  identifier: string;
  title: string;
  type: SupportType;
  producerName: string | null;
  producerKind: ProducerKind;
  publishedOn: string | null;
  versionLabel: string;
  nextRevisionDate: string | null;
  url: string | null;
}

export interface RowError {
  row: number;
  identifier: string;
  title: string;
  message: string;
}

type Field =
  'identifier' | 'title' | 'type' | 'producer' | 'producerKind' | 'publishedOn' | 'version' | 'nextRevisionDate' | 'url';

/** Headings as people write them, folded (lower case, å/ä/ö → a/a/o, no spaces or punctuation). */
const ALIASES: Record<Field, string[]> = {
  identifier: ['identifier', 'identifierare', 'id', 'identitet', 'kod'],
  title: ['title', 'titel', 'namn', 'rubrik'],
  type: ['type', 'typ', 'produkttyp', 'kunskapsstodstyp'],
  producer: ['producer', 'producent', 'avsandare', 'utgivare', 'sender'],
  producerKind: ['producerkind', 'producenttyp', 'avsandartyp'],
  publishedOn: ['publicationdate', 'published', 'publishedon', 'publiceringsdatum', 'publicerad', 'publiceradden', 'datum'],
  version: ['version', 'versionsnummer', 'utgava'],
  nextRevisionDate: ['nextrevisiondate', 'nextrevision', 'nastarevision', 'nastarevisionsdatum', 'revideras', 'revisionsdatum'],
  url: ['link', 'url', 'lank', 'webbadress', 'adress'],
};

export const fold = (s: string) =>
  s
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]/g, '');

/** Which column holds which field; headings Navet does not know are ignored. */
export function mapColumns(header: readonly string[]): { columns: Partial<Record<Field, number>>; missing: string[] } {
  const columns: Partial<Record<Field, number>> = {};
  header.forEach((h, i) => {
    const f = fold(h);
    for (const [field, names] of Object.entries(ALIASES) as [Field, string[]][]) {
      if (names.includes(f) && columns[field] === undefined) columns[field] = i;
    }
  });
  const missing = (['identifier', 'title', 'type'] as const).filter((f) => columns[f] === undefined);
  const names: Record<string, string> = { identifier: 'identifierare (identifier)', title: 'titel (title)', type: 'typ (type)' };
  return { columns, missing: missing.map((f) => names[f]!) };
}

const NATIONAL_TYPES = SUPPORT_TYPES.filter((t) => !(REGIONAL_SUPPORT_TYPES as readonly string[]).includes(t));

/** A type by its code, its Swedish label or a common short name. */
const TYPE_NAMES: Record<string, SupportType> = {
  ...Object.fromEntries(NATIONAL_TYPES.map((t) => [fold(t), t])),
  ...Object.fromEntries(NATIONAL_TYPES.map((t) => [fold(SUPPORT_TYPE_LABELS[t]), t])),
  [fold('Kliniska kunskapsstöd')]: 'kliniskt-kunskapsstod',
  [fold('Nationellt kliniskt kunskapsstöd')]: 'kliniskt-kunskapsstod',
  [fold('Primärvårdsrekommendation')]: 'kliniskt-kunskapsstod',
  [fold('Vårdförlopp')]: 'vardforlopp',
  [fold('Personcentrerat och sammanhållet vårdförlopp')]: 'vardforlopp',
  [fold('Nationellt vårdprogram')]: 'vardprogram',
  [fold('Vårdprogram')]: 'vardprogram',
  [fold('Riktlinje för hälso- och sjukvård')]: 'vardriktlinje',
  [fold('SVF')]: 'standardiserat-vardforlopp',
  [fold('Standardiserat vårdförlopp')]: 'standardiserat-vardforlopp',
  [fold('VIP')]: 'vard-och-insatsprogram',
  [fold('Vård- och insatsprogram')]: 'vard-och-insatsprogram',
  [fold('Nationella riktlinjer')]: 'nationella-riktlinjer',
};

export function typeOf(text: string): SupportType | undefined {
  return TYPE_NAMES[fold(text)];
}

const AGENCIES = [
  'socialstyrelsen',
  'sbu',
  'tlv',
  'lakemedelsverket',
  'folkhalsomyndigheten',
  'ehalsomyndigheten',
  'ivo',
  'inera',
];

/** The producer's kind from its name (NPO …, NAG …, RCC …, an agency), unless the file says it. */
export function producerKindOf(producer: string | null, stated: string | null): ProducerKind | undefined {
  if (stated)
    return (PRODUCER_KINDS as readonly string[]).includes(stated.toLowerCase())
      ? (stated.toLowerCase() as ProducerKind)
      : undefined;
  if (!producer) return 'other';
  const w = producer
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '');
  if (/^(npo\b|nationellt programomrade)/.test(w)) return 'npo';
  if (/^(nag\b|nationell arbetsgrupp)/.test(w)) return 'nag';
  if (/\brcc\b|cancercentrum/.test(w)) return 'rcc';
  if (AGENCIES.some((a) => new RegExp(`^${a}\\b`).test(w))) return 'agency';
  return 'other';
}

const pad = (n: number) => String(n).padStart(2, '0');

/** A date cell as ISO (YYYY-MM-DD): an ISO text, or a spreadsheet date. */
export function isoDate(cell: Cell): string | null | undefined {
  if (cell === null || cell === undefined || cell === '') return null;
  if (cell instanceof Date) {
    if (Number.isNaN(cell.getTime())) return undefined;
    return `${cell.getUTCFullYear()}-${pad(cell.getUTCMonth() + 1)}-${pad(cell.getUTCDate())}`;
  }
  const s = String(cell).trim();
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ].*)?$/.exec(s);
  if (!m) return undefined;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  if (d.getUTCMonth() !== Number(m[2]) - 1 || d.getUTCDate() !== Number(m[3])) return undefined;
  return `${m[1]}-${m[2]}-${m[3]}`;
}

const text = (cell: Cell): string =>
  cell === null || cell === undefined ? '' : cell instanceof Date ? (isoDate(cell) ?? '') : String(cell).trim();
const IDENTIFIER = /^[A-Za-z0-9][A-Za-z0-9._:/-]{0,99}$/;

/** Reads the rows: entries to plan, and the rows with errors (row numbers count the heading as row 1). */
export function readCatalogueRows(
  header: readonly string[],
  rows: readonly (readonly Cell[])[],
): { entries: CatalogueEntry[]; errors: RowError[]; fileProblems: string[] } {
  const { columns, missing } = mapColumns(header);
  if (missing.length) {
    return { entries: [], errors: [], fileProblems: [`Filen saknar kolumnerna ${missing.join(', ')}.`] };
  }
  const entries: CatalogueEntry[] = [];
  const errors: RowError[] = [];
  const seen = new Map<string, number>();
  rows.forEach((cells, i) => {
    const row = i + 2;
    const get = (f: Field) => (columns[f] === undefined ? '' : text(cells[columns[f]]));
    const identifier = get('identifier');
    const title = get('title');
    const problems: string[] = [];
    if (!identifier) problems.push('Identifierare saknas.');
    else if (!IDENTIFIER.test(identifier))
      problems.push(
        `Identifieraren "${identifier.slice(0, 100)}" får bara ha bokstäver a–z, siffror och . _ : / - (högst 100 tecken).`,
      );
    else if (seen.has(identifier)) problems.push(`Identifieraren ${identifier} finns redan på rad ${seen.get(identifier)}.`);
    if (!title) problems.push('Titel saknas.');
    else if (title.length > 300) problems.push('Titeln är längre än 300 tecken.');
    const typeText = get('type');
    const type = typeText ? typeOf(typeText) : undefined;
    if (!typeText) problems.push('Typ saknas.');
    else if (!type)
      problems.push(`Okänd typ "${typeText.slice(0, 100)}"; ange t.ex. vardprogram, vardforlopp eller kliniskt-kunskapsstod.`);
    const producer = get('producer') || null;
    if (producer && producer.length > 300) problems.push('Producenten är längre än 300 tecken.');
    const producerKind = producerKindOf(producer, get('producerKind') || null);
    if (!producerKind) problems.push(`Okänd producenttyp "${get('producerKind')}"; ange npo, nag, rcc, agency eller other.`);
    const dateOf = (f: Field, label: string) => {
      const cell = columns[f] === undefined ? null : cells[columns[f]];
      const d = isoDate(cell);
      if (d === undefined) problems.push(`${label} "${text(cell)}" är inget datum (ÅÅÅÅ-MM-DD).`);
      return d ?? null;
    };
    const publishedOn = dateOf('publishedOn', 'Publiceringsdatum');
    const nextRevisionDate = dateOf('nextRevisionDate', 'Nästa revision');
    const version = get('version');
    if (version.length > 50) problems.push('Versionen är längre än 50 tecken.');
    const url = get('url') || null;
    if (url && (!/^https?:\/\/\S+$/.test(url) || url.length > 2000))
      problems.push(`Länken "${url.slice(0, 100)}" är ingen webbadress (http:// eller https://).`);
    if (identifier && !seen.has(identifier)) seen.set(identifier, row);
    if (problems.length) {
      errors.push({ row, identifier, title, message: problems.join(' ') });
      return;
    }
    entries.push({
      row,
      identifier,
      title,
      type: type!,
      producerName: producer,
      producerKind: producerKind!,
      publishedOn,
      versionLabel: version || publishedOn || '1',
      nextRevisionDate,
      url,
    });
  });
  return { entries, errors, fileProblems: [] };
}

/** A support Navet holds from an earlier import, as the plan compares it. */
export interface KnownSupport {
  id: string;
  catalogueId: string;
  title: string;
  type: string;
  status: LifecycleState;
  producerName: string | null;
  producerKind: string;
  url: string | null;
  nextRevisionDate: string | null;
  /** Its versions' labels, oldest first. */
  versions: { label: string; status: LifecycleState }[];
}

export type Plan =
  | { outcome: 'new'; row: number; entry: CatalogueEntry; message: string; changes: string[] }
  | {
      outcome: 'updated';
      row: number;
      entry: CatalogueEntry;
      known: KnownSupport;
      newVersion: boolean;
      message: string;
      changes: string[];
    }
  | { outcome: 'unchanged'; row: number; entry: CatalogueEntry; known: KnownSupport; message: string; changes: string[] }
  | { outcome: 'withdrawn'; row: null; known: KnownSupport; message: string; changes: string[] }
  | {
      outcome: 'error';
      row: number;
      identifier: string;
      title: string;
      known: KnownSupport | undefined;
      message: string;
      changes: string[];
    };

/** The version in force: the last published one, else the last one. */
export function currentVersion(k: KnownSupport): string | undefined {
  const published = k.versions.filter((v) => v.status === 'publicerad');
  return (published.at(-1) ?? k.versions.at(-1))?.label;
}

function factChanges(e: CatalogueEntry, k: KnownSupport): string[] {
  const out: string[] = [];
  const show = (v: string | null) => (v === null || v === '' ? '–' : v);
  if (e.title !== k.title) out.push(`titel: ${k.title} → ${e.title}`);
  if (e.type !== k.type) out.push(`typ: ${k.type} → ${e.type}`);
  if (e.producerName !== k.producerName || e.producerKind !== k.producerKind)
    out.push(`producent: ${show(k.producerName)} → ${show(e.producerName)}`);
  if (e.url !== k.url) out.push(`länk: ${show(k.url)} → ${show(e.url)}`);
  if (e.nextRevisionDate !== k.nextRevisionDate)
    out.push(`nästa revision: ${show(k.nextRevisionDate)} → ${show(e.nextRevisionDate)}`);
  return out;
}

/**
 * What importing the file does. `full`: the file is the whole national catalogue, so a support
 * imported earlier and missing now is withdrawn (a partial file leaves the others alone).
 */
export function planCatalogue(
  read: { entries: CatalogueEntry[]; errors: RowError[] },
  known: readonly KnownSupport[],
  opts: { full: boolean },
): Plan[] {
  const byId = new Map(known.map((k) => [k.catalogueId, k]));
  const plans: Plan[] = read.errors.map((e) => ({
    outcome: 'error' as const,
    row: e.row,
    identifier: e.identifier,
    title: e.title,
    known: byId.get(e.identifier),
    message: e.message,
    changes: [],
  }));
  for (const entry of read.entries) {
    const k = byId.get(entry.identifier);
    if (!k) {
      plans.push({
        outcome: 'new',
        row: entry.row,
        entry,
        message: `Nytt kunskapsstöd, version ${entry.versionLabel}.`,
        changes: [],
      });
      continue;
    }
    if (isFinal(k.status)) {
      const message =
        k.status === 'upphavd'
          ? `Kunskapsstödet ${entry.identifier} är upphävt i Navet och tas inte in igen; ge det en ny identifierare om det är ett nytt stöd.`
          : `Kunskapsstödet ${entry.identifier} är ersatt i Navet och ändras inte längre.`;
      plans.push({
        outcome: 'error',
        row: entry.row,
        identifier: entry.identifier,
        title: entry.title,
        known: k,
        message,
        changes: [],
      });
      continue;
    }
    const current = currentVersion(k);
    const newVersion = !current || current.toLowerCase() !== entry.versionLabel.toLowerCase();
    if (newVersion && k.versions.some((v) => v.label.toLowerCase() === entry.versionLabel.toLowerCase())) {
      plans.push({
        outcome: 'error',
        row: entry.row,
        identifier: entry.identifier,
        title: entry.title,
        known: k,
        message: `Version ${entry.versionLabel} är äldre än den gällande versionen ${current ?? ''} i Navet; filen läses inte in för den här raden.`,
        changes: [],
      });
      continue;
    }
    const changes = factChanges(entry, k);
    if (newVersion) changes.unshift(`version: ${current ?? '–'} → ${entry.versionLabel}`);
    if (changes.length === 0) {
      plans.push({ outcome: 'unchanged', row: entry.row, entry, known: k, message: 'Oförändrat.', changes });
    } else {
      plans.push({
        outcome: 'updated',
        row: entry.row,
        entry,
        known: k,
        newVersion,
        message: newVersion
          ? `Ny version ${entry.versionLabel}; tidigare versioner finns kvar i historiken.`
          : 'Uppgifterna ändras.',
        changes,
      });
    }
  }
  if (opts.full) {
    const inFile = new Set([...read.entries.map((e) => e.identifier), ...read.errors.map((e) => e.identifier)]);
    for (const k of known) {
      if (inFile.has(k.catalogueId) || isFinal(k.status)) continue;
      plans.push({
        outcome: 'withdrawn',
        row: null,
        known: k,
        message: 'Saknas i den nationella katalogen: markeras som upphävt (historiken finns kvar).',
        changes: [],
      });
    }
  }
  return plans.sort((a, b) => (a.row ?? Number.MAX_SAFE_INTEGER) - (b.row ?? Number.MAX_SAFE_INTEGER));
}
