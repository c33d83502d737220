import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { placeRound } from '../src/modules/knowledge/rules/track.js';
import { todayInSweden } from '../src/platform/clock.js';
import { buildKnowledgeSupport } from '../src/testing/builders.js';
import { problem, useTestApp, type Session } from './helpers/app.js';

const t = useTestApp();

const significant = [{ dimension: 'organisation', significance: 'significant', text: 'Nya vårdnivåer för uppföljningen.' }];
const post = (as: Session | undefined, payload: Record<string, unknown>, headers: Record<string, string> = {}) =>
  t.request({ method: 'POST', url: '/api/v1/consultation-rounds', ...(as ? { as } : {}), payload, headers });
const roundCount = async () => (await t.db.query<{ n: number }>('SELECT count(*) AS n FROM consultation_rounds'))[0]!.n;
const support = async (id: string) => (await t.request({ method: 'GET', url: `/api/v1/knowledge-supports/${id}` })).json();

describe('creating a national consultation round', () => {
  it('proposes öppen remiss from significant consequences, places it in the next window, and puts the version on remiss', async () => {
    const admin = await t.newAdmin();
    const s = await buildKnowledgeSupport(t.db, { title: 'Vårdprogram KOL (remisstest)', consequences: significant });
    const slot = placeRound('oppen-remiss', todayInSweden());

    const proposal = await t.request({
      method: 'GET',
      url: `/api/v1/consultation-rounds/proposal?supportVersionId=${s.firstVersionId}`,
    });
    expect(proposal.json()).toMatchObject({
      proposedTrack: 'oppen-remiss',
      because: ['organisation'],
      proposedOpensOn: slot.opens,
      proposedClosesOn: slot.closes,
      errors: [],
    });

    const res = await post(admin, {
      supportVersionId: s.firstVersionId,
      recipients: [
        { type: 'healthcare-region', id: 'sodra' },
        { type: 'region', id: '10' },
      ],
      documents: [{ kind: 'utkast', title: 'Remissversion', url: 'https://example.se/kol.pdf' }],
    });
    expect(res.statusCode, res.body).toBe(201);
    const r = res.json();
    expect(r).toMatchObject({
      track: 'oppen-remiss',
      trackLabel: 'Öppen nationell remiss',
      opensOn: slot.opens,
      closesOn: slot.closes,
      phase: 'planerad',
      trackOverridden: false,
      datesOverridden: false,
      overrideReason: null,
      title: 'Vårdprogram KOL (remisstest), version 1.0',
      versionLabel: '1.0',
    });
    expect(r.recipients.map((x: { id: string }) => x.id)).toEqual(['10', 'sodra']);
    expect(r.documents).toHaveLength(1);

    const d = await support(s.id);
    expect(d.support.status).toBe('pa-remiss');
    expect(d.versions[0].status).toBe('pa-remiss');
    expect(d.rounds.map((x: { id: string }) => x.id)).toEqual([r.id]);
    const trail = await t.db.query<{ entity_type: string; action: string }>(
      `SELECT entity_type, action FROM audit_events WHERE entity_id IN ($1, $2, $3) AND action <> 'create' OR (entity_id = $1 AND action = 'create') ORDER BY id`,
      [r.id, s.firstVersionId, s.id],
    );
    expect(trail).toEqual([
      { entity_type: 'consultation-round', action: 'create' },
      { entity_type: 'knowledge-support-version', action: 'transition' },
      { entity_type: 'knowledge-support', action: 'transition' },
    ]);
  });

  it('minor consequences → synpunktsinhämtning to every region by default', async () => {
    const admin = await t.newAdmin();
    const s = await buildKnowledgeSupport(t.db, {
      consequences: [{ dimension: 'resources', significance: 'minor', text: 'Marginell' }],
    });
    const res = await post(admin, { supportVersionId: s.firstVersionId });
    const slot = placeRound('synpunktsinhamtning', todayInSweden());
    expect(res.json()).toMatchObject({ track: 'synpunktsinhamtning', opensOn: slot.opens, closesOn: slot.closes });
    expect(res.json().recipients).toHaveLength(21);
  });

  it('takes the nominal end of a window on a holiday and sets the last day by the working-day rule (Easter 2027)', async () => {
    const admin = await t.newAdmin();
    const s = await buildKnowledgeSupport(t.db, {
      consequences: [{ dimension: 'resources', significance: 'minor', text: 'Marginell' }],
    });
    // Monday 29 March 2027 is Easter Monday and Friday 26 March Good Friday: the calendar's window
    // 1–25 March, no override and no reason needed.
    const res = await post(admin, { supportVersionId: s.firstVersionId, opensOn: '2027-03-01', closesOn: '2027-03-29' });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ opensOn: '2027-03-01', closesOn: '2027-03-25', datesOverridden: false });
  });

  it('choosing the other track or dates outside the calendar needs a reason, and the override is audited', async () => {
    const admin = await t.newAdmin();
    const s = await buildKnowledgeSupport(t.db, { consequences: significant });
    const before = await roundCount();
    const noReason = await post(admin, { supportVersionId: s.firstVersionId, track: 'synpunktsinhamtning' });
    expect(noReason.statusCode).toBe(422);
    expect(problem(noReason).body.errors).toEqual([{ path: '/overrideReason', message: expect.any(String) }]);
    const outside = await post(admin, { supportVersionId: s.firstVersionId, opensOn: '2027-01-11', closesOn: '2027-02-08' });
    expect(problem(outside).body.errors![0]!.path).toBe('/opensOn');
    expect(await roundCount()).toBe(before);
    expect((await support(s.id)).versions[0].status).toBe('under-framtagande');

    const res = await post(admin, {
      supportVersionId: s.firstVersionId,
      track: 'synpunktsinhamtning',
      opensOn: '2027-01-11',
      closesOn: '2027-02-08',
      datesOverride: true,
      overrideReason: 'Bara redaktionella ändringar; brådskande läkemedelsbyte',
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      track: 'synpunktsinhamtning',
      proposedTrack: 'oppen-remiss',
      opensOn: '2027-01-11',
      trackOverridden: true,
      datesOverridden: true,
      overrideReason: 'Bara redaktionella ändringar; brådskande läkemedelsbyte',
    });
    const overrides = await t.db.query<{ after: { reason: string } }>(
      `SELECT after FROM audit_events WHERE entity_id = $1 AND action = 'override'`,
      [res.json().id],
    );
    expect(overrides.map((o) => o.after.reason)).toEqual(['Bara redaktionella ändringar; brådskande läkemedelsbyte']);
  });

  it('refuses a duplicate registration (same version, same track, overlapping window) with 409 and changes nothing', async () => {
    const admin = await t.newAdmin();
    const s = await buildKnowledgeSupport(t.db);
    expect((await post(admin, { supportVersionId: s.firstVersionId })).statusCode).toBe(201);
    const before = await roundCount();
    const again = await post(admin, { supportVersionId: s.firstVersionId });
    expect(again.statusCode).toBe(409);
    expect(await roundCount()).toBe(before);
  });

  it('refuses unknown versions (404) and recipients (422), and versions that are published', async () => {
    const admin = await t.newAdmin();
    const unknown = await post(admin, { supportVersionId: '00000000-0000-4000-8000-000000000000' });
    expect(problem(unknown).status).toBe(404);
    const s = await buildKnowledgeSupport(t.db);
    const badRecipient = await post(admin, { supportVersionId: s.firstVersionId, recipients: [{ type: 'region', id: '99' }] });
    expect(problem(badRecipient).body.errors).toEqual([{ path: '/recipients/0/id', message: 'Regionen 99 finns inte.' }]);
    const published = await buildKnowledgeSupport(t.db, { status: 'publicerad' });
    expect((await post(admin, { supportVersionId: published.firstVersionId })).statusCode).toBe(422);
  });

  it('national rounds are created by system administrators or an administrator’s API token; others read', async () => {
    const s = await buildKnowledgeSupport(t.db);
    const coordinator = await t.newUser([{ role: 'samordnare', scopeType: 'region', scopeId: '10' }]);
    expect((await post(coordinator, { supportVersionId: s.firstVersionId })).statusCode).toBe(403);
    expect((await post(undefined, { supportVersionId: s.firstVersionId })).statusCode).toBe(401);

    const admin = await t.newAdmin();
    const { token } = (
      await t.request({ method: 'POST', url: '/api/v1/auth/tokens', as: admin, payload: { name: 'Integration' } })
    ).json();
    const viaToken = await post(undefined, { supportVersionId: s.firstVersionId }, { authorization: `Bearer ${token}` });
    expect(viaToken.statusCode, viaToken.body).toBe(201);
    const list = await t.request({ method: 'GET', url: '/api/v1/consultation-rounds?phase=aktuell', as: coordinator });
    expect(list.json().items.map((r: { id: string }) => r.id)).toContain(viaToken.json().id);
  });
});

describe('changing and cancelling a round', () => {
  it('moves a round to another calendar window without a reason, refuses stale edits, and cancelling returns the version to its draft', async () => {
    const admin = await t.newAdmin();
    const s = await buildKnowledgeSupport(t.db);
    const r = (await post(admin, { supportVersionId: s.firstVersionId })).json();
    const patch = (payload: Record<string, unknown>) =>
      t.request({ method: 'PATCH', url: `/api/v1/consultation-rounds/${r.id}`, as: admin, payload });

    const later = placeRound('synpunktsinhamtning', r.opensOn);
    const moved = await patch({ opensOn: later.opens, closesOn: later.closes, version: 1 });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json()).toMatchObject({ opensOn: later.opens, datesOverridden: false, version: 2 });
    expect((await patch({ title: 'x', version: 1 })).statusCode).toBe(409);
    expect((await patch({ title: 'x' })).statusCode).toBe(428);
    const offCalendar = await patch({ closesOn: '2030-01-01', version: 2 });
    expect(offCalendar.statusCode).toBe(422);

    const cancel = await t.request({
      method: 'POST',
      url: `/api/v1/consultation-rounds/${r.id}/cancel`,
      as: admin,
      payload: { reason: 'Underlaget drogs tillbaka', version: 2 },
    });
    expect(cancel.json()).toMatchObject({ status: 'avbruten', phase: 'avbruten', cancelReason: 'Underlaget drogs tillbaka' });
    expect((await support(s.id)).versions[0].status).toBe('under-framtagande');
    // A cancelled round no longer blocks a new registration.
    expect((await post(admin, { supportVersionId: s.firstVersionId })).statusCode).toBe(201);
  });
});

describe('a revision on remiss', () => {
  it('a published support stays under revision while its new version is consulted, and returns there when the round is cancelled', async () => {
    const admin = await t.newAdmin();
    const s = await buildKnowledgeSupport(t.db, { status: 'publicerad' });
    const v2 = (
      await t.request({
        method: 'POST',
        url: `/api/v1/knowledge-supports/${s.id}/versions`,
        as: admin,
        payload: { label: '2.0' },
      })
    ).json();
    const r = (await post(admin, { supportVersionId: v2.id })).json();
    const d = await support(s.id);
    expect(d.support.status).toBe('pa-remiss');
    expect(d.versions.map((v: { label: string; status: string }) => `${v.label}:${v.status}`)).toEqual([
      '1.0:publicerad',
      '2.0:pa-remiss',
    ]);
    await t.request({
      method: 'POST',
      url: `/api/v1/consultation-rounds/${r.id}/cancel`,
      as: admin,
      payload: { reason: 'Omtag', version: 1 },
    });
    expect((await support(s.id)).support.status).toBe('under-revision');
  });
});

describe('documents', () => {
  it('stores a small upload with its checksum, serves it back, and refuses large or unknown files', async () => {
    const admin = await t.newAdmin();
    const s = await buildKnowledgeSupport(t.db);
    const r = (await post(admin, { supportVersionId: s.firstVersionId })).json();
    const url = `/api/v1/consultation-rounds/${r.id}/documents`;
    const text = 'Svarsmall: 1. Står regionen bakom rekommendationerna?';
    const up = await t.request({
      method: 'POST',
      url,
      as: admin,
      payload: {
        kind: 'svarsmall',
        title: 'Svarsmall',
        fileName: 'svarsmall.txt',
        mediaType: 'text/plain',
        contentBase64: Buffer.from(text).toString('base64'),
      },
    });
    expect(up.statusCode, up.body).toBe(201);
    const sha = createHash('sha256').update(text).digest('hex');
    expect(up.json()).toMatchObject({ sizeBytes: Buffer.byteLength(text), sha256: sha, url: null });

    const down = await t.request({ method: 'GET', url: up.json().downloadUrl });
    expect(down.statusCode).toBe(200);
    expect(down.body).toBe(text);
    expect(down.headers['x-content-sha256']).toBe(sha);
    expect(down.headers['content-disposition']).toContain('svarsmall.txt');

    const big = Buffer.alloc(513 * 1024, 1).toString('base64');
    const tooBig = await t.request({
      method: 'POST',
      url,
      as: admin,
      payload: {
        kind: 'utkast',
        title: 'Stor',
        fileName: 'stor.pdf',
        mediaType: 'application/pdf',
        contentBase64: big.slice(0, 790000),
      },
    });
    expect([413, 422]).toContain(tooBig.statusCode);
    const exe = await t.request({
      method: 'POST',
      url,
      as: admin,
      payload: { kind: 'ovrigt', title: 'X', fileName: 'x.exe', mediaType: 'application/x-msdownload', contentBase64: 'AAAA' },
    });
    expect(problem(exe).body.errors![0]!.path).toBe('/mediaType');

    const del = await t.request({ method: 'DELETE', url: `${url}/${up.json().id}`, as: admin });
    expect(del.statusCode).toBe(204);
    expect((await t.request({ method: 'GET', url: up.json().downloadUrl })).statusCode).toBe(404);
  });
});
