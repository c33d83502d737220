import { Readable } from 'node:stream';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { CONTENT_TYPES, csvHead, csvLines, type Column } from '../export/spreadsheet.js';
import { contentDisposition } from './download.js';
import { decodeCursor, encodeCursor } from './pagination.js';

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

/**
 * Sends one page of an open data set as JSON (`{ items, license, next }`, written item by item)
 * or CSV. The page's end is found first, so the next link is in the headers before any row is
 * written, and the page is bounded by that key: a row written meanwhile lands on this page or
 * the next, never between them. The first batch is read before the answer starts, so a failing
 * database still gets a problem answer rather than a cut body.
 */
export async function sendOpenData<Row, K extends Key, Item>(
  req: FastifyRequest,
  reply: FastifyReply,
  set: OpenDataSet<Row, K, Item>,
  query: { format?: string; limit?: number; cursor?: string },
): Promise<FastifyReply> {
  const { limit, after } = openDataPage<K>(query, set.arity);
  const ends = await set.pageEnd(after, limit);
  const until = ends.length === 2 ? ends[0] : undefined;
  let next: string | null = null;
  if (until) {
    const url = new URL(req.url, 'http://navet');
    url.searchParams.set('cursor', encodeCursor(until));
    url.searchParams.set('limit', String(limit));
    next = `${url.pathname}${url.search}`;
    void reply.header('link', `<${next}>; rel="next"`);
  }
  const first = await set.read(after, until, OPEN_DATA_BATCH);
  let gone = false;
  reply.raw.once('close', () => {
    gone = true;
  });

  async function* batches(): AsyncGenerator<Item[]> {
    let batch = first;
    for (;;) {
      yield batch.map((r) => set.item(r));
      if (batch.length < OPEN_DATA_BATCH || gone) return;
      batch = await set.read(set.keyOf(batch[batch.length - 1]!), until, OPEN_DATA_BATCH);
      if (!batch.length) return;
    }
  }

  if (query.format === 'csv') {
    const cols = set.csv.columns;
    async function* csv() {
      yield csvHead(cols);
      for await (const items of batches()) yield csvLines(cols, items);
    }
    return reply
      .header('content-type', CONTENT_TYPES['csv'])
      .header('content-disposition', contentDisposition(set.csv.filename))
      .header('x-content-type-options', 'nosniff')
      .send(Readable.from(csv(), { highWaterMark: 1 }));
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
  return reply.type('application/json; charset=utf-8').send(Readable.from(json(), { highWaterMark: 1 }));
}
