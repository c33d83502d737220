import type { Queryable } from '../../platform/db/index.js';

/** Personal calendar feed tokens (stored hashed). */

export async function insertFeedToken(db: Queryable, userId: string, hash: string): Promise<void> {
  await db.query('UPDATE calendar_feed_tokens SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL', [userId]);
  await db.query('INSERT INTO calendar_feed_tokens (user_id, token_hash) VALUES ($1, $2)', [userId, hash]);
}

export async function revokeFeedToken(db: Queryable, userId: string): Promise<boolean> {
  return (
    (
      await db.query('UPDATE calendar_feed_tokens SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL RETURNING 1', [
        userId,
      ])
    ).length > 0
  );
}

export async function feedTokenOwner(db: Queryable, hash: string): Promise<{ user_id: string; email: string } | undefined> {
  return (
    await db.query<{ user_id: string; email: string }>(
      `SELECT t.user_id, u.email FROM calendar_feed_tokens t JOIN users u ON u.id = t.user_id
       WHERE t.token_hash = $1 AND t.revoked_at IS NULL AND NOT u.disabled`,
      [hash],
    )
  )[0];
}

export async function hasFeedToken(db: Queryable, userId: string): Promise<Date | undefined> {
  return (
    await db.query<{ created_at: Date }>(
      'SELECT created_at FROM calendar_feed_tokens WHERE user_id = $1 AND revoked_at IS NULL',
      [userId],
    )
  )[0]?.created_at;
}
