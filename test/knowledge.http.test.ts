import { describe, expect, it } from 'vitest';
import { sendKnowledgeReminders } from '../src/modules/knowledge/reminders/send-reminders.js';
import { buildKnowledgeSupport, buildGroup, buildLpo, buildPerson, buildUser } from '../src/testing/builders.js';
import { problem, useTestApp } from './helpers/app.js';

const t = useTestApp();

const audit = (entityId: string) =>
  t.db.query<{ action: string; entity_type: string }>(
    'SELECT action, entity_type FROM audit_events WHERE entity_id = $1 ORDER BY occurred_at, id',
    [entityId],
  );

const create = (as: Awaited<ReturnType<typeof t.newAdmin>>, payload: Record<string, unknown>) =>
  t.request({ method: 'POST', url: '/api/v1/knowledge-supports', as, payload });

describe('the catalogue: creating and reading supports', () => {
  it('an administrator adds a support with its first version and consequence description; everyone reads it', async () => {
    const admin = await t.newAdmin();
    const res = await create(admin, {
      type: 'vardforlopp',
      title: 'Personcentrerat och sammanhållet vårdförlopp Hjärtsvikt – nydebuterad',
      producerKind: 'nag',
      producerName: 'NAG hjärtsvikt, NPO hjärt- och kärlsjukdomar',
      sender: 'Nationellt system för kunskapsstyrning hälso- och sjukvård',
      programAreaIds: ['hjart-och-karlsjukdomar'],
      targetGroups: ['Hälso- och sjukvårdspersonal', 'Kommunal vård'],
      url: 'https://vardpersonal.1177.se/exempel',
      nextRevisionDate: '2028-06-30',
      firstVersion: {
        label: '1.0',
        changeSummary: 'Första versionen',
        consequences: [
          { dimension: 'resources', significance: 'significant', text: 'Fler ekokardiografier i primärvården.' },
          { dimension: 'ethics', significance: 'none' },
        ],
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    const s = res.json();
    expect(s).toMatchObject({
      status: 'under-framtagande',
      typeLabel: 'Personcentrerat och sammanhållet vårdförlopp',
      version: 1,
    });
    expect(s.programAreaIds).toEqual(['hjart-och-karlsjukdomar']);

    const anyone = await t.newUser();
    const detail = await t.request({ method: 'GET', url: `/api/v1/knowledge-supports/${s.id}`, as: anyone });
    expect(detail.statusCode).toBe(200);
    const d = detail.json();
    expect(d.versions).toHaveLength(1);
    expect(d.versions[0]).toMatchObject({
      label: '1.0',
      status: 'under-framtagande',
      proposedTrack: 'oppen-remiss',
      proposedTrackBecause: ['resources'],
    });
    expect(d.versions[0].consequences).toHaveLength(6);
    expect(d.versions[0].consequences.find((c: { dimension: string }) => c.dimension === 'resources')).toMatchObject({
      significance: 'significant',
      described: true,
    });
    expect(d.permissions).toEqual({ edit: false, createRound: false, localOwners: [] });
    expect((await audit(s.id)).map((a) => a.action)).toEqual(['create']);
  });

  it('refuses bad input with field paths and writes nothing', async () => {
    const admin = await t.newAdmin();
    const forum = await buildGroup(t.db, { kind: 'forum', level: 'region', owner: '10' });
    const before = (await t.db.query<{ n: number }>('SELECT count(*) AS n FROM knowledge_supports'))[0]!.n;
    const bad = await create(admin, {
      type: 'vardprogram',
      title: 'Vårdprogram X',
      producerKind: 'npo',
      producerGroupId: forum.id,
      programAreaIds: ['finns-inte'],
      validFrom: '2027-01-01',
      validUntil: '2026-01-01',
    });
    expect(bad.statusCode).toBe(422);
    expect(
      problem(bad)
        .body.errors!.map((e) => e.path)
        .sort(),
    ).toEqual(['/producerGroupId', '/programAreaIds/0', '/validUntil']);
    const significantWithoutText = await create(admin, {
      type: 'vardprogram',
      title: 'Vårdprogram Y',
      producerKind: 'npo',
      producerName: 'NPO',
      firstVersion: { label: '1.0', consequences: [{ dimension: 'ethics', significance: 'significant' }] },
    });
    expect(problem(significantWithoutText).body.errors).toEqual([
      { path: '/firstVersion/consequences/0/text', message: expect.any(String) },
    ]);
    expect((await create(admin, { type: 'okand-typ', title: 'X', producerKind: 'npo' })).statusCode).toBe(422);
    expect(
      (await create(admin, { type: 'vardprogram', title: 'X', producerKind: 'npo', producerName: 'N', extra: 1 })).statusCode,
    ).toBe(422);
    expect((await t.db.query<{ n: number }>('SELECT count(*) AS n FROM knowledge_supports'))[0]!.n).toBe(before);
  });

  it('only system administrators write the national catalogue', async () => {
    const coordinator = await t.newUser([{ role: 'samordnare', scopeType: 'region', scopeId: '10' }]);
    expect(
      (await create(coordinator, { type: 'vardprogram', title: 'X', producerKind: 'npo', producerName: 'N' })).statusCode,
    ).toBe(403);
    const anon = await t.request({
      method: 'POST',
      url: '/api/v1/knowledge-supports',
      payload: { type: 'vardprogram', title: 'X', producerKind: 'npo' },
    });
    expect(anon.statusCode).toBe(401);
    expect(
      (await t.request({ method: 'GET', url: '/api/v1/knowledge-supports/00000000-0000-4000-8000-000000000000' })).statusCode,
    ).toBe(404);
  });
});

describe('full-text search in Swedish', () => {
  it('finds by inflected forms, prefixes and without diacritics, and filters', async () => {
    const stod = await buildKnowledgeSupport(t.db, {
      type: 'kliniskt-kunskapsstod',
      title: 'Kunskapsstöd vid astma hos vuxna (sök)',
      programAreaIds: ['lung-och-allergisjukdomar'],
      producerKind: 'nag',
    });
    const vf = await buildKnowledgeSupport(t.db, {
      type: 'vardforlopp',
      title: 'Vårdförlopp reumatoid artrit (sök)',
      summary: 'Tidig diagnostik och behandling av ledsjukdomar',
    });
    const search = async (qs: string) =>
      ((await t.request({ method: 'GET', url: `/api/v1/knowledge-supports?${qs}` })).json().items as { id: string }[]).map(
        (s) => s.id,
      );

    expect(await search('q=kunskapsstöden')).toContain(stod.id);
    expect(await search(`q=${encodeURIComponent('kunskapsstöden om astman')}`)).toContain(stod.id);
    expect(await search('q=kunskapsstod')).toContain(stod.id);
    expect(await search(`q=${encodeURIComponent('vårdförl')}`)).toContain(vf.id);
    expect(await search('q=vardforloppen')).toContain(vf.id);
    expect(await search('q=ledsjukdomarna')).toContain(vf.id);
    expect(await search('q=kunskapsstöden')).not.toContain(vf.id);
    expect(await search('q=astma&type=vardforlopp')).toEqual([]);
    expect(await search('programArea=lung-och-allergisjukdomar')).toContain(stod.id);
    expect(await search('programArea=lung-och-allergisjukdomar')).not.toContain(vf.id);
    expect(await search('producerKind=nag&q=astma')).toEqual([stod.id]);
    expect(await search('status=publicerad&q=astma')).toEqual([]);
    expect((await t.request({ method: 'GET', url: '/api/v1/knowledge-supports?q=' })).statusCode).toBe(400);
  });
});

describe('the lifecycle', () => {
  it('moves only along the state machine, audited; stale and missing versions are refused', async () => {
    const admin = await t.newAdmin();
    const s = await buildKnowledgeSupport(t.db);
    const go = (payload: Record<string, unknown>) =>
      t.request({ method: 'POST', url: `/api/v1/knowledge-supports/${s.id}/transition`, as: admin, payload });

    const refused = await go({ status: 'under-revision', version: 1 });
    expect(refused.statusCode).toBe(422);
    expect(problem(refused).body.detail).toBe(
      'Från under framtagande kan statusen bara bli på remiss, beslutad, publicerad, upphävd.',
    );
    expect((await go({ status: 'publicerad' })).statusCode).toBe(428);
    expect((await go({ status: 'publicerad', version: 7 })).statusCode).toBe(409);

    const published = await go({ status: 'publicerad', version: 1 });
    expect(published.statusCode).toBe(200);
    expect(published.json()).toMatchObject({
      status: 'publicerad',
      version: 2,
      allowedTransitions: ['under-revision', 'ersatt', 'upphavd'],
    });
    expect((await go({ status: 'upphavd', version: 2 })).statusCode).toBe(422);
    const repealed = await go({ status: 'upphavd', reason: 'Ersätts av Socialstyrelsens riktlinjer', version: 2 });
    expect(repealed.json()).toMatchObject({ status: 'upphavd', statusReason: 'Ersätts av Socialstyrelsens riktlinjer' });
    expect((await go({ status: 'publicerad', version: 3 })).statusCode).toBe(422);
    const edit = await t.request({
      method: 'PATCH',
      url: `/api/v1/knowledge-supports/${s.id}`,
      as: admin,
      payload: { title: 'Nytt', version: 3 },
    });
    expect(edit.statusCode).toBe(409);
    expect((await audit(s.id)).map((a) => a.action)).toEqual(['create', 'transition', 'transition']);
  });

  it('a new version of a published support puts it under revision; publishing it replaces the old version', async () => {
    const admin = await t.newAdmin();
    const s = await buildKnowledgeSupport(t.db, { status: 'publicerad' });
    const detail = async () => (await t.request({ method: 'GET', url: `/api/v1/knowledge-supports/${s.id}`, as: admin })).json();
    const v2 = await t.request({
      method: 'POST',
      url: `/api/v1/knowledge-supports/${s.id}/versions`,
      as: admin,
      payload: {
        label: '2.0',
        changeSummary: 'Nya läkemedel',
        consequences: [{ dimension: 'competence', significance: 'minor', text: 'Utbildning' }],
      },
    });
    expect(v2.statusCode, v2.body).toBe(201);
    expect(v2.json()).toMatchObject({ status: 'under-framtagande', proposedTrack: 'synpunktsinhamtning' });
    expect((await detail()).support.status).toBe('under-revision');

    const again = await t.request({
      method: 'POST',
      url: `/api/v1/knowledge-supports/${s.id}/versions`,
      as: admin,
      payload: { label: '2.0' },
    });
    expect(problem(again).body.errors![0]!.path).toBe('/label');
    const third = await t.request({
      method: 'POST',
      url: `/api/v1/knowledge-supports/${s.id}/versions`,
      as: admin,
      payload: { label: '3.0' },
    });
    expect(third.statusCode).toBe(422);

    const pub = await t.request({
      method: 'POST',
      url: `/api/v1/knowledge-support-versions/${v2.json().id}/transition`,
      as: admin,
      payload: { status: 'publicerad', date: '2027-01-15', version: 1 },
    });
    expect(pub.statusCode, pub.body).toBe(200);
    expect(pub.json()).toMatchObject({ status: 'publicerad', publishedOn: '2027-01-15' });
    const d = await detail();
    expect(d.support.status).toBe('publicerad');
    expect(d.versions.map((v: { label: string; status: string }) => `${v.label}:${v.status}`)).toEqual([
      '1.0:ersatt',
      '2.0:publicerad',
    ]);
    const frozen = await t.request({
      method: 'PATCH',
      url: `/api/v1/knowledge-support-versions/${s.firstVersionId}`,
      as: admin,
      payload: { changeSummary: 'x', version: 2 },
    });
    expect(frozen.statusCode).toBe(409);
  });
});

describe('recommendations of the national guidelines', () => {
  it('carry priority 1–10, icke-göra or FoU, and exist only on national guidelines', async () => {
    const admin = await t.newAdmin();
    const nr = await buildKnowledgeSupport(t.db, {
      type: 'nationella-riktlinjer',
      producerKind: 'agency',
      producerName: 'Socialstyrelsen',
    });
    const url = `/api/v1/knowledge-supports/${nr.id}/recommendations`;
    const post = (payload: Record<string, unknown>) => t.request({ method: 'POST', url, as: admin, payload });
    expect(
      (await post({ code: 'A1', condition: 'Astma', measure: 'Inhalationssteroider', grade: 'prioritet', priority: 2 }))
        .statusCode,
    ).toBe(201);
    expect((await post({ condition: 'Astma', measure: 'Homeopati', grade: 'icke-gora' })).statusCode).toBe(201);
    expect((await post({ condition: 'Astma', measure: 'Ny metod', grade: 'fou' })).statusCode).toBe(201);
    expect(problem(await post({ condition: 'A', measure: 'B', grade: 'prioritet' })).body.errors).toEqual([
      { path: '/priority', message: 'En prioriterad rekommendation har prioritet 1–10.' },
    ]);
    expect((await post({ condition: 'A', measure: 'B', grade: 'icke-gora', priority: 3 })).statusCode).toBe(422);
    expect((await post({ condition: 'A', measure: 'B', grade: 'prioritet', priority: 11 })).statusCode).toBe(422);

    const other = await buildKnowledgeSupport(t.db);
    const wrongType = await t.request({
      method: 'POST',
      url: `/api/v1/knowledge-supports/${other.id}/recommendations`,
      as: admin,
      payload: { condition: 'A', measure: 'B', grade: 'fou' },
    });
    expect(wrongType.statusCode).toBe(422);

    const d = (await t.request({ method: 'GET', url: `/api/v1/knowledge-supports/${nr.id}` })).json();
    expect(d.recommendations.map((r: { grade: string; priority: number | null }) => `${r.grade}:${r.priority}`)).toEqual([
      'prioritet:2',
      'fou:null',
      'icke-gora:null',
    ]);
    const recId = d.recommendations[0].id;
    const changed = await t.request({
      method: 'PATCH',
      url: `/api/v1/knowledge-recommendations/${recId}`,
      as: admin,
      payload: { priority: 1, version: 1 },
    });
    expect(changed.json()).toMatchObject({ priority: 1, version: 2 });
    const del = await t.request({
      method: 'DELETE',
      url: `/api/v1/knowledge-recommendations/${recId}`,
      as: admin,
      headers: { 'if-match': '"1"' },
    });
    expect(del.statusCode).toBe(409);
    expect(
      (
        await t.request({
          method: 'DELETE',
          url: `/api/v1/knowledge-recommendations/${recId}`,
          as: admin,
          headers: { 'if-match': '"2"' },
        })
      ).statusCode,
    ).toBe(204);
    expect((await audit(recId)).map((a) => a.action)).toEqual(['create', 'update', 'delete']);
  });
});

describe('local additions and routines', () => {
  it('are written by the LPO’s web editor or the region’s samordnare; drafts stay with them', async () => {
    const s = await buildKnowledgeSupport(t.db);
    const lpo = await buildLpo(t.db, { region: '10', programAreaId: 'akut-vard' });
    const url = `/api/v1/knowledge-supports/${s.id}/local-additions`;
    const payload = {
      ownerGroupId: lpo.id,
      kind: 'regionalt-tillagg',
      title: 'Regionalt tillägg Blekinge',
      body: 'Remittera till medicinkliniken i Karlskrona.',
    };

    const coordinator = await t.newUser([{ role: 'samordnare', scopeType: 'region', scopeId: '10' }]);
    const kalmar = await t.newUser([{ role: 'samordnare', scopeType: 'region', scopeId: '08' }]);
    // Kalmar's samordnare does not see Blekinge's LPO: 404, as for another region's object anywhere.
    expect((await t.request({ method: 'POST', url, as: kalmar, payload })).statusCode).toBe(404);

    // A web editor by membership: the person with the user's e-mail holds the seat webbredaktör in the LPO.
    const editorUser = await buildUser(t.db);
    const person = await buildPerson(t.db, { email: editorUser.email, homeOwner: '10' });
    await t.db.query(
      `INSERT INTO memberships (group_id, person_id, role, start_date) VALUES ($1, $2, 'webbredaktor', '2025-01-01')`,
      [lpo.id, person.id],
    );
    const editor = await t.login(editorUser.email);
    const byEditor = await t.request({ method: 'POST', url, as: editor, payload });
    expect(byEditor.statusCode, byEditor.body).toBe(201);
    expect(byEditor.json()).toMatchObject({ regionCode: '10', status: 'utkast', ownerGroupId: lpo.id });

    const other = await t.newUser();
    const seenByOther = (await t.request({ method: 'GET', url: `/api/v1/knowledge-supports/${s.id}`, as: other })).json();
    expect(seenByOther.localAdditions).toEqual([]);
    const seenByEditor = (await t.request({ method: 'GET', url: `/api/v1/knowledge-supports/${s.id}`, as: editor })).json();
    expect(seenByEditor.localAdditions).toHaveLength(1);
    expect(seenByEditor.permissions.localOwners.map((g: { id: string }) => g.id)).toEqual([lpo.id]);

    const published = await t.request({
      method: 'PATCH',
      url: `/api/v1/knowledge-local-additions/${byEditor.json().id}`,
      as: coordinator,
      payload: { status: 'publicerad', version: 1 },
    });
    expect(published.statusCode).toBe(200);
    expect(
      (await t.request({ method: 'GET', url: `/api/v1/knowledge-supports/${s.id}`, as: other })).json().localAdditions,
    ).toHaveLength(1);

    const forum = await buildGroup(t.db, { kind: 'forum', level: 'region', owner: '10' });
    const notLpo = await t.request({ method: 'POST', url, as: coordinator, payload: { ...payload, ownerGroupId: forum.id } });
    expect(problem(notLpo).body.errors![0]!.path).toBe('/ownerGroupId');
    // A user with no role and no seat reaches no region's groups (404, as for Kalmar above).
    expect((await t.request({ method: 'POST', url, as: other, payload })).statusCode).toBe(404);
  });
});

describe('revision reminders', () => {
  it('the daily job reminds before the revision date and once it has passed, and never twice', async () => {
    const admin = await buildUser(t.db, { roles: [{ role: 'admin', scopeType: 'system', scopeId: '' }] });
    const s = await buildKnowledgeSupport(t.db, {
      title: 'Påminnelsestöd',
      nextRevisionDate: '2027-03-01',
      validUntil: '2027-12-31',
    });
    const mails = async () =>
      (
        await t.db.query<{ n: number }>(
          `SELECT count(*) AS n FROM outbound_emails WHERE subject LIKE 'Påminnelsestöd%' AND to_address = $1`,
          [admin.email],
        )
      )[0]!.n;

    const first = await sendKnowledgeReminders(t.db, { today: '2027-01-15' });
    expect(first.reminders).toBeGreaterThanOrEqual(1);
    expect(await mails()).toBe(1);
    await sendKnowledgeReminders(t.db, { today: '2027-01-15' });
    expect(await mails()).toBe(1);
    await sendKnowledgeReminders(t.db, { today: '2027-03-02' });
    expect(await mails()).toBe(2);
    const kinds = await t.db.query<{ kind: string; threshold_days: number }>(
      'SELECT kind, threshold_days FROM knowledge_reminders_sent WHERE support_id = $1 ORDER BY threshold_days DESC',
      [s.id],
    );
    expect(kinds).toEqual([
      { kind: 'revision', threshold_days: 60 },
      { kind: 'revision', threshold_days: 0 },
    ]);
  });
});
