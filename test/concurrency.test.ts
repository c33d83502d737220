import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../src/platform/db/index.js';
import { buildConsultationRound, buildForumMember, buildGroup, buildLpo, buildUser } from '../src/testing/builders.js';
import { ACCESS, setupFixtures } from './access/index.js';
import type { Fixture, Req } from './access/types.js';
import { useTestApp, type Session } from './helpers/app.js';
import { daysFromToday, useClock } from './helpers/clock.js';

/**
 * Operations that must happen once: N identical requests at the same moment → exactly one
 * succeeds, every other one gets 409 (ASVS 15.4.2; Decidim's "ten threads, one winner").
 * On the PostgreSQL server (npm run test:pg) the requests really run in parallel on separate
 * connections; on PGlite they interleave on one.
 *
 * The requests are the valid requests of the access matrix (test/access/*.ts) on its fixtures,
 * sent by an administrator, so adding a row is one line: the route key as in the OpenAPI
 * document, and optionally a request of its own, a fixture of its own (`setup`) and who sends
 * it (`as`, made in setup). Rows for routes that do not exist yet stay in PLANNED until their
 * module lands.
 */
const N = 8;

interface RowContext {
  db: Db;
  /** The access matrix's fixtures. */
  f: Fixture;
  /** A user without roles, signed in, with the given e-mail address (links them to a person). */
  userWithEmail: (email: string) => Promise<Session>;
  /** A request as an administrator; throws unless it succeeds. */
  admin: (method: InjectOptions['method'], url: string, payload?: Record<string, unknown>) => Promise<LightMyRequestResponse>;
}

interface Row {
  /**
   * 'once': one 2xx, the rest 409. 'unique': all succeed, each with a distinct `field`.
   */
  expect: 'once' | 'unique';
  field?: string;
  /** A request of its own, when the matrix's request is not one that can succeed. */
  request?: Req;
  /** A fixture of its own (added to the matrix's), and who sends the requests when not an administrator. */
  setup?: (c: RowContext) => Promise<{ fixture?: Fixture; as?: Session }>;
  /** After the race: the state that must hold (exactly one effect). */
  after?: (c: RowContext & { f: Fixture }) => Promise<void>;
}

const one = async (db: Db, sql: string, params: unknown[]) => (await db.query<{ n: number }>(sql, params))[0]!.n;

const ROWS: Record<string, Row> = {
  'POST /api/v1/jav-declarations/{id}/review': { expect: 'once' },
  'POST /api/v1/groups/{id}/close': { expect: 'once' },
  'POST /api/v1/cases': { expect: 'unique', field: 'caseNumber' },
  'POST /api/v1/compensation/claims/{id}/approve': { expect: 'once' },
  'POST /api/v1/consultation-joint-answers/{id}/approve': { expect: 'once' },
  'POST /api/v1/nominations/{id}/decision': { expect: 'once' },
  // Two administrators rotating one SCIM client's key at once: one new key, not two.
  'POST /api/v1/scim-clients/{id}/rotate': { expect: 'once' },
  // Closing a case: a decided case without open action items goes to "avslutad".
  'POST /api/v1/cases/{id}/transitions': {
    expect: 'once',
    setup: async ({ admin, f }) => {
      const id = (
        await admin('POST', '/api/v1/cases', {
          region: '10',
          subject: 'Avslutas en gång',
          origin: 'local',
          sender: 'Test',
          receivedDate: '2026-11-02',
        })
      ).json<{ id: string }>().id;
      let version = 1;
      for (const step of [
        { to: 'under-beredning' },
        { to: 'for-beslut', forumGroupId: f.meetingsForumId },
        { to: 'beslutad', decisionRef: 'KR § 9' },
      ]) {
        version = (await admin('POST', `/api/v1/cases/${id}/transitions`, { ...step, version })).json<{ version: number }>()
          .version;
      }
      return { fixture: { closeCaseId: id, closeCaseVersion: String(version) } };
    },
    request: (f) => ({
      url: `/api/v1/cases/${f.closeCaseId}/transitions`,
      payload: { to: 'avslutad', version: Number(f.closeCaseVersion) },
    }),
    after: async ({ db, f }) => {
      expect(
        await one(db, `SELECT count(*) AS n FROM case_transitions WHERE case_id = $1 AND to_status = 'avslutad'`, [
          f.closeCaseId,
        ]),
      ).toBe(1);
    },
  },
  // Deciding a consultation answer that the beredning forum has prepared.
  'POST /api/v1/consultation-answers/{id}/decide': {
    expect: 'once',
    setup: async ({ db, admin }) => {
      const round = await buildConsultationRound(db, { title: 'Beslutas en gång' });
      const lpo = await buildLpo(db, { region: '10', programAreaId: 'hjart-och-karlsjukdomar', name: 'Samtidighetens LPO' });
      const forum = await buildGroup(db, { kind: 'council', level: 'region', owner: '10', name: 'Samtidighetens råd' });
      const a = (await admin('POST', '/api/v1/consultation-answers', { roundId: round.id, region: '10' })).json<{
        id: string;
        version: number;
      }>();
      const url = `/api/v1/consultation-answers/${a.id}`;
      let version = (
        await admin('POST', `${url}/routing`, {
          groupIds: [lpo.id],
          leadGroupId: lpo.id,
          beredningGroupId: forum.id,
          decisionGroupId: forum.id,
          version: a.version,
        })
      ).json<{ version: number }>().version;
      for (const step of ['start-draft', 'draft-ready', 'prepare'])
        version = (await admin('POST', `${url}/${step}`, { version })).json<{ version: number }>().version;
      return { fixture: { decideAnswerId: a.id, decideVersion: String(version) } };
    },
    request: (f) => ({
      url: `/api/v1/consultation-answers/${f.decideAnswerId}/decide`,
      payload: { version: Number(f.decideVersion), decisionRef: 'KR § 3', decidedOn: '2026-11-02' },
    }),
    after: async ({ db, f }) => {
      expect(
        await one(db, `SELECT count(*) AS n FROM audit_events WHERE entity_id = $1 AND after->>'action' = 'decide'`, [
          f.decideAnswerId,
        ]),
      ).toBe(1);
    },
  },
  // Justering: the appointed adjuster approves once; the other simultaneous approvals get 409.
  'POST /api/v1/meetings/{id}/minutes/approve': {
    expect: 'once',
    setup: async ({ db, admin, userWithEmail }) => {
      const forum = await buildGroup(db, { kind: 'council', level: 'region', owner: '10', name: 'Samtidighetens kunskapsråd' });
      const email = 'justerare.samtidighet@example.se';
      const adjuster = await buildForumMember(db, { groupId: forum.id, role: 'ledamot', email });
      // Held a week ago: minutes are written and justerade from the meeting's day.
      const meeting = (await admin('POST', `/api/v1/forums/${forum.id}/meetings`, { date: daysFromToday(-7) })).json<{
        id: string;
        version: number;
      }>();
      const url = `/api/v1/meetings/${meeting.id}`;
      await admin('POST', `${url}/paragraphs`, { title: 'Information', decisionKind: 'information' });
      const v1 = (await db.query<{ version: number }>('SELECT version FROM meetings WHERE id = $1', [meeting.id]))[0]!.version;
      await admin('PUT', `${url}/adjusters`, { personIds: [adjuster.id], version: v1 });
      const v2 = (await db.query<{ version: number }>('SELECT version FROM meetings WHERE id = $1', [meeting.id]))[0]!.version;
      await admin('POST', `${url}/minutes/submit`, { version: v2 });
      return { fixture: { justeraMeetingId: meeting.id }, as: await userWithEmail(email) };
    },
    request: (f) => ({ url: `/api/v1/meetings/${f.justeraMeetingId}/minutes/approve` }),
    after: async ({ db, f }) => {
      const [m] = await db.query<{ minutes_status: string }>('SELECT minutes_status FROM meetings WHERE id = $1', [
        f.justeraMeetingId,
      ]);
      expect(m!.minutes_status).toBe('justerat');
      expect(
        await one(db, `SELECT count(*) AS n FROM audit_events WHERE entity_id = $1 AND action = 'lock-minutes'`, [
          f.justeraMeetingId,
        ]),
      ).toBe(1);
    },
  },
};

/** Operations the issue names whose routes do not exist yet: add them to ROWS when they do. */
const PLANNED: string[] = [];

const MATRIX: Record<string, Req> = Object.fromEntries(Object.entries(ACCESS).map(([k, [, req]]) => [k, req]));

const t = useTestApp();
// The fixtures plan rounds, surveys and meetings on real dates of the calendar as of this day.
useClock('2026-11-26');
let f: Fixture = {};
let admin: Session;
let ctx: RowContext;

beforeAll(async () => {
  f = await setupFixtures({ db: t.db, newUser: (r) => t.newUser(r), request: (o) => t.request(o) });
  admin = await t.newAdmin();
  ctx = {
    db: t.db,
    f,
    userWithEmail: async (email) => t.login((await buildUser(t.db, { email })).email),
    admin: async (method, url, payload) => {
      const res = await t.request({ method, url, as: admin, ...(payload ? { payload } : {}) });
      if (res.statusCode >= 300) throw new Error(`${method} ${url} → ${res.statusCode} ${res.body.slice(0, 300)}`);
      return res;
    },
  };
}, 300_000);

const short = (r: LightMyRequestResponse) => `${r.statusCode} ${r.body.slice(0, 160)}`;

describe(`${N} simultaneous identical requests`, () => {
  for (const [key, row] of Object.entries(ROWS)) {
    const exists = key in MATRIX;
    it.skipIf(!exists)(
      `${key} → ${row.expect === 'once' ? 'exactly one succeeds, the rest 409' : `all succeed with distinct ${row.field}`}`,
      async () => {
        const method = key.split(' ')[0] as 'POST' | 'PUT' | 'PATCH' | 'DELETE';
        const own = row.setup ? await row.setup(ctx) : {};
        const rf = { ...f, ...own.fixture };
        const req = (row.request ?? MATRIX[key]!)(rf);
        const as = own.as ?? admin;
        const all = await Promise.all(Array.from({ length: N }, () => t.request({ method, as, ...req })));
        const ok = all.filter((r) => r.statusCode >= 200 && r.statusCode < 300);
        if (row.expect === 'once') {
          expect(ok.length, all.map(short).join('\n')).toBe(1);
          for (const r of all.filter((x) => x !== ok[0])) expect(r.statusCode, short(r)).toBe(409);
        } else {
          expect(ok.length, all.map(short).join('\n')).toBe(N);
          const values = ok.map((r) => r.json<Record<string, unknown>>()[row.field!]);
          expect(new Set(values).size, values.join(', ')).toBe(N);
        }
        await row.after?.({ ...ctx, f: rf });
      },
    );
  }
  for (const p of PLANNED) it.todo(p);
});
