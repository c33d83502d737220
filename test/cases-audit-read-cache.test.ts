import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../src/platform/http/app.js';
import { SECRET_MASK } from '../src/modules/cases/presenter.js';
import { buildCase } from '../src/testing/builders.js';
import { testConfig, useTestApp, type Session } from './helpers/app.js';
import { secondProcess } from './helpers/second-process.js';

/**
 * The audit trail, the case list and the public diary are cached reads (read-cache.ts) on the
 * topics 'audit' and 'cases', bumped as each writing transaction commits (migration 0060). A
 * signed-in read takes its versions from its session's query (read-first.ts), and so does its
 * geography. Shown across two app processes on one database.
 */
const t = useTestApp();
let other: App;
let closed: App;
let admin: Session;
let blekinge: Session; // samordnare in Region Blekinge (10): reads its secret cases
let sodra: Session; // samordnare in healthcare region Södra (Blekinge is in it): reads no secrets
const today = '2026-03-02';

beforeAll(async () => {
  other = await secondProcess(t.db, testConfig());
  closed = await secondProcess(t.db, testConfig({ publicCaseRegister: false }));
  admin = await t.newAdmin();
  blekinge = await t.newUser([{ role: 'samordnare', scopeType: 'region', scopeId: '10' }]);
  sodra = await t.newUser([{ role: 'samordnare', scopeType: 'healthcare-region', scopeId: 'sodra' }]);
});
afterAll(async () => {
  await other?.close();
  await closed?.close();
});

const get = async (app: App, url: string, as?: Session) => {
  const res = await app.inject({ method: 'GET', url, headers: as ? { cookie: as.cookie } : {} });
  return { status: res.statusCode, etag: res.headers.etag, body: res.json<{ items: Record<string, unknown>[] }>() };
};

/** A case registered in Region Blekinge through the use case (an audited write, as over HTTP). */
async function registerCase(subject: string, secret = false): Promise<string> {
  const c = await buildCase(t.db, {
    region: '10',
    subject,
    origin: 'agency',
    sender: 'Inspektionen för vård och omsorg',
    receivedDate: today,
    secret,
  });
  return c.id;
}

const version = async (topic: string) =>
  Number(
    (await t.db.query<{ version: number | string }>('SELECT version FROM read_versions WHERE topic = $1', [topic]))[0]?.version ??
      0,
  );

describe('the audit trail through the read cache', () => {
  it('shows a new event in both processes as soon as its write commits', async () => {
    const before = await get(other, '/api/v1/audit?limit=5', admin);
    expect(before.status).toBe(200);
    expect(before.etag).toMatch(/^"c-/);
    expect((await get(other, '/api/v1/audit?limit=5', admin)).etag).toBe(before.etag);

    const id = await registerCase('Begäran om yttrande över vårdprogram');
    for (const app of [t.app, other]) {
      const after = await get(app, '/api/v1/audit?limit=5', admin);
      expect(after.body.items[0]).toEqual(expect.objectContaining({ entityType: 'case', entityId: id, action: 'register' }));
    }
  });

  it('is bumped once per transaction at its commit, and not by one that rolls back', async () => {
    const start = await version('audit');
    await t.db.transaction(async (tx) => {
      for (const n of [1, 2, 3])
        await tx.query(
          `INSERT INTO audit_events (actor_label, entity_type, entity_id, action, after) VALUES ('test', 'case', $1, 'register', '{}')`,
          [`versionstest-${n}`],
        );
    });
    expect(await version('audit')).toBe(start + 1);
    await t.db
      .transaction(async (tx) => {
        await tx.query(
          `INSERT INTO audit_events (actor_label, entity_type, entity_id, action, after) VALUES ('test', 'case', 'x', 'register', '{}')`,
        );
        throw new Error('rolled back');
      })
      .catch((err: unknown) => expect(String(err)).toContain('rolled back'));
    expect(await version('audit')).toBe(start + 1);
  });

  it('is still refused to a caller without the audit permission after an administrator warmed it', async () => {
    expect((await get(t.app, '/api/v1/audit?limit=5', admin)).status).toBe(200);
    expect((await get(t.app, '/api/v1/audit?limit=5', sodra)).status).toBe(403);
    expect((await get(t.app, '/api/v1/audit?limit=5')).status).toBe(401);
  });
});

describe('the case list through the read cache', () => {
  it('keeps one answer per scope: a secret case stays masked for a caller who may not read it', async () => {
    const id = await registerCase('Hemlig utredning om Anna Andersson', true);
    const url = '/api/v1/cases?limit=10&region=10';
    // The caller who reads secrets in Blekinge asks first, and warms the cache for that query.
    const own = await get(t.app, url, blekinge);
    expect(own.body.items[0]).toEqual(expect.objectContaining({ id, subject: 'Hemlig utredning om Anna Andersson' }));
    const masked = await get(t.app, url, sodra);
    expect(masked.status).toBe(200);
    expect(masked.body.items[0]).toEqual(
      expect.objectContaining({ id, subject: SECRET_MASK.subject, sender: SECRET_MASK.sender }),
    );
    expect(masked.etag).not.toBe(own.etag);
  });

  it('shows a case registered in one process in the other at once', async () => {
    const url = '/api/v1/cases?limit=10';
    await get(other, url, sodra);
    await registerCase('Remiss om nationellt vårdförlopp');
    const after = await get(other, url, sodra);
    expect(after.body.items[0]).toEqual(expect.objectContaining({ subject: 'Remiss om nationellt vårdförlopp' }));
  });

  it('follows a change to the geography on the next request (the scope is read again)', async () => {
    const url = '/api/v1/cases?limit=50&region=10';
    expect((await get(other, url, sodra)).body.items.length).toBeGreaterThan(0);
    // Blekinge leaves Södra: its samordnare no longer reads Blekinge's cases.
    await t.db.query(`DELETE FROM healthcare_region_members WHERE region_code = '10' AND healthcare_region_id = 'sodra'`);
    try {
      expect((await get(other, url, sodra)).body.items).toEqual([]);
      expect((await get(other, url, blekinge)).body.items.length).toBeGreaterThan(0);
    } finally {
      await t.db.query(`INSERT INTO healthcare_region_members (region_code, healthcare_region_id) VALUES ('10', 'sodra')`);
    }
    expect((await get(other, url, sodra)).body.items.length).toBeGreaterThan(0);
  });
});

describe('the public diary through the read cache', () => {
  it('shows a new case in the other process, masks secret ones, and answers 404 for an unknown region', async () => {
    const url = '/api/v1/case-register?region=10&limit=5';
    await get(other, url);
    await registerCase('Yttrande om regional cancerplan');
    const after = await get(other, url);
    expect(after.status).toBe(200);
    expect(after.body.items[0]).toEqual(expect.objectContaining({ subject: 'Yttrande om regional cancerplan' }));
    expect(after.body.items.find((i) => i.secret)).toEqual(expect.objectContaining({ subject: SECRET_MASK.subject }));
    expect((await get(other, '/api/v1/case-register?region=99&limit=5')).status).toBe(404);
    expect((await get(other, '/api/v1/case-register?region=99&limit=5')).status).toBe(404);
  });

  it('is refused to an anonymous caller where it is not public, though a signed-in caller warmed it', async () => {
    const url = '/api/v1/case-register?region=10&limit=5';
    expect((await get(closed, url, sodra)).status).toBe(200);
    expect((await get(closed, url)).status).toBe(401);
  });
});

describe('Min översikt through the read cache', () => {
  type Overview = { triage: { id: string }[] | null; unreadNotifications: number; today: string };
  const overview = async (app: App, as: Session) => {
    const res = await app.inject({ method: 'GET', url: '/api/v1/me/overview', headers: { cookie: as.cookie } });
    expect(res.statusCode, res.body).toBe(200);
    return { etag: res.headers.etag, body: res.json<Overview>() };
  };

  it('is kept per person: another person never gets it, and an unchanged page keeps its entity tag', async () => {
    const first = await overview(other, blekinge);
    expect((await overview(other, blekinge)).etag).toBe(first.etag);
    const theirs = await overview(other, sodra);
    expect(theirs.etag).not.toBe(first.etag);
    expect((await get(other, '/api/v1/me/overview')).status).toBe(401);
  });

  it('shows a change made in the other process (an audited write) and a new notice (not audited) at once', async () => {
    const before = await overview(other, blekinge);
    const id = await registerCase('Begäran om samverkan kring vårdförlopp stroke');
    const after = await overview(other, blekinge);
    expect(after.body.triage!.map((c) => c.id)).toContain(id);

    await t.db.query(
      `INSERT INTO notifications (user_id, kind, title, body, link, dedupe_key) VALUES ($1, 'test', 'Ny uppgift', 'Läs underlaget', '/arenden', 'cachetest-1')`,
      [blekinge.userId],
    );
    expect((await overview(other, blekinge)).body.unreadNotifications).toBe(before.body.unreadNotifications + 1);
  });
});
