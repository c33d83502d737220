import Fastify, { type LightMyRequestResponse } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { scimRoutes } from '../src/modules/scim/index.js';
import { DEFAULT_TEST_PASSWORD } from '../src/testing/builders.js';
import { SCIM_ROUTES } from './access/scim.js';
import { useTestApp, type Session } from './helpers/app.js';

/**
 * A SCIM client script: the operations Entra ID sends when it provisions, updates and
 * deprovisions users (RFC 7644), run against /scim/v2 with a client's bearer credential, and
 * what they do in Navet: the user and their person, sessions and API keys ended on
 * deactivation, the audit trail, and the register a client is scoped to.
 */
const t = useTestApp();
const USER = 'urn:ietf:params:scim:schemas:core:2.0:User';
const PATCH = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';
const ERROR = 'urn:ietf:params:scim:api:messages:2.0:Error';
const ENTERPRISE = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';

let admin: Session;
/** Region Blekinge ("10"), Region Kalmar ("08"). */
let blekinge: { id: string; token: string; version: number };
let kalmar: { id: string; token: string };

type Json = Record<string, unknown> & { Resources?: Record<string, unknown>[] };

function scim(
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  url: string,
  token: string | undefined,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<LightMyRequestResponse> {
  return t.app.inject({
    method,
    url: `/scim/v2${url}`,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body !== undefined ? { 'content-type': 'application/scim+json' } : {}),
      ...headers,
    },
    ...(body !== undefined ? { payload: JSON.stringify(body) } : {}),
  });
}

const json = (res: LightMyRequestResponse) => res.json<Json>();
const filter = (f: string) => `/Users?filter=${encodeURIComponent(f)}`;

function expectScimError(res: LightMyRequestResponse, status: number, scimType?: string) {
  expect(res.statusCode, res.body).toBe(status);
  expect(res.headers['content-type']).toMatch(/^application\/scim\+json/);
  const body = json(res);
  expect(body.schemas).toEqual([ERROR]);
  expect(body.status).toBe(String(status));
  expect(typeof body.detail).toBe('string');
  if (scimType) expect(body.scimType).toBe(scimType);
}

/** What Entra ID posts for a new user (its default attribute mappings, externalId mapped to the HSA-id). */
const entraUser = (userName: string, o: { hsaId?: string; given?: string; family?: string } = {}) => ({
  schemas: [USER, ENTERPRISE],
  externalId: o.hsaId,
  userName,
  active: true,
  displayName: `${o.given ?? 'Anna'} ${o.family ?? 'Berg'}`,
  emails: [{ primary: true, type: 'work', value: userName }],
  name: { formatted: `${o.given ?? 'Anna'} ${o.family ?? 'Berg'}`, familyName: o.family ?? 'Berg', givenName: o.given ?? 'Anna' },
  title: 'Sjuksköterska',
  phoneNumbers: [{ type: 'work', value: '0455-12345' }],
  [ENTERPRISE]: { department: 'Akutmottagningen', employeeNumber: '4711' },
});

async function newClient(owner: string, name: string) {
  const res = await t.request({ method: 'POST', url: '/api/v1/scim-clients', as: admin, payload: { name, owner } });
  expect(res.statusCode, res.body).toBe(201);
  const b = res.json<{ id: string; token: string; version: number; prefix: string }>();
  expect(b.token.startsWith('nvscim_')).toBe(true);
  expect(b.token.startsWith(b.prefix)).toBe(true);
  return b;
}

async function provision(userName: string, o: { hsaId?: string; token?: string } = {}) {
  const res = await scim('POST', '/Users', o.token ?? blekinge.token, entraUser(userName, o));
  expect(res.statusCode, res.body).toBe(201);
  return json(res) as Json & { id: string; meta: { version: string; location: string } };
}

beforeAll(async () => {
  admin = await t.newAdmin();
  blekinge = await newClient('10', 'Entra ID Region Blekinge');
  kalmar = await newClient('08', 'Entra ID Region Kalmar');
});

describe('SCIM credentials', () => {
  it('every SCIM route refuses a missing, wrong or foreign credential with 401 in SCIM’s error shape', async () => {
    const admins = await t.request({ method: 'POST', url: '/api/v1/auth/tokens', as: admin, payload: { name: 'personlig' } });
    const personal = admins.json<{ token: string }>().token;
    for (const [key] of Object.entries(SCIM_ROUTES)) {
      const [method, path] = key.split(' ') as ['GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', string];
      const url = path.replace('/scim/v2', '').replace('{id}', '00000000-0000-4000-8000-000000000000');
      const body = ['POST', 'PUT', 'PATCH'].includes(method) ? {} : undefined;
      expectScimError(await scim(method, url, undefined, body), 401);
      expectScimError(await scim(method, url, 'nvscim_wrong', body), 401);
      // A person's API key, even an administrator's, is not a SCIM credential; nor is a session.
      expectScimError(await scim(method, url, personal, body), 401);
      expectScimError(await scim(method, url, undefined, body, { cookie: admin.cookie, 'x-csrf-token': admin.csrfToken }), 401);
    }
    // …and a SCIM credential opens nothing under /api.
    const api = await t.request({ method: 'GET', url: '/api/v1/me', headers: { authorization: `Bearer ${blekinge.token}` } });
    expect(api.statusCode).toBe(401);
  });

  it('declares every route served under /scim/v2 (test/access/scim.ts), and nothing else is served there', async () => {
    const inventory = Fastify();
    const served: string[] = [];
    inventory.addHook('onRoute', (r) => {
      for (const m of [r.method].flat()) if (m !== 'HEAD') served.push(`${m} ${r.url.replace(/:(\w+)/g, '{$1}')}`);
    });
    await scimRoutes(inventory, { db: t.db, config: t.config });
    await inventory.ready();
    await inventory.close();
    expect(served.sort()).toEqual(Object.keys(SCIM_ROUTES).sort());
  });
});

describe('discovery', () => {
  it('publishes ServiceProviderConfig, ResourceTypes and Schemas', async () => {
    const spc = json(await scim('GET', '/ServiceProviderConfig', blekinge.token));
    expect(spc).toMatchObject({
      patch: { supported: true },
      etag: { supported: true },
      filter: { supported: true, maxResults: 200 },
    });
    const types = json(await scim('GET', '/ResourceTypes', blekinge.token));
    expect(types.Resources?.map((r) => r.id)).toEqual(['User', 'Group']);
    const schemas = await scim('GET', '/Schemas', blekinge.token);
    expect(schemas.headers['content-type']).toMatch(/^application\/scim\+json/);
    expect(json(schemas).Resources?.map((r) => r.id)).toEqual([USER, 'urn:ietf:params:scim:schemas:core:2.0:Group']);
    expect((await scim('GET', `/Schemas/${USER}`, blekinge.token)).statusCode).toBe(200);
    expect((await scim('GET', '/Schemas/urn:ietf:params:scim:schemas:core:2.0:Group', blekinge.token)).statusCode).toBe(200);
    expect((await scim('GET', '/ResourceTypes/Group', blekinge.token)).statusCode).toBe(200);
  });
});

describe('what Entra ID sends', () => {
  let anna: Json & { id: string; meta: { version: string; location: string } };

  it('looks the user up by userName (none), creates them, and finds them by userName and externalId', async () => {
    const none = json(await scim('GET', filter('userName eq "anna.berg@regionblekinge.se"'), blekinge.token));
    expect(none).toMatchObject({ totalResults: 0, Resources: [] });

    const res = await scim(
      'POST',
      '/Users',
      blekinge.token,
      entraUser('anna.berg@regionblekinge.se', { hsaId: 'SE2321000081-A1' }),
    );
    expect(res.statusCode, res.body).toBe(201);
    anna = json(res) as typeof anna;
    expect(res.headers.location).toBe(anna.meta.location);
    expect(res.headers.etag).toBe(anna.meta.version);
    expect(anna.meta.version).toMatch(/^W\/"\d+"$/);
    expect(anna).toMatchObject({
      schemas: [USER],
      userName: 'anna.berg@regionblekinge.se',
      externalId: 'SE2321000081-A1',
      displayName: 'Anna Berg',
      name: { givenName: 'Anna', familyName: 'Berg' },
      emails: [{ value: 'anna.berg@regionblekinge.se', type: 'work', primary: true }],
      active: true,
    });

    const [user] = await t.db.query<{ email: string; hsa_id: string; disabled: boolean; password_hash: string | null }>(
      'SELECT email, hsa_id, disabled, password_hash FROM users WHERE id = $1',
      [anna.id],
    );
    expect(user).toEqual({
      email: 'anna.berg@regionblekinge.se',
      hsa_id: 'SE2321000081-A1',
      disabled: false,
      password_hash: null,
    });
    const [person] = await t.db.query<{ name: string; hsa_id: string; home_owner: string }>(
      `SELECT p.name, p.hsa_id, p.home_owner FROM persons p JOIN scim_users s ON s.person_id = p.id WHERE s.user_id = $1`,
      [anna.id],
    );
    expect(person).toEqual({ name: 'Anna Berg', hsa_id: 'SE2321000081-A1', home_owner: '10' });
    const audit = await t.db.query<{ action: string; actor_label: string; actor_user_id: string | null }>(
      `SELECT action, actor_label, actor_user_id FROM audit_events WHERE entity_type = 'user' AND entity_id = $1`,
      [anna.id],
    );
    expect(audit).toEqual([
      { action: 'scim-create', actor_label: `SCIM-klient Entra ID Region Blekinge <scim:${blekinge.id}>`, actor_user_id: null },
    ]);

    for (const f of ['userName eq "ANNA.BERG@regionblekinge.se"', 'externalId eq "SE2321000081-A1"', `id eq "${anna.id}"`]) {
      const found = json(await scim('GET', filter(f), blekinge.token));
      expect(found.totalResults, f).toBe(1);
      expect(found.Resources?.[0]?.id).toBe(anna.id);
    }
    const one = await scim('GET', `/Users/${anna.id}`, blekinge.token);
    expect(one.statusCode).toBe(200);
    expect(one.headers.etag).toBe(anna.meta.version);
  });

  it('refuses a second user with the same userName (409 uniqueness) and input it cannot keep (400)', async () => {
    expectScimError(await scim('POST', '/Users', blekinge.token, entraUser('anna.berg@regionblekinge.se')), 409, 'uniqueness');
    expectScimError(
      await scim('POST', '/Users', blekinge.token, entraUser('bo@regionblekinge.se', { hsaId: 'inte-ett-hsa-id' })),
      400,
      'invalidValue',
    );
    expectScimError(await scim('POST', '/Users', blekinge.token, { userName: 'x@y.se' }), 400, 'invalidSyntax');
    const broken = await t.app.inject({
      method: 'POST',
      url: '/scim/v2/Users',
      headers: { authorization: `Bearer ${blekinge.token}`, 'content-type': 'application/scim+json' },
      payload: '{"schemas":',
    });
    expectScimError(broken, 400, 'invalidSyntax');
    expectScimError(await scim('GET', filter('userName co "anna"'), blekinge.token), 400, 'invalidFilter');
    expectScimError(await scim('GET', filter('userName eq'), blekinge.token), 400, 'invalidFilter');
  });

  it('PATCH: replace displayName, name parts and the work e-mail, add externalId; the person follows', async () => {
    const res = await scim('PATCH', `/Users/${anna.id}`, blekinge.token, {
      schemas: [PATCH],
      Operations: [
        { op: 'Replace', path: 'displayName', value: 'Anna Lind' },
        { op: 'Replace', path: 'name.familyName', value: 'Lind' },
        { op: 'Add', path: 'name.givenName', value: 'Anna' },
        { op: 'Replace', path: 'emails[type eq "work"].value', value: 'anna.lind@regionblekinge.se' },
        { op: 'Add', path: 'externalId', value: 'SE2321000081-A2' },
        { op: 'Replace', path: `${ENTERPRISE}:department`, value: 'Kirurgen' },
      ],
    });
    expect(res.statusCode, res.body).toBe(200);
    const body = json(res);
    expect(body).toMatchObject({
      displayName: 'Anna Lind',
      name: { givenName: 'Anna', familyName: 'Lind' },
      emails: [{ value: 'anna.lind@regionblekinge.se', type: 'work' }],
      externalId: 'SE2321000081-A2',
      active: true,
    });
    expect((body.meta as { version: string }).version).not.toBe(anna.meta.version);
    const [person] = await t.db.query<{ name: string; email: string; hsa_id: string }>(
      `SELECT p.name, p.email, p.hsa_id FROM persons p JOIN scim_users s ON s.person_id = p.id WHERE s.user_id = $1`,
      [anna.id],
    );
    expect(person).toEqual({ name: 'Anna Lind', email: 'anna.lind@regionblekinge.se', hsa_id: 'SE2321000081-A2' });
  });

  it('PATCH without a path replaces from a value object; PUT replaces the whole user', async () => {
    const patched = await scim('PATCH', `/Users/${anna.id}`, blekinge.token, {
      schemas: [PATCH],
      Operations: [{ op: 'replace', value: { displayName: 'Anna B. Lind', 'name.givenName': 'Anna B.' } }],
    });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(json(patched)).toMatchObject({ displayName: 'Anna B. Lind', name: { givenName: 'Anna B.', familyName: 'Lind' } });

    const put = await scim('PUT', `/Users/${anna.id}`, blekinge.token, {
      ...entraUser('anna.berg@regionblekinge.se', { hsaId: 'SE2321000081-A1', given: 'Anna', family: 'Berg' }),
      emails: [{ type: 'work', value: 'anna.berg@regionblekinge.se', primary: true }],
    });
    expect(put.statusCode, put.body).toBe(200);
    anna = json(put) as typeof anna;
    expect(anna).toMatchObject({
      displayName: 'Anna Berg',
      externalId: 'SE2321000081-A1',
      emails: [{ value: 'anna.berg@regionblekinge.se' }],
    });
  });

  it('If-Match: a stale version is 412, the current one is accepted', async () => {
    const stale = await scim(
      'PATCH',
      `/Users/${anna.id}`,
      blekinge.token,
      { schemas: [PATCH], Operations: [{ op: 'replace', path: 'displayName', value: 'X' }] },
      { 'if-match': 'W/"1"' },
    );
    expectScimError(stale, 412);
    const ok = await scim(
      'PATCH',
      `/Users/${anna.id}`,
      blekinge.token,
      { schemas: [PATCH], Operations: [{ op: 'replace', path: 'displayName', value: 'Anna Berg' }] },
      { 'if-match': anna.meta.version },
    );
    expect(ok.statusCode, ok.body).toBe(200);
    anna = json(ok) as typeof anna;
  });

  it('PATCH replace active "False" (as Entra ID sends it) disables the user and ends their sessions and API keys at once', async () => {
    // Give Anna a password and let her sign in and make an API key, as a person would.
    const user = await t.request({ method: 'GET', url: `/api/v1/users/${anna.id}`, as: admin });
    const set = await t.request({
      method: 'PATCH',
      url: `/api/v1/users/${anna.id}`,
      as: admin,
      payload: { password: DEFAULT_TEST_PASSWORD, version: user.json<{ version: number }>().version },
    });
    expect(set.statusCode, set.body).toBe(200);
    const session = await t.login('anna.berg@regionblekinge.se');
    const key = (
      await t.request({ method: 'POST', url: '/api/v1/auth/tokens', as: session, payload: { name: 'Annas nyckel' } })
    ).json<{ token: string }>().token;
    expect((await t.request({ method: 'GET', url: '/api/v1/me', as: session })).statusCode).toBe(200);

    const res = await scim('PATCH', `/Users/${anna.id}`, blekinge.token, {
      schemas: [PATCH],
      Operations: [{ op: 'Replace', path: 'active', value: 'False' }],
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(json(res).active).toBe(false);

    expect((await t.request({ method: 'GET', url: '/api/v1/me', as: session })).statusCode).toBe(401);
    expect((await t.request({ method: 'GET', url: '/api/v1/me', headers: { authorization: `Bearer ${key}` } })).statusCode).toBe(
      401,
    );
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: 'anna.berg@regionblekinge.se', password: DEFAULT_TEST_PASSWORD },
    });
    expect(login.statusCode).toBe(401);
    expect((await t.db.query('SELECT 1 FROM sessions WHERE user_id = $1', [anna.id])).length).toBe(0);
    expect((await t.db.query('SELECT 1 FROM api_tokens WHERE user_id = $1 AND revoked_at IS NULL', [anna.id])).length).toBe(0);
    const actions = await t.db.query<{ entity_type: string; action: string }>(
      `SELECT entity_type, action FROM audit_events WHERE (entity_type = 'user' AND entity_id = $1) OR entity_type = 'api-token'
       ORDER BY id DESC LIMIT 2`,
      [anna.id],
    );
    expect(actions).toEqual([
      { entity_type: 'user', action: 'scim-disable' },
      { entity_type: 'api-token', action: 'revoke' },
    ]);

    expect(json(await scim('GET', filter('active eq false'), blekinge.token)).totalResults).toBe(1);
    const back = await scim('PATCH', `/Users/${anna.id}`, blekinge.token, {
      schemas: [PATCH],
      Operations: [{ op: 'replace', value: { active: true } }],
    });
    expect(json(back).active).toBe(true);
    expect((await t.login('anna.berg@regionblekinge.se')).userId).toBe(anna.id);
  });

  it('a client scoped to another region cannot see or touch the user (404), nor take over their person', async () => {
    expect(json(await scim('GET', filter('userName eq "anna.berg@regionblekinge.se"'), kalmar.token)).totalResults).toBe(0);
    expect(json(await scim('GET', '/Users', kalmar.token)).totalResults).toBe(0);
    expectScimError(await scim('GET', `/Users/${anna.id}`, kalmar.token), 404);
    expectScimError(
      await scim('PATCH', `/Users/${anna.id}`, kalmar.token, {
        schemas: [PATCH],
        Operations: [{ op: 'replace', path: 'active', value: false }],
      }),
      404,
    );
    expectScimError(await scim('PUT', `/Users/${anna.id}`, kalmar.token, entraUser('anna.berg@regionblekinge.se')), 404);
    expectScimError(await scim('DELETE', `/Users/${anna.id}`, kalmar.token), 404);
    expectScimError(await scim('POST', '/Users', kalmar.token, entraUser('anna.berg@regionblekinge.se')), 409, 'uniqueness');
    expectScimError(
      await scim('POST', '/Users', kalmar.token, entraUser('anna.other@regionkalmar.se', { hsaId: 'SE2321000081-A1' })),
      409,
      'uniqueness',
    );
    expect(json(await scim('GET', `/Users/${anna.id}`, blekinge.token)).active).toBe(true);
  });

  it('pages with startIndex and count', async () => {
    for (const n of [1, 2, 3]) await provision(`sida${n}@regionblekinge.se`);
    const all = json(await scim('GET', '/Users', blekinge.token));
    expect(all.totalResults).toBe(4);
    const first = json(await scim('GET', '/Users?startIndex=1&count=2', blekinge.token));
    const second = json(await scim('GET', '/Users?startIndex=3&count=2', blekinge.token));
    const beyond = json(await scim('GET', '/Users?startIndex=5&count=2', blekinge.token));
    expect(first).toMatchObject({ totalResults: 4, startIndex: 1, itemsPerPage: 2 });
    expect(second).toMatchObject({ totalResults: 4, startIndex: 3, itemsPerPage: 2 });
    expect(beyond).toMatchObject({ totalResults: 4, itemsPerPage: 0, Resources: [] });
    const ids = [...first.Resources!, ...second.Resources!].map((r) => r.id);
    expect(new Set(ids).size).toBe(4);
    expect(ids.sort()).toEqual(all.Resources!.map((r) => r.id).sort());
    expect(json(await scim('GET', '/Users?count=0', blekinge.token))).toMatchObject({ totalResults: 4, itemsPerPage: 0 });
  });

  it('DELETE disables the user and answers 404 from then on; a new POST of the userName brings the same user back', async () => {
    const bo = await provision('bo.ek@regionblekinge.se', { hsaId: 'SE2321000081-B1' });
    expect((await scim('DELETE', `/Users/${bo.id}`, blekinge.token)).statusCode).toBe(204);
    expectScimError(await scim('GET', `/Users/${bo.id}`, blekinge.token), 404);
    expectScimError(await scim('DELETE', `/Users/${bo.id}`, blekinge.token), 404);
    expect(json(await scim('GET', filter('userName eq "bo.ek@regionblekinge.se"'), blekinge.token)).totalResults).toBe(0);
    const [row] = await t.db.query<{ disabled: boolean }>('SELECT disabled FROM users WHERE id = $1', [bo.id]);
    expect(row!.disabled).toBe(true);

    const again = await provision('bo.ek@regionblekinge.se', { hsaId: 'SE2321000081-B1' });
    expect(again.id).toBe(bo.id);
    expect(again.active).toBe(true);
  });
});

describe('SCIM clients (administrator)', () => {
  it('lists clients without their credential; rotation ends the old credential at once; revocation ends the new one', async () => {
    const list = await t.request({ method: 'GET', url: '/api/v1/scim-clients', as: admin });
    expect(list.statusCode).toBe(200);
    expect(list.body).not.toContain(blekinge.token);
    expect(list.body).not.toContain(kalmar.token);
    const c = await newClient('sodra', 'Regional katalog Södra');
    const rotated = await t.request({
      method: 'POST',
      url: `/api/v1/scim-clients/${c.id}/rotate`,
      as: admin,
      payload: { version: c.version },
    });
    expect(rotated.statusCode, rotated.body).toBe(200);
    const fresh = rotated.json<{ token: string }>().token;
    expectScimError(await scim('GET', '/Users', c.token), 401);
    expect((await scim('GET', '/Users', fresh)).statusCode).toBe(200);
    // A healthcare region's client covers its regions: Blekinge's users are Södra's too.
    expect(json(await scim('GET', filter('userName eq "anna.berg@regionblekinge.se"'), fresh)).totalResults).toBe(1);

    const stale = await t.request({
      method: 'POST',
      url: `/api/v1/scim-clients/${c.id}/rotate`,
      as: admin,
      payload: { version: 1 },
    });
    expect(stale.statusCode).toBe(409);
    expect((await t.request({ method: 'DELETE', url: `/api/v1/scim-clients/${c.id}`, as: admin })).statusCode).toBe(204);
    expectScimError(await scim('GET', '/Users', fresh), 401);
    const kinds = await t.db.query<{ action: string }>(
      `SELECT action FROM audit_events WHERE entity_type = 'scim-client' AND entity_id = $1 ORDER BY id`,
      [c.id],
    );
    expect(kinds.map((k) => k.action)).toEqual(['create', 'rotate', 'revoke']);
  });

  it('refuses an unknown owner (422) and callers without scim.manage (403)', async () => {
    const bad = await t.request({ method: 'POST', url: '/api/v1/scim-clients', as: admin, payload: { name: 'X', owner: '99' } });
    expect(bad.statusCode).toBe(422);
    const someone = await t.newUser([{ role: 'samordnare', scopeType: 'region', scopeId: '10' }]);
    const refused = await t.request({
      method: 'POST',
      url: '/api/v1/scim-clients',
      as: someone,
      payload: { name: 'X', owner: '10' },
    });
    expect(refused.statusCode).toBe(403);
  });
});
