import { inflateSync } from 'node:zlib';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  buildGroup,
  buildImplementationStatus,
  buildIndicator,
  buildKnowledgeSupport,
  buildLpo,
} from '../src/testing/builders.js';
import { problem, useTestApp, type Session } from './helpers/app.js';

const t = useTestApp();
let blekinge: Session;
let kalmar: Session;

beforeAll(async () => {
  blekinge = await t.newUser([{ role: 'samordnare', scopeType: 'region', scopeId: '10' }]);
  kalmar = await t.newUser([{ role: 'samordnare', scopeType: 'region', scopeId: '08' }]);
});

const versionOf = async () =>
  (await buildKnowledgeSupport(t.db, { status: 'publicerad', programAreaIds: ['hjart-och-karlsjukdomar'] })).firstVersionId!;

/** The text of a PDF made by pdfkit: inflate its streams and decode the hex strings of text operators. */
function pdfText(buf: Buffer): string {
  const s = buf.toString('latin1');
  let out = '';
  for (const m of s.matchAll(/stream\r?\n([\s\S]*?)\r?\nendstream/g)) {
    let body: string;
    try {
      body = inflateSync(Buffer.from(m[1]!, 'latin1')).toString('latin1');
    } catch {
      continue;
    }
    for (const h of body.matchAll(/<([0-9a-fA-F]+)>/g)) out += Buffer.from(h[1]!, 'hex').toString('latin1');
    out += '\n';
  }
  return out;
}

describe('implementation status', () => {
  it('follows the state machine, is audited, and only the region itself may edit', async () => {
    const supportVersionId = await versionOf();
    const create = await t.request({
      method: 'POST',
      url: '/api/v1/implementation-statuses',
      as: blekinge,
      payload: { supportVersionId, regionCode: '10', status: 'gap-analys', decisionElsewhere: 'Kunskapsrådet 2026-10-01 § 4' },
    });
    expect(create.statusCode).toBe(201);
    const s = create.json();
    expect(s).toMatchObject({ status: 'gap-analys', regionCode: '10', version: 1 });

    // Another region's coordinator may neither create nor change Blekinge's status.
    expect(
      (
        await t.request({
          method: 'POST',
          url: '/api/v1/implementation-statuses',
          as: kalmar,
          payload: { supportVersionId, regionCode: '10', status: 'planerad' },
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (
        await t.request({
          method: 'PATCH',
          url: `/api/v1/implementation-statuses/${s.id}`,
          as: kalmar,
          payload: { status: 'planerad', version: 1 },
        })
      ).statusCode,
    ).toBe(403);

    // Skipping forward is refused with the field named; nothing changes.
    const skip = await t.request({
      method: 'PATCH',
      url: `/api/v1/implementation-statuses/${s.id}`,
      as: blekinge,
      payload: { status: 'inford', version: 1 },
    });
    expect(problem(skip).status).toBe(422);
    expect(problem(skip).body.errors?.map((e) => e.path)).toContain('/status');

    const planned = await t.request({
      method: 'PATCH',
      url: `/api/v1/implementation-statuses/${s.id}`,
      as: blekinge,
      payload: { status: 'planerad', plannedStart: '2027-01-01', plannedDone: '2027-06-30', version: 1 },
    });
    expect(planned.json()).toMatchObject({ status: 'planerad', version: 2 });
    expect(
      (
        await t.request({
          method: 'PATCH',
          url: `/api/v1/implementation-statuses/${s.id}`,
          as: blekinge,
          payload: { status: 'pagaende', version: 1 },
        })
      ).statusCode,
    ).toBe(409);
    expect(
      (
        await t.request({
          method: 'PATCH',
          url: `/api/v1/implementation-statuses/${s.id}`,
          as: blekinge,
          payload: { status: 'pagaende' },
        })
      ).statusCode,
    ).toBe(428);

    const na = await t.request({
      method: 'PATCH',
      url: `/api/v1/implementation-statuses/${s.id}`,
      as: blekinge,
      payload: { status: 'ej-aktuell', version: 2 },
    });
    expect(problem(na).body.errors?.[0]?.path).toBe('/notApplicableReason');
    const na2 = await t.request({
      method: 'PATCH',
      url: `/api/v1/implementation-statuses/${s.id}`,
      as: blekinge,
      payload: { status: 'ej-aktuell', notApplicableReason: 'Vården bedrivs inte i regionen', version: 2 },
    });
    expect(na2.json()).toMatchObject({ status: 'ej-aktuell', notApplicableReason: 'Vården bedrivs inte i regionen' });

    const audit = await t.db.query<{ action: string; actor_label: string }>(
      `SELECT action, actor_label FROM audit_events WHERE entity_type = 'implementation-status' AND entity_id = $1 ORDER BY id`,
      [s.id],
    );
    expect(audit.map((a) => a.action)).toEqual(['create', 'update', 'update']);
    expect(audit.every((a) => a.actor_label.includes('@example.se'))).toBe(true);

    // A second region-level status for the same version is a conflict.
    expect(
      (
        await t.request({
          method: 'POST',
          url: '/api/v1/implementation-statuses',
          as: blekinge,
          payload: { supportVersionId, regionCode: '10', status: 'planerad' },
        })
      ).statusCode,
    ).toBe(409);
  });

  it('an implemented status needs the date it was done; an LPO must belong to the region', async () => {
    const supportVersionId = await versionOf();
    const kalmarLpo = await buildLpo(t.db, { region: '08', programAreaId: 'hjart-och-karlsjukdomar' });
    // Another region's LPO is not one Blekinge's samordnare may see: 404, as for its GET.
    const res = await t.request({
      method: 'POST',
      url: '/api/v1/implementation-statuses',
      as: blekinge,
      payload: { supportVersionId, regionCode: '10', groupId: kalmarLpo.id, status: 'planerad' },
    });
    expect(problem(res).status).toBe(404);
    // A group the caller sees (a national one) that is not the region's own: 422 on the field.
    const national = await buildGroup(t.db, { kind: 'council', level: 'national', owner: 'national', name: 'Nationellt råd' });
    const notOwn = await t.request({
      method: 'POST',
      url: '/api/v1/implementation-statuses',
      as: blekinge,
      payload: { supportVersionId, regionCode: '10', groupId: national.id, status: 'planerad' },
    });
    expect(problem(notOwn).body.errors?.map((e) => e.path)).toEqual(['/groupId']);
  });
});

describe('the national heatmap', () => {
  it('shows supports × regions grouped by healthcare region, with shares, filters, drill-down and export', async () => {
    const lpo = await buildLpo(t.db, { region: '10', programAreaId: 'hjart-och-karlsjukdomar' });
    const support = await buildKnowledgeSupport(t.db, {
      status: 'publicerad',
      title: 'Åtgärder vid hjärtsvikt (heatmap)',
      programAreaIds: ['hjart-och-karlsjukdomar'],
    });
    const v = support.firstVersionId!;
    await buildImplementationStatus(t.db, { region: '10', supportVersionId: v, status: 'inford' });
    await buildImplementationStatus(t.db, { region: '08', supportVersionId: v, status: 'pagaende' });
    await buildImplementationStatus(t.db, {
      region: '07',
      supportVersionId: v,
      status: 'ej-aktuell',
      notApplicableReason: 'Ingen sådan vård',
    });
    await buildImplementationStatus(t.db, { region: '10', supportVersionId: v, groupId: lpo.id, status: 'gap-analys' });

    const h = (await t.request({ method: 'GET', url: '/api/v1/implementation/heatmap?q=heatmap' })).json();
    expect(h.total).toBe(1);
    expect(h.healthcareRegions.map((g: { id: string }) => g.id)).toEqual([
      'norra',
      'mellansverige',
      'stockholm-gotland',
      'vastra',
      'sydostra',
      'sodra',
    ]);
    // Every region exactly once as a column (Halland under its first healthcare region).
    expect(h.regions).toHaveLength(21);
    const col = (code: string) => h.regions.findIndex((r: { code: string }) => r.code === code);
    const row = h.supports[0];
    expect(row.statuses[col('10')]).toBe('inford');
    expect(row.statuses[col('08')]).toBe('pagaende');
    expect(row.statuses[col('07')]).toBe('ej-aktuell');
    expect(row.statuses.filter((x: string | null) => x !== null)).toHaveLength(3);
    expect(row.implementedShare).toBe(0.5); // "ej aktuell" does not count
    const blek = h.regionShares.find((r: { code: string }) => r.code === '10');
    expect(blek.implemented).toBeGreaterThanOrEqual(1);

    const sydost = (
      await t.request({ method: 'GET', url: '/api/v1/implementation/heatmap?q=heatmap&healthcareRegion=sydostra' })
    ).json();
    expect(sydost.regions.map((r: { code: string }) => r.code)).toEqual(['05', '06', '08']);
    const none = (
      await t.request({ method: 'GET', url: '/api/v1/implementation/heatmap?q=heatmap&programArea=akut-vard' })
    ).json();
    expect(none.total).toBe(0);
    // As of a date before any status existed: empty cells.
    const before = (await t.request({ method: 'GET', url: '/api/v1/implementation/heatmap?q=heatmap&date=2020-01-01' })).json();
    expect(before.supports[0].statuses.every((x: string | null) => x === null)).toBe(true);

    const drill = (await t.request({ method: 'GET', url: '/api/v1/implementation/regions/10?q=heatmap' })).json();
    const gi = drill.groups.findIndex((g: { id: string }) => g.id === lpo.id);
    expect(drill.supports[0]).toMatchObject({ regionStatus: 'inford' });
    expect(drill.supports[0].groupStatuses[gi]).toBe('gap-analys');

    const x = await t.request({ method: 'GET', url: '/api/v1/implementation/heatmap/export?q=heatmap&format=xlsx' });
    expect(x.headers['content-type']).toContain('spreadsheetml');
    const zip = await JSZip.loadAsync(x.rawPayload);
    const strings = await zip.file('xl/sharedStrings.xml')!.async('string');
    expect(strings).toContain('Åtgärder vid hjärtsvikt (heatmap)');
    expect(strings).toContain('Införd');
    const c = await t.request({ method: 'GET', url: '/api/v1/implementation/heatmap/export?q=heatmap&format=csv' });
    expect(c.body).toContain('Pågående');
  });
});

describe('operational plans', () => {
  it('drafted → agreed → established, compared with last year, edits refused once established', async () => {
    const lpo = await buildLpo(t.db, { region: '10', programAreaId: 'lung-och-allergisjukdomar' });
    const item = (priority: number, title: string, extra: Record<string, unknown> = {}) => ({
      priority,
      title,
      rationaleKind: 'npo-plan',
      ...extra,
    });
    const last = await t.request({
      method: 'POST',
      url: '/api/v1/plans',
      as: blekinge,
      payload: {
        groupId: lpo.id,
        startYear: 2026,
        title: 'Plan 2026–2027',
        items: [item(1, 'Hjärtsvikt'), item(2, 'Förmaksflimmer')],
      },
    });
    expect(last.statusCode).toBe(201);
    const bad = await t.request({
      method: 'POST',
      url: '/api/v1/plans',
      as: blekinge,
      payload: { groupId: lpo.id, startYear: 2027, title: 'x', items: [item(1, 'A'), item(1, 'B', { startsOn: '2030-01-01' })] },
    });
    expect(problem(bad).body.errors?.map((e) => e.path)).toEqual(['/items/1/priority', '/items/1/startsOn']);
    expect(
      (
        await t.request({
          method: 'POST',
          url: '/api/v1/plans',
          as: kalmar,
          payload: { groupId: lpo.id, startYear: 2027, title: 'x', items: [] },
        })
      ).statusCode,
    ).toBe(404);

    const plan = (
      await t.request({
        method: 'POST',
        url: '/api/v1/plans',
        as: blekinge,
        payload: {
          groupId: lpo.id,
          startYear: 2027,
          title: 'Plan 2027–2028',
          items: [
            item(1, 'Förmaksflimmer', {
              ownerName: 'LPO-ordförande',
              startsOn: '2027-01-01',
              endsOn: '2027-12-31',
              workingGroupStartsOn: '2027-02-01',
            }),
            item(2, 'Hjärtsvikt'),
            item(3, 'Utfasning av lågvärdig vård', { rationaleKind: 'low-value-care' }),
          ],
        },
      })
    ).json();
    expect(plan.comparison).toEqual({
      previousPlanId: last.json().id,
      previousStartYear: 2026,
      added: ['Utfasning av lågvärdig vård'],
      removed: [],
      reprioritised: [
        { title: 'Förmaksflimmer', from: 2, to: 1 },
        { title: 'Hjärtsvikt', from: 1, to: 2 },
      ],
    });
    const tr = (body: Record<string, unknown>) =>
      t.request({ method: 'POST', url: `/api/v1/plans/${plan.id}/transition`, as: blekinge, payload: body });
    expect((await tr({ to: 'established', decisionRef: 'RK 2027/1', establishedOn: '2027-01-15', version: 1 })).statusCode).toBe(
      409,
    );
    expect(problem(await tr({ to: 'agreed', version: 1 })).body.errors?.[0]?.path).toBe('/agreedWith');
    expect((await tr({ to: 'agreed', agreedWith: 'Verksamhetschefer medicin', version: 1 })).json().state).toBe('agreed');
    expect(problem(await tr({ to: 'established', version: 2 })).body.errors?.map((e) => e.path)).toEqual([
      '/decisionRef',
      '/establishedOn',
    ]);
    const est = (await tr({ to: 'established', decisionRef: 'RK 2027/1', establishedOn: '2027-01-15', version: 2 })).json();
    expect(est).toMatchObject({ state: 'established', decisionRef: 'RK 2027/1', version: 3 });
    const items = est.items.map((i: Record<string, unknown>) => ({ ...i, progress: i.priority === 1 ? 'done' : i.progress }));
    const progressed = await t.request({
      method: 'PATCH',
      url: `/api/v1/plans/${plan.id}`,
      as: blekinge,
      payload: { items, version: 3 },
    });
    expect(progressed.statusCode).toBe(200);
    expect(progressed.json().items[0].progress).toBe('done');
    expect(
      (
        await t.request({
          method: 'PATCH',
          url: `/api/v1/plans/${plan.id}`,
          as: blekinge,
          payload: { title: 'Ny titel', version: 4 },
        })
      ).statusCode,
    ).toBe(409);
    const audit = await t.db.query<{ action: string }>(
      `SELECT action FROM audit_events WHERE entity_type = 'operational-plan' AND entity_id = $1 ORDER BY id`,
      [plan.id],
    );
    expect(audit.map((a) => a.action)).toEqual(['create', 'agree', 'establish', 'update']);
  });
});

describe('the follow-up report, comments, PDSA and open data', () => {
  it('downloads the report as PDF and DOCX, with status, plan, indicators against the nation and comments', async () => {
    const lpo = await buildLpo(t.db, { region: '10', programAreaId: 'endokrina-sjukdomar', name: 'LPO Hjärta Blekinge' });
    const support = await buildKnowledgeSupport(t.db, {
      status: 'publicerad',
      title: 'Vårdförlopp hjärtsvikt',
      programAreaIds: ['endokrina-sjukdomar'],
    });
    await buildImplementationStatus(t.db, { region: '10', supportVersionId: support.firstVersionId!, status: 'planerad' });
    const ind = await buildIndicator(t.db, {
      name: 'Behandling inom fyra veckor',
      programAreaId: 'endokrina-sjukdomar',
      targetValue: 80,
    });
    await t.db.query(
      `INSERT INTO followup_indicator_values (indicator_id, area, level, period, value)
       SELECT $1, a, CASE WHEN a = 'SE' THEN 'country' ELSE 'region' END, '2026-0' || m, v
       FROM (VALUES ('10', 71), ('SE', 77)) AS x(a, v), generate_series(1, 3) AS m`,
      [ind.id],
    );
    const comment = await t.request({
      method: 'PUT',
      url: `/api/v1/groups/${lpo.id}/followup-comments`,
      as: blekinge,
      payload: { indicatorId: ind.id, period: '2026-03', text: 'Bemanningen på mottagningen påverkar.' },
    });
    expect(comment.statusCode).toBe(200);
    expect(
      (
        await t.request({
          method: 'PUT',
          url: `/api/v1/groups/${lpo.id}/followup-comments`,
          as: kalmar,
          payload: { indicatorId: ind.id, period: '2026-03', text: 'x' },
        })
      ).statusCode,
    ).toBe(403);
    expect(
      problem(
        await t.request({
          method: 'PUT',
          url: `/api/v1/groups/${lpo.id}/followup-comments`,
          as: blekinge,
          payload: { indicatorId: ind.id, period: '2026', text: 'x' },
        }),
      ).body.errors?.[0]?.path,
    ).toBe('/period');

    const pdf = await t.request({ method: 'GET', url: `/api/v1/groups/${lpo.id}/followup-report?format=pdf`, as: blekinge });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.rawPayload.toString('latin1')).toContain('/Lang (sv-SE)');
    const text = pdfText(pdf.rawPayload);
    for (const s of [
      'LPO Hjärta Blekinge',
      'Vårdförlopp hjärtsvikt',
      'Planerad',
      'Behandling inom fyra veckor',
      'Bemanningen på mottagningen påverkar.',
      'Region Blekinge',
      'Seriediagram',
      'Styrdiagram (XmR)',
      'Sida 1 av',
    ])
      expect(text).toContain(s);
    expect(text).not.toContain(' | ');
    // The run and the control chart as images.
    expect(pdf.rawPayload.toString('latin1').split('/Subtype /Image').length - 1).toBe(2);

    const docx = await t.request({ method: 'GET', url: `/api/v1/groups/${lpo.id}/followup-report?format=docx`, as: blekinge });
    expect(docx.headers['content-disposition']).toContain('.docx');
    const xml = await (await JSZip.loadAsync(docx.rawPayload)).file('word/document.xml')!.async('string');
    for (const s of [
      'Uppföljningsrapport – LPO Hjärta Blekinge',
      'Införande av kunskapsstöd',
      'Vårdförlopp hjärtsvikt',
      '71 %',
      '77 %',
      'ej uppnått',
      'Bemanningen på mottagningen påverkar.',
    ])
      expect(xml).toContain(s);
    expect(Object.keys((await JSZip.loadAsync(docx.rawPayload)).files).filter((f) => f.startsWith('word/media/'))).toHaveLength(
      2,
    );
    expect((await t.request({ method: 'GET', url: `/api/v1/groups/${lpo.id}/followup-report?format=pdf` })).statusCode).toBe(401);
  });

  it('a PDSA cycle moves one step at a time and belongs to a region', async () => {
    const ind = await buildIndicator(t.db);
    const created = await t.request({
      method: 'POST',
      url: '/api/v1/pdsa-cycles',
      as: blekinge,
      payload: { indicatorId: ind.id, regionCode: '10', title: 'Telefontider', plan: 'Fler telefontider' },
    });
    expect(created.statusCode).toBe(201);
    const id = created.json().id;
    expect(
      (
        await t.request({
          method: 'PATCH',
          url: `/api/v1/pdsa-cycles/${id}`,
          as: blekinge,
          payload: { phase: 'study', version: 1 },
        })
      ).statusCode,
    ).toBe(409);
    expect(
      (await t.request({ method: 'PATCH', url: `/api/v1/pdsa-cycles/${id}`, as: kalmar, payload: { phase: 'do', version: 1 } }))
        .statusCode,
    ).toBe(403);
    const moved = await t.request({
      method: 'PATCH',
      url: `/api/v1/pdsa-cycles/${id}`,
      as: blekinge,
      payload: { phase: 'do', do: 'Två veckor med fler tider', version: 1 },
    });
    expect(moved.json()).toMatchObject({ phase: 'do', do: 'Två veckor med fler tider', plan: 'Fler telefontider', version: 2 });
    const list = (await t.request({ method: 'GET', url: `/api/v1/indicators/${ind.id}/pdsa-cycles`, as: kalmar })).json();
    expect(list.items.map((p: { id: string }) => p.id)).toEqual([id]);
  });

  it('open data: implementation status and indicator values without signing in, as JSON and CSV, with no names', async () => {
    const ind = await buildIndicator(t.db, { code: 'OPEN-1' });
    await t.db.query(
      `INSERT INTO followup_indicator_values (indicator_id, area, period, value) VALUES ($1, '10', '2026-01', 12.5)`,
      [ind.id],
    );
    await buildImplementationStatus(t.db, { region: '10', status: 'gap-analys' });
    const json = (await t.request({ method: 'GET', url: '/api/v1/open-data/indicator-values?indicator=OPEN-1' })).json();
    expect(json.items).toEqual([
      { indicator: 'OPEN-1', name: ind.name, unit: '%', area: '10', subArea: null, period: '2026-01', gender: 'T', value: 12.5 },
    ]);
    const csv = await t.request({ method: 'GET', url: '/api/v1/open-data/indicator-values?indicator=OPEN-1&format=csv' });
    expect(csv.body).toContain('OPEN-1;' + ind.name + ';%;10;;2026-01;12,5');
    const st = await t.request({ method: 'GET', url: '/api/v1/open-data/implementation-statuses' });
    expect(st.json().items.some((i: { status: string; region: string }) => i.status === 'gap-analys' && i.region === '10')).toBe(
      true,
    );
    expect(st.body).not.toMatch(/updatedBy|@example\.se/);
  });
});
