import { createHmac } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { claimJob } from '../src/platform/jobs/queue.js';
import { drainJobs } from '../src/platform/jobs/worker.js';
import { webhookDeliveryHandler } from '../src/platform/webhooks/deliver.js';
import { WEBHOOK_QUEUE } from '../src/platform/webhooks/fan-out.js';
import { verifyWebhook } from '../src/platform/webhooks/signature.js';
import { buildCase, buildKnowledgeSupport } from '../src/testing/builders.js';
import { problem, useTestApp, type Session } from './helpers/app.js';

/**
 * Outbound webhooks end to end: an administrator subscribes a local receiver, audited changes
 * of the subscribed kinds become signed deliveries from the outbox, and the receiver — which
 * verifies every signature and keeps the ids it has handled — handles every event exactly once,
 * also when the worker dies in the middle of a delivery and the job is claimed again.
 */
const t = useTestApp({ publicUrl: 'https://navet.regionblekinge.se' });

interface Received {
  id: string;
  kind: string;
  entityId: string;
  resource: string | null;
  signatureOk: boolean;
}
const receiver = { raw: [] as Received[], handled: new Map<string, Received>(), failNext: 0, secret: '' };
let server: Server;
let url = '';

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString('utf8')));
    req.on('end', () => {
      const ts = String(req.headers['x-navet-timestamp']);
      const sig = String(req.headers['x-navet-signature']);
      // Verified the way docs/integrations.md tells an integrator to, and with Navet's helper.
      const expected = `v1=${createHmac('sha256', receiver.secret).update(`${ts}.${body}`).digest('hex')}`;
      const nowSeconds = Math.floor(Date.now() / 1000);
      const signatureOk = sig === expected && verifyWebhook(receiver.secret, { signature: sig, timestamp: ts }, body, nowSeconds);
      const event = JSON.parse(body) as Omit<Received, 'signatureOk'>;
      const r = { ...event, signatureOk };
      receiver.raw.push(r);
      if (!signatureOk) return void res.writeHead(401).end();
      if (receiver.failNext > 0) {
        receiver.failNext--;
        return void res.writeHead(500).end();
      }
      if (!receiver.handled.has(r.id)) receiver.handled.set(r.id, r); // idempotent by the event's id
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/navet-hook`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const handlers = () => ({ [WEBHOOK_QUEUE]: webhookDeliveryHandler(t.db, t.config.publicUrl) });
const deliveries = () =>
  t.db.query<{ id: string; status: string; attempts: number }>(
    'SELECT id, status, attempts FROM webhook_deliveries ORDER BY seq',
  );

let admin: Session;
let subscriptionId = '';

describe('subscriptions (administrator)', () => {
  it('an administrator subscribes an address to event kinds and sees the secret once', async () => {
    admin = await t.newAdmin();
    const res = await t.request({
      method: 'POST',
      url: '/api/v1/webhooks',
      as: admin,
      payload: { url, description: 'Intranätet, Region Blekinge', eventKinds: ['knowledge-support.create', 'case.register'] },
    });
    expect(res.statusCode, res.body).toBe(201);
    const sub = res.json();
    expect(sub.secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    receiver.secret = sub.secret;
    subscriptionId = sub.id;
    const list = (await t.request({ method: 'GET', url: '/api/v1/webhooks', as: admin })).json();
    expect(list.items).toHaveLength(1);
    expect(list.items[0].secret).toBeUndefined();
    const audit = await t.db.query<{ after: unknown }>(
      `SELECT after FROM audit_events WHERE entity_type = 'webhook-subscription'`,
    );
    expect(JSON.stringify(audit)).not.toContain(sub.secret);
  });

  it('refuses unknown kinds and addresses (422), and anyone but an administrator (401/403)', async () => {
    const bad = await t.request({
      method: 'POST',
      url: '/api/v1/webhooks',
      as: admin,
      payload: { url: 'ftp://intranat', eventKinds: ['user.create'] },
    });
    expect(problem(bad).status).toBe(422);
    expect(
      problem(bad)
        .body.errors?.map((e) => e.path)
        .sort(),
    ).toEqual(['eventKinds.0', 'url']);
    const user = await t.newUser();
    expect((await t.request({ method: 'GET', url: '/api/v1/webhooks', as: user })).statusCode).toBe(403);
    expect((await t.request({ method: 'GET', url: '/api/v1/webhooks' })).statusCode).toBe(401);
  });
});

describe('delivery from the outbox', () => {
  it('every event reaches the receiver exactly once, also when the worker dies mid-delivery', async () => {
    const supports: { id: string }[] = [];
    for (const title of ['Nationellt vårdprogram Astma', 'Vårdförlopp Hjärtsvikt – nydebuterad', 'Kunskapsstöd KOL']) {
      supports.push(await buildKnowledgeSupport(t.db, { title }));
    }
    const c = await buildCase(t.db, {
      region: '10',
      subject: 'Remiss: Nationellt vårdprogram Astma',
      receivedDate: '2026-11-02',
    });
    expect(await deliveries()).toHaveLength(4);

    // A worker claims the first delivery, posts it, and dies before it can mark the job done.
    const job = (await claimJob(t.db, [WEBHOOK_QUEUE], 300))!;
    await handlers()[WEBHOOK_QUEUE](job.payload, { id: job.id, attempts: job.attempts, maxAttempts: job.max_attempts });
    expect(receiver.raw).toHaveLength(1);
    // Its lease runs out; the restarted worker claims the job again and finishes the queue.
    await t.db.query(`UPDATE jobs SET locked_until = now() - interval '1 second' WHERE id = $1`, [job.id]);
    await drainJobs(t.db, handlers());

    expect(receiver.raw).toHaveLength(5); // one duplicate post…
    expect(receiver.raw.every((r) => r.signatureOk)).toBe(true);
    expect(receiver.handled.size).toBe(4); // …recognised by its id: each event handled once
    const handled = [...receiver.handled.values()];
    expect(handled.map((r) => `${r.kind} ${r.entityId}`).sort()).toEqual(
      [...supports.map((s) => `knowledge-support.create ${s.id}`), `case.register ${c.id}`].sort(),
    );
    expect(handled.find((r) => r.entityId === supports[0]!.id)?.resource).toBe(
      `https://navet.regionblekinge.se/api/v1/knowledge-supports/${supports[0]!.id}`,
    );
    expect((await deliveries()).map((d) => d.status)).toEqual(['delivered', 'delivered', 'delivered', 'delivered']);
    // Nothing is left for a later run.
    await drainJobs(t.db, handlers());
    expect(receiver.raw).toHaveLength(5);
  });

  it('retries a refused delivery with back-off, logs each attempt, and replays on request with the same id', async () => {
    receiver.failNext = 1;
    await buildKnowledgeSupport(t.db, { title: 'Riktlinje för läkemedelsgenomgångar' });
    await drainJobs(t.db, handlers());
    const [pending] = await t.db.query<{ id: string; status: string; last_status_code: number }>(
      `SELECT id, status, last_status_code FROM webhook_deliveries ORDER BY seq DESC LIMIT 1`,
    );
    expect(pending).toMatchObject({ status: 'pending', last_status_code: 500 });
    const [j] = await t.db.query<{ status: string; later: boolean }>(
      `SELECT status, run_at > now() AS later FROM jobs WHERE payload->>'deliveryId' = $1`,
      [pending!.id],
    );
    expect(j).toEqual({ status: 'pending', later: true });
    await drainJobs(t.db, handlers()); // not yet due: nothing is sent
    expect(receiver.raw.filter((r) => r.id === pending!.id)).toHaveLength(1);
    await t.db.query(`UPDATE jobs SET run_at = now() WHERE payload->>'deliveryId' = $1`, [pending!.id]);
    await drainJobs(t.db, handlers());
    expect(receiver.handled.has(pending!.id)).toBe(true);

    const replay = await t.request({ method: 'POST', url: `/api/v1/webhook-deliveries/${pending!.id}/replay`, as: admin });
    expect(replay.statusCode, replay.body).toBe(202);
    await drainJobs(t.db, handlers());
    expect(receiver.raw.filter((r) => r.id === pending!.id)).toHaveLength(3);

    const log = (
      await t.request({ method: 'GET', url: `/api/v1/webhooks/${subscriptionId}/deliveries?limit=1`, as: admin })
    ).json();
    expect(log.items[0]).toMatchObject({ id: pending!.id, status: 'delivered', attempts: 3 });
    expect(log.items[0].log.map((a: { statusCode: number }) => a.statusCode)).toEqual([500, 204, 204]);
    expect(log.nextCursor).not.toBeNull();
    const next = (
      await t.request({ method: 'GET', url: `/api/v1/webhooks/${subscriptionId}/deliveries?cursor=${log.nextCursor}`, as: admin })
    ).json();
    expect(next.items).toHaveLength(4);
  });

  it('a switched-off subscription gets nothing; a rotated secret signs from then on', async () => {
    const sub = (await t.request({ method: 'GET', url: '/api/v1/webhooks', as: admin })).json().items[0];
    const off = await t.request({
      method: 'PATCH',
      url: `/api/v1/webhooks/${sub.id}`,
      as: admin,
      payload: { version: sub.version, active: false },
    });
    expect(off.statusCode, off.body).toBe(200);
    const before = (await deliveries()).length;
    await buildKnowledgeSupport(t.db, { title: 'Vårdprogram Diabetes typ 2' });
    expect(await deliveries()).toHaveLength(before);
    const stale = await t.request({ method: 'PATCH', url: `/api/v1/webhooks/${sub.id}`, as: admin, payload: { version: 1 } });
    expect(stale.statusCode).toBe(409);

    const on = await t.request({
      method: 'PATCH',
      url: `/api/v1/webhooks/${sub.id}`,
      as: admin,
      payload: { version: off.json().version, active: true, rotateSecret: true },
    });
    const rotated = on.json().secret as string;
    expect(rotated).toMatch(/^whsec_/);
    expect(rotated).not.toBe(receiver.secret);
    receiver.secret = rotated;
    const c = await buildCase(t.db, { region: '10', subject: 'Skrivelse om läkemedelsgenomgångar', receivedDate: '2026-11-03' });
    await drainJobs(t.db, handlers());
    const last = receiver.raw[receiver.raw.length - 1]!;
    expect(last).toMatchObject({ kind: 'case.register', entityId: c.id, signatureOk: true });
  });
});
