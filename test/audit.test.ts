import { describe, expect, it } from 'vitest';
import { createUser } from '../src/modules/users/create-user.js';
import { recordAudit } from '../src/platform/audit/record.js';
import { systemCtx, type Ctx } from '../src/platform/context.js';
import type { Queryable } from '../src/platform/db/index.js';
import { buildAdmin } from '../src/testing/builders.js';
import { useTestApp } from './helpers/app.js';

const t = useTestApp();
/** The trail itself under test: any payload, as a mistyped caller would write it. */
const recordAnyAudit = recordAudit as unknown as (tx: Queryable, ctx: Ctx, e: Record<string, unknown>) => Promise<void>;

describe('audit trail', () => {
  it('cannot be updated, deleted or truncated by the application', async () => {
    await t.db.transaction((tx) =>
      recordAnyAudit(tx, systemCtx('t'), {
        entityType: 'user',
        entityId: 'x',
        action: 'update',
        before: { a: 1 },
        after: { a: 2 },
      }),
    );
    await expect(t.db.query(`UPDATE audit_events SET action = 'forged'`)).rejects.toThrow(/append-only/);
    await expect(t.db.query('DELETE FROM audit_events')).rejects.toThrow(/append-only/);
    await expect(t.db.query('TRUNCATE audit_events')).rejects.toThrow(/append-only/);
    expect(await t.db.query(`SELECT 1 FROM audit_events WHERE action = 'forged'`)).toHaveLength(0);
  });

  it('is written in the same transaction as the change: a failure mid-write leaves neither', async () => {
    const before = await t.db.query<{ n: number }>('SELECT count(*) AS n FROM audit_events');
    await expect(
      t.db.transaction(async (tx) => {
        await tx.query(`INSERT INTO users (email, name) VALUES ('halv@example.se', 'Halv')`);
        await recordAnyAudit(tx, systemCtx('t'), { entityType: 'user', entityId: 'halv', action: 'create' });
        throw new Error('crash mid-write');
      }),
    ).rejects.toThrow('crash mid-write');
    expect(await t.db.query(`SELECT 1 FROM users WHERE email = 'halv@example.se'`)).toHaveLength(0);
    expect(await t.db.query<{ n: number }>('SELECT count(*) AS n FROM audit_events')).toEqual(before);
  });

  it('a refused use case writes no user and no audit event', async () => {
    const count = async () => (await t.db.query<{ n: number }>('SELECT count(*) AS n FROM audit_events'))[0]!.n;
    const n = await count();
    await expect(
      createUser(t.db, systemCtx('t'), {
        email: 'roll@example.se',
        name: 'Roll',
        roles: [{ role: 'samordnare', scopeType: 'region', scopeId: '99' }],
      }),
    ).rejects.toMatchObject({ status: 422 });
    expect(await t.db.query(`SELECT 1 FROM users WHERE email = 'roll@example.se'`)).toHaveLength(0);
    expect(await count()).toBe(n);
  });

  it('never stores secrets: passwords and hashes are scrubbed', async () => {
    await t.db.transaction((tx) =>
      recordAnyAudit(tx, systemCtx('t'), {
        entityType: 'user',
        entityId: 'y',
        action: 'update',
        after: { password: 'hemligt', nested: { tokenHash: 'abc' }, name: 'ok' },
      }),
    );
    const [row] = await t.db.query<{ after: unknown }>(`SELECT after FROM audit_events WHERE entity_id = 'y'`);
    expect(row!.after).toEqual({ password: '[dolt]', nested: { tokenHash: '[dolt]' }, name: 'ok' });
  });

  it('filters and pages newest first via GET /api/v1/audit', async () => {
    const admin = await buildAdmin(t.db);
    const s = await t.login(admin.email);
    for (let i = 0; i < 5; i++) {
      await t.db.transaction((tx) =>
        recordAnyAudit(tx, systemCtx('t'), { entityType: 'group', entityId: 'sida', action: 'update', after: { i } }),
      );
    }
    const page1 = (await t.request({ method: 'GET', url: '/api/v1/audit?entityId=sida&limit=2', as: s })).json();
    expect(page1.items.map((e: { after: { i: number } }) => e.after.i)).toEqual([4, 3]);
    const page2 = (
      await t.request({ method: 'GET', url: `/api/v1/audit?entityId=sida&limit=2&cursor=${page1.nextCursor}`, as: s })
    ).json();
    expect(page2.items.map((e: { after: { i: number } }) => e.after.i)).toEqual([2, 1]);
    const today = new Date().toISOString().slice(0, 10);
    const dated = (
      await t.request({ method: 'GET', url: `/api/v1/audit?entityId=sida&from=${today}&to=${today}`, as: s })
    ).json();
    expect(dated.items).toHaveLength(5);
    const past = (await t.request({ method: 'GET', url: `/api/v1/audit?entityId=sida&to=2020-01-01`, as: s })).json();
    expect(past.items).toHaveLength(0);
  });
});
