import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp, type Session } from './helpers/app.js';

/**
 * The register extract and anonymisation reach what identity directories (SCIM) told Navet
 * about a person: the provisioned account (userName, externalId/HSA-id, e-mail) and its group
 * memberships with the roles they give.
 */
const t = useTestApp();
const USER = 'urn:ietf:params:scim:schemas:core:2.0:User';
const GROUP = 'urn:ietf:params:scim:schemas:core:2.0:Group';
let admin: Session;
let client: { id: string; token: string; version: number };

const scim = (method: 'GET' | 'POST', url: string, body?: unknown) =>
  t.app.inject({
    method,
    url: `/scim/v2${url}`,
    headers: { authorization: `Bearer ${client.token}`, ...(body ? { 'content-type': 'application/scim+json' } : {}) },
    ...(body ? { payload: JSON.stringify(body) } : {}),
  });

beforeAll(async () => {
  admin = await t.newAdmin();
  const res = await t.request({
    method: 'POST',
    url: '/api/v1/scim-clients',
    as: admin,
    payload: { name: 'Entra ID Blekinge', owner: '10' },
  });
  client = res.json();
  const mapped = await t.request({
    method: 'PUT',
    url: `/api/v1/scim-clients/${client.id}/group-roles`,
    as: admin,
    payload: {
      version: client.version,
      groupRoles: [
        { group: 'Navet läsare', role: 'lasare', scopeType: 'region', scopeId: '10' },
        { group: 'grp-SE2321000081-HH1', role: 'lasare', scopeType: 'region', scopeId: '10' },
      ],
    },
  });
  expect(mapped.statusCode, mapped.body).toBe(200);
});

async function provisioned(userName: string, hsaId: string, displayName = 'Navet läsare') {
  const user = await scim('POST', '/Users', {
    schemas: [USER],
    userName,
    externalId: hsaId,
    name: { givenName: 'Greta', familyName: 'Gren' },
    emails: [{ type: 'work', value: userName }],
  });
  expect(user.statusCode, user.body).toBe(201);
  const userId = user.json<{ id: string }>().id;
  const group = await scim('POST', '/Groups', {
    schemas: [GROUP],
    displayName,
    externalId: `grp-${hsaId}`,
    members: [{ value: userId }],
  });
  expect(group.statusCode, group.body).toBe(201);
  const [{ personId } = { personId: '' }] = await t.db.query<{ personId: string }>(
    'SELECT person_id AS "personId" FROM scim_users WHERE user_id = $1',
    [userId],
  );
  return { userId, personId, groupId: group.json<{ id: string }>().id };
}

describe('the register extract', () => {
  it('shows the directory account and its groups, in JSON and in the document', async () => {
    const { userId, personId } = await provisioned('greta.gren@regionblekinge.se', 'SE2321000081-GG1');
    const res = await t.request({ method: 'GET', url: `/api/v1/people/${personId}/register-extract`, as: admin });
    expect(res.statusCode, res.body).toBe(200);
    const x = res.json<{
      directoryAccounts: unknown[];
      directoryGroups: unknown[];
      auditEvents: { entityType: string; entityId: string; action: string }[];
    }>();
    expect(x.directoryAccounts).toEqual([
      expect.objectContaining({
        userId,
        userName: 'greta.gren@regionblekinge.se',
        externalId: 'SE2321000081-GG1',
        emails: ['greta.gren@regionblekinge.se'],
        givenName: 'Greta',
        familyName: 'Gren',
        active: true,
        deletedAt: null,
        client: 'Entra ID Blekinge',
        owner: '10',
      }),
    ]);
    expect(x.directoryGroups).toEqual([
      expect.objectContaining({
        userName: 'greta.gren@regionblekinge.se',
        group: 'Navet läsare',
        client: 'Entra ID Blekinge',
        roles: [{ role: 'lasare', scopeType: 'region', scopeId: '10' }],
      }),
    ]);
    // the account's own trail (provisioned, given the group's role) is part of the extract
    expect(x.auditEvents.filter((e) => e.entityId === userId).map((e) => e.action)).toEqual(
      expect.arrayContaining(['scim-create', 'update']),
    );
    const docx = await t.request({ method: 'GET', url: `/api/v1/people/${personId}/register-extract.docx`, as: admin });
    expect(docx.statusCode).toBe(200);
    const xml = await (await JSZip.loadAsync(docx.rawPayload)).file('word/document.xml')!.async('string');
    expect(xml).toContain('Konton från katalogen (SCIM)');
    expect(xml).toContain('greta.gren@regionblekinge.se');
    expect(xml).toContain('Navet läsare');
  });
});

describe('anonymisation', () => {
  it('clears the account’s userName, e-mail and HSA-id, disables it, and takes it out of its groups and their roles', async () => {
    const { userId, personId, groupId } = await provisioned(
      'hugo.holm@regionblekinge.se',
      'SE2321000081-HH1',
      'Läsare (mappad på externalId)',
    );
    const person = await t.request({ method: 'GET', url: `/api/v1/people/${personId}`, as: admin });
    const res = await t.request({
      method: 'POST',
      url: `/api/v1/people/${personId}/anonymise`,
      as: admin,
      payload: { version: person.json<{ version: number }>().version, confirm: true },
    });
    expect(res.statusCode, res.body).toBe(200);
    const pseudonym = res.json<{ name: string }>().name;
    const [user] = await t.db.query<Record<string, unknown>>(
      `SELECT u.name, u.email, u.hsa_id, u.disabled, s.user_name, s.given_name, s.family_name, s.deleted_at IS NOT NULL AS deleted
         FROM users u JOIN scim_users s ON s.user_id = u.id WHERE u.id = $1`,
      [userId],
    );
    expect(user).toEqual({
      name: pseudonym,
      email: `anonymiserad-${userId}@navet.invalid`,
      hsa_id: null,
      disabled: true,
      user_name: `anonymiserad-${userId}`,
      given_name: null,
      family_name: null,
      deleted: true,
    });
    expect(await t.db.query('SELECT 1 FROM scim_group_members WHERE user_id = $1', [userId])).toEqual([]);
    expect(await t.db.query('SELECT 1 FROM role_assignments WHERE user_id = $1', [userId])).toEqual([]);
    // (the group is mapped by its externalId: the role was there before)
    expect(
      await t.db.query(`SELECT 1 FROM audit_events WHERE entity_type = 'user' AND entity_id = $1 AND action = 'update'`, [
        userId,
      ]),
    ).toHaveLength(2);
    expect((await scim('GET', `/Users/${userId}`)).statusCode).toBe(404);
    const group = await scim('GET', `/Groups/${groupId}`);
    expect(group.json<{ members: unknown[] }>().members).toEqual([]);
    // the directory's names are gone from what Navet shows about the person
    const x = (await t.request({ method: 'GET', url: `/api/v1/people/${personId}/register-extract`, as: admin })).json<{
      directoryAccounts: unknown[];
      directoryGroups: unknown[];
    }>();
    expect(JSON.stringify(x.directoryAccounts)).not.toContain('hugo');
    expect(x.directoryGroups).toEqual([]);
    const [event] = await t.db.query<{ after: Record<string, unknown> }>(
      `SELECT after FROM audit_events WHERE entity_type = 'person' AND entity_id = $1 AND action = 'anonymise'`,
      [personId],
    );
    expect(event!.after).toMatchObject({ directoryAccountsErased: 1 });
    expect(JSON.stringify(event)).not.toContain('hugo');
  });
});
