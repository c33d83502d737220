import { beforeAll, describe, expect, it } from 'vitest';
import { submitJavDeclaration } from '../src/modules/people/submit-jav-declaration.js';
import { systemCtx } from '../src/platform/context.js';
import { buildGroup, buildPerson, buildUser } from '../src/testing/builders.js';
import { problem, useTestApp, type Session } from './helpers/app.js';

/** Register extracts, anonymisation and retention rules, in Region Blekinge ("10"). */
const t = useTestApp();
let coordinator: Session; // samordnare, Blekinge
let kalmar: Session; // samordnare, another region
let plain: Session;
let admin: Session;
let groupId: string;

const get = (as: Session | undefined, url: string) => t.request({ method: 'GET', url, ...(as ? { as } : {}) });
const post = (as: Session, url: string, payload: Record<string, unknown>) => t.request({ method: 'POST', url, as, payload });

async function personWithHistory(o: { membershipEnd: string | null }) {
  const user = await buildUser(t.db);
  const person = await buildPerson(t.db, {
    email: user.email,
    homeOwner: '10',
    profession: 'Undersköterska',
    employer: 'Reumatikerförbundet',
    employerType: 'patient-organisation',
  });
  await t.db.query(`UPDATE persons SET hsa_id = $2 WHERE id = $1`, [person.id, `SE2321000081-${person.id.slice(0, 6)}`]);
  await submitJavDeclaration(t.db, systemCtx('test'), person.id, {
    nothingToDeclare: false,
    interests: [{ category: 'other', description: 'Styrelseledamot i patientföreningen' }],
  });
  await t.db.query(
    `INSERT INTO memberships (group_id, person_id, role, start_date, end_date) VALUES ($1, $2, 'ledamot', '2023-01-01', $3)`,
    [groupId, person.id, o.membershipEnd],
  );
  return { person, self: await t.login(user.email) };
}

beforeAll(async () => {
  coordinator = await t.newUser([{ role: 'samordnare', scopeType: 'region', scopeId: '10' }]);
  kalmar = await t.newUser([{ role: 'samordnare', scopeType: 'region', scopeId: '08' }]);
  plain = await t.newUser();
  admin = await t.newAdmin();
  groupId = (await buildGroup(t.db, { kind: 'forum', level: 'region', owner: '10' })).id;
});

describe('register extract', () => {
  it('gives the person everything, declaration contents included, as JSON and DOCX', async () => {
    const { person, self } = await personWithHistory({ membershipEnd: null });
    const res = await get(self, `/api/v1/people/${person.id}/register-extract`);
    expect(res.statusCode, res.body).toBe(200);
    const x = res.json();
    expect(x.person).toMatchObject({ id: person.id, profession: 'Undersköterska' });
    expect(x.memberships).toHaveLength(1);
    expect(x.declarationDetailsIncluded).toBe(true);
    expect(JSON.stringify(x.declarations)).toContain('Styrelseledamot i patientföreningen');
    expect(x.auditEvents.map((e: { action: string }) => e.action)).toContain('create');
    expect(x.retention.length).toBeGreaterThanOrEqual(5);
    const docx = await get(self, `/api/v1/people/${person.id}/register-extract.docx`);
    expect(docx.statusCode).toBe(200);
    expect(docx.headers['content-type']).toContain('wordprocessingml');
    expect(docx.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });

  it('shows the coordinator the record without declaration contents; admins see them', async () => {
    const { person } = await personWithHistory({ membershipEnd: null });
    const x = (await get(coordinator, `/api/v1/people/${person.id}/register-extract`)).json();
    expect(x.declarationDetailsIncluded).toBe(false);
    expect(JSON.stringify(x)).not.toContain('Styrelseledamot');
    expect(x.declarations[0]).toMatchObject({ status: 'submitted', interests: null });
    const a = (await get(admin, `/api/v1/people/${person.id}/register-extract`)).json();
    expect(JSON.stringify(a.declarations)).toContain('Styrelseledamot');
  });

  it('is 404 for other regions and plain users, 401 without sign-in', async () => {
    const { person } = await personWithHistory({ membershipEnd: null });
    for (const as of [kalmar, plain]) {
      expect((await get(as, `/api/v1/people/${person.id}/register-extract`)).statusCode).toBe(404);
      expect((await get(as, `/api/v1/people/${person.id}/register-extract.docx`)).statusCode).toBe(404);
    }
    expect((await get(undefined, `/api/v1/people/${person.id}/register-extract`)).statusCode).toBe(401);
  });
});

describe('anonymisation', () => {
  const counts = async () =>
    Object.fromEntries(
      await Promise.all(
        ['persons', 'memberships', 'jav_declarations', 'compensation_claims', 'compensation_participants', 'audit_events'].map(
          async (table) => [table, (await t.db.query<{ n: number }>(`SELECT count(*) AS n FROM ${table}`))[0]!.n] as const,
        ),
      ),
    );

  it('is refused with 422 while a membership runs, and changes nothing', async () => {
    const { person } = await personWithHistory({ membershipEnd: null });
    const preview = (await get(coordinator, `/api/v1/people/${person.id}/anonymisation`)).json();
    expect(preview.blockers).toHaveLength(1);
    expect(preview.blockers[0].text).toContain('har inget slutdatum');
    const before = await counts();
    const res = await post(coordinator, `/api/v1/people/${person.id}/anonymise`, { version: 1, confirm: true });
    expect(problem(res)).toMatchObject({ status: 422, body: { errors: [{ path: 'memberships' }] } });
    expect(await counts()).toEqual(before);
    expect((await get(coordinator, `/api/v1/people/${person.id}`)).json().name).toBe(person.name);
  });

  it('replaces the identity with a pseudonym, deletes no rows and keeps the event in the audit trail', async () => {
    const { person, self } = await personWithHistory({ membershipEnd: '2025-12-31' });
    const preview = (await get(coordinator, `/api/v1/people/${person.id}/anonymisation`)).json();
    expect(preview.blockers).toEqual([]);
    expect(preview.records.find((r: { recordType: string }) => r.recordType === 'membership')).toMatchObject({
      count: 1,
      onAnonymisation: 'keep-pseudonymised',
    });
    expect(preview.records.find((r: { recordType: string }) => r.recordType === 'jav-declaration')).toMatchObject({
      count: 1,
      onAnonymisation: 'keep',
    });
    const before = await counts();
    const res = await post(coordinator, `/api/v1/people/${person.id}/anonymise`, { version: 1, confirm: true });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      name: preview.pseudonym,
      email: null,
      hsaId: null,
      profession: null,
      employer: 'Reumatikerförbundet',
    });
    expect(res.json().name).toMatch(/^Anonymiserad person [0-9A-F]{4}$/);
    const after = await counts();
    expect(after).toEqual({ ...before, audit_events: before.audit_events! + 1 });
    const [event] = await t.db.query<{ after: { name: string }; before: unknown }>(
      `SELECT before, after FROM audit_events WHERE entity_type = 'person' AND entity_id = $1 AND action = 'anonymise'`,
      [person.id],
    );
    expect(event!.after.name).toBe(preview.pseudonym);
    expect(JSON.stringify(event)).not.toContain(person.name);
    // the membership remains, now under the pseudonym
    const members = (await get(coordinator, `/api/v1/groups/${groupId}/memberships`)).json<{
      items: { personId: string; personName: string }[];
    }>();
    expect(members.items.find((m) => m.personId === person.id)?.personName).toBe(preview.pseudonym);
    // the former user is no longer linked to the record
    expect((await get(self, `/api/v1/people/${person.id}/register-extract`)).statusCode).toBe(404);
    // twice is a conflict
    expect((await post(coordinator, `/api/v1/people/${person.id}/anonymise`, { version: 2, confirm: true })).statusCode).toBe(
      409,
    );
  });

  it('needs an administrator or the coordinator of the home register; confirmation and version are required', async () => {
    const { person, self } = await personWithHistory({ membershipEnd: '2025-12-31' });
    expect((await post(kalmar, `/api/v1/people/${person.id}/anonymise`, { version: 1, confirm: true })).statusCode).toBe(404);
    expect((await post(plain, `/api/v1/people/${person.id}/anonymise`, { version: 1, confirm: true })).statusCode).toBe(404);
    expect((await post(self, `/api/v1/people/${person.id}/anonymise`, { version: 1, confirm: true })).statusCode).toBe(403);
    expect((await get(self, `/api/v1/people/${person.id}/anonymisation`)).statusCode).toBe(403);
    expect((await post(admin, `/api/v1/people/${person.id}/anonymise`, { version: 1, confirm: false })).statusCode).toBe(422);
    expect((await post(admin, `/api/v1/people/${person.id}/anonymise`, { version: 7, confirm: true })).statusCode).toBe(409);
    expect((await post(admin, `/api/v1/people/${person.id}/anonymise`, { version: 1, confirm: true })).statusCode).toBe(200);
  });
});

describe('retention rules', () => {
  it('lists the rules with their legal basis; only administrators change them', async () => {
    const list = (await get(plain, '/api/v1/retention-rules')).json<{
      items: { recordType: string; legalBasis: string; version: number }[];
    }>();
    const claims = list.items.find((r) => r.recordType === 'compensation-claim')!;
    expect(claims.legalBasis).toContain('bokföringslagen');
    const body = {
      label: 'Ersättningsanspråk',
      retentionYears: 10,
      retention: 'Tio år enligt regionens beslut.',
      legalBasis: claims.legalBasis,
    };
    const put = (as: Session, version: number) =>
      t.request({ method: 'PUT', url: '/api/v1/retention-rules/compensation-claim', as, payload: { ...body, version } });
    expect((await put(coordinator, claims.version)).statusCode).toBe(403);
    const ok = await put(admin, claims.version);
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ retentionYears: 10, onAnonymisation: 'keep-pseudonymised' });
    expect((await put(admin, claims.version)).statusCode).toBe(409);
    expect(
      (await t.request({ method: 'PUT', url: '/api/v1/retention-rules/okand', as: admin, payload: { ...body, version: 1 } }))
        .statusCode,
    ).toBe(404);
  });
});
