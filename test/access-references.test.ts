import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type RoleCode } from '../src/platform/auth/policy.js';
import type { App } from '../src/platform/http/app.js';
import { addCaseClassification } from '../src/modules/cases/add-case-classification.js';
import { addAgendaItem } from '../src/modules/meetings/add-agenda-item.js';
import { createMeeting } from '../src/modules/meetings/create-meeting.js';
import { createParagraph } from '../src/modules/meetings/write-paragraph.js';
import { systemCtx } from '../src/platform/context.js';
import { buildAdmin, buildCase, buildDeclaredPerson, buildGroup } from '../src/testing/builders.js';
import { ACCESS, setupFixtures } from './access/index.js';
import { OWN_SCOPE } from './access/permissions.js';
import {
  BODY_REFERENCES,
  NOT_REFERENCES,
  referenceFieldsOf,
  scanName,
  withReference,
  type RefKind,
} from './access/references.js';
import type { SandboxDb } from './access/sandbox.js';
import { openSandboxApp, sandboxClient } from './access/sandbox-app.js';
import type { Fixture } from './access/types.js';
import type { Session } from './helpers/app.js';
import { dropTestDatabases } from './helpers/db.js';
import { daysFromToday, useClock } from './helpers/clock.js';

/**
 * The access matrix's "references" dimension (the trust issue's finding 3, as a class): every
 * write whose body names another object (test/access/references.ts), sent by a caller who may
 * make the write, with the field pointing at an object that caller may not see — Region Kalmar's
 * person, group or case for a caller holding every role in Blekinge and Södra, or an id that
 * names nothing (and, for administrators, who see everything, always that). The answer is 404,
 * as for the GET of that object, and nothing is written. Each request is rolled back.
 */
const NOWHERE = '00000000-0000-4000-8000-00000000dead';
const ROLE_CODES = (Object.keys(ROLES) as RoleCode[]).filter((r) => r !== 'admin');

// The fixtures plan rounds, surveys and meetings on real dates of the calendar as of this day.
useClock('2026-11-26');

let db: SandboxDb;
let app: App;
let f: Fixture = {};
let regional: Session;
let admin: Session;
const foreign: Partial<Record<RefKind, string>> = {};

const { request, login, newUser, auditCount } = sandboxClient(
  () => app,
  () => db,
);
const method = (key: string) => key.split(' ')[0] as 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
const short = (r: LightMyRequestResponse) => `${r.statusCode} ${r.body.slice(0, 200)}`;

beforeAll(async () => {
  ({ db, app } = await openSandboxApp());
  f = await setupFixtures({ db, newUser, request });
  regional = await newUser(
    ROLE_CODES.flatMap((role) => [
      { role, scopeType: 'region', scopeId: '10' } as const,
      { role, scopeType: 'healthcare-region', scopeId: 'sodra' } as const,
    ]),
  );
  admin = await login((await buildAdmin(db)).email);
  foreign.person = (await buildDeclaredPerson(db, { homeOwner: '08' })).id;
  foreign.group = (await buildGroup(db, { kind: 'forum', level: 'region', owner: '08', name: 'Kalmars forum' })).id;
  foreign.case = (await buildCase(db, { region: '08' })).id;
  // A § of Kalmar's forum (an implementation status names the § of its decision).
  const kalmarMeeting = await createMeeting(db, systemCtx('references'), foreign.group, { date: daysFromToday(-14) });
  const kalmarItem = await addAgendaItem(db, systemCtx('references'), kalmarMeeting.id, { title: 'Kalmars punkt' });
  foreign.paragraph = await createParagraph(db, systemCtx('references'), kalmarMeeting.id, { agendaItemId: kalmarItem });
  await db.query(`UPDATE meetings SET minutes_status = 'justerat', minutes_locked_at = now() WHERE id = $1`, [kalmarMeeting.id]);
  foreign.classification = (
    await addCaseClassification(db, systemCtx('references'), { region: '08', code: '1', title: 'Kalmars klass' })
  ).id;
}, 240_000);

afterAll(async () => {
  await app?.close();
  await db?.close();
  await dropTestDatabases();
});

describe('every reference in a write is checked against what the caller may see', () => {
  it('every write field that looks like a reference is declared (test/access/references.ts)', async () => {
    const declared = new Set([
      ...Object.entries(BODY_REFERENCES).flatMap(([key, refs]) => refs.map((r) => `${key} ${scanName(r.field)}`)),
      ...Object.keys(NOT_REFERENCES),
    ]);
    const found = referenceFieldsOf(app.swagger());
    expect(
      found.filter((x) => !declared.has(x)),
      'undeclared reference fields',
    ).toEqual([]);
    expect(
      [...declared].filter((x) => !found.includes(x)),
      'stale declarations',
    ).toEqual([]);
  });

  it('every such write documents the 404 in the OpenAPI document', () => {
    const doc = app.swagger() as unknown as { paths: Record<string, Record<string, { responses: Record<string, unknown> }>> };
    // Routes whose every reference is a known gap are left to their module.
    const checked = Object.entries(BODY_REFERENCES).filter(([, refs]) => refs.some((r) => !r.pending));
    const without = checked
      .map(([key]) => key)
      .filter((key) => {
        const [m, path] = key.split(' ') as [string, string];
        return !('404' in (doc.paths[path]?.[m.toLowerCase()]?.responses ?? {}));
      });
    expect(without).toEqual([]);
  });

  for (const [key, refs] of Object.entries(BODY_REFERENCES)) {
    for (const ref of refs) {
      const test = ref.pending ? it.fails : it;
      test(`${key} ${ref.field}${ref.pending ? ` (known gap: ${ref.pending})` : ''}`, async () => {
        const entry = ACCESS[key];
        expect(entry, `${key} is not in the access matrix`).toBeDefined();
        const [access, matrixReq] = entry!;
        const rule = OWN_SCOPE[key];
        const as = access === 'admin' ? admin : regional;
        const target = access === 'admin' ? NOWHERE : (foreign[ref.kind] ?? NOWHERE);
        await db.run(async () => {
          const extra = rule?.prep
            ? await rule.prep({
                db,
                f,
                admin: async (m, url, payload) => {
                  const res = await request({ method: m, url, as: admin, ...(payload ? { payload } : {}) });
                  if (res.statusCode >= 300) throw new Error(`prep ${m} ${url} → ${short(res)}`);
                  return res;
                },
              })
            : {};
          const req = (rule?.request ?? matrixReq)({ ...f, ...extra });
          const before = await auditCount();
          const res = await request({
            method: method(key),
            as,
            ...req,
            payload: withReference(req.payload ?? {}, ref.field, target),
          });
          expect(res.statusCode, `${key} with ${ref.field} → ${short(res)}`).toBe(404);
          expect(await auditCount(), `${key} with ${ref.field}: nothing written`).toBe(before);
        });
      });
    }
  }
});
