import { describe, expect, it } from 'vitest';
import { problem, useTestApp } from './helpers/app.js';

const t = useTestApp();
const newUserBody = (suffix: string) => ({
  email: `ny-${suffix}@example.se`,
  name: `Ny Användare ${suffix}`,
  password: 'ett-långt-lösenord-1',
});

describe('user administration', () => {
  it('lets a system administrator create a user, audited with the after state', async () => {
    const admin = await t.newAdmin();
    const res = await t.request({
      method: 'POST',
      url: '/api/v1/users',
      as: admin,
      payload: { ...newUserBody('a'), roles: [{ role: 'samordnare', scopeType: 'region', scopeId: '10' }] },
    });
    expect(res.statusCode, res.body).toBe(201);
    const user = res.json();
    expect(user).toMatchObject({
      email: 'ny-a@example.se',
      version: 1,
      roles: [{ role: 'samordnare', scopeType: 'region', scopeId: '10' }],
    });
    expect(JSON.stringify(user)).not.toMatch(/password|hash/i);
    const audit = await t.request({ method: 'GET', url: `/api/v1/audit?entityType=user&entityId=${user.id}`, as: admin });
    const [event] = audit.json().items;
    expect(event).toMatchObject({
      action: 'create',
      actorUserId: admin.userId,
      before: null,
      after: { email: 'ny-a@example.se' },
    });
    expect(event.requestId).toEqual(expect.any(String));
  });

  it('denies anonymous callers (401) and signed-in non-administrators (403), and writes nothing', async () => {
    const coordinator = await t.newUser([{ role: 'samordnare', scopeType: 'region', scopeId: '10' }]);
    expect((await t.request({ method: 'POST', url: '/api/v1/users', payload: newUserBody('b') })).statusCode).toBe(401);
    expect(
      (await t.request({ method: 'POST', url: '/api/v1/users', as: coordinator, payload: newUserBody('b') })).statusCode,
    ).toBe(403);
    expect((await t.request({ method: 'GET', url: '/api/v1/users', as: coordinator })).statusCode).toBe(403);
    expect((await t.request({ method: 'GET', url: '/api/v1/audit', as: coordinator })).statusCode).toBe(403);
    expect(await t.db.query(`SELECT 1 FROM users WHERE email = 'ny-b@example.se'`)).toHaveLength(0);
  });

  it('lists the role vocabulary with what each role may do and who holds it, for administrators only', async () => {
    const admin = await t.newAdmin();
    const before = (await t.request({ method: 'GET', url: '/api/v1/roles', as: admin })).json().items as {
      code: string;
      label: string;
      permissions: string[];
      holders: number;
    }[];
    const held = (code: string) => before.find((r) => r.code === code);
    expect(held('samordnare')).toMatchObject({ label: 'Samordnare för kunskapsstyrning' });
    expect(held('samordnare')!.permissions).toEqual(expect.arrayContaining(['cases.triage', 'meetings.manage']));
    expect(held('lasare')!.permissions).not.toContain('cases.register');
    const coordinator = await t.newUser([{ role: 'samordnare', scopeType: 'region', scopeId: '10' }]);
    const after = (await t.request({ method: 'GET', url: '/api/v1/roles', as: admin })).json().items as typeof before;
    expect(after.find((r) => r.code === 'samordnare')!.holders).toBe(held('samordnare')!.holders + 1);
    expect((await t.request({ method: 'GET', url: '/api/v1/roles', as: coordinator })).statusCode).toBe(403);
    expect((await t.request({ method: 'GET', url: '/api/v1/roles' })).statusCode).toBe(401);
  });

  it('refuses bad input with 422 naming the field, and writes nothing', async () => {
    const admin = await t.newAdmin();
    const cases: [Record<string, unknown>, string][] = [
      [{ ...newUserBody('c'), email: 'inte-en-adress' }, 'email'],
      [{ ...newUserBody('c'), password: 'kort' }, 'password'],
      [{ ...newUserBody('c'), isAdmin: true }, 'isAdmin'],
      [{ ...newUserBody('c'), name: 42 }, 'name'],
      [{ ...newUserBody('c'), roles: [{ role: 'samordnare', scopeType: 'region', scopeId: '99' }] }, 'roles.0.scopeId'],
      [{ ...newUserBody('c'), roles: [{ role: 'kung', scopeType: 'system', scopeId: '' }] }, 'roles.0.role'],
    ];
    for (const [payload, path] of cases) {
      const p = problem(await t.request({ method: 'POST', url: '/api/v1/users', as: admin, payload }));
      expect(p.status, JSON.stringify(payload)).toBe(422);
      expect(p.body.errors?.map((e) => e.path)).toContain(path);
    }
    expect(await t.db.query(`SELECT 1 FROM users WHERE email = 'ny-c@example.se'`)).toHaveLength(0);
  });

  it('refuses a duplicate e-mail with 409', async () => {
    const admin = await t.newAdmin();
    expect((await t.request({ method: 'POST', url: '/api/v1/users', as: admin, payload: newUserBody('d') })).statusCode).toBe(
      201,
    );
    expect(
      (
        await t.request({
          method: 'POST',
          url: '/api/v1/users',
          as: admin,
          payload: { ...newUserBody('d'), email: 'NY-D@example.se' },
        })
      ).statusCode,
    ).toBe(409);
  });

  it('updates with If-Match; a stale version gets 409 and changes nothing; no version gets 428', async () => {
    const admin = await t.newAdmin();
    const user = (await t.request({ method: 'POST', url: '/api/v1/users', as: admin, payload: newUserBody('e') })).json();
    const ok = await t.request({
      method: 'PATCH',
      url: `/api/v1/users/${user.id}`,
      as: admin,
      headers: { 'if-match': '"1"' },
      payload: { name: 'Nytt Namn' },
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ name: 'Nytt Namn', version: 2 });
    expect(ok.headers.etag).toBe('"2"');
    const stale = await t.request({
      method: 'PATCH',
      url: `/api/v1/users/${user.id}`,
      as: admin,
      headers: { 'if-match': '"1"' },
      payload: { name: 'Förlorad ändring' },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().type).toBe('urn:navet:problem:stale-version');
    const staleBody = await t.request({
      method: 'PATCH',
      url: `/api/v1/users/${user.id}`,
      as: admin,
      payload: { name: 'Förlorad ändring', version: 1 },
    });
    expect(staleBody.statusCode).toBe(409);
    expect(
      (await t.request({ method: 'PATCH', url: `/api/v1/users/${user.id}`, as: admin, payload: { name: 'Utan version' } }))
        .statusCode,
    ).toBe(428);
    const [row] = await t.db.query<{ name: string; version: number }>('SELECT name, version FROM users WHERE id = $1', [user.id]);
    expect(row).toEqual({ name: 'Nytt Namn', version: 2 });
    expect(
      (
        await t.request({
          method: 'PATCH',
          url: '/api/v1/users/00000000-0000-4000-8000-000000000000',
          as: admin,
          headers: { 'if-match': '1' },
          payload: { name: 'x' },
        })
      ).statusCode,
    ).toBe(404);
  });

  it('takes a role change and a disabling into effect on the very next request', async () => {
    const admin = await t.newAdmin();
    const target = await t.newUser([{ role: 'admin', scopeType: 'system', scopeId: '' }]);
    expect((await t.request({ method: 'GET', url: '/api/v1/users', as: target })).statusCode).toBe(200);
    const u = (await t.request({ method: 'GET', url: `/api/v1/users/${target.userId}`, as: admin })).json();
    await t.request({
      method: 'PATCH',
      url: `/api/v1/users/${target.userId}`,
      as: admin,
      headers: { 'if-match': String(u.version) },
      payload: { roles: [] },
    });
    expect((await t.request({ method: 'GET', url: '/api/v1/users', as: target })).statusCode).toBe(403);
    await t.request({
      method: 'PATCH',
      url: `/api/v1/users/${target.userId}`,
      as: admin,
      headers: { 'if-match': String(u.version + 1) },
      payload: { disabled: true },
    });
    expect((await t.request({ method: 'GET', url: '/api/v1/me', as: target })).statusCode).toBe(401);
    const events = (
      await t.request({ method: 'GET', url: `/api/v1/audit?entityId=${target.userId}&action=disable`, as: admin })
    ).json().items;
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ before: { disabled: false }, after: { disabled: true } });
  });

  it('does not let an administrator disable their own account', async () => {
    const admin = await t.newAdmin();
    const p = problem(
      await t.request({
        method: 'PATCH',
        url: `/api/v1/users/${admin.userId}`,
        as: admin,
        headers: { 'if-match': '1' },
        payload: { disabled: true },
      }),
    );
    expect(p.status).toBe(422);
  });

  it('revokes the API tokens when the password changes or the user is disabled (re-enabling brings none back), audited', async () => {
    const admin = await t.newAdmin();
    const mint = async (as: Awaited<ReturnType<typeof t.newUser>>, name: string) => {
      const res = await t.request({ method: 'POST', url: '/api/v1/auth/tokens', as, payload: { name } });
      expect(res.statusCode, res.body).toBe(201);
      return { authorization: `Bearer ${res.json<{ token: string }>().token}` };
    };
    const me = (headers: Record<string, string>) => t.request({ method: 'GET', url: '/api/v1/me', headers });
    const patch = async (id: string, payload: Record<string, unknown>) => {
      const { version } = (await t.request({ method: 'GET', url: `/api/v1/users/${id}`, as: admin })).json<{ version: number }>();
      const res = await t.request({
        method: 'PATCH',
        url: `/api/v1/users/${id}`,
        as: admin,
        headers: { 'if-match': String(version) },
        payload,
      });
      expect(res.statusCode, res.body).toBe(200);
    };

    const a = await t.newUser();
    const tokenA = await mint(a, 'Skript');
    expect((await me(tokenA)).statusCode).toBe(200);
    await patch(a.userId, { password: 'ett-helt-nytt-lösenord' });
    expect((await me(tokenA)).statusCode).toBe(401);

    const b = await t.newUser();
    const tokenB = await mint(b, 'Export');
    await patch(b.userId, { disabled: true });
    expect((await me(tokenB)).statusCode).toBe(401);
    await patch(b.userId, { disabled: false });
    expect((await me(tokenB)).statusCode).toBe(401);

    const revoked = await t.db.query<{ user_id: string; revoked: boolean }>(
      `SELECT user_id, revoked_at IS NOT NULL AS revoked FROM api_tokens WHERE user_id = ANY($1::uuid[])`,
      [[a.userId, b.userId]],
    );
    expect(revoked).toHaveLength(2);
    expect(revoked.every((r) => r.revoked)).toBe(true);
    const audit = await t.db.query<{ actor_user_id: string; after: { reason: string } }>(
      `SELECT actor_user_id, after FROM audit_events WHERE entity_type = 'api-token' AND action = 'revoke'
         AND entity_id IN (SELECT id::text FROM api_tokens WHERE user_id = ANY($1::uuid[])) ORDER BY id`,
      [[a.userId, b.userId]],
    );
    expect(audit.map((e) => e.after.reason)).toEqual(['password-changed', 'user-disabled']);
    expect(audit.every((e) => e.actor_user_id === admin.userId)).toBe(true);
  });
});
