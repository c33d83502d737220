import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { appointMember } from '../src/modules/people/appoint-member.js';
import { REMINDERS_QUEUE } from '../src/modules/people/reminders/send-reminders.js';
import { addDays } from '../src/modules/people/reminders/rules.js';
import { todayInSweden } from '../src/platform/clock.js';
import type { Config } from '../src/platform/config.js';
import { systemCtx } from '../src/platform/context.js';
import { enqueue } from '../src/platform/jobs/queue.js';
import { ensureSchedules, jobHandlers } from '../src/jobs.js';
import { drainJobs } from '../src/platform/jobs/worker.js';
import { buildDeclaredPerson, buildGroup, buildUser } from '../src/testing/builders.js';
import { testConfig, useTestApp, type Session } from './helpers/app.js';

/** Subjects with å, ä, ö come as RFC 2047 words; enough decoding to read them back. */
function decodeSubject(raw: string): string {
  const head = raw.slice(0, raw.indexOf('\r\n\r\n')).replace(/\r\n[ \t]+/g, ' ');
  const line = head.split('\r\n').find((l) => /^subject:/i.test(l)) ?? '';
  return line
    .slice(line.indexOf(':') + 1)
    .trim()
    .replace(/=\?utf-8\?([QB])\?([^?]*)\?=\s*/gi, (_, enc: string, text: string) =>
      enc.toUpperCase() === 'B'
        ? Buffer.from(text, 'base64').toString('utf8')
        : Buffer.from(
            text.replace(/_/g, ' ').replace(/=([0-9A-F]{2})/gi, (_m, h: string) => String.fromCharCode(parseInt(h, 16))),
            'latin1',
          ).toString('utf8'),
    );
}

const inbox: { to: string[]; subject: string }[] = [];
let server: SMTPServer;
let smtp: NonNullable<Config['smtp']>;

beforeAll(async () => {
  server = new SMTPServer({
    secure: false,
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        inbox.push({
          to: session.envelope.rcptTo.map((r) => r.address),
          subject: decodeSubject(Buffer.concat(chunks).toString('utf8')),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  smtp = {
    host: '127.0.0.1',
    port: (server.server.address() as AddressInfo).port,
    secure: false,
    from: 'Navet <navet@example.se>',
  };
});

afterAll(async () => {
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
});

beforeEach(() => {
  inbox.length = 0;
});

const t = useTestApp();
const ctx = systemCtx('reminders-test');
const today = todayInSweden();
const handlers = () => jobHandlers(t.db, testConfig({ smtp }));
const to = (address: string) => inbox.filter((m) => m.to.includes(address));

const f = {} as {
  groupId: string;
  groupName: string;
  membershipId: string;
  endDate: string;
  member: { id: string; email: string };
  chair: { id: string; email: string };
  coordinator: Session;
  coordinatorEmail: string;
  otherCoordinator: Session;
};

beforeAll(async () => {
  f.groupName = `Forum för hjärtsjukvård ${Date.now()}`;
  const group = await buildGroup(t.db, { kind: 'forum', level: 'region', owner: '12', name: f.groupName });
  f.groupId = group.id;
  const chair = await buildDeclaredPerson(t.db, { homeOwner: '12', name: 'Åsa Öberg' });
  const member = await buildDeclaredPerson(t.db, { homeOwner: '12', name: 'Per Ström' });
  f.chair = { id: chair.id, email: chair.email! };
  f.member = { id: member.id, email: member.email! };
  await appointMember(t.db, ctx, group.id, { personId: chair.id, role: 'ordforande', startDate: addDays(today, -400) });
  f.endDate = addDays(today, 25);
  f.membershipId = (
    await appointMember(t.db, ctx, group.id, {
      personId: member.id,
      role: 'ledamot',
      startDate: addDays(today, -700),
      endDate: f.endDate,
    })
  ).id;
  const coordinator = await buildUser(t.db, { roles: [{ role: 'samordnare', scopeType: 'region', scopeId: '12' }] });
  f.coordinatorEmail = coordinator.email;
  f.coordinator = await t.login(coordinator.email);
  f.otherCoordinator = await t.newUser([{ role: 'samordnare', scopeType: 'region', scopeId: '13' }]);
});

describe('reminders before a mandate ends', () => {
  it('sends the 30-day reminder once to the member, the chair and the coordinator, and never the 90-day one too', async () => {
    await enqueue(t.db, REMINDERS_QUEUE, {});
    await drainJobs(t.db, handlers());

    const subject = `Uppdraget som ledamot i ${f.groupName} slutar ${f.endDate}`;
    expect(to(f.member.email).map((m) => m.subject)).toEqual([subject]);
    expect(to(f.chair.email).map((m) => m.subject)).toEqual([subject]);
    expect(to(f.coordinatorEmail).map((m) => m.subject)).toEqual([subject]);
    expect(inbox).toHaveLength(3); // the chair's own open-ended seat needs no reminder; no declaration is near its end

    expect(await t.db.query('SELECT kind, threshold_days FROM reminders_sent WHERE item_id = $1', [f.membershipId])).toEqual([
      { kind: 'membership-end', threshold_days: 30 },
    ]);
    const audit = await t.db.query<{ after: { thresholdDays: number; emails: number } }>(
      `SELECT after FROM audit_events WHERE entity_type = 'membership' AND entity_id = $1 AND action = 'remind'`,
      [f.membershipId],
    );
    // In the app too: the coordinator is a user (the member and the chair are not) and gets the notice.
    expect(audit.map((a) => a.after)).toEqual([{ thresholdDays: 30, endDate: f.endDate, emails: 3, inApp: 1 }]);
    const inApp = await t.request({ method: 'GET', url: '/api/v1/notifications', as: f.coordinator });
    expect(inApp.statusCode, inApp.body).toBe(200);
    expect(inApp.json<{ items: { title: string; link: string }[] }>().items).toContainEqual(
      expect.objectContaining({ title: subject, link: `/personer-och-uppdrag/grupper/${f.groupId}` }),
    );
    expect((await t.request({ method: 'GET', url: '/api/v1/notifications', as: f.otherCoordinator })).json().items).toEqual([]);
  });

  it('is at-least-once safe: the daily schedule, another drain or a rerun of the handler sends nothing twice', async () => {
    await ensureSchedules(t.db); // the daily schedule is due at once: one more run
    await drainJobs(t.db, handlers());
    await drainJobs(t.db, handlers());
    await handlers()[REMINDERS_QUEUE]!({});
    await drainJobs(t.db, handlers());
    expect(inbox).toEqual([]);
    expect(await t.db.query('SELECT 1 FROM reminders_sent WHERE item_id = $1', [f.membershipId])).toHaveLength(1);
    expect(await t.db.query(`SELECT 1 FROM notifications WHERE kind = 'membership.ending'`)).toHaveLength(1);
  });

  it('a declaration about to lapse reminds the person and the reviewers in their region', async () => {
    const person = await buildDeclaredPerson(t.db, { homeOwner: '12', name: 'Lena Ek' });
    await appointMember(t.db, ctx, f.groupId, { personId: person.id, role: 'ersattare', startDate: addDays(today, -10) });
    const validUntil = addDays(today, 60);
    await t.db.query('UPDATE jav_declarations SET valid_until = $2 WHERE person_id = $1', [person.id, validUntil]);
    const reviewer = await buildUser(t.db, { roles: [{ role: 'jav-granskare', scopeType: 'region', scopeId: '12' }] });
    const elsewhere = await buildUser(t.db, { roles: [{ role: 'jav-granskare', scopeType: 'region', scopeId: '13' }] });

    await handlers()[REMINDERS_QUEUE]!({});
    await drainJobs(t.db, handlers());

    const subject = `Jävsdeklarationen för Lena Ek gäller till ${validUntil}`;
    expect(to(person.email!).map((m) => m.subject)).toEqual([subject]);
    expect(to(reviewer.email).map((m) => m.subject)).toEqual([subject]);
    expect(to(elsewhere.email)).toEqual([]);
    expect(inbox).toHaveLength(2);
    expect(await t.db.query(`SELECT user_id, title FROM notifications WHERE kind = 'declaration.lapsing'`)).toEqual([
      { user_id: reviewer.id, title: subject },
    ]);
  });
});

describe('GET /api/v1/expiring', () => {
  type Body = {
    memberships: { id: string; daysLeft: number | null; endingSoon: boolean; declarationLapsed: boolean }[];
    declarations: { personId: string; lapsed: boolean; reason: string | null }[];
  };
  const get = async (as: Session, days = 90) => {
    const res = await t.request({ method: 'GET', url: `/api/v1/expiring?days=${days}`, as });
    expect(res.statusCode, res.body).toBe(200);
    return res.json<Body>();
  };

  it("lists the seat ending in 25 days to the region's coordinator and an admin, not to another region's", async () => {
    expect((await get(f.coordinator)).memberships).toContainEqual(
      expect.objectContaining({ id: f.membershipId, daysLeft: 25, endingSoon: true, declarationLapsed: false }),
    );
    expect((await get(await t.newAdmin())).memberships.map((m) => m.id)).toContain(f.membershipId);
    expect((await get(f.coordinator, 20)).memberships.map((m) => m.id)).not.toContain(f.membershipId);
    expect(await get(f.otherCoordinator)).toMatchObject({ memberships: [], declarations: [] });
    expect(await get(await t.newUser())).toMatchObject({ memberships: [], declarations: [] });
    expect((await t.request({ method: 'GET', url: '/api/v1/expiring?days=90' })).statusCode).toBe(401);
    expect((await t.request({ method: 'GET', url: '/api/v1/expiring?days=-1', as: f.coordinator })).statusCode).toBe(400);
  });

  it('a lapsed declaration flags every seat its holder still has', async () => {
    await t.db.query('UPDATE jav_declarations SET valid_until = $2 WHERE person_id = $1', [f.chair.id, addDays(today, -1)]);
    const body = await get(f.coordinator);
    const chairSeats = body.memberships.filter((m) => m.declarationLapsed);
    expect(chairSeats).toHaveLength(1);
    expect(chairSeats[0]).toMatchObject({ daysLeft: null, endingSoon: false });
    expect(body.declarations).toContainEqual(expect.objectContaining({ personId: f.chair.id, lapsed: true, reason: 'expired' }));
  });
});
