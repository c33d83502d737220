import { beforeAll, describe, expect, it } from 'vitest';
import { notifyPersons } from '../src/modules/notifications/notify.js';
import { jobHandlers } from '../src/jobs.js';
import { drainJobs } from '../src/platform/jobs/worker.js';
import { buildPerson, buildUser } from '../src/testing/builders.js';
import { useTestApp, type Session } from './helpers/app.js';

const t = useTestApp({ publicUrl: 'https://navet.example.se' });
let anna: Session;
let bertil: Session;
let annaPerson: string;
let noAccountPerson: string;

beforeAll(async () => {
  const a = await buildPerson(t.db, { homeOwner: '10' });
  const b = await buildPerson(t.db, { homeOwner: '10' });
  noAccountPerson = (await buildPerson(t.db, { homeOwner: '10' })).id;
  annaPerson = a.id;
  await buildUser(t.db, { email: a.email! });
  await buildUser(t.db, { email: b.email! });
  anna = await t.login(a.email!);
  bertil = await t.login(b.email!);
});

const drain = () => drainJobs(t.db, jobHandlers(t.db, t.config));

describe('notifications', () => {
  it('are delivered by the worker in the app and by e-mail, once, also when enqueued twice', async () => {
    const notice = {
      kind: 'minutes.ready-for-approval' as const,
      personIds: [annaPerson, noAccountPerson],
      title: 'Protokoll att justera',
      body: 'Protokollet väntar på din justering.',
      link: '/moten/moten/123',
      dedupeKey: 'test-1',
    };
    await t.db.transaction((tx) => notifyPersons(tx, notice));
    await t.db.transaction((tx) => notifyPersons(tx, notice));
    await drain();
    await drain();
    const list = (await t.request({ method: 'GET', url: '/api/v1/notifications', as: anna })).json();
    expect(list.unread).toBe(1);
    expect(list.items).toHaveLength(1);
    expect(list.items[0]).toMatchObject({
      kind: 'minutes.ready-for-approval',
      title: 'Protokoll att justera',
      link: '/moten/moten/123',
      readAt: null,
    });
    const mails = await t.db.query<{ body_text: string }>(
      `SELECT body_text FROM outbound_emails WHERE subject = 'Protokoll att justera'`,
    );
    expect(mails).toHaveLength(2); // Anna and the person without an account
    expect(mails[0]!.body_text).toContain('https://navet.example.se/moten/moten/123');
  });

  it('are private: another user sees none and cannot mark them read', async () => {
    expect((await t.request({ method: 'GET', url: '/api/v1/notifications', as: bertil })).json().items).toEqual([]);
    const id = (await t.request({ method: 'GET', url: '/api/v1/notifications', as: anna })).json().items[0].id;
    expect((await t.request({ method: 'POST', url: `/api/v1/notifications/${id}/read`, as: bertil })).statusCode).toBe(404);
    expect((await t.request({ method: 'GET', url: '/api/v1/notifications' })).statusCode).toBe(401);
  });

  it('are marked read one by one or all at once, audited', async () => {
    await t.db.transaction((tx) =>
      notifyPersons(tx, {
        kind: 'meeting.notice',
        personIds: [annaPerson],
        title: 'Kallelse',
        body: 'Möte',
        link: null,
        dedupeKey: 'test-2',
      }),
    );
    await drain();
    const items = (await t.request({ method: 'GET', url: '/api/v1/notifications', as: anna })).json().items;
    expect(items).toHaveLength(2);
    const read = await t.request({ method: 'POST', url: `/api/v1/notifications/${items[0].id}/read`, as: anna });
    expect(read.statusCode).toBe(200);
    expect(read.json().readAt).not.toBeNull();
    expect((await t.request({ method: 'GET', url: '/api/v1/notifications?unread=true', as: anna })).json().items).toHaveLength(1);
    const all = await t.request({ method: 'POST', url: '/api/v1/notifications/read-all', as: anna });
    expect(all.json()).toEqual({ marked: 1 });
    expect((await t.request({ method: 'GET', url: '/api/v1/notifications', as: anna })).json().unread).toBe(0);
    const audit = await t.db.query<{ action: string }>(
      `SELECT action FROM audit_events WHERE entity_type = 'notification' ORDER BY occurred_at`,
    );
    expect(audit.map((a) => a.action)).toEqual(['read', 'read-all']);
  });

  it('pages with a cursor', async () => {
    for (let i = 0; i < 3; i++) {
      await t.db.transaction((tx) =>
        notifyPersons(tx, {
          kind: 'meeting.notice',
          personIds: [annaPerson],
          title: `Kallelse ${i}`,
          body: '',
          link: null,
          dedupeKey: `page-${i}`,
        }),
      );
    }
    await drain();
    const first = (await t.request({ method: 'GET', url: '/api/v1/notifications?limit=2', as: anna })).json();
    expect(first.items).toHaveLength(2);
    const second = (
      await t.request({ method: 'GET', url: `/api/v1/notifications?limit=2&cursor=${first.nextCursor}`, as: anna })
    ).json();
    expect(second.items).toHaveLength(2);
    expect(new Set([...first.items, ...second.items].map((n: { id: string }) => n.id)).size).toBe(4);
  });
});
