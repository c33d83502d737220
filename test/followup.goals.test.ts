/**
 * Editing and removing goals (PATCH/DELETE /api/v1/goals/{id}) and an implementation
 * status's history: permissions (followup.goals.write on the goal's owner), versions (If-Match
 * → 409/428), the tree's rules, refusal to remove a goal with indicators or sub-goals under it,
 * and the audit trail.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { buildImplementationStatus, buildIndicator } from '../src/testing/builders.js';
import { problem, useTestApp, type Session } from './helpers/app.js';

const t = useTestApp();
let admin: Session;
let blekinge: Session;
let kalmar: Session;
let reader: Session;

beforeAll(async () => {
  admin = await t.newAdmin();
  blekinge = await t.newUser([{ role: 'samordnare', scopeType: 'region', scopeId: '10' }]);
  kalmar = await t.newUser([{ role: 'samordnare', scopeType: 'region', scopeId: '08' }]);
  reader = await t.newUser([{ role: 'lasare', scopeType: 'region', scopeId: '10' }]);
});

interface GoalOut {
  id: string;
  parentId: string | null;
  kind: string;
  owner: string;
  title: string;
  description: string | null;
  version: number;
}

async function newGoal(as: Session, body: { owner: string; title: string; parentId?: string }) {
  const res = await t.request({ method: 'POST', url: '/api/v1/goals', as, payload: body });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<GoalOut>();
}

const auditOf = (id: string) =>
  t.db.query<{ action: string; before: { title?: string } | null; after: { title?: string } | null }>(
    `SELECT action, before, after FROM audit_events WHERE entity_type = 'followup-goal' AND entity_id = $1 ORDER BY id`,
    [id],
  );

describe('PATCH /api/v1/goals/{id}', () => {
  it("lets the owner's coordinator edit, with If-Match; stale versions are a 409 and nothing changes", async () => {
    const g = await newGoal(blekinge, { owner: '10', title: 'Vård i tid' });
    expect(g).toMatchObject({ kind: 'promise', parentId: null, version: 1 });

    const ok = await t.request({
      method: 'PATCH',
      url: `/api/v1/goals/${g.id}`,
      as: blekinge,
      headers: { 'if-match': '"1"' },
      payload: { title: '  Vård i rätt tid  ', description: 'Ur Våra löften.' },
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.headers.etag).toBe('"2"');
    expect(ok.json()).toMatchObject({ title: 'Vård i rätt tid', description: 'Ur Våra löften.', version: 2 });

    // Someone who read version 1 is refused and told to reload.
    const stale = await t.request({
      method: 'PATCH',
      url: `/api/v1/goals/${g.id}`,
      as: blekinge,
      headers: { 'if-match': '"1"' },
      payload: { title: 'Gammal ändring' },
    });
    expect(problem(stale).status).toBe(409);
    expect(problem(stale).type).toContain('application/problem+json');
    // No version at all: 428.
    const none = await t.request({ method: 'PATCH', url: `/api/v1/goals/${g.id}`, as: blekinge, payload: { title: 'x' } });
    expect(none.statusCode).toBe(428);

    const now = (await t.request({ method: 'GET', url: `/api/v1/goals/${g.id}` })).json<GoalOut>();
    expect(now).toMatchObject({ title: 'Vård i rätt tid', version: 2 });

    const audit = await auditOf(g.id);
    expect(audit.map((a) => a.action)).toEqual(['create', 'update']);
    expect(audit[1]!.before?.title).toBe('Vård i tid');
    expect(audit[1]!.after?.title).toBe('Vård i rätt tid');
  });

  it('is refused to other regions, readers and anonymous callers, and nothing is written', async () => {
    const g = await newGoal(blekinge, { owner: '10', title: 'Trygg vård' });
    for (const [as, status] of [
      [kalmar, 403],
      [reader, 403],
      [undefined, 401],
    ] as const) {
      const res = await t.request({
        method: 'PATCH',
        url: `/api/v1/goals/${g.id}`,
        ...(as ? { as } : {}),
        payload: { title: 'Kapad', version: 1 },
      });
      expect(res.statusCode).toBe(status);
    }
    // Moving the goal to another owner needs the permission there too.
    const move = await t.request({
      method: 'PATCH',
      url: `/api/v1/goals/${g.id}`,
      as: blekinge,
      payload: { owner: '08', version: 1 },
    });
    expect(move.statusCode).toBe(403);
    const unknownOwner = await t.request({
      method: 'PATCH',
      url: `/api/v1/goals/${g.id}`,
      as: admin,
      payload: { owner: '99', version: 1 },
    });
    expect(problem(unknownOwner).status).toBe(422);
    expect(problem(unknownOwner).body.errors?.[0]?.path).toBe('/owner');
    expect((await auditOf(g.id)).map((a) => a.action)).toEqual(['create']);
    expect((await t.request({ method: 'GET', url: `/api/v1/goals/${g.id}` })).json()).toMatchObject({ title: 'Trygg vård' });

    const missing = await t.request({
      method: 'PATCH',
      url: '/api/v1/goals/00000000-0000-4000-8000-000000000000',
      as: admin,
      payload: { title: 'x', version: 1 },
    });
    expect(missing.statusCode).toBe(404);
  });

  it('moves a goal within the tree but never under itself, and keeps promises at the top', async () => {
    const promise = await newGoal(blekinge, { owner: '10', title: 'Löfte A' });
    const other = await newGoal(blekinge, { owner: '10', title: 'Löfte B' });
    const goal = await newGoal(blekinge, { owner: '10', title: 'Mål 1', parentId: promise.id });
    const sub = await newGoal(blekinge, { owner: '10', title: 'Delmål 1.1', parentId: goal.id });

    const cycle = await t.request({
      method: 'PATCH',
      url: `/api/v1/goals/${goal.id}`,
      as: blekinge,
      payload: { parentId: sub.id, version: 1 },
    });
    expect(problem(cycle).status).toBe(422);
    expect(problem(cycle).body.errors).toEqual([{ path: '/parentId', message: expect.stringContaining('under sig självt') }]);

    const orphan = await t.request({
      method: 'PATCH',
      url: `/api/v1/goals/${goal.id}`,
      as: blekinge,
      payload: { parentId: null, version: 1 },
    });
    expect(problem(orphan).status).toBe(422);
    const promiseUnder = await t.request({
      method: 'PATCH',
      url: `/api/v1/goals/${promise.id}`,
      as: blekinge,
      payload: { parentId: other.id, version: 1 },
    });
    expect(problem(promiseUnder).status).toBe(422);

    const moved = await t.request({
      method: 'PATCH',
      url: `/api/v1/goals/${goal.id}`,
      as: blekinge,
      payload: { parentId: other.id, version: 1 },
    });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json()).toMatchObject({ parentId: other.id, kind: 'goal', version: 2 });

    // The tree shows the move, with version and parent for the UI's If-Match.
    const tree = (await t.request({ method: 'GET', url: '/api/v1/goals' })).json<{
      items: (GoalOut & { children: (GoalOut & { children: GoalOut[] })[] })[];
    }>().items;
    const b = tree.find((n) => n.id === other.id)!;
    expect(b.children.map((c) => [c.title, c.parentId, c.version])).toEqual([['Mål 1', other.id, 2]]);
    expect(b.children[0]!.children.map((c) => c.title)).toEqual(['Delmål 1.1']);
    expect(tree.find((n) => n.id === promise.id)!.children).toEqual([]);
  });
});

describe('DELETE /api/v1/goals/{id}', () => {
  it('refuses with a 409 that names what hangs under the goal, and removes it once nothing does', async () => {
    const promise = await newGoal(blekinge, { owner: '10', title: 'Löfte att ta bort' });
    const goal = await newGoal(blekinge, { owner: '10', title: 'Mål att ta bort', parentId: promise.id });
    const ind = await buildIndicator(t.db, { owner: '10', goalId: goal.id, name: 'Väntetid till behandling' });

    const withIndicator = await t.request({ method: 'DELETE', url: `/api/v1/goals/${goal.id}?version=1`, as: blekinge });
    expect(problem(withIndicator).status).toBe(409);
    expect(problem(withIndicator).body.detail).toContain('Väntetid till behandling');
    const withSubGoal = await t.request({
      method: 'DELETE',
      url: `/api/v1/goals/${promise.id}`,
      as: blekinge,
      headers: { 'if-match': '"1"' },
    });
    expect(problem(withSubGoal).status).toBe(409);
    expect(problem(withSubGoal).body.detail).toContain('1 delmål');

    // Others may not remove it; a stale version is a 409 too; no version is a 428.
    expect((await t.request({ method: 'DELETE', url: `/api/v1/goals/${goal.id}?version=1`, as: kalmar })).statusCode).toBe(403);
    expect((await t.request({ method: 'DELETE', url: `/api/v1/goals/${goal.id}?version=1` })).statusCode).toBe(401);
    expect((await t.request({ method: 'DELETE', url: `/api/v1/goals/${goal.id}`, as: blekinge })).statusCode).toBe(428);
    expect((await t.db.query('SELECT 1 FROM followup_goals WHERE id = $1', [goal.id])).length).toBe(1);

    // Detach the indicator (admin), then the goal can go.
    const detach = await t.request({
      method: 'PATCH',
      url: `/api/v1/indicators/${ind.id}`,
      as: admin,
      payload: { goalId: null, version: ind.version },
    });
    expect(detach.statusCode, detach.body).toBe(200);
    const stale = await t.request({ method: 'DELETE', url: `/api/v1/goals/${goal.id}?version=7`, as: blekinge });
    expect(problem(stale).status).toBe(409);
    const gone = await t.request({ method: 'DELETE', url: `/api/v1/goals/${goal.id}?version=1`, as: blekinge });
    expect(gone.statusCode, gone.body).toBe(204);
    expect((await t.request({ method: 'GET', url: `/api/v1/goals/${goal.id}` })).statusCode).toBe(404);
    expect((await auditOf(goal.id)).map((a) => a.action)).toEqual(['create', 'delete']);
    // Now the promise is empty and can be removed as well.
    expect((await t.request({ method: 'DELETE', url: `/api/v1/goals/${promise.id}?version=1`, as: blekinge })).statusCode).toBe(
      204,
    );
  });
});

describe('GET /api/v1/implementation-statuses/{id}/history', () => {
  it('lists every status the row has had, newest first, for signed-in users', async () => {
    const s = await buildImplementationStatus(t.db, { region: '10', status: 'gap-analys' });
    const next = await t.request({
      method: 'PATCH',
      url: `/api/v1/implementation-statuses/${s.id}`,
      as: blekinge,
      payload: { status: 'planerad', version: 1 },
    });
    expect(next.statusCode, next.body).toBe(200);
    const res = await t.request({ method: 'GET', url: `/api/v1/implementation-statuses/${s.id}/history`, as: reader });
    expect(res.statusCode).toBe(200);
    const items = res.json<{ items: { status: string; validFrom: string }[] }>().items;
    expect(items.map((i) => i.status)).toEqual(['planerad', 'gap-analys']);
    expect(items[0]!.validFrom).toMatch(/^\d{4}-\d{2}-\d{2}$/);

    expect((await t.request({ method: 'GET', url: `/api/v1/implementation-statuses/${s.id}/history` })).statusCode).toBe(401);
    expect(
      (
        await t.request({
          method: 'GET',
          url: '/api/v1/implementation-statuses/00000000-0000-4000-8000-000000000000/history',
          as: reader,
        })
      ).statusCode,
    ).toBe(404);
  });
});
