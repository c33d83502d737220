import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Queryable } from '../db/index.js';
import { gatherPerTurn } from '../db/per-turn.js';
import { prepared } from '../db/prepared.js';
import { versionsReadFirst } from '../db/read-first.js';
import { acceptsGzip, addVary } from './content-coding.js';
import { matchesIfNoneMatch } from './public-read.js';

/**
 * Answers that are costly to build (the heatmap, an indicator's series, open data, the reference
 * lists), kept per app process and checked against the database on every request (issue 20).
 *
 * A cached answer is keyed by what the caller asked and may see (`key`) and is valid for the
 * versions of the topics it was built from (`read_versions`, migration 0056): every write to a
 * topic's tables bumps its version in the write's own transaction, so a process that reads the
 * versions first and then uses or builds the answer never serves data older than the versions
 * it read. The versions are one indexed query; a hit then costs no other query and no
 * serialisation, and the body is sent as the bytes kept. Nothing here decides what a caller
 * may see: the key must hold everything the answer depends on (the caller's visible scope,
 * the filters, the page).
 *
 * Each answer gets a strong ETag, so a client that sends If-None-Match gets 304 without a body.
 */
export interface ReadCacheOptions {
  /** The topics the answer is built from (rows of read_versions). */
  topics: readonly string[];
  /**
   * What the answer depends on besides the topics' data, the route and its path parameters
   * (which are always in the key): the query, the caller's visible scope.
   */
  key: string;
}

interface Entry {
  versions: string;
  body: Buffer;
  /** Sent with the body (content-type first); not with a 304. */
  headers: Record<string, string>;
  etag: string;
  /** The body gzipped, made on the first request that accepts it (answers of {@link GZIP_FROM} bytes and more). */
  gzip?: Promise<Buffer>;
}

/**
 * From this size on a kept answer is also sent gzipped to a client that accepts it (browsers,
 * curl --compressed, harvesters): compressed once per answer, not once per request. A JSON page
 * of open data shrinks to about a tenth.
 */
export const GZIP_FROM = 1024;
const gzipAsync = promisify(gzip);

/** An answer as bytes with its headers, for answers that are not one serialised object (open data's pages, CSV). */
export interface CachedBody {
  body: string | Buffer;
  /** The content type (JSON when neither this nor a content-type header is given). */
  type?: string;
  /** Headers the answer always has (content-type, content-disposition, link). */
  headers?: Record<string, string>;
}

const JSON_TYPE = 'application/json; charset=utf-8';

/** The headers sent with a built answer, its content type first. */
function headersOf(built: CachedBody): Record<string, string> {
  const { 'content-type': contentType, ...rest } = built.headers ?? {};
  return { 'content-type': built.type ?? contentType ?? JSON_TYPE, ...rest };
}

/** The total size of the kept answers per process (NAVET_READ_CACHE_MB); the least recently used go first. */
const DEFAULT_MAX_BYTES = 64 * 1024 * 1024;

class Lru {
  private readonly entries = new Map<string, Entry>();
  private bytes = 0;
  constructor(private readonly maxBytes: number) {}

  get(key: string): Entry | undefined {
    const e = this.entries.get(key);
    if (e) {
      // Map order is insertion order: moving a hit to the end keeps the least recently used first.
      this.entries.delete(key);
      this.entries.set(key, e);
    }
    return e;
  }

  set(key: string, e: Entry): void {
    this.delete(key);
    if (e.body.length > this.maxBytes / 4) return;
    this.entries.set(key, e);
    this.bytes += e.body.length;
    for (const k of this.entries.keys()) {
      if (this.bytes <= this.maxBytes) break;
      this.delete(k);
    }
  }

  private delete(key: string): void {
    const old = this.entries.get(key);
    if (!old) return;
    this.entries.delete(key);
    this.bytes -= old.body.length;
  }
}

/** One cache per database handle: tests open many apps in one process, each on its own data. */
const caches = new WeakMap<object, Lru | null>();

/** Sets the size of the cache for the app that reads through `db` (0: no cache). Called once by createApp. */
export function useReadCache(db: Queryable, maxBytes: number): void {
  caches.set(db, maxBytes > 0 ? new Lru(maxBytes) : null);
}

function cacheFor(db: Queryable): Lru | null {
  let c = caches.get(db);
  if (c === undefined) {
    c = new Lru(DEFAULT_MAX_BYTES);
    caches.set(db, c);
  }
  return c;
}

/** The answers being built, per database handle, by key and versions. */
const builds = new WeakMap<object, Map<string, Promise<Entry>>>();

function buildsFor(db: Queryable): Map<string, Promise<Entry>> {
  let b = builds.get(db);
  if (!b) {
    b = new Map();
    builds.set(db, b);
  }
  return b;
}

const ALL_VERSIONS = prepared('navet_all_topic_versions', 'SELECT topic, version FROM read_versions');

type Versions = ReadonlyMap<string, number | string>;

/** Every topic's version, read once for all the requests that arrive in one turn (db/per-turn.ts). */
const allVersions = gatherPerTurn(
  async (db: Queryable): Promise<Versions> =>
    new Map((await db.query<{ topic: string; version: string | number }>(ALL_VERSIONS)).map((r) => [r.topic, r.version])),
);

/** The topics' versions as one string ('0' for a topic never written). */
export async function topicVersions(db: Queryable, topics: readonly string[]): Promise<string> {
  const by = await allVersions(db, '', undefined);
  return versionsString(topics, (t) => by.get(t));
}

const versionsString = (topics: readonly string[], by: (topic: string) => number | string | undefined) =>
  topics.map((t) => `${t}:${String(by(t) ?? '0')}`).join(',');

async function send(req: FastifyRequest, reply: FastifyReply, e: Entry): Promise<FastifyReply> {
  const compressible = e.body.length >= GZIP_FROM;
  // Each coding is its own representation: its own strong tag, and caches told the answer varies.
  if (compressible) addVary(reply, 'Accept-Encoding');
  const gz = compressible && acceptsGzip(req.headers['accept-encoding']);
  const etag = gz ? `${e.etag.slice(0, -1)}-gz"` : e.etag;
  void reply.header('etag', etag);
  const inm = req.headers['if-none-match'];
  if (typeof inm === 'string' && matchesIfNoneMatch(inm, etag)) return reply.code(304).send();
  // Bytes sent as they are, with their type: no serialiser runs on a hit.
  if (!gz) return reply.headers(e.headers).send(e.body);
  e.gzip ??= gzipAsync(e.body).catch((err: unknown) => {
    e.gzip = undefined;
    throw err;
  });
  return reply
    .headers(e.headers)
    .header('content-encoding', 'gzip')
    .send(await e.gzip);
}

/**
 * The route's answer from the cache when its topics have not changed since it was built;
 * otherwise built with `build`, serialised by the route's own response schema, kept and sent.
 * Sends the answer; a handler returns what this returns: `return cachedRead(db, req, reply, { topics, key }, () => …)`.
 */
export function cachedRead(
  db: Queryable,
  req: FastifyRequest,
  reply: FastifyReply,
  opts: ReadCacheOptions,
  build: () => Promise<unknown>,
): Promise<FastifyReply> {
  return cachedBody(db, req, reply, opts, async () => {
    const serialized: unknown = reply.serialize(await build());
    const body = typeof serialized === 'string' ? Buffer.from(serialized, 'utf8') : Buffer.from(serialized as Uint8Array);
    return { body };
  });
}

/**
 * As {@link cachedRead}, for an answer the route writes itself: `build` gives its bytes and
 * headers, which a hit sends again as they were.
 */
export async function cachedBody(
  db: Queryable,
  req: FastifyRequest,
  reply: FastifyReply,
  opts: ReadCacheOptions,
  build: () => Promise<CachedBody>,
): Promise<FastifyReply> {
  const cache = cacheFor(db);
  if (!cache) {
    const built = await build();
    return reply.headers(headersOf(built)).send(built.body);
  }
  const inFlight = buildsFor(db);
  // The versions first, then the data: an answer kept under them is never older than they say.
  const first = versionsReadFirst(req.ctx);
  const versions = first ? versionsString(opts.topics, (t) => first[t]) : await topicVersions(db, opts.topics);
  // The route and its path parameters are always part of the key; the caller adds the rest.
  const key = `${req.routeOptions.url ?? ''}\n${JSON.stringify(req.params ?? {})}\n${opts.key}`;
  const hit = cache.get(key);
  if (hit && hit.versions === versions) return send(req, reply, hit);
  // Requests that miss at once (the first ones after a write) wait for one build, not one each.
  const building = `${key}\n${versions}`;
  let pending = inFlight.get(building);
  if (!pending) {
    pending = build().then((built): Entry => {
      const body = typeof built.body === 'string' ? Buffer.from(built.body, 'utf8') : built.body;
      const entry: Entry = {
        versions,
        body,
        headers: headersOf(built),
        etag: `"c-${createHash('sha256').update(body).digest('base64url').slice(0, 22)}"`,
      };
      cache.set(key, entry);
      return entry;
    });
    inFlight.set(building, pending);
    void pending.then(
      () => inFlight.delete(building),
      () => inFlight.delete(building),
    );
  }
  return send(req, reply, await pending);
}
