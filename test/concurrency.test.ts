import type { LightMyRequestResponse } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { ACCESS_MODULES } from './access/index.js';
import type { Fixture, Req } from './access/types.js';
import { useTestApp, type Session } from './helpers/app.js';

/**
 * Operations that must happen once: N identical requests at the same moment → exactly one
 * succeeds, every other one gets 409 (ASVS 15.4.2; Decidim's "ten threads, one winner").
 * On the PostgreSQL server (npm run test:pg) the requests really run in parallel on separate
 * connections; on PGlite they interleave on one.
 *
 * The requests are the valid requests of the access matrix (test/access/*.ts) on its fixtures,
 * sent by an administrator, so adding a row is one line: the route key as in the OpenAPI
 * document, and optionally a request of its own. Rows for routes that do not exist yet stay
 * in PLANNED until their module lands.
 */
const N = 8;

interface Row {
  /** 'once': one 2xx, the rest 409. 'unique': all succeed, each with a distinct `field`. */
  expect: 'once' | 'unique';
  field?: string;
  /** A request of its own, when the matrix's request is not one that can succeed. */
  request?: Req;
}

const ROWS: Record<string, Row> = {
  'POST /api/v1/jav-declarations/{id}/review': { expect: 'once' },
  'POST /api/v1/groups/{id}/close': { expect: 'once' },
  'POST /api/v1/cases': { expect: 'unique', field: 'caseNumber' },
  'POST /api/v1/compensation/claims/{id}/approve': { expect: 'once' },
  'POST /api/v1/consultation-joint-answers/{id}/approve': { expect: 'once' },
  'POST /api/v1/nominations/{id}/decision': { expect: 'once' },
};

/** Operations the issue names whose routes do not exist yet: add them to ROWS when they do. */
const PLANNED = [
  'close a case (POST /api/v1/cases/{id}/close) — no such route yet',
  'decide an answer (POST /api/v1/consultation-answers/{id}/decide) — the matrix fixture is still out on survey; needs a row with a decidable answer',
  'justera minutes (POST /api/v1/meetings/{id}/minutes/approve) — must be sent by the appointed adjusters; needs a row with their session',
];

const MATRIX: Record<string, Req> = {};
for (const m of ACCESS_MODULES) for (const [k, [, req]] of Object.entries(m.routes)) MATRIX[k] = req;

const t = useTestApp();
const f: Fixture = {};
let admin: Session;

beforeAll(async () => {
  for (const m of ACCESS_MODULES) {
    if (!m.setup) continue;
    Object.assign(f, await m.setup({ db: t.db, newUser: (r) => t.newUser(r), request: (o) => t.request(o), fixture: f }));
  }
  admin = await t.newAdmin();
}, 300_000);

const short = (r: LightMyRequestResponse) => `${r.statusCode} ${r.body.slice(0, 160)}`;

describe(`${N} simultaneous identical requests`, () => {
  for (const [key, row] of Object.entries(ROWS)) {
    const exists = key in MATRIX;
    it.skipIf(!exists)(
      `${key} → ${row.expect === 'once' ? 'exactly one succeeds, the rest 409' : `all succeed with distinct ${row.field}`}`,
      async () => {
        const method = key.split(' ')[0] as 'POST' | 'PUT' | 'PATCH' | 'DELETE';
        const req = (row.request ?? MATRIX[key]!)(f);
        const all = await Promise.all(Array.from({ length: N }, () => t.request({ method, as: admin, ...req })));
        const ok = all.filter((r) => r.statusCode >= 200 && r.statusCode < 300);
        if (row.expect === 'once') {
          expect(ok.length, all.map(short).join('\n')).toBe(1);
          for (const r of all.filter((x) => x !== ok[0])) expect(r.statusCode, short(r)).toBe(409);
        } else {
          expect(ok.length, all.map(short).join('\n')).toBe(N);
          const values = ok.map((r) => r.json<Record<string, unknown>>()[row.field!]);
          expect(new Set(values).size, values.join(', ')).toBe(N);
        }
      },
    );
  }
  for (const p of PLANNED) it.todo(p);
});
