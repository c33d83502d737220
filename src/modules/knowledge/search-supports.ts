import type { Queryable } from '../../platform/db/index.js';
import { selectRows } from '../../platform/db/rows.js';
import { Filters, foldLike } from '../../platform/db/sql.js';
import { SELECT_SUPPORT, type SupportRow } from './repository.js';

/** The catalogue's list query: Swedish full-text search and filters. */

export interface SupportFilter {
  q?: string;
  type?: string;
  programArea?: string;
  status?: string;
  producerKind?: string;
  producerGroupId?: string;
  updatedSince?: string;
  after?: [string, string];
  limit: number;
}

/** Swedish words of a query, for full-text (stemmed) and prefix matching. */
export function queryWords(q: string): string[] {
  return q
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0)
    .slice(0, 10);
}

const SUFFIXES = [
  'arnas',
  'ernas',
  'ornas',
  'arna',
  'erna',
  'orna',
  'ens',
  'ets',
  'ns',
  'en',
  'et',
  'an',
  'na',
  'ar',
  'er',
  'or',
  'n',
  'a',
  's',
];

/**
 * LIKE patterns for one (folded) word: the word itself and the word without a common Swedish
 * ending ("astman" → "astm", "vardforloppen" → "vardforlopp"), never shorter than four letters.
 */
export function likePatterns(folded: string): string[] {
  const stems = new Set([folded]);
  for (const suffix of SUFFIXES) {
    if (folded.endsWith(suffix) && folded.length - suffix.length >= 4) stems.add(folded.slice(0, -suffix.length));
  }
  return [...stems].map((x) => `%${x}%`);
}

/**
 * Whether a word is a stop word of the Swedish text search configuration is the server's
 * dictionary, not data: it is asked once per word and process and remembered (a bounded memo;
 * the dictionary changes only with the database server's installation).
 */
const STOP_MEMO_MAX = 10_000;
const stopMemo = new Map<string, boolean>();

async function stopWords(db: Queryable, words: string[]): Promise<Set<string>> {
  const unknown = [...new Set(words.filter((w) => !stopMemo.has(w)))];
  if (unknown.length) {
    const stop = new Set(
      (
        await db.query<{ w: string }>(`SELECT w FROM unnest($1::text[]) w WHERE numnode(plainto_tsquery('swedish', w)) = 0`, [
          unknown,
        ])
      ).map((r) => r.w),
    );
    if (stopMemo.size + unknown.length > STOP_MEMO_MAX) stopMemo.clear();
    for (const w of unknown) stopMemo.set(w, stop.has(w));
  }
  return new Set(words.filter((w) => stopMemo.get(w)));
}

/**
 * Search: every word must match, either through the Swedish stemmer (kunskapsstöden →
 * kunskapsstöd) or as a case- and diacritic-insensitive substring of the title, producer or
 * summary, also without a common ending (the stemmer misses forms such as "astman", and
 * people type prefixes: "vårdförl"). Stop words ("om", "och") match everything.
 */
export async function listSupports(db: Queryable, f: SupportFilter): Promise<SupportRow[]> {
  const w = new Filters();
  if (f.type) w.add('s.type = ?', f.type);
  if (f.status) w.add('s.status = ?', f.status);
  if (f.producerKind) w.add('s.producer_kind = ?', f.producerKind);
  if (f.producerGroupId) w.add('s.producer_group_id = ?::uuid', f.producerGroupId);
  if (f.updatedSince) w.add('s.updated_at >= ?::timestamptz', f.updatedSince);
  if (f.programArea) {
    w.add(
      'EXISTS (SELECT 1 FROM knowledge_support_program_areas pa WHERE pa.support_id = s.id AND pa.program_area_id = ?)',
      f.programArea,
    );
  }
  const words = queryWords(f.q ?? '');
  // Stop words ("om", "och") match everything: asked once, so the condition below has only
  // index-searchable arms (full text, trigrams on the stored folded text, the producer group).
  const stop = await stopWords(db, words);
  for (const word of words) {
    const folded = foldLike(word);
    if (!folded || stop.has(word)) continue;
    const patterns = likePatterns(folded);
    w.add(
      `(s.search_vector @@ plainto_tsquery('swedish', ?)
        OR ${patterns.map(() => 's.search_folded LIKE ?').join(' OR ')}
        OR s.producer_group_id = ANY (ARRAY(SELECT pg.id FROM groups pg WHERE ${patterns.map(() => 'pg.name_folded LIKE ?').join(' OR ')})))`,
      word,
      ...patterns,
      ...patterns,
    );
  }
  if (f.after) w.add(`(sv_key(s.title) COLLATE "C", s.id) > (? COLLATE "C", ?::uuid)`, f.after[0], f.after[1]);
  const limit = w.param(f.limit + 1);
  return selectRows<SupportRow>(
    db,
    `${SELECT_SUPPORT} ${w.where} ORDER BY sv_key(s.title) COLLATE "C", s.id LIMIT ${limit}`,
    w.params,
  );
}
