import { AsyncLocalStorage } from 'node:async_hooks';
import { createHash, randomUUID } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Db, Queryable, Tx } from '../db/index.js';
import { badRequest, Problem } from '../errors.js';

/**
 * Idempotency-Key for writes (POST/PUT/PATCH/DELETE by a signed-in caller).
 *
 * 1. Before the handler, the request claims (user, key) in `idempotency_keys` with a fresh
 *    claim token and the hash of method + path + body.
 * 2. Every business transaction of that request marks the row committed *inside the same
 *    transaction*, and only while it still holds the claim: so the change and "this key is
 *    done" commit together, and a second process that took the claim over after a lease
 *    can never commit the same work twice (the loser's transaction rolls back with 409).
 * 3. After the handler, a 2xx response is stored for replay; a refused request removes its
 *    claim, leaving nothing behind (a retry is executed afresh).
 *
 * A retry with the same key and the same request gets the stored response with
 * `Idempotent-Replayed: true`; the same key with another request gets 422; a retry while the
 * first is still running gets 409 with Retry-After. Keys expire after KEY_TTL_HOURS
 * (maintenance.cleanup). Anonymous requests (sign-in) ignore the header.
 */

export const IDEMPOTENCY_HEADER = 'idempotency-key';
export const REPLAYED_HEADER = 'idempotent-replayed';
/** A claim older than this, never committed, belongs to a request that died: a retry may take it over. */
export const CLAIM_LEASE_SECONDS = 10;
export const KEY_TTL_HOURS = 24;

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const KEY_FORMAT = /^[\x21-\x7e]{1,200}$/;

export const IDEMPOTENCY_IN_PROGRESS_TYPE = 'urn:navet:problem:idempotency-in-progress';
export const IDEMPOTENCY_MISMATCH_TYPE = 'urn:navet:problem:idempotency-mismatch';
export const IDEMPOTENCY_DONE_TYPE = 'urn:navet:problem:idempotency-done';

interface Claim {
  userId: string;
  key: string;
  token: string;
  committed: boolean;
}

interface RequestStore {
  claim?: Claim;
  replayed?: boolean;
}

const store = new AsyncLocalStorage<RequestStore>();

/** onRequest hook (callback style, so the rest of the request runs inside the store). */
export function idempotencyContext(_req: FastifyRequest, _reply: FastifyReply, done: () => void): void {
  store.run({}, done);
}

/** Canonical JSON: object keys sorted, so {"a":1,"b":2} and {"b":2,"a":1} hash alike. */
function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v && typeof v === 'object') {
    return `{${Object.keys(v)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((v as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(v) ?? 'null';
}

export function requestHash(method: string, url: string, body: unknown, ifMatch?: string): string {
  const version = ifMatch === undefined ? '' : `\nif-match: ${ifMatch}`;
  return createHash('sha256')
    .update(`${method} ${url}${version}\n${canonical(body ?? null)}`)
    .digest('hex');
}

interface KeyRow {
  method: string;
  path: string;
  request_hash: string;
  claim_token: string;
  committed_at: Date | null;
  response_status: number | null;
  response_type: string | null;
  response_body: string | null;
  claimed_at: Date;
}

/** preHandler hook: claim the key, or replay / refuse. */
export function idempotencyPreHandler(db: Db) {
  return async (req: FastifyRequest, reply: FastifyReply): Promise<unknown> => {
    const raw = req.headers[IDEMPOTENCY_HEADER];
    if (raw === undefined || !WRITE_METHODS.has(req.method) || !req.ctx?.actor || !req.url.startsWith('/api/')) return;
    const key = Array.isArray(raw) ? raw[0] : raw;
    if (typeof key !== 'string' || !KEY_FORMAT.test(key)) {
      throw badRequest('Idempotency-Key ska vara 1–200 synliga ASCII-tecken (t.ex. ett UUID).');
    }
    const s = store.getStore();
    if (!s) return;
    const userId = req.ctx.actor.userId;
    const ifMatch = req.headers['if-match'];
    const hash = requestHash(req.method, req.url, req.body, typeof ifMatch === 'string' ? ifMatch : undefined);
    const token = randomUUID();
    const claimed = await db.query<{ claim_token: string }>(
      `INSERT INTO idempotency_keys (user_id, key, method, path, request_hash, claim_token)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (user_id, key) DO UPDATE SET claim_token = EXCLUDED.claim_token, claimed_at = now()
         WHERE idempotency_keys.committed_at IS NULL AND idempotency_keys.response_status IS NULL
           AND idempotency_keys.request_hash = EXCLUDED.request_hash
           AND idempotency_keys.claimed_at < now() - make_interval(secs => $7)
       RETURNING claim_token`,
      [userId, key, req.method, req.url, hash, token, CLAIM_LEASE_SECONDS],
    );
    if (claimed[0]?.claim_token === token) {
      s.claim = { userId, key, token, committed: false };
      return;
    }
    const [row] = await db.query<KeyRow>(
      `SELECT method, path, request_hash, claim_token, committed_at, response_status, response_type, response_body, claimed_at
       FROM idempotency_keys WHERE user_id = $1 AND key = $2`,
      [userId, key],
    );
    if (!row) throw inProgress(1); // removed between the two statements: the first attempt was refused
    if (row.request_hash !== hash) {
      throw new Problem(
        422,
        'Ogiltiga uppgifter',
        `Idempotency-Key "${key}" har redan använts för en annan begäran (${row.method} ${row.path}). Använd en ny nyckel för en ny begäran.`,
        undefined,
        IDEMPOTENCY_MISMATCH_TYPE,
      );
    }
    if (row.response_status !== null) {
      s.replayed = true;
      void reply.header(REPLAYED_HEADER, 'true');
      if (row.response_type) void reply.type(row.response_type);
      return reply.code(row.response_status).send(row.response_status === 204 ? null : (row.response_body ?? ''));
    }
    if (row.committed_at) {
      throw new Problem(
        409,
        'Konflikt',
        `Begäran med Idempotency-Key "${key}" är redan utförd, men svaret kunde inte sparas. Hämta resultatet på nytt.`,
        undefined,
        IDEMPOTENCY_DONE_TYPE,
      );
    }
    const left = Math.max(1, CLAIM_LEASE_SECONDS - Math.floor((Date.now() - row.claimed_at.getTime()) / 1000));
    throw inProgress(left);
  };
}

const inProgress = (retryAfter: number) =>
  new Problem(
    409,
    'Konflikt',
    'En begäran med samma Idempotency-Key pågår. Försök igen om en stund.',
    undefined,
    IDEMPOTENCY_IN_PROGRESS_TYPE,
    { 'retry-after': String(retryAfter) },
  );

/** onSend hook: keep a successful response for replay, drop the claim of a refused one. */
export function idempotencyOnSend(db: Db) {
  return async (req: FastifyRequest, reply: FastifyReply, payload: unknown): Promise<unknown> => {
    const s = store.getStore();
    const claim = s?.claim;
    if (!claim || s.replayed) return payload;
    s.claim = undefined;
    const status = reply.statusCode;
    try {
      if ((status >= 200 && status < 300) || claim.committed) {
        const body =
          typeof payload === 'string' ? payload : Buffer.isBuffer(payload) ? payload.toString('utf8') : payload == null ? '' : '';
        const type = reply.getHeader('content-type');
        await db.query(
          `UPDATE idempotency_keys SET response_status = $4, response_type = $5, response_body = $6,
             committed_at = COALESCE(committed_at, now())
           WHERE user_id = $1 AND key = $2 AND claim_token = $3`,
          [claim.userId, claim.key, claim.token, status, typeof type === 'string' ? type : null, body],
        );
      } else {
        await db.query(
          'DELETE FROM idempotency_keys WHERE user_id = $1 AND key = $2 AND claim_token = $3 AND committed_at IS NULL',
          [claim.userId, claim.key, claim.token],
        );
      }
    } catch (err) {
      // The database went away after the work: the row stays claimed (or committed); a retry
      // after the lease either takes over (nothing committed) or is told the work is done.
      req.log.warn({ err }, 'could not record the idempotency key outcome');
    }
    return payload;
  };
}

/** Mark the caller's claim committed inside the business transaction; lose the claim → roll back. */
async function markCommitted(tx: Queryable, claim: Claim): Promise<void> {
  const rows = await tx.query(
    `UPDATE idempotency_keys SET committed_at = COALESCE(committed_at, now())
     WHERE user_id = $1 AND key = $2 AND claim_token = $3 RETURNING 1`,
    [claim.userId, claim.key, claim.token],
  );
  if (!rows.length) throw inProgress(1);
}

/**
 * The database the route modules get: the same, except that a transaction run on behalf of a
 * request with a claimed Idempotency-Key commits the claim with the change.
 */
export function withIdempotentCommit(db: Db): Db {
  const transaction = async <T>(fn: (tx: Tx) => Promise<T>): Promise<T> => {
    const claim = store.getStore()?.claim;
    if (!claim) return db.transaction(fn);
    const result = await db.transaction(async (tx) => {
      const r = await fn(tx);
      await markCommitted(tx, claim);
      return r;
    });
    claim.committed = true;
    return result;
  };
  return new Proxy(db, {
    get(target, prop, receiver) {
      if (prop === 'transaction') return transaction;
      const v = Reflect.get(target, prop, receiver) as unknown;
      return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
    },
  });
}

/** maintenance.cleanup: keys are kept for a day, long enough for any client's retries. */
export async function deleteExpiredIdempotencyKeys(db: Queryable, olderThanHours = KEY_TTL_HOURS): Promise<number> {
  const rows = await db.query(
    'DELETE FROM idempotency_keys WHERE created_at < now() - make_interval(hours => $1) RETURNING key',
    [olderThanHours],
  );
  return rows.length;
}
