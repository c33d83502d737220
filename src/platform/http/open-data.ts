import { pipeline, Readable } from 'node:stream';
import { createGzip } from 'node:zlib';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { CONTENT_TYPES, csvHead, csvLines, type Column } from '../export/spreadsheet.js';
import type { Queryable } from '../db/index.js';
import { contentDisposition } from './download.js';
import { decodeCursor, encodeCursor } from './pagination.js';
import { acceptsGzip, addVary } from './content-coding.js';
import { cachedBody } from './read-cache.js';

/**
 * Open data in pages (issue 20): never a silent cut-off, never one answer of every row. Each
 * page has at most `limit` rows in the order of an index, and says where the next one is:
 * `next` in the JSON body and a `Link: <…>; rel="next"` header in both formats (CSV too).
 * The last page has no next link.
 *
 * A page is streamed: read in batches of {@link OPEN_DATA_BATCH} rows by keyset, each batch
 * written before the next is read (the stream's back-pressure decides when), so memory stays
 * flat whatever the page size, and the reading stops when the client goes away.
 */
/**
 * A default page reads about a millisecond of index per 1,000 rows and is written in one batch;
 * a harvester that wants bigger pages asks for them, up to the maximum (a page holds a pool
 * connection while it streams, so the maximum bounds that too).
 */
export const OPEN_DATA_PAGE = 1_000;
export const OPEN_DATA_MAX_PAGE = 50_000;
export const OPEN_DATA_BATCH = 1_000;

export const OpenDataPageQuery = {
  limit: Type.Optional(
    Type.Integer({
      minimum: 1,
      maximum: OPEN_DATA_MAX_PAGE,
      description: `Rader per sida (1–${OPEN_DATA_MAX_PAGE}, normalt ${OPEN_DATA_PAGE})`,
    }),
  ),
  cursor: Type.Optional(Type.String({ maxLength: 500, description: 'Från länken next på föregående sida' })),
};

type Key = (string | number)[];

/** The page asked for: its size and the key it starts after (undefined for the first page). */
export function openDataPage<K extends Key>(query: { limit?: number; cursor?: string }, arity: number) {
  return {
    limit: query.limit ?? OPEN_DATA_PAGE,
    after: decodeCursor(query.cursor, arity) as K | undefined,
  };
}

/** One open data set: how to find a page's end, read a batch, and publish a row. */
export interface OpenDataSet<Row, K extends Key, Item> {
  /** The cursor's number of key parts. */
  arity: number;
  /**
   * The keys of the `limit`-th row after `after` and of the row following it (the next page's
   * first), in key order: two keys when there is a next page, fewer on the last page.
   */
  pageEnd(after: K | undefined, limit: number): Promise<K[]>;
  /** At most `batch` rows after `after`, none past `until` (when given), in key order. */
  read(after: K | undefined, until: K | undefined, batch: number): Promise<Row[]>;
  keyOf(row: Row): K;
  /** The row as published (the page's key may stay out of it). */
  item(row: Row): Item;
  csv: { filename: string; columns: Column<Item>[] };
}

/** Where a page of a set may be kept: the database its topics are versioned in, and the topics it is built from. */
export interface OpenDataCache {
  db: Queryable;
  topics: readonly string[];
  /** Anything the page depends on besides the topics' data and the request's URL. */
  key?: string;
}

/**
 * Sends one page of an open data set as JSON (`{ items, license, next }`, written item by item)
 * or CSV. The page's end is found first, so the next link is in the headers before any row is
 * written, and the page is bounded by that key: a row written meanwhile lands on this page or
 * the next, never between them. The first batch is read before the answer starts, so a failing
 * database still gets a problem answer rather than a cut body.
 *
 * With `cache`, a page of at most {@link OPEN_DATA_PAGE} rows (a few hundred kB, what nearly
 * every harvester asks for) is written into memory by the same code and kept per process while
 * the set's topics are unchanged (read-cache.ts), keyed by the URL asked for: the URL is all
 * the page and its next link depend on. A bigger page is always streamed and never kept, so
 * memory stays flat whatever the page size.
 */
export async function sendOpenData<Row, K extends Key, Item>(
  req: FastifyRequest,
  reply: FastifyReply,
  set: OpenDataSet<Row, K, Item>,
  query: { format?: string; limit?: number; cursor?: string },
  cache?: OpenDataCache,
): Promise<FastifyReply> {
  const { limit, after } = openDataPage<K>(query, set.arity);
  if (cache && limit <= OPEN_DATA_PAGE) {
    const key = `${req.url}\n${cache.key ?? ''}`;
    return cachedBody(cache.db, req, reply, { topics: cache.topics, key }, async () => {
      const page = await openPage(req, set, query.format, limit, after, () => false);
      let body = '';
      for await (const chunk of page.chunks) body += chunk;
      return { body: Buffer.from(body, 'utf8'), headers: page.headers };
    });
  }
  let gone = false;
  reply.raw.once('close', () => {
    gone = true;
  });
  const page = await openPage(req, set, query.format, limit, after, () => gone);
  const text = Readable.from(page.chunks, { highWaterMark: 1 });
  addVary(reply, 'Accept-Encoding');
  if (!acceptsGzip(req.headers['accept-encoding'])) return reply.headers(page.headers).send(text);
  // Compressed as it streams (zlib works off the event loop); the client going away ends both.
  const zipped = pipeline(text, createGzip(), () => undefined);
  return reply.headers(page.headers).header('content-encoding', 'gzip').send(zipped);
}

/** A page's headers (its type, and its next link unless it is the last) and its text, as it is read batch by batch. */
async function openPage<Row, K extends Key, Item>(
  req: FastifyRequest,
  set: OpenDataSet<Row, K, Item>,
  format: string | undefined,
  limit: number,
  after: K | undefined,
  gone: () => boolean,
): Promise<{ headers: Record<string, string>; chunks: AsyncGenerator<string> }> {
  const headers: Record<string, string> = {};
  const ends = await set.pageEnd(after, limit);
  const until = ends.length === 2 ? ends[0] : undefined;
  let next: string | null = null;
  if (until) {
    const url = new URL(req.url, 'http://navet');
    url.searchParams.set('cursor', encodeCursor(until));
    url.searchParams.set('limit', String(limit));
    next = `${url.pathname}${url.search}`;
    headers['link'] = `<${next}>; rel="next"`;
  }
  const first = await set.read(after, until, OPEN_DATA_BATCH);

  async function* batches(): AsyncGenerator<Item[]> {
    let batch = first;
    let read = 0;
    for (;;) {
      yield batch.map((r) => set.item(r));
      read += batch.length;
      // A full page needs no further read: the page ends at `until`, its limit-th row.
      if (batch.length < OPEN_DATA_BATCH || read >= limit || gone()) return;
      batch = await set.read(set.keyOf(batch[batch.length - 1]!), until, OPEN_DATA_BATCH);
      if (!batch.length) return;
    }
  }

  if (format === 'csv') {
    const cols = set.csv.columns;
    async function* csv() {
      yield csvHead(cols);
      for await (const items of batches()) yield csvLines(cols, items);
    }
    headers['content-type'] = CONTENT_TYPES['csv'];
    headers['content-disposition'] = contentDisposition(set.csv.filename);
    headers['x-content-type-options'] = 'nosniff';
    return { headers, chunks: csv() };
  }
  async function* json() {
    yield '{"items":[';
    let comma = '';
    for await (const items of batches()) {
      if (!items.length) continue;
      yield comma + items.map((i) => JSON.stringify(i)).join(',');
      comma = ',';
    }
    yield `],"license":"CC0-1.0","next":${JSON.stringify(next)}}`;
  }
  headers['content-type'] = 'application/json; charset=utf-8';
  return { headers, chunks: json() };
}
