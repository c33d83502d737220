import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Webhook signatures: HMAC-SHA256 with the subscription's secret over `<timestamp>.<body>`,
 * sent as `X-Navet-Signature: v1=<hex>` beside `X-Navet-Timestamp: <unix seconds>`. The
 * timestamp inside the signed text lets a receiver refuse replays of old requests.
 */
export const SIGNATURE_HEADER = 'x-navet-signature';
export const TIMESTAMP_HEADER = 'x-navet-timestamp';
export const EVENT_HEADER = 'x-navet-event';
export const DELIVERY_HEADER = 'x-navet-delivery';

export function signWebhook(secret: string, timestamp: number, body: string): string {
  return `v1=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

/**
 * What a receiver does (docs/integrations.md shows the same in a few lines): recompute the
 * signature, compare in constant time, and refuse a timestamp more than `toleranceSeconds` off.
 */
export function verifyWebhook(
  secret: string,
  headers: { signature: string | undefined; timestamp: string | undefined },
  body: string,
  nowSeconds: number,
  toleranceSeconds = 300,
): boolean {
  const ts = Number(headers.timestamp);
  if (!headers.signature || !Number.isInteger(ts) || Math.abs(nowSeconds - ts) > toleranceSeconds) return false;
  const expected = Buffer.from(signWebhook(secret, ts, body));
  const given = Buffer.from(headers.signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
