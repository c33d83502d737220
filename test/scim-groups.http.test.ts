import type { LightMyRequestResponse } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_TEST_PASSWORD } from '../src/testing/builders.js';
import { useTestApp, type Session } from './helpers/app.js';
import { daysFromToday } from './helpers/clock.js';

/**
 * SCIM Groups (RFC 7643 §4.2, RFC 7644) and what a group means in Navet: an administrator maps a
 * client's group to a role at a scope inside the client's register; members hold the role while
 * they are in the group and active. Grants never exceed the client's register.
 */
const t = useTestApp();
const USER = 'urn:ietf:params:scim:schemas:core:2.0:User';
const GROUP = 'urn:ietf:params:scim:schemas:core:2.0:Group';
const PATCH = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';
const ERROR = 'urn:ietf:params:scim:api:messages:2.0:Error';

type Json = Record<string, unknown> & { Resources?: Record<string, unknown>[] };
let admin: Session;
let blekinge: { id: string; token: string; version: number };
let kalmar: { id: string; token: string; version: number };

function scim(method: string, url: string, token: string, body?: unknown, headers: Record<string, string> = {}) {
  return t.app.inject({
    method: method as 'GET',
    url: `/scim/v2${url}`,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body !== undefined ? { 'content-type': 'application/scim+json' } : {}),
      ...headers,
    },
    ...(body !== undefined ? { payload: JSON.stringify(body) } : {}),
  });
}
const json = (res: LightMyRequestResponse) => res.json<Json>();
function expectScimError(res: LightMyRequestResponse, status: number, scimType?: string) {
  expect(res.statusCode, res.body).toBe(status);
  expect(res.headers['content-type']).toMatch(/^application\/scim\+json/);
  expect(json(res)).toMatchObject({ schemas: [ERROR], status: String(status), ...(scimType ? { scimType } : {}) });
}

async function newClient(owner: string, name: string) {
  const res = await t.request({ method: 'POST', url: '/api/v1/scim-clients', as: admin, payload: { name, owner } });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ id: string; token: string; version: number }>();
}

async function provisionUser(token: string, userName: string) {
  const res = await scim('POST', '/Users', token, {
    schemas: [USER],
    userName,
    displayName: userName.split('@')[0],
    emails: [{ type: 'work', value: userName, primary: true }],
    active: true,
  });
  expect(res.statusCode, res.body).toBe(201);
  return json(res).id as string;
}

async function mapGroups(client: { id: string }, groupRoles: unknown[]) {
  const current = await t.request({ method: 'GET', url: `/api/v1/scim-clients/${client.id}/groups`, as: admin });
  return t.request({
    method: 'PUT',
    url: `/api/v1/scim-clients/${client.id}/group-roles`,
    as: admin,
    payload: { version: current.json<{ version: number }>().version, groupRoles },
  });
}

const groupRolesOf = async (userId: string) =>
  t.db.query<{ role: string; scope_type: string; scope_id: string; by_group: boolean }>(
    `SELECT role, scope_type, scope_id, scim_group_id IS NOT NULL AS by_group FROM role_assignments WHERE user_id = $1 ORDER BY role`,
    [userId],
  );

beforeAll(async () => {
  admin = await t.newAdmin();
  blekinge = await newClient('10', 'Entra ID Region Blekinge');
  kalmar = await newClient('08', 'Entra ID Region Kalmar');
});

describe('the mapping an administrator sets', () => {
  it('refuses admin, a scope outside the client’s register and an unknown region (422), and keeps the version', async () => {
    for (const [line, path] of [
      [{ group: 'Navet admin', role: 'admin', scopeType: 'system', scopeId: '' }, 'groupRoles.0.role'],
      [{ group: 'Kalmar', role: 'registrator', scopeType: 'region', scopeId: '08' }, 'groupRoles.0.scopeId'],
      [{ group: 'Södra', role: 'registrator', scopeType: 'healthcare-region', scopeId: 'sodra' }, 'groupRoles.0.scopeId'],
      [{ group: 'Hela landet', role: 'lasare', scopeType: 'system', scopeId: '' }, 'groupRoles.0.scopeId'],
      [{ group: 'Okänd', role: 'kung', scopeType: 'region', scopeId: '10' }, 'groupRoles.0.role'],
    ] as const) {
      const res = await mapGroups(blekinge, [line]);
      expect(res.statusCode, res.body).toBe(422);
      expect(res.json<{ errors: { path: string }[] }>().errors[0]?.path).toBe(path);
    }
    const stale = await t.request({
      method: 'PUT',
      url: `/api/v1/scim-clients/${blekinge.id}/group-roles`,
      as: admin,
      payload: { version: 99, groupRoles: [] },
    });
    expect(stale.statusCode).toBe(409);
  });
});

describe('groups as Entra ID provisions them', () => {
  let anna: string;
  let bo: string;
  let group: Json & { id: string; meta: { version: string; location: string } };

  beforeAll(async () => {
    anna = await provisionUser(blekinge.token, 'anna.grupp@regionblekinge.se');
    bo = await provisionUser(blekinge.token, 'bo.grupp@regionblekinge.se');
    const res = await mapGroups(blekinge, [
      { group: 'Navet registratorer', role: 'registrator', scopeType: 'region', scopeId: '10' },
    ]);
    expect(res.statusCode, res.body).toBe(200);
  });

  it('creates a group with a member: 201, Location, ETag, and the member holds the mapped role', async () => {
    const none = json(
      await scim(
        'GET',
        `/Groups?filter=${encodeURIComponent('displayName eq "Navet registratorer"')}&excludedAttributes=members`,
        blekinge.token,
      ),
    );
    expect(none).toMatchObject({ totalResults: 0, Resources: [] });
    const res = await scim('POST', '/Groups', blekinge.token, {
      schemas: [GROUP],
      displayName: 'Navet registratorer',
      externalId: '6f1c0e4a-aaaa-4bbb-8ccc-000000000001',
      members: [{ value: anna }],
    });
    expect(res.statusCode, res.body).toBe(201);
    group = json(res) as typeof group;
    expect(res.headers.location).toBe(group.meta.location);
    expect(res.headers.etag).toBe(group.meta.version);
    expect(group).toMatchObject({
      schemas: [GROUP],
      displayName: 'Navet registratorer',
      members: [{ value: anna, type: 'User' }],
    });
    expect(await groupRolesOf(anna)).toEqual([{ role: 'registrator', scope_type: 'region', scope_id: '10', by_group: true }]);
    const audit = await t.db.query<{ action: string }>(
      `SELECT action FROM audit_events WHERE entity_type = 'user' AND entity_id = $1 ORDER BY id`,
      [anna],
    );
    expect(audit.map((a) => a.action)).toEqual(['scim-create', 'update']);
  });

  it('finds groups by displayName and externalId, pages, and leaves members out when asked', async () => {
    await scim('POST', '/Groups', blekinge.token, { schemas: [GROUP], displayName: 'Övriga' });
    const byName = json(
      await scim('GET', `/Groups?filter=${encodeURIComponent('displayName eq "navet REGISTRATORER"')}`, blekinge.token),
    );
    expect(byName.totalResults).toBe(1);
    expect(byName.Resources?.[0]).toMatchObject({ id: group.id, members: [{ value: anna }] });
    const byExternal = json(
      await scim(
        'GET',
        `/Groups?filter=${encodeURIComponent('externalId eq "6f1c0e4a-aaaa-4bbb-8ccc-000000000001"')}&excludedAttributes=members`,
        blekinge.token,
      ),
    );
    expect(byExternal.Resources?.[0]?.id).toBe(group.id);
    expect(byExternal.Resources?.[0]).not.toHaveProperty('members');
    const page = json(await scim('GET', '/Groups?startIndex=2&count=1', blekinge.token));
    expect(page).toMatchObject({ totalResults: 2, startIndex: 2, itemsPerPage: 1 });
    expect(json(await scim('GET', `/Groups/${group.id}?excludedAttributes=members`, blekinge.token))).not.toHaveProperty(
      'members',
    );
    // Another region's client does not see the group.
    expectScimError(await scim('GET', `/Groups/${group.id}`, kalmar.token), 404);
    expect(json(await scim('GET', '/Groups', kalmar.token)).totalResults).toBe(0);
    expectScimError(
      await scim('GET', `/Groups?filter=${encodeURIComponent('displayName co "x"')}`, blekinge.token),
      400,
      'invalidFilter',
    );
  });

  it('PATCH adds and removes members (value list and path filter), renames, and honours If-Match', async () => {
    const add = await scim('PATCH', `/Groups/${group.id}`, blekinge.token, {
      schemas: [PATCH],
      Operations: [{ op: 'Add', path: 'members', value: [{ value: bo }] }],
    });
    expect(add.statusCode, add.body).toBe(204);
    expect((await groupRolesOf(bo)).map((r) => r.role)).toEqual(['registrator']);

    const remove = await scim('PATCH', `/Groups/${group.id}`, blekinge.token, {
      schemas: [PATCH],
      Operations: [{ op: 'Remove', path: 'members', value: [{ value: bo }] }],
    });
    expect(remove.statusCode, remove.body).toBe(204);
    expect(await groupRolesOf(bo)).toEqual([]);
    // Removing someone who is not a member is not an error.
    const again = await scim('PATCH', `/Groups/${group.id}`, blekinge.token, {
      schemas: [PATCH],
      Operations: [{ op: 'Remove', path: `members[value eq "${bo}"]` }],
    });
    expect(again.statusCode, again.body).toBe(204);

    // A rename to a name with no mapping takes the role away; back again gives it back.
    const etag = (await scim('GET', `/Groups/${group.id}`, blekinge.token)).headers.etag as string;
    const rename = await scim(
      'PATCH',
      `/Groups/${group.id}`,
      blekinge.token,
      {
        schemas: [PATCH],
        Operations: [{ op: 'Replace', path: 'displayName', value: 'Navet före detta' }],
      },
      { 'if-match': etag },
    );
    expect(rename.statusCode, rename.body).toBe(204);
    expect(await groupRolesOf(anna)).toEqual([]);
    expectScimError(
      await scim(
        'PATCH',
        `/Groups/${group.id}`,
        blekinge.token,
        { schemas: [PATCH], Operations: [{ op: 'Replace', path: 'displayName', value: 'x' }] },
        { 'if-match': etag },
      ),
      412,
    );
    const back = await scim('PUT', `/Groups/${group.id}`, blekinge.token, {
      schemas: [GROUP],
      displayName: 'Navet registratorer',
      externalId: '6f1c0e4a-aaaa-4bbb-8ccc-000000000001',
      members: [{ value: anna }],
    });
    expect(back.statusCode, back.body).toBe(200);
    expect((await groupRolesOf(anna)).map((r) => r.role)).toEqual(['registrator']);
  });

  it('refuses a member the client did not provision in its register, and a duplicate displayName', async () => {
    const stranger = await provisionUser(kalmar.token, 'stina.kalmar@regionkalmar.se');
    expectScimError(
      await scim('PATCH', `/Groups/${group.id}`, blekinge.token, {
        schemas: [PATCH],
        Operations: [{ op: 'add', path: 'members', value: [{ value: stranger }] }],
      }),
      400,
      'invalidValue',
    );
    expect(await groupRolesOf(stranger)).toEqual([]);
    expectScimError(
      await scim('POST', '/Groups', blekinge.token, { schemas: [GROUP], displayName: 'NAVET registratorer' }),
      409,
      'uniqueness',
    );
  });

  it('keeps a role given by hand when the group takes its own back, and an admin’s edit keeps the group’s', async () => {
    const user = await t.request({ method: 'GET', url: `/api/v1/users/${bo}`, as: admin });
    const hand = { role: 'lasare', scopeType: 'region', scopeId: '10' };
    const edit = await t.request({
      method: 'PATCH',
      url: `/api/v1/users/${bo}`,
      as: admin,
      payload: {
        roles: [hand, { role: 'registrator', scopeType: 'region', scopeId: '10' }],
        version: user.json<{ version: number }>().version,
      },
    });
    expect(edit.statusCode, edit.body).toBe(200);
    await scim('PATCH', `/Groups/${group.id}`, blekinge.token, {
      schemas: [PATCH],
      Operations: [{ op: 'add', path: 'members', value: [{ value: bo }] }],
    });
    await scim('PATCH', `/Groups/${group.id}`, blekinge.token, {
      schemas: [PATCH],
      Operations: [{ op: 'remove', path: `members[value eq "${bo}"]` }],
    });
    // Bo's registrator was given by hand first: the group neither doubled nor took it.
    expect(await groupRolesOf(bo)).toEqual([
      { role: 'lasare', scope_type: 'region', scope_id: '10', by_group: false },
      { role: 'registrator', scope_type: 'region', scope_id: '10', by_group: false },
    ]);
    // Anna's role is the group's: an administrator's edit of her roles keeps it.
    const a = await t.request({ method: 'GET', url: `/api/v1/users/${anna}`, as: admin });
    await t.request({
      method: 'PATCH',
      url: `/api/v1/users/${anna}`,
      as: admin,
      payload: { roles: [], version: a.json<{ version: number }>().version },
    });
    expect((await groupRolesOf(anna)).map((r) => r.role)).toEqual(['registrator']);
  });

  it('a disabled member holds none of the group’s roles; enabled again, they come back', async () => {
    const off = await scim('PATCH', `/Users/${anna}`, blekinge.token, {
      schemas: [PATCH],
      Operations: [{ op: 'Replace', path: 'active', value: 'False' }],
    });
    expect(off.statusCode, off.body).toBe(200);
    expect(await groupRolesOf(anna)).toEqual([]);
    const on = await scim('PATCH', `/Users/${anna}`, blekinge.token, {
      schemas: [PATCH],
      Operations: [{ op: 'Replace', path: 'active', value: 'True' }],
    });
    expect(on.statusCode, on.body).toBe(200);
    expect((await groupRolesOf(anna)).map((r) => r.role)).toEqual(['registrator']);
  });

  it('a mapping that would give a role outside the client’s register is refused with a SCIM error, nothing given', async () => {
    // Written past the administrators' check (as by an older version or by hand in the database):
    // the grant is checked again when a group would use it.
    await t.db.query(
      `INSERT INTO scim_group_roles (client_id, group_key, role, scope_type, scope_id) VALUES ($1, 'Kalmars registratorer', 'registrator', 'region', '08'),
        ($1, 'Administratörer', 'admin', 'system', '')`,
      [blekinge.id],
    );
    for (const name of ['Kalmars registratorer', 'Administratörer']) {
      const res = await scim('POST', '/Groups', blekinge.token, {
        schemas: [GROUP],
        displayName: name,
        members: [{ value: bo }],
      });
      expectScimError(res, 403);
      expect(json(res).detail).toMatch(/kan inte ges/);
    }
    expect((await groupRolesOf(bo)).every((r) => !r.by_group)).toBe(true);
    expect(
      json(await scim('GET', `/Groups?filter=${encodeURIComponent('displayName eq "Administratörer"')}`, blekinge.token))
        .totalResults,
    ).toBe(0);
    await t.db.query(
      `DELETE FROM scim_group_roles WHERE client_id = $1 AND group_key IN ('Kalmars registratorer', 'Administratörer')`,
      [blekinge.id],
    );
  });

  it('the administrators’ view lists the groups, their members and what each gives', async () => {
    const res = await t.request({ method: 'GET', url: `/api/v1/scim-clients/${blekinge.id}/groups`, as: admin });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json<{ groups: { displayName: string; roles: unknown[]; members: { userId: string }[] }[] }>();
    expect(body.groups.map((g) => g.displayName)).toEqual(['Navet registratorer', 'Övriga']);
    expect(body.groups[0]).toMatchObject({
      roles: [{ role: 'registrator', scopeType: 'region', scopeId: '10' }],
      members: [{ userId: anna }],
    });
    expect(body.groups[1]).toMatchObject({ roles: [], members: [] });
  });

  it('a member signs in and can use the role; a new mapping gives, DELETE of the group takes back', async () => {
    const u = await t.request({ method: 'GET', url: `/api/v1/users/${anna}`, as: admin });
    await t.request({
      method: 'PATCH',
      url: `/api/v1/users/${anna}`,
      as: admin,
      payload: { password: DEFAULT_TEST_PASSWORD, version: u.json<{ version: number }>().version },
    });
    const session = await t.login('anna.grupp@regionblekinge.se');
    const register = () =>
      t.request({
        method: 'POST',
        url: '/api/v1/cases',
        as: session,
        payload: { region: '10', subject: 'Från katalogen', origin: 'local', sender: 'Test', receivedDate: daysFromToday(-1) },
      });
    expect((await register()).statusCode).toBe(201);

    // Mapping "Övriga" to lasare gives nothing to anyone (it has no members) and keeps Anna's.
    const mapped = await mapGroups(blekinge, [
      { group: 'Navet registratorer', role: 'registrator', scopeType: 'region', scopeId: '10' },
      { group: 'Övriga', role: 'lasare', scopeType: 'region', scopeId: '10' },
    ]);
    expect(mapped.statusCode, mapped.body).toBe(200);
    expect(mapped.json<{ groups: { roles: unknown[] }[] }>().groups[1]?.roles).toHaveLength(1);

    const del = await scim('DELETE', `/Groups/${group.id}`, blekinge.token);
    expect(del.statusCode).toBe(204);
    expectScimError(await scim('GET', `/Groups/${group.id}`, blekinge.token), 404);
    expect(await groupRolesOf(anna)).toEqual([]);
    expect((await register()).statusCode).toBe(403);
    const audit = await t.db.query<{ action: string }>(
      `SELECT action FROM audit_events WHERE entity_type = 'scim-group' AND entity_id = $1 ORDER BY id`,
      [group.id],
    );
    expect(audit.map((a) => a.action).at(0)).toBe('create');
    expect(audit.map((a) => a.action).at(-1)).toBe('delete');
  });
});

describe('revoking a client', () => {
  it('takes back what its groups gave, in the same change, and keeps the users and roles given by hand', async () => {
    const client = await newClient('10', 'Entra ID Blekinge (återkallas)');
    const cecilia = await provisionUser(client.token, 'cecilia.revoke@regionblekinge.se');
    expect(
      (await mapGroups(client, [{ group: 'Navet läsare', role: 'lasare', scopeType: 'region', scopeId: '10' }])).statusCode,
    ).toBe(200);
    const created = await scim('POST', '/Groups', client.token, {
      schemas: [GROUP],
      displayName: 'Navet läsare',
      members: [{ value: cecilia }],
    });
    expect(created.statusCode, created.body).toBe(201);
    // A role given by hand beside the group's.
    const u = await t.request({ method: 'GET', url: `/api/v1/users/${cecilia}`, as: admin });
    const byHand = await t.request({
      method: 'PATCH',
      url: `/api/v1/users/${cecilia}`,
      as: admin,
      payload: {
        roles: [{ role: 'registrator', scopeType: 'region', scopeId: '10' }],
        version: u.json<{ version: number }>().version,
      },
    });
    expect(byHand.statusCode, byHand.body).toBe(200);
    expect(await groupRolesOf(cecilia)).toEqual([
      { role: 'lasare', scope_type: 'region', scope_id: '10', by_group: true },
      { role: 'registrator', scope_type: 'region', scope_id: '10', by_group: false },
    ]);

    const revoked = await t.request({ method: 'DELETE', url: `/api/v1/scim-clients/${client.id}`, as: admin });
    expect(revoked.statusCode).toBe(204);
    expect(await groupRolesOf(cecilia)).toEqual([{ role: 'registrator', scope_type: 'region', scope_id: '10', by_group: false }]);
    expectScimError(await scim('GET', '/Groups', client.token), 401);
    const user = await t.request({ method: 'GET', url: `/api/v1/users/${cecilia}`, as: admin });
    expect(user.statusCode).toBe(200);
    const audit = await t.db.query<{ entity_type: string; action: string }>(
      `SELECT entity_type, action FROM audit_events WHERE (entity_type = 'user' AND entity_id = $1) OR (entity_type = 'scim-client' AND entity_id = $2) ORDER BY id`,
      [cecilia, client.id],
    );
    expect(audit.slice(-2)).toEqual([
      { entity_type: 'user', action: 'update' },
      { entity_type: 'scim-client', action: 'revoke' },
    ]);
  });
});
