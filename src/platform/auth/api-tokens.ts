import './audit.js';
import { recordAudit } from '../audit/record.js';
import { DEFAULT_API_TOKEN_DAYS } from '../config.js';
import type { Ctx } from '../context.js';
import type { Db, Queryable } from '../db/index.js';
import { forbidden, notFound } from '../errors.js';
import { requireActor } from './policy.js';
import * as repo from './repository.js';
import { randomToken, sha256, TOKEN_PREFIX } from './secrets.js';

/**
 * A personal API token: shown once, stored only as a hash, valid for `validDays`. Only a
 * signed-in person (or the operator's CLI) makes one: a token cannot mint tokens, so a leaked token dies with its own
 * revocation or expiry.
 */
export async function createApiToken(db: Db, ctx: Ctx, input: { name: string; validDays?: number }) {
  requireActor(ctx.actor);
  const actor = ctx.actor;
  if (actor.via === 'token') {
    throw forbidden('En API-nyckel kan inte skapa nya API-nycklar. Logga in i Navet och skapa nyckeln där.');
  }
  const token = TOKEN_PREFIX + randomToken(32);
  return db.transaction(async (tx) => {
    const row = await repo.insertToken(tx, {
      userId: actor.userId,
      name: input.name.trim(),
      hash: sha256(token),
      prefix: token.slice(0, TOKEN_PREFIX.length + 6),
      validDays: input.validDays ?? DEFAULT_API_TOKEN_DAYS,
    });
    await recordAudit(tx, ctx, {
      entityType: 'api-token',
      entityId: row.id,
      action: 'create',
      after: { name: row.name, prefix: row.prefix, expiresAt: row.expires_at },
    });
    return { row, token };
  });
}

export async function revokeApiToken(db: Db, ctx: Ctx, id: string) {
  requireActor(ctx.actor);
  const actor = ctx.actor;
  return db.transaction(async (tx) => {
    const row = await repo.revokeToken(tx, actor.userId, id);
    if (!row) throw notFound('API-nyckeln');
    await recordAudit(tx, ctx, {
      entityType: 'api-token',
      entityId: row.id,
      action: 'revoke',
      before: { name: row.name, prefix: row.prefix },
    });
  });
}

/** Why all of a user's ways in were ended. */
export type AccessEndReason = 'password-changed' | 'user-disabled';

/**
 * Ends every way in a user has, inside the caller's transaction: all sessions end and every
 * API token is revoked (each revocation audited with the reason). Call it when the password
 * changes or the user is disabled, so neither a session nor a token outlives the change.
 */
export async function endAccessOf(tx: Queryable, ctx: Ctx, userId: string, reason: AccessEndReason): Promise<void> {
  await repo.deleteSessionsOfUser(tx, userId);
  for (const row of await repo.revokeTokensOfUser(tx, userId)) {
    await recordAudit(tx, ctx, {
      entityType: 'api-token',
      entityId: row.id,
      action: 'revoke',
      before: { name: row.name, prefix: row.prefix, userId },
      after: { reason },
    });
  }
}
