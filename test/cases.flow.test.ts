import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { addActionToCase, addCaseAction } from '../src/modules/cases/add-case-action.js';
import { changeCaseStatus } from '../src/modules/cases/change-case-status.js';
import { escalateCase } from '../src/modules/cases/escalate-case.js';
import { linkCase, unlinkCase } from '../src/modules/cases/link-case.js';
import { notifyDueActions } from '../src/modules/cases/notify-due-actions.js';
import { readCase } from '../src/modules/cases/read-case.js';
import { transitionCase } from '../src/modules/cases/transition-case.js';
import { triageCase } from '../src/modules/cases/triage-case.js';
import { uploadDocument } from '../src/modules/cases/upload-document.js';
import { systemCtx, type Ctx } from '../src/platform/context.js';
import { buildGroup, buildKnowledgeSupport, buildPerson, buildUser } from '../src/testing/builders.js';
import { problem, useTestApp, type Session } from './helpers/app.js';

const t = useTestApp();

/** Region Blekinge ("10"): the forums of seed 002. */
let forums: { beredning: string; lpoForum: string; lsgForum: string; council: string; lpo: string; otherRegionForum: string };
let coordinator: Session;
let reader: Session;
let handlerPerson: { id: string; email: string };

const register = async (o: Record<string, unknown> = {}) => {
  const res = await t.request({
    method: 'POST',
    url: '/api/v1/cases',
    as: coordinator,
    payload: {
      region: '10',
      subject: 'Remiss: Nationellt vårdförlopp hjärtsvikt – nyupptäckt',
      origin: 'national',
      sender: 'NPO Hjärt- och kärlsjukdomar',
      receivedDate: '2026-10-05',
      ...o,
    },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ id: string; version: number; caseNumber: string }>();
};
const get = async (id: string, as = coordinator) => (await t.request({ method: 'GET', url: `/api/v1/cases/${id}`, as })).json();
const move = (id: string, to: string, version: number, extra: Record<string, unknown> = {}, as = coordinator) =>
  t.request({ method: 'POST', url: `/api/v1/cases/${id}/transitions`, as, payload: { to, version, ...extra } });

beforeAll(async () => {
  const g = (kind: 'forum' | 'council' | 'program-area', name: string, owner = '10') =>
    buildGroup(t.db, {
      kind,
      level: 'region',
      owner,
      name,
      ...(kind === 'program-area' ? { programAreaIds: ['akut-vard'] } : {}),
    });
  forums = {
    beredning: (await g('forum', 'Beredningsforum')).id,
    lpoForum: (await g('forum', 'LPO Ordförandeforum')).id,
    lsgForum: (await g('forum', 'LSG Samordnarforum')).id,
    council: (await g('council', 'Kunskapsrådet')).id,
    lpo: (await g('program-area', 'LPO Akut vård')).id,
    otherRegionForum: (await g('forum', 'Kalmars beredningsforum', '08')).id,
  };
  coordinator = await t.newUser([{ role: 'samordnare', scopeType: 'region', scopeId: '10' }]);
  reader = await t.newUser([{ role: 'lasare', scopeType: 'region', scopeId: '10' }]);
  const p = await buildPerson(t.db, { homeOwner: '10', email: 'handlaggare@example.se', name: 'Hanna Handläggare' });
  handlerPerson = { id: p.id, email: 'handlaggare@example.se' };
});

describe('the lifecycle over HTTP', () => {
  it('runs registrerad → under beredning → för beslut → beslutad → under genomförande → avslutad, with history and audit', async () => {
    const c = await register();
    let v = c.version;
    for (const [to, extra] of [
      ['under-beredning', {}],
      ['for-beslut', { forumGroupId: forums.council }],
      ['beslutad', { decisionRef: 'Kunskapsrådet 2026-11-12 § 7' }],
      ['under-genomforande', {}],
      ['avslutad', {}],
    ] as const) {
      const res = await move(c.id, to, v, extra);
      expect(res.statusCode, `${to}: ${res.body}`).toBe(200);
      expect(res.json().status).toBe(to);
      v = res.json().version;
    }
    const after = await get(c.id);
    expect(after).toMatchObject({
      forumName: 'Kunskapsrådet',
      decisionRef: 'Kunskapsrådet 2026-11-12 § 7',
      allowedTransitions: [],
    });
    expect(after.closedAt).toEqual(expect.any(String));
    const history = (await t.request({ method: 'GET', url: `/api/v1/cases/${c.id}/transitions`, as: reader })).json();
    expect(history.items.map((h: { from: string; to: string }) => `${h.from}→${h.to}`)).toEqual([
      'registrerad→under-beredning',
      'under-beredning→for-beslut',
      'for-beslut→beslutad',
      'beslutad→under-genomforande',
      'under-genomforande→avslutad',
    ]);
    expect(history.items[0].actor).toEqual(expect.any(String));
    const audit = await t.db.query<{ action: string }>(
      `SELECT action FROM audit_events WHERE entity_type = 'case' AND entity_id = $1 ORDER BY id`,
      [c.id],
    );
    expect(audit.map((a) => a.action)).toEqual(['register', ...Array(5).fill('transition')]);
  });

  it('refuses transitions the state machine does not allow (422), and reasons where they are required', async () => {
    const c = await register();
    const skip = problem(await move(c.id, 'beslutad', c.version));
    expect(skip.status).toBe(422);
    expect(skip.body.detail).toBe('Ett ärende med status registrerad kan inte gå till beslutad.');
    const v = (await move(c.id, 'under-beredning', c.version)).json().version;
    const v2 = (await move(c.id, 'for-beslut', v)).json().version;
    const noReason = problem(await move(c.id, 'aterremitterad', v2));
    expect([noReason.status, noReason.body.errors?.[0]?.path]).toEqual([422, 'reason']);
    const back = await move(c.id, 'aterremitterad', v2, { reason: 'Underlaget saknar konsekvensanalys för primärvården.' });
    expect(back.json().status).toBe('aterremitterad');
    const tabled = await move(c.id, 'for-beslut', back.json().version);
    const bordlagd = await move(c.id, 'bordlagd', tabled.json().version, { reason: 'Tiden räckte inte.' });
    expect(bordlagd.json()).toMatchObject({ status: 'bordlagd', allowedTransitions: ['for-beslut', 'under-beredning'] });
    expect(problem(await move(c.id, 'avslutad', bordlagd.json().version)).status).toBe(422);
    expect(bordlagd.json().allowedActions).toEqual(['put-forward', 'prepare']);
  });

  it('takes the action named in allowedActions instead of the status; a system action or neither is refused', async () => {
    const c = await register();
    const act = (action: string | undefined, version: number, extra: Record<string, unknown> = {}) =>
      t.request({
        method: 'POST',
        url: `/api/v1/cases/${c.id}/transitions`,
        as: coordinator,
        payload: { version, ...(action ? { action } : {}), ...extra },
      });
    expect((await get(c.id)).allowedActions).toEqual(['prepare', 'close']);
    expect(problem(await act(undefined, c.version)).status).toBe(422);
    expect(problem(await act('follow-main', c.version)).status).toBe(422);
    expect(problem(await act('prepare', c.version, { to: 'avslutad' })).status).toBe(422);
    const prepared = await act('prepare', c.version);
    expect(prepared.json()).toMatchObject({ status: 'under-beredning', allowedActions: ['put-forward', 'close'], locked: false });
    const closed = await act('close', prepared.json().version, { reason: 'Ingen åtgärd behövs.' });
    expect(closed.json()).toMatchObject({ status: 'avslutad', allowedActions: [], locked: true });
  });

  it('needs a version (428), refuses a stale one (409) and a closed case cannot be closed again (409)', async () => {
    const c = await register();
    expect(
      (
        await t.request({
          method: 'POST',
          url: `/api/v1/cases/${c.id}/transitions`,
          as: coordinator,
          payload: { to: 'under-beredning' },
        })
      ).statusCode,
    ).toBe(428);
    const v = (await move(c.id, 'under-beredning', c.version)).json().version;
    expect(problem(await move(c.id, 'avslutad', c.version, { reason: 'x' })).status).toBe(409);
    const closed = await move(c.id, 'avslutad', v, { reason: 'Besvarat direkt av samordnaren; inget beslut behövs.' });
    expect(closed.statusCode).toBe(200);
    const again = problem(await move(c.id, 'avslutad', closed.json().version, { reason: 'igen' }));
    expect([again.status, again.body.detail]).toEqual([409, 'Ärendet är redan avslutat.']);
  });

  it('N simultaneous closes: exactly one succeeds, the others get 409', async () => {
    const c = await register();
    let v = c.version;
    for (const to of ['under-beredning', 'for-beslut', 'beslutad']) v = (await move(c.id, to, v)).json().version;
    const results = await Promise.all(Array.from({ length: 8 }, () => move(c.id, 'avslutad', v)));
    const codes = results.map((r) => r.statusCode).sort();
    expect(codes).toEqual([200, 409, 409, 409, 409, 409, 409, 409]);
    const closes = await t.db.query(`SELECT 1 FROM case_transitions WHERE case_id = $1 AND to_status = 'avslutad'`, [c.id]);
    expect(closes).toHaveLength(1);
  });

  it('a case cannot be closed with open action items; done items let it close', async () => {
    const c = await register();
    let v = c.version;
    for (const to of ['under-beredning', 'for-beslut', 'beslutad']) v = (await move(c.id, to, v)).json().version;
    const action = await t.request({
      method: 'POST',
      url: `/api/v1/cases/${c.id}/actions`,
      as: coordinator,
      payload: { title: 'Informera verksamhetscheferna', ownerPersonId: handlerPerson.id, dueDate: '2026-12-15' },
    });
    expect(action.statusCode, action.body).toBe(201);
    expect(action.json()).toMatchObject({ status: 'open', ownerName: 'Hanna Handläggare', dueDate: '2026-12-15', version: 1 });
    expect((await get(c.id)).openActions).toBe(1);
    const refused = problem(await move(c.id, 'avslutad', v));
    expect([refused.status, refused.body.detail]).toEqual([
      422,
      'Ärendet kan inte avslutas: en åtgärdspunkt är fortfarande öppen.',
    ]);
    expect((await get(c.id)).status).toBe('beslutad');
    const done = await t.request({
      method: 'POST',
      url: `/api/v1/case-actions/${action.json().id}/complete`,
      as: coordinator,
      payload: { version: 1 },
    });
    expect(done.json()).toMatchObject({ status: 'done', doneAt: expect.any(String), version: 2 });
    expect(
      (
        await t.request({
          method: 'POST',
          url: `/api/v1/case-actions/${action.json().id}/complete`,
          as: coordinator,
          payload: { version: 2 },
        })
      ).statusCode,
    ).toBe(409);
    const closed = await move(c.id, 'avslutad', v);
    expect(closed.statusCode, closed.body).toBe(200);
    // A closed case takes no new action items and its items stay as they were.
    expect(
      (await t.request({ method: 'POST', url: `/api/v1/cases/${c.id}/actions`, as: coordinator, payload: { title: 'Sent' } }))
        .statusCode,
    ).toBe(409);
    expect(
      (
        await t.request({
          method: 'POST',
          url: `/api/v1/case-actions/${action.json().id}/reopen`,
          as: coordinator,
          payload: { version: 2 },
        })
      ).statusCode,
    ).toBe(409);
  });

  it('readers see a case but cannot move it (403); other regions do not see it (404)', async () => {
    const c = await register();
    expect((await get(c.id, reader)).allowedTransitions).toEqual([]);
    expect((await move(c.id, 'under-beredning', c.version, {}, reader)).statusCode).toBe(403);
    const kalmar = await t.newUser([{ role: 'samordnare', scopeType: 'region', scopeId: '08' }]);
    expect((await move(c.id, 'under-beredning', c.version, {}, kalmar)).statusCode).toBe(404);
    expect((await get(c.id)).status).toBe('registrerad');
  });

  it('the use cases themselves hide a case in another region (404), not only the routes in front of them', async () => {
    const c = await register();
    const other = await register({ subject: 'Annat ärende' });
    const linked = await t.request({
      method: 'POST',
      url: `/api/v1/cases/${c.id}/links`,
      as: coordinator,
      payload: { targetType: 'case', targetId: other.id },
    });
    expect(linked.statusCode, linked.body).toBe(201);
    // A coordinator in Kalmar may handle cases, but not Blekinge's: no hint that the case exists.
    const kalmar: Ctx = {
      requestId: 'test-kalmar',
      actor: {
        userId: randomUUID(),
        email: 'kalmar@example.se',
        name: 'Kalmar',
        roles: [{ role: 'samordnare', scopeType: 'region', scopeId: '08' }],
        via: 'session',
      },
    };
    const attempts: [string, () => Promise<unknown>][] = [
      ['changeCaseStatus', () => changeCaseStatus(t.db, kalmar, c.id, c.version, { to: 'under-beredning' })],
      ['escalateCase', () => escalateCase(t.db, kalmar, c.id, c.version, { forumGroupId: forums.council, reason: 'Lyft' })],
      ['triageCase', () => triageCase(t.db, kalmar, c.id, c.version, { decisionPath: 'information' })],
      ['addActionToCase', () => addActionToCase(t.db, kalmar, c.id, { title: 'Åtgärd' })],
      ['linkCase', () => linkCase(t.db, kalmar, c.id, { targetType: 'knowledge-support', targetId: randomUUID() })],
      ['unlinkCase', () => unlinkCase(t.db, kalmar, linked.json<{ id: string }>().id)],
      ['uploadDocument', () => uploadDocument(t.db, kalmar, c.id, { fileName: 'a.txt', bytes: Buffer.from('hej') })],
      ['readCase', () => readCase(t.db, kalmar, c.id)],
    ];
    for (const [name, attempt] of attempts) {
      await expect(attempt(), name).rejects.toMatchObject({ status: 404 });
    }
    const after = await get(c.id);
    expect(after).toMatchObject({ status: 'registrerad', version: c.version, openActions: 0 });
    const docs = await t.request({ method: 'GET', url: `/api/v1/cases/${c.id}/documents`, as: coordinator });
    expect(docs.json().items).toEqual([]);
  });
});

describe('addCaseAction and transitionCase for the meetings module', () => {
  it('adds an action item from a minutes paragraph once, and moves a case in the caller transaction', async () => {
    const c = await register();
    const ctx = systemCtx('minutes-approved');
    const source = { meetingId: '6f1c0d1e-3b7a-4c55-9d8e-1a2b3c4d5e6f', paragraphId: '7a2d1e0f-4c8b-4d66-8e9f-2b3c4d5e6f70' };
    const [first, second] = await t.db.transaction(async (tx) => {
      await transitionCase(tx, ctx, c.id, 'under-beredning');
      await transitionCase(tx, ctx, c.id, 'for-beslut', { forumGroupId: forums.council });
      await transitionCase(tx, ctx, c.id, 'beslutad', { decisionRef: 'KR 2026 § 14' });
      const a = await addCaseAction(tx, ctx, {
        caseId: c.id,
        title: 'Följ upp införandet',
        ownerName: 'LPO Akut vård',
        dueDate: '2027-03-01',
        source,
      });
      const b = await addCaseAction(tx, ctx, {
        caseId: c.id,
        title: 'Följ upp införandet',
        ownerName: 'LPO Akut vård',
        dueDate: '2027-03-01',
        source,
      });
      return [a, b];
    });
    expect(second.id).toBe(first.id);
    const actions = (await t.request({ method: 'GET', url: `/api/v1/cases/${c.id}/actions`, as: reader })).json();
    expect(actions.items).toEqual([
      expect.objectContaining({ title: 'Följ upp införandet', ownerName: 'LPO Akut vård', source }),
    ]);
    expect(await get(c.id)).toMatchObject({ status: 'beslutad', decisionRef: 'KR 2026 § 14', forumName: 'Kunskapsrådet' });
    // Made in one transaction (one now()), the history still reads in the order they happened.
    const history = (await t.request({ method: 'GET', url: `/api/v1/cases/${c.id}/transitions`, as: reader })).json();
    expect(history.items.map((h: { to: string }) => h.to)).toEqual(['under-beredning', 'for-beslut', 'beslutad']);
    // The state machine holds here too, and a failure rolls the caller's transaction back.
    await expect(
      t.db.transaction(async (tx) => {
        await addCaseAction(tx, ctx, { caseId: c.id, title: 'Ska inte finnas' });
        await transitionCase(tx, ctx, c.id, 'registrerad');
      }),
    ).rejects.toMatchObject({ status: 422 });
    expect((await get(c.id)).openActions).toBe(1);
    await expect(t.db.transaction((tx) => transitionCase(tx, ctx, c.id, 'beslutad'))).rejects.toMatchObject({ status: 409 });
  });
});

describe('assignment, secrecy and escalation', () => {
  it('assigns a group, a handler and a due date (audited as assign); refuses a group from another region (404: the caller may not see it)', async () => {
    const c = await register();
    const res = await t.request({
      method: 'PATCH',
      url: `/api/v1/cases/${c.id}`,
      as: coordinator,
      headers: { 'if-match': String(c.version) },
      payload: { assignedGroupId: forums.lpo, handlerPersonId: handlerPerson.id, dueDate: '2027-01-31' },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      assignedGroupName: 'LPO Akut vård',
      handlerName: 'Hanna Handläggare',
      dueDate: '2027-01-31',
    });
    const [audit] = await t.db.query<{ action: string }>(
      `SELECT action FROM audit_events WHERE entity_type = 'case' AND entity_id = $1 ORDER BY id DESC LIMIT 1`,
      [c.id],
    );
    expect(audit!.action).toBe('assign');
    const foreign = problem(
      await t.request({
        method: 'PATCH',
        url: `/api/v1/cases/${c.id}`,
        as: coordinator,
        payload: { version: res.json().version, assignedGroupId: forums.otherRegionForum },
      }),
    );
    expect(foreign.status).toBe(404);
    const stale = await t.request({
      method: 'PATCH',
      url: `/api/v1/cases/${c.id}`,
      as: coordinator,
      payload: { version: c.version, dueDate: null },
    });
    expect(stale.statusCode).toBe(409);
    const early = problem(
      await t.request({
        method: 'PATCH',
        url: `/api/v1/cases/${c.id}`,
        as: coordinator,
        payload: { version: res.json().version, dueDate: '2026-01-01' },
      }),
    );
    expect(early.body.errors?.[0]?.path).toBe('dueDate');
  });

  it('a secret-marking needs its legal ground; lists mask the subject for those without rights in the region', async () => {
    const noGround = problem(
      await t.request({
        method: 'POST',
        url: '/api/v1/cases',
        as: coordinator,
        payload: {
          region: '10',
          subject: 'Avvikelse i enskilt patientärende',
          origin: 'local',
          sender: 'Verksamhetschef',
          receivedDate: '2026-10-01',
          secret: true,
        },
      }),
    );
    expect([noGround.status, noGround.body.errors?.[0]?.path]).toEqual([422, 'secrecyGround']);
    const c = await register({ subject: 'Avvikelse i enskilt patientärende', secret: true, secrecyGround: 'OSL 25 kap. 1 §' });
    expect(await get(c.id)).toMatchObject({
      secret: true,
      secrecyGround: 'OSL 25 kap. 1 §',
      subject: 'Avvikelse i enskilt patientärende',
    });
    const sodra = await t.newUser([{ role: 'lasare', scopeType: 'healthcare-region', scopeId: 'sodra' }]);
    const seen = await get(c.id, sodra);
    expect(seen.subject).toBe('Sekretessmarkerat ärende');
  });

  it('escalates from the LPO ordförandeforum to the kunskapsråd, recorded with the target forum; not from elsewhere', async () => {
    const c = await register();
    const triaged = await t.request({
      method: 'POST',
      url: `/api/v1/cases/${c.id}/triage`,
      as: coordinator,
      payload: { version: c.version, decisionPath: 'forum-decision', forumGroupId: forums.lpoForum, note: 'LPO-frågor först.' },
    });
    expect(triaged.json()).toMatchObject({ status: 'under-beredning', forumName: 'LPO Ordförandeforum' });
    const toForum = problem(
      await t.request({
        method: 'POST',
        url: `/api/v1/cases/${c.id}/escalation`,
        as: coordinator,
        payload: { version: triaged.json().version, forumGroupId: forums.lsgForum, reason: 'x' },
      }),
    );
    expect(toForum.status).toBe(422);
    const up = await t.request({
      method: 'POST',
      url: `/api/v1/cases/${c.id}/escalation`,
      as: coordinator,
      payload: {
        version: triaged.json().version,
        forumGroupId: forums.council,
        reason: 'Berör flera programområden och resurser.',
      },
    });
    expect(up.statusCode, up.body).toBe(200);
    expect(up.json()).toMatchObject({ status: 'under-beredning', forumName: 'Kunskapsrådet', canEscalate: true });
    const history = (await t.request({ method: 'GET', url: `/api/v1/cases/${c.id}/transitions`, as: coordinator })).json();
    expect(history.items.at(-1)).toMatchObject({
      kind: 'escalation',
      forumName: 'Kunskapsrådet',
      reason: 'Berör flera programområden och resurser.',
    });
    // Now at the council: no further escalation from there.
    const again = problem(
      await t.request({
        method: 'POST',
        url: `/api/v1/cases/${c.id}/escalation`,
        as: coordinator,
        payload: { version: up.json().version, forumGroupId: forums.council, reason: 'igen' },
      }),
    );
    expect(again.status).toBe(422);
  });
});

describe('the beredningsforum: triage queue and paketering', () => {
  it('queues registered cases oldest first; triage proposes path and forum and takes them out of the queue', async () => {
    const region = '10';
    const a = await register({ subject: 'Köärende A', receivedDate: '2026-09-01' });
    const queue = (
      await t.request({ method: 'GET', url: `/api/v1/cases/triage-queue?region=${region}`, as: coordinator })
    ).json();
    expect(queue.items.map((c: { id: string }) => c.id)).toContain(a.id);
    expect(queue.items.every((c: { status: string }) => c.status === 'registrerad')).toBe(true);
    const noForum = problem(
      await t.request({
        method: 'POST',
        url: `/api/v1/cases/${a.id}/triage`,
        as: coordinator,
        payload: { version: a.version, decisionPath: 'forum-decision' },
      }),
    );
    expect([noForum.status, noForum.body.errors?.[0]?.path]).toEqual([422, 'forumGroupId']);
    const wrong = problem(
      await t.request({
        method: 'POST',
        url: `/api/v1/cases/${a.id}/triage`,
        as: coordinator,
        payload: { version: a.version, decisionPath: 'forum-decision', forumGroupId: forums.lpo },
      }),
    );
    expect(wrong.status).toBe(422);
    const ok = await t.request({
      method: 'POST',
      url: `/api/v1/cases/${a.id}/triage`,
      as: coordinator,
      payload: { version: a.version, decisionPath: 'forum-decision', forumGroupId: forums.council },
    });
    expect(ok.json()).toMatchObject({ status: 'under-beredning', decisionPath: 'forum-decision', forumName: 'Kunskapsrådet' });
    const after = (
      await t.request({ method: 'GET', url: `/api/v1/cases/triage-queue?region=${region}`, as: coordinator })
    ).json();
    expect(after.items.map((c: { id: string }) => c.id)).not.toContain(a.id);
    expect((await t.request({ method: 'GET', url: '/api/v1/cases/triage-queue', as: reader })).statusCode).toBe(403);
    expect(
      (
        await t.request({
          method: 'POST',
          url: `/api/v1/cases/${a.id}/triage`,
          as: reader,
          payload: { version: 1, decisionPath: 'information' },
        })
      ).statusCode,
    ).toBe(403);
  });

  it('bundles a related matter into a main case; the bundled case follows the main decision and cannot be decided alone', async () => {
    const main = await register({ subject: 'Remiss: kunskapsstöd hjärtsvikt (nationell)' });
    const bundled = await register({
      subject: 'Synpunkter på hjärtsviktsstödet från LPO',
      origin: 'local',
      sender: 'LPO Hjärt- och kärl',
    });
    const mainTriaged = (
      await t.request({
        method: 'POST',
        url: `/api/v1/cases/${main.id}/triage`,
        as: coordinator,
        payload: { version: main.version, decisionPath: 'forum-decision', forumGroupId: forums.council },
      })
    ).json();
    const selfBundle = problem(
      await t.request({
        method: 'POST',
        url: `/api/v1/cases/${main.id}/triage`,
        as: coordinator,
        payload: { version: mainTriaged.version, decisionPath: 'bundled', mainCaseId: main.id },
      }),
    );
    expect(selfBundle.status).toBe(422);
    const b = await t.request({
      method: 'POST',
      url: `/api/v1/cases/${bundled.id}/triage`,
      as: coordinator,
      payload: { version: bundled.version, decisionPath: 'bundled', mainCaseId: main.id },
    });
    expect(b.statusCode, b.body).toBe(200);
    expect(b.json()).toMatchObject({ status: 'under-beredning', mainCaseNumber: main.caseNumber, forumName: 'Kunskapsrådet' });
    expect(b.json().allowedTransitions).not.toContain('for-beslut');
    expect(problem(await move(bundled.id, 'for-beslut', b.json().version)).status).toBe(422);
    const links = (await t.request({ method: 'GET', url: `/api/v1/cases/${main.id}/links`, as: reader })).json();
    expect(links.items).toEqual([expect.objectContaining({ relation: 'bundled', targetId: bundled.id })]);
    // A case that is itself bundled cannot be a main case.
    const third = await register({ subject: 'Tredje' });
    const chain = problem(
      await t.request({
        method: 'POST',
        url: `/api/v1/cases/${third.id}/triage`,
        as: coordinator,
        payload: { version: third.version, decisionPath: 'bundled', mainCaseId: bundled.id },
      }),
    );
    expect(chain.status).toBe(422);
    let v = mainTriaged.version;
    for (const to of ['for-beslut', 'beslutad']) {
      v = (await move(main.id, to, v, to === 'beslutad' ? { decisionRef: 'KR 2026 § 21' } : {})).json().version;
    }
    expect(await get(bundled.id)).toMatchObject({ status: 'beslutad', decisionRef: 'KR 2026 § 21' });
    const bundleHistory = (await t.request({ method: 'GET', url: `/api/v1/cases/${bundled.id}/transitions`, as: reader })).json();
    expect(bundleHistory.items.at(-1)).toMatchObject({
      kind: 'bundle',
      to: 'beslutad',
      reason: `Följer beslutet i huvudärendet ${main.caseNumber}.`,
    });
    // The follower's move is the declared system action, audited like any transition.
    const [followed] = await t.db.query<{ action: string; before: unknown; after: Record<string, unknown> }>(
      `SELECT action, before, after FROM audit_events WHERE entity_type = 'case' AND entity_id = $1 ORDER BY id DESC LIMIT 1`,
      [bundled.id],
    );
    expect(followed).toMatchObject({
      action: 'transition',
      before: { status: 'under-beredning' },
      after: { status: 'beslutad', followsMainCaseId: main.id, reason: `Följer beslutet i huvudärendet ${main.caseNumber}.` },
    });
  });
  it('re-triaging a bundled case away from its main case removes the bundling', async () => {
    const main = await register({ subject: 'Huvud' });
    const b = await register({ subject: 'Del' });
    const bundled = (
      await t.request({
        method: 'POST',
        url: `/api/v1/cases/${b.id}/triage`,
        as: coordinator,
        payload: { version: b.version, decisionPath: 'bundled', mainCaseId: main.id },
      })
    ).json();
    expect(bundled.mainCaseId).toBe(main.id);
    const own = await t.request({
      method: 'POST',
      url: `/api/v1/cases/${b.id}/triage`,
      as: coordinator,
      payload: { version: bundled.version, decisionPath: 'forum-decision', forumGroupId: forums.council },
    });
    expect(own.json()).toMatchObject({ mainCaseId: null, decisionPath: 'forum-decision', status: 'under-beredning' });
    const links = (await t.request({ method: 'GET', url: `/api/v1/cases/${main.id}/links`, as: reader })).json();
    expect(links.items).toEqual([]);
    expect((await move(b.id, 'for-beslut', own.json().version)).statusCode).toBe(200);
  });
});

describe('links', () => {
  it('links cases both ways, and to knowledge supports and consultation rounds by id; removals are audited', async () => {
    const a = await register({ subject: 'A' });
    const b = await register({ subject: 'B' });
    const link = await t.request({
      method: 'POST',
      url: `/api/v1/cases/${a.id}/links`,
      as: coordinator,
      payload: { targetType: 'case', targetId: b.id },
    });
    expect(link.statusCode).toBe(201);
    expect(
      (
        await t.request({
          method: 'POST',
          url: `/api/v1/cases/${b.id}/links`,
          as: coordinator,
          payload: { targetType: 'case', targetId: a.id },
        })
      ).statusCode,
    ).toBe(409);
    const ks = await t.request({
      method: 'POST',
      url: `/api/v1/cases/${a.id}/links`,
      as: coordinator,
      payload: { targetType: 'knowledge-support', targetId: (await buildKnowledgeSupport(t.db)).id, note: 'Vårdförloppet' },
    });
    expect(ks.statusCode).toBe(201);
    const unknown = await t.request({
      method: 'POST',
      url: `/api/v1/cases/${a.id}/links`,
      as: coordinator,
      payload: { targetType: 'knowledge-support', targetId: '2b3c4d5e-6f70-4a81-9b2c-3d4e5f607182' },
    });
    expect(unknown.statusCode).toBe(404);
    const fromB = (await t.request({ method: 'GET', url: `/api/v1/cases/${b.id}/links`, as: reader })).json();
    expect(fromB.items).toEqual([
      expect.objectContaining({ targetType: 'case', targetId: a.id, targetCaseNumber: a.caseNumber }),
    ]);
    const other = await t.newUser([{ role: 'samordnare', scopeType: 'region', scopeId: '08' }]);
    const kalmarCase = (
      await t.request({
        method: 'POST',
        url: '/api/v1/cases',
        as: other,
        payload: { region: '08', subject: 'K', origin: 'local', sender: 'X', receivedDate: '2026-10-01' },
      })
    ).json();
    expect(
      (
        await t.request({
          method: 'POST',
          url: `/api/v1/cases/${a.id}/links`,
          as: coordinator,
          payload: { targetType: 'case', targetId: kalmarCase.id },
        })
      ).statusCode,
      "another region's case is not the caller's to see",
    ).toBe(404);
    expect((await t.request({ method: 'DELETE', url: `/api/v1/case-links/${link.json().id}`, as: reader })).statusCode).toBe(403);
    expect((await t.request({ method: 'DELETE', url: `/api/v1/case-links/${link.json().id}`, as: coordinator })).statusCode).toBe(
      204,
    );
    const hres = await t.request({ method: 'GET', url: `/api/v1/cases/${a.id}/history`, as: reader });
    expect(hres.statusCode, hres.body).toBe(200);
    const history = hres.json();
    expect(history.items.map((e: { action: string }) => e.action)).toEqual(['register', 'link', 'link', 'unlink']);
  });

  it('settles a closed case’s own links (409), while a new case may still link to it', async () => {
    const old = await register({ subject: 'Avslutat ärende om läkemedelsgenomgångar' });
    const related = await register({ subject: 'Uppföljning' });
    const kept = await t.request({
      method: 'POST',
      url: `/api/v1/cases/${old.id}/links`,
      as: coordinator,
      payload: { targetType: 'case', targetId: related.id },
    });
    expect(kept.statusCode).toBe(201);
    const closed = await t.request({
      method: 'POST',
      url: `/api/v1/cases/${old.id}/close`,
      as: coordinator,
      payload: { version: old.version, reason: 'Besvarat utan beslut i kunskapsrådet' },
    });
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json()).toMatchObject({ locked: true });
    const fromClosed = await t.request({
      method: 'POST',
      url: `/api/v1/cases/${old.id}/links`,
      as: coordinator,
      payload: { targetType: 'knowledge-support', targetId: (await buildKnowledgeSupport(t.db)).id },
    });
    expect(fromClosed.statusCode).toBe(409);
    expect((await t.request({ method: 'DELETE', url: `/api/v1/case-links/${kept.json().id}`, as: coordinator })).statusCode).toBe(
      409,
    );
    const later = await register({ subject: 'Nytt ärende i samma fråga' });
    const toClosed = await t.request({
      method: 'POST',
      url: `/api/v1/cases/${later.id}/links`,
      as: coordinator,
      payload: { targetType: 'case', targetId: old.id },
    });
    expect(toClosed.statusCode).toBe(201);
    const links = (await t.request({ method: 'GET', url: `/api/v1/cases/${old.id}/links`, as: reader })).json();
    expect(links.items.map((l: { targetId: string }) => l.targetId).sort()).toEqual([related.id, later.id].sort());
  });
});

describe('the public register (insyn)', () => {
  it('shows date, number, sender and subject without signing in, masking secret cases', async () => {
    const open = await register({ subject: 'Öppet ärende om fallprevention', sender: 'LPO Äldres hälsa' });
    const secret = await register({
      subject: 'Hemligt ämne',
      sender: 'Hemlig avsändare',
      secret: true,
      secrecyGround: 'OSL 21 kap. 1 §',
    });
    const res = await t.request({ method: 'GET', url: '/api/v1/case-register?region=10&limit=500' });
    expect(res.statusCode).toBe(200);
    const items = res.json().items as { caseNumber: string; subject: string; sender: string; receivedDate: string }[];
    expect(items.find((i) => i.caseNumber === open.caseNumber)).toEqual({
      caseNumber: open.caseNumber,
      subject: 'Öppet ärende om fallprevention',
      sender: 'LPO Äldres hälsa',
      receivedDate: '2026-10-05',
      secret: false,
      diarienummer: null,
    });
    expect(items.find((i) => i.caseNumber === secret.caseNumber)).toMatchObject({
      subject: 'Sekretessmarkerat ärende',
      sender: 'Sekretess',
    });
    expect(res.body).not.toContain('Hemligt ämne');
    expect(res.body).not.toContain('Hemlig avsändare');
    expect((await t.request({ method: 'GET', url: '/api/v1/case-register?region=99' })).statusCode).toBe(404);
  });
});

describe('"mina ärenden" and action-item-due notices', () => {
  it('lists the cases I handle, and the daily job notifies once per item and due date (in the app and by e-mail)', async () => {
    await buildUser(t.db, { email: handlerPerson.email, roles: [{ role: 'processtod', scopeType: 'region', scopeId: '10' }] });
    const me = await t.login(handlerPerson.email);
    const c = await register({ subject: 'Rutin för fallprevention' });
    await t.request({
      method: 'PATCH',
      url: `/api/v1/cases/${c.id}`,
      as: coordinator,
      payload: { version: c.version, handlerPersonId: handlerPerson.id, dueDate: '2027-02-01' },
    });
    const ownerPerson = await buildPerson(t.db, { homeOwner: '10', email: 'agare@example.se', name: 'Åsa Ägare' });
    const due = await t.request({
      method: 'POST',
      url: `/api/v1/cases/${c.id}/actions`,
      as: coordinator,
      payload: { title: 'Skicka ut rutinen på remiss', ownerPersonId: ownerPerson.id, dueDate: '2026-12-01' },
    });
    await t.request({
      method: 'POST',
      url: `/api/v1/cases/${c.id}/actions`,
      as: coordinator,
      payload: { title: 'Långt fram', ownerPersonId: ownerPerson.id, dueDate: '2027-06-01' },
    });
    const mine = (await t.request({ method: 'GET', url: '/api/v1/cases/mine', as: me })).json();
    expect(mine.items.map((i: { id: string }) => i.id)).toContain(c.id);

    const emailsBefore = (await t.db.query<{ n: number }>('SELECT count(*) AS n FROM outbound_emails'))[0]!.n;
    expect(await notifyDueActions(t.db, { today: '2026-11-29' })).toEqual({ notices: 1, emails: 2 });
    expect(await notifyDueActions(t.db, { today: '2026-11-30' })).toEqual({ notices: 0, emails: 0 });
    const mails = await t.db.query<{ to_address: string; subject: string; body_text: string }>(
      'SELECT to_address, subject, body_text FROM outbound_emails ORDER BY created_at DESC, id LIMIT 2',
    );
    expect((await t.db.query<{ n: number }>('SELECT count(*) AS n FROM outbound_emails'))[0]!.n).toBe(emailsBefore + 2);
    expect(mails.map((m) => m.to_address).sort()).toEqual(['agare@example.se', 'handlaggare@example.se']);
    expect(mails[0]!.subject).toBe(`Åtgärdspunkt att göra: ${c.caseNumber}`);
    expect(mails[0]!.body_text).toContain('"Skicka ut rutinen på remiss"');
    const again = (await t.request({ method: 'GET', url: '/api/v1/cases/mine', as: me })).json();
    expect(again.notices).toEqual([
      expect.objectContaining({ actionId: due.json().id, dueDate: '2026-12-01', caseNumber: c.caseNumber }),
    ]);
    const inApp = await t.db.query(`SELECT title FROM notifications WHERE kind = 'case.action-due' AND user_id = $1`, [
      me.userId,
    ]);
    expect(inApp).toHaveLength(1);
    // A new due date is a new notice.
    const item = due.json();
    await t.db.query(`UPDATE case_actions SET due_date = '2026-12-10' WHERE id = $1`, [item.id]);
    expect((await notifyDueActions(t.db, { today: '2026-12-09' })).notices).toBe(1);
  });

  it('the owner of an action item may complete it without a case role; others may not', async () => {
    const c = await register();
    const owner = await buildPerson(t.db, { homeOwner: '10', email: 'egen@example.se', name: 'Egon Egen' });
    await buildUser(t.db, { email: 'egen@example.se' });
    const ownerSession = await t.login('egen@example.se');
    const stranger = await t.newUser();
    const a = (
      await t.request({
        method: 'POST',
        url: `/api/v1/cases/${c.id}/actions`,
        as: coordinator,
        payload: { title: 'Egen punkt', ownerPersonId: owner.id },
      })
    ).json();
    expect(
      (await t.request({ method: 'POST', url: `/api/v1/case-actions/${a.id}/complete`, as: stranger, payload: { version: 1 } }))
        .statusCode,
    ).toBe(404);
    expect(
      (
        await t.request({
          method: 'POST',
          url: `/api/v1/case-actions/${a.id}/complete`,
          as: ownerSession,
          payload: { version: 1 },
        })
      ).json(),
    ).toMatchObject({ status: 'done' });
  });
});
