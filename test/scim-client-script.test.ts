import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_TEST_PASSWORD } from '../src/testing/builders.js';
import { useTestApp } from './helpers/app.js';
import { daysFromToday } from './helpers/clock.js';

/**
 * A SCIM client script, end to end over HTTP against a listening Navet: the requests Entra ID's
 * provisioning service sends, in its order and its shapes (RFC 7644 with Entra's habits: PATCH
 * op names capitalised, booleans as "False", groups created empty and filled by PATCH, members
 * removed by path filter), and what a person notices in Navet: the group's role lets them
 * register a case, leaving the group or being disabled takes it away. Runs on PGlite and, with
 * TEST_DATABASE_URL, on PostgreSQL.
 */
const t = useTestApp();
const USER = 'urn:ietf:params:scim:schemas:core:2.0:User';
const GROUP = 'urn:ietf:params:scim:schemas:core:2.0:Group';
const PATCH = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';
const LIST = 'urn:ietf:params:scim:api:messages:2.0:ListResponse';

let origin = '';
let token = '';
let adminCookie = '';
let adminCsrf = '';

type Json = Record<string, unknown> & { id?: string; Resources?: Json[]; members?: { value: string; display?: string }[] };
interface Reply {
  status: number;
  body: Json;
  headers: Headers;
}

async function http(method: string, path: string, o: { body?: unknown; headers?: Record<string, string> } = {}): Promise<Reply> {
  const res = await fetch(`${origin}${path}`, {
    method,
    headers: { ...(o.body !== undefined ? { 'content-type': 'application/json' } : {}), ...o.headers },
    ...(o.body !== undefined ? { body: JSON.stringify(o.body) } : {}),
  });
  const text = await res.text();
  return { status: res.status, body: text ? (JSON.parse(text) as Json) : {}, headers: res.headers };
}

/** What Entra ID sends: Bearer secret token, application/scim+json. */
const scim = (method: string, path: string, body?: unknown) =>
  http(method, `/scim/v2${path}`, {
    headers: { authorization: `Bearer ${token}`, ...(body !== undefined ? { 'content-type': 'application/scim+json' } : {}) },
    ...(body !== undefined ? { body } : {}),
  });
const asAdmin = (method: string, path: string, body?: unknown) =>
  http(method, path, { headers: { cookie: adminCookie, 'x-csrf-token': adminCsrf }, ...(body !== undefined ? { body } : {}) });
const q = (f: string) => encodeURIComponent(f);

async function signIn(email: string) {
  const res = await fetch(`${origin}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: DEFAULT_TEST_PASSWORD }),
  });
  expect(res.status).toBe(200);
  const body = (await res.json()) as { csrfToken: string };
  return { cookie: res.headers.get('set-cookie')!.split(';')[0]!, csrf: body.csrfToken };
}

beforeAll(async () => {
  origin = await t.app.listen({ host: '127.0.0.1', port: 0 });
  const admin = await t.newAdmin();
  adminCookie = admin.cookie;
  adminCsrf = admin.csrfToken;
  const client = await asAdmin('POST', '/api/v1/scim-clients', { name: 'Entra ID Region Blekinge', owner: '10' });
  expect(client.status).toBe(201);
  token = client.body.token as string;
  const mapped = await asAdmin('PUT', `/api/v1/scim-clients/${client.body.id as string}/group-roles`, {
    version: client.body.version,
    groupRoles: [{ group: 'Navet Registratorer Blekinge', role: 'registrator', scopeType: 'region', scopeId: '10' }],
  });
  expect(mapped.status).toBe(200);
});

describe('an Entra ID provisioning cycle over HTTP', () => {
  let userId = '';
  let groupId = '';
  let person: { cookie: string; csrf: string };
  const registerCase = () =>
    http('POST', '/api/v1/cases', {
      headers: { cookie: person.cookie, 'x-csrf-token': person.csrf },
      body: { region: '10', subject: 'Inkommen via katalogen', origin: 'local', sender: 'Test', receivedDate: daysFromToday(-1) },
    });

  it('reads the service provider’s configuration, finds no user, creates one and finds it by userName', async () => {
    const spc = await scim('GET', '/ServiceProviderConfig');
    expect(spc.status).toBe(200);
    expect(spc.headers.get('content-type')).toMatch(/^application\/scim\+json/);
    const types = await scim('GET', '/ResourceTypes');
    expect(types.body.Resources?.map((r) => r.id)).toEqual(['User', 'Group']);

    const none = await scim('GET', `/Users?filter=${q('userName eq "karin.lund@regionblekinge.se"')}`);
    expect(none.body).toMatchObject({ schemas: [LIST], totalResults: 0, Resources: [] });
    const created = await scim('POST', '/Users', {
      schemas: [USER, 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User'],
      externalId: 'SE2321000081-KL1',
      userName: 'karin.lund@regionblekinge.se',
      active: true,
      displayName: 'Karin Lund',
      emails: [{ primary: true, type: 'work', value: 'karin.lund@regionblekinge.se' }],
      name: { formatted: 'Karin Lund', familyName: 'Lund', givenName: 'Karin' },
    });
    expect(created.status).toBe(201);
    userId = created.body.id!;
    expect(created.headers.get('location')).toBe(`${t.config.publicUrl.replace(/\/$/, '')}/scim/v2/Users/${userId}`);
    const found = await scim('GET', `/Users?filter=${q('userName eq "karin.lund@regionblekinge.se"')}`);
    expect(found.body.totalResults).toBe(1);
    expect(found.body.Resources?.[0]?.id).toBe(userId);
  });

  it('PATCH replaces attributes the way Entra ID sends them', async () => {
    const res = await scim('PATCH', `/Users/${userId}`, {
      schemas: [PATCH],
      Operations: [
        { op: 'Replace', path: 'displayName', value: 'Karin Lund-Berg' },
        { op: 'Replace', path: 'name.familyName', value: 'Lund-Berg' },
        { op: 'Replace', path: 'emails[type eq "work"].value', value: 'karin.lundberg@regionblekinge.se' },
      ],
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      displayName: 'Karin Lund-Berg',
      name: { familyName: 'Lund-Berg' },
      emails: [{ value: 'karin.lundberg@regionblekinge.se' }],
    });
    // An administrator gives Karin a password so the test can sign in as her (she would use SITHS).
    const user = await asAdmin('GET', `/api/v1/users/${userId}`);
    expect(user.body.roles).toEqual([]);
    const pw = await asAdmin('PATCH', `/api/v1/users/${userId}`, { password: DEFAULT_TEST_PASSWORD, version: user.body.version });
    expect(pw.status).toBe(200);
    person = await signIn('karin.lundberg@regionblekinge.se');
    expect((await registerCase()).status).toBe(403);
  });

  it('creates the group empty, adds the member by PATCH, and the member holds the mapped role at once', async () => {
    const none = await scim(
      'GET',
      `/Groups?excludedAttributes=members&filter=${q('displayName eq "Navet Registratorer Blekinge"')}`,
    );
    expect(none.body).toMatchObject({ totalResults: 0, Resources: [] });
    const created = await scim('POST', '/Groups', {
      schemas: [GROUP],
      externalId: '3b1f0c2e-0000-4000-8000-00000000abcd',
      displayName: 'Navet Registratorer Blekinge',
      members: [],
    });
    expect(created.status).toBe(201);
    groupId = created.body.id!;
    const etag = created.headers.get('etag');
    expect(etag).toMatch(/^W\/"\d+"$/);
    expect((created.body.meta as { version: string }).version).toBe(etag);

    const add = await scim('PATCH', `/Groups/${groupId}`, {
      schemas: [PATCH],
      Operations: [{ op: 'Add', path: 'members', value: [{ value: userId }] }],
    });
    expect(add.status).toBe(204);
    expect(add.headers.get('etag')).not.toBe(etag);

    const group = await scim('GET', `/Groups/${groupId}`);
    expect(group.status).toBe(200);
    expect(group.body.members).toEqual([expect.objectContaining({ value: userId, display: 'Karin Lund-Berg' })]);
    const byMember = await scim('GET', `/Groups?filter=${q(`members[value eq "${userId}"]`)}&excludedAttributes=members`);
    expect(byMember.body.Resources?.map((r) => r.id)).toEqual([groupId]);
    expect((await registerCase()).status).toBe(201);
  });

  it('PATCH remove with a path filter takes the member out and the role away; added back, it returns', async () => {
    const remove = await scim('PATCH', `/Groups/${groupId}`, {
      schemas: [PATCH],
      Operations: [{ op: 'Remove', path: `members[value eq "${userId}"]` }],
    });
    expect(remove.status).toBe(204);
    expect((await scim('GET', `/Groups/${groupId}`)).body.members).toEqual([]);
    expect((await registerCase()).status).toBe(403);
    await scim('PATCH', `/Groups/${groupId}`, {
      schemas: [PATCH],
      Operations: [{ op: 'Add', path: 'members', value: [{ value: userId }] }],
    });
    expect((await registerCase()).status).toBe(201);
  });

  it('PATCH active "False" ends the user’s session and the group’s role stops working', async () => {
    const off = await scim('PATCH', `/Users/${userId}`, {
      schemas: [PATCH],
      Operations: [{ op: 'Replace', path: 'active', value: 'False' }],
    });
    expect(off.status).toBe(200);
    expect(off.body.active).toBe(false);
    expect((await http('GET', '/api/v1/me', { headers: { cookie: person.cookie } })).status).toBe(401);
    expect((await registerCase()).status).toBe(401);
    const login = await http('POST', '/api/v1/auth/login', {
      body: { email: 'karin.lundberg@regionblekinge.se', password: DEFAULT_TEST_PASSWORD },
    });
    expect(login.status).toBe(401);
    const user = await asAdmin('GET', `/api/v1/users/${userId}`);
    expect(user.body).toMatchObject({ disabled: true, roles: [] });
    // still a member in the directory's eyes: the membership is kept for when she is enabled again
    expect((await scim('GET', `/Groups/${groupId}`)).body.members?.map((m) => m.value)).toEqual([userId]);
  });

  it('DELETE of the group: 204, then 404, and gone from the list', async () => {
    const del = await scim('DELETE', `/Groups/${groupId}`);
    expect(del.status).toBe(204);
    expect((await scim('GET', `/Groups/${groupId}`)).status).toBe(404);
    const list = await scim('GET', '/Groups');
    expect(list.body.totalResults).toBe(0);
    const on = await scim('PATCH', `/Users/${userId}`, {
      schemas: [PATCH],
      Operations: [{ op: 'Replace', path: 'active', value: 'True' }],
    });
    expect(on.status).toBe(200);
    expect((await asAdmin('GET', `/api/v1/users/${userId}`)).body.roles).toEqual([]);
  });
});
