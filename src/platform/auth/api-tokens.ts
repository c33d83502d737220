import { recordAudit } from '../audit/record.js';
import type { Ctx } from '../context.js';
import type { Db } from '../db/index.js';
import { notFound } from '../errors.js';
import { requireActor } from './policy.js';
import * as repo from './repository.js';
import { randomToken, sha256, TOKEN_PREFIX } from './secrets.js';

/** A personal API token: shown once, stored only as a hash. */
export async function createApiToken(db: Db, ctx: Ctx, input: { name: string }) {
  requireActor(ctx.actor);
  const actor = ctx.actor;
  const token = TOKEN_PREFIX + randomToken(32);
  return db.transaction(async (tx) => {
    const row = await repo.insertToken(tx, {
      userId: actor.userId,
      name: input.name.trim(),
      hash: sha256(token),
      prefix: token.slice(0, TOKEN_PREFIX.length + 6),
    });
    await recordAudit(tx, ctx, {
      entityType: 'api-token',
      entityId: row.id,
      action: 'create',
      after: { name: row.name, prefix: row.prefix },
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
