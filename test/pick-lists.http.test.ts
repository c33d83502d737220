import { beforeAll, describe, expect, it } from 'vitest';
import { addAgendaItem } from '../src/modules/meetings/add-agenda-item.js';
import { createMeeting } from '../src/modules/meetings/create-meeting.js';
import { createParagraph } from '../src/modules/meetings/write-paragraph.js';
import { systemCtx } from '../src/platform/context.js';
import { buildCase, buildGroup, buildKnowledgeSupport } from '../src/testing/builders.js';
import { daysFromToday } from './helpers/clock.js';
import { problem, useTestApp, type Session } from './helpers/app.js';

/** Issue 17, "pick, never retype": the register of senders, and a status's decision as references. */
const t = useTestApp();
let blekinge: Session;
let kalmar: Session;
let reader: Session;
let admin: Session;

beforeAll(async () => {
  blekinge = await t.newUser([{ role: 'samordnare', scopeType: 'region', scopeId: '10' }]);
  kalmar = await t.newUser([{ role: 'samordnare', scopeType: 'region', scopeId: '08' }]);
  reader = await t.newUser([{ role: 'lasare', scopeType: 'region', scopeId: '10' }]);
  admin = await t.newUser([{ role: 'admin', scopeType: 'system', scopeId: '' }]);
});

describe('the register of senders', () => {
  it('finds agencies, SKR, NPOs, healthcare regions, regions and municipalities in Swedish order', async () => {
    const tlv = await t.request({ method: 'GET', url: '/api/v1/senders?q=tlv', as: reader });
    expect(tlv.statusCode).toBe(200);
    expect(tlv.json().items[0]).toMatchObject({
      name: 'Tandvårds- och läkemedelsförmånsverket',
      shortName: 'TLV',
      kind: 'myndighet',
      sourceUrl: 'https://www.tlv.se/om-oss.html',
    });
    const skr = (await t.request({ method: 'GET', url: '/api/v1/senders?q=SKR', as: reader })).json().items;
    expect(skr[0]).toMatchObject({ name: 'Sveriges Kommuner och Regioner', kind: 'skr' });

    // Swedish order puts Ö after Z (and after V): Västmanland, Örebro län, Östergötland.
    const regions = (await t.request({ method: 'GET', url: '/api/v1/senders?kind=region&limit=100', as: reader })).json().items;
    expect(regions).toHaveLength(21);
    const names: string[] = regions.map((r: { name: string }) => r.name);
    expect(names.indexOf('Region Västmanland')).toBeLessThan(names.indexOf('Region Örebro län'));
    expect(names.indexOf('Region Örebro län')).toBeLessThan(names.indexOf('Region Östergötland'));
    expect(names.at(-1)).toBe('Västra Götalandsregionen');
    expect(regions.map((r: { id: string }) => r.id)).toContain('region:07');
    const ovre = (await t.request({ method: 'GET', url: '/api/v1/senders?q=%C3%B6vertorne', as: reader })).json().items;
    expect(ovre.map((r: { name: string }) => r.name)).toContain('Övertorneå');
    const npo = (await t.request({ method: 'GET', url: '/api/v1/senders?q=akut%20v%C3%A5rd&kind=npo', as: reader })).json().items;
    expect(npo[0]).toMatchObject({ id: 'npo:akut-vard', name: 'NPO Akut vård' });
    const hr = (await t.request({ method: 'GET', url: '/api/v1/senders?kind=sjukvardsregion', as: reader })).json().items;
    expect(hr).toHaveLength(6);

    expect((await t.request({ method: 'GET', url: '/api/v1/senders' })).statusCode).toBe(401);
    expect((await t.request({ method: 'GET', url: '/api/v1/senders?limit=0', as: reader })).statusCode).toBe(400);
  });

  it('an administrator or a samordnare adds an organisation, audited; a reader may not; a name is there once', async () => {
    const denied = await t.request({
      method: 'POST',
      url: '/api/v1/senders',
      as: reader,
      payload: { name: 'Nationella rådet för organdonation', kind: 'ovrig' },
    });
    expect(denied.statusCode).toBe(403);
    const added = await t.request({
      method: 'POST',
      url: '/api/v1/senders',
      as: kalmar,
      payload: { name: '  Nationella  rådet för organdonation ', kind: 'ovrig' },
    });
    expect(added.statusCode).toBe(201);
    expect(added.json()).toMatchObject({ name: 'Nationella rådet för organdonation', kind: 'ovrig', shortName: null });
    const found = (await t.request({ method: 'GET', url: '/api/v1/senders?q=organdonation', as: reader })).json().items;
    expect(found.map((s: { id: string }) => s.id)).toEqual([added.json().id]);
    const audit = await t.db.query<{ action: string; entity_type: string }>(
      `SELECT action, entity_type FROM audit_events WHERE entity_type = 'sender' AND entity_id = $1`,
      [added.json().id.slice('sender:'.length)],
    );
    expect(audit).toEqual([{ action: 'create', entity_type: 'sender' }]);

    // The same organisation again, or a region of the reference data, is refused.
    for (const name of ['nationella rådet för organdonation', 'Region Kronoberg']) {
      const again = await t.request({ method: 'POST', url: '/api/v1/senders', as: admin, payload: { name, kind: 'ovrig' } });
      expect(again.statusCode).toBe(409);
    }
    // Regions, municipalities and NPOs come from the reference data, never added by hand.
    const kind = await t.request({
      method: 'POST',
      url: '/api/v1/senders',
      as: admin,
      payload: { name: 'Kommun X', kind: 'kommun' },
    });
    expect(kind.statusCode).toBe(422);
    expect(
      (await t.request({ method: 'POST', url: '/api/v1/senders', payload: { name: 'Yrkesföreningen', kind: 'ovrig' } }))
        .statusCode,
    ).toBe(401);
  });
});

describe('an implementation status names its decision', () => {
  it('by the § of justerade minutes, the forum and the case the caller can see; free text only for decisions elsewhere', async () => {
    const ctx = systemCtx('test');
    const supportVersionId = (
      await buildKnowledgeSupport(t.db, { status: 'publicerad', programAreaIds: ['hjart-och-karlsjukdomar'] })
    ).firstVersionId!;
    const forum = await buildGroup(t.db, {
      kind: 'council',
      level: 'region',
      owner: '10',
      name: 'Kunskapsrådet Blekinge (test)',
    });
    const kalmarForum = await buildGroup(t.db, {
      kind: 'council',
      level: 'region',
      owner: '08',
      name: 'Kunskapsrådet Kalmar (test)',
    });
    const blekingeCase = await buildCase(t.db, { region: '10' });
    const kalmarCase = await buildCase(t.db, { region: '08' });
    const meeting = await createMeeting(t.db, ctx, forum.id, { date: daysFromToday(-14) });
    const item = await addAgendaItem(t.db, ctx, meeting.id, { title: 'Införande av vårdförloppet' });
    const paragraphId = await createParagraph(t.db, ctx, meeting.id, {
      agendaItemId: item,
      decisionText: 'Rådet beslutar att införa',
    });
    await t.db.query(`UPDATE minutes_paragraphs SET case_id = $2 WHERE id = $1`, [paragraphId, blekingeCase.id]);

    // Minutes not yet justerade: the § is not a decision yet.
    const early = await t.request({
      method: 'POST',
      url: '/api/v1/implementation-statuses',
      as: blekinge,
      payload: { supportVersionId, regionCode: '10', status: 'planerad', decisionParagraphId: paragraphId },
    });
    expect(early.statusCode).toBe(422);
    expect(problem(early).body.errors).toEqual([
      { path: '/decisionParagraphId', message: 'Paragrafen finns inte i ett justerat protokoll.' },
    ]);

    await t.db.query(`UPDATE meetings SET minutes_status = 'justerat', minutes_locked_at = now() WHERE id = $1`, [meeting.id]);
    const created = await t.request({
      method: 'POST',
      url: '/api/v1/implementation-statuses',
      as: blekinge,
      payload: { supportVersionId, regionCode: '10', status: 'planerad', decisionParagraphId: paragraphId },
    });
    expect(created.statusCode).toBe(201);
    const s = created.json();
    // The § fills the forum, the case and the date.
    expect(s).toMatchObject({
      decisionParagraphId: paragraphId,
      decisionForumId: forum.id,
      decisionForum: 'Kunskapsrådet Blekinge (test)',
      decisionCaseId: blekingeCase.id,
      decisionCaseRef: blekingeCase.caseNumber,
      decisionDate: meeting.date,
      decisionParagraphRef: `Kunskapsrådet Blekinge (test) ${meeting.date} § 1`,
      decisionElsewhere: null,
    });

    // Another region's forum and case are not seen: the GET's 404, nothing written.
    for (const payload of [{ decisionForumId: kalmarForum.id }, { decisionCaseId: kalmarCase.id }]) {
      const r = await t.request({
        method: 'PATCH',
        url: `/api/v1/implementation-statuses/${s.id}`,
        as: blekinge,
        payload: { ...payload, version: 1 },
      });
      expect(r.statusCode).toBe(404);
    }
    // A § and free text together are refused.
    const both = await t.request({
      method: 'PATCH',
      url: `/api/v1/implementation-statuses/${s.id}`,
      as: blekinge,
      payload: { decisionElsewhere: 'Regionstyrelsen 2026-09-01 § 12', version: 1 },
    });
    expect(both.statusCode).toBe(422);
    expect(problem(both).body.errors?.[0]?.path).toBe('/decisionElsewhere');
    // The free text replaces the § when the § is cleared.
    const elsewhere = await t.request({
      method: 'PATCH',
      url: `/api/v1/implementation-statuses/${s.id}`,
      as: blekinge,
      payload: { decisionParagraphId: null, decisionElsewhere: 'Regionstyrelsen 2026-09-01 § 12', version: 1 },
    });
    expect(elsewhere.statusCode).toBe(200);
    expect(elsewhere.json()).toMatchObject({
      decisionParagraphId: null,
      decisionElsewhere: 'Regionstyrelsen 2026-09-01 § 12',
      version: 2,
    });
    // The old free-text fields are gone from the request.
    const legacy = await t.request({
      method: 'PATCH',
      url: `/api/v1/implementation-statuses/${s.id}`,
      as: blekinge,
      payload: { decisionForum: 'Kunskapsrådet', version: 2 },
    });
    expect(legacy.statusCode).toBe(422);
  });

  it('legacy free text is kept and shown until a forum or a case is chosen', async () => {
    const supportVersionId = (
      await buildKnowledgeSupport(t.db, { status: 'publicerad', programAreaIds: ['hjart-och-karlsjukdomar'] })
    ).firstVersionId!;
    const forum = await buildGroup(t.db, {
      kind: 'council',
      level: 'region',
      owner: '10',
      name: 'Ledningsrådet Blekinge (test)',
    });
    const s = (
      await t.request({
        method: 'POST',
        url: '/api/v1/implementation-statuses',
        as: blekinge,
        payload: { supportVersionId, regionCode: '10', status: 'planerad' },
      })
    ).json();
    await t.db.query(
      `UPDATE implementation_statuses SET decision_forum = 'Gamla rådet', decision_case_ref = 'RS 2019/77' WHERE id = $1`,
      [s.id],
    );
    const before = (await t.request({ method: 'GET', url: `/api/v1/implementation-statuses/${s.id}`, as: blekinge })).json();
    expect(before).toMatchObject({
      decisionForum: 'Gamla rådet',
      legacyDecisionForum: 'Gamla rådet',
      decisionCaseRef: 'RS 2019/77',
    });
    const chosen = await t.request({
      method: 'PATCH',
      url: `/api/v1/implementation-statuses/${s.id}`,
      as: blekinge,
      payload: { decisionForumId: forum.id, version: s.version },
    });
    expect(chosen.statusCode).toBe(200);
    expect(chosen.json()).toMatchObject({
      decisionForum: 'Ledningsrådet Blekinge (test)',
      legacyDecisionForum: null,
      legacyDecisionCaseRef: 'RS 2019/77',
    });
  });
});
