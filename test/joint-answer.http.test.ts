import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildConsultationRound, buildGroup, buildLpo } from '../src/testing/builders.js';
import { problem, useTestApp, type Session } from './helpers/app.js';
import { useClock } from './helpers/clock.js';

/**
 * Södra sjukvårdsregionen's joint answer (seed 002): Blekinge (10) and Kronoberg (07) give
 * their input, the RPO compiles one answer, the management group approves it, and the
 * member regions see its state.
 */
const t = useTestApp();
// Approval and sending dates follow the round planned on this day.
useClock('2026-11-26');
const today = '2026-11-26';

let roundId: string;
let rpo: string;
let ledning: string;
let rpoChair: Session;
let ledningChair: Session;
let blekinge: Session;
let kronoberg: Session;
let halland: Session;
let vastra: Session;
let kalmar: Session;
const answers: Record<string, string> = {};

const api = (as: Session, method: 'GET' | 'POST' | 'PUT', url: string, payload?: Record<string, unknown>) =>
  t.request({ method, url, as, ...(payload ? { payload } : {}) });

beforeAll(async () => {
  roundId = (
    await buildConsultationRound(t.db, { title: 'Nationella riktlinjer för rörelseorganens sjukdomar, preliminär version' })
  ).id;
  rpo = (
    await buildGroup(t.db, {
      kind: 'program-area',
      level: 'healthcare-region',
      owner: 'sodra',
      programAreaIds: ['rorelseorganens-sjukdomar'],
      name: 'RPO Rörelseorganens sjukdomar Södra',
    })
  ).id;
  ledning = (
    await t.db.query<{ id: string }>("SELECT id FROM groups WHERE reference_key = 'sodra:ledningsgrupp:ledningsgruppen'")
  )[0]!.id;
  rpoChair = await t.newUser([{ role: 'ordforande', scopeType: 'group', scopeId: rpo }]);
  ledningChair = await t.newUser([{ role: 'ordforande', scopeType: 'group', scopeId: ledning }]);
  blekinge = await t.newUser([{ role: 'samordnare', scopeType: 'region', scopeId: '10' }]);
  kronoberg = await t.newUser([{ role: 'samordnare', scopeType: 'region', scopeId: '07' }]);
  halland = await t.newUser([{ role: 'lasare', scopeType: 'region', scopeId: '13' }]);
  vastra = await t.newUser([{ role: 'lasare', scopeType: 'region', scopeId: '14' }]);
  kalmar = await t.newUser([{ role: 'samordnare', scopeType: 'region', scopeId: '08' }]);
  for (const [region, who, text] of [
    ['10', blekinge, 'Blekinge: fysioterapi i primärvården saknar resurser för rekommendation 12.'],
    ['07', kronoberg, 'Kronoberg: vi följer rekommendationerna utom artrosskola, som saknas i två kommuner.'],
  ] as const) {
    const lpo = (await buildLpo(t.db, { region, programAreaId: 'rorelseorganens-sjukdomar' })).id;
    const a = (await api(who, 'POST', '/api/v1/consultation-answers', { roundId, region })).json();
    const routed = (
      await api(who, 'POST', `/api/v1/consultation-answers/${a.id}/routing`, {
        groupIds: [lpo],
        leadGroupId: lpo,
        version: a.version,
      })
    ).json();
    const s = routed.sections[2];
    const w = await api(who, 'PUT', `/api/v1/consultation-answers/${a.id}/sections/${s.id}`, { body: text, version: s.version });
    expect(w.statusCode, w.body).toBe(200);
    answers[region] = a.id;
  }
});

describe("a healthcare region's joint answer", () => {
  let id: string;
  let version: number;

  it('is started for Södra by the RPO, not by a region', async () => {
    const body = { roundId, healthcareRegionId: 'sodra', coordinatingGroupId: rpo, approvingGroupId: ledning };
    expect((await api(blekinge, 'POST', '/api/v1/consultation-joint-answers', body)).statusCode).toBe(403);
    const wrong = await api(rpoChair, 'POST', '/api/v1/consultation-joint-answers', { ...body, approvingGroupId: rpo });
    expect(wrong.statusCode).toBe(422);
    expect(problem(wrong).body.errors?.[0]?.path).toBe('approvingGroupId');
    const res = await api(rpoChair, 'POST', '/api/v1/consultation-joint-answers', body);
    expect(res.statusCode, res.body).toBe(201);
    id = res.json().id;
    version = res.json().version;
    expect(res.json()).toMatchObject({
      status: 'samordnas',
      healthcareRegionName: 'Södra sjukvårdsregionen',
      approvingGroup: { name: 'Södra sjukvårdsregionens ledningsgrupp' },
    });
    expect((await api(rpoChair, 'POST', '/api/v1/consultation-joint-answers', body)).statusCode).toBe(409);
  });

  it("shows the RPO each member region's input side by side, Halland included", async () => {
    const res = await api(rpoChair, 'GET', `/api/v1/consultation-joint-answers/${id}`);
    expect(res.statusCode).toBe(200);
    const inputs = res.json().inputs as { region: string; status: string | null; sections: { body: string }[] }[];
    expect(inputs.map((i) => i.region).sort()).toEqual(['07', '10', '12', '13']);
    expect(inputs.find((i) => i.region === '10')!.sections[2]!.body).toContain('fysioterapi');
    expect(inputs.find((i) => i.region === '07')!.sections[2]!.body).toContain('artrosskola');
    expect(inputs.find((i) => i.region === '12')!.status).toBeNull();
  });

  it('is compiled by the RPO only, and approved by the management group only', async () => {
    const j = (await api(rpoChair, 'GET', `/api/v1/consultation-joint-answers/${id}`)).json();
    const s = j.sections[0];
    const text =
      'Södra sjukvårdsregionen ställer sig bakom riktlinjerna. Blekinge och Kronoberg pekar på resursbrist i primärvården.';
    expect(
      (await api(blekinge, 'PUT', `/api/v1/consultation-joint-answers/${id}/sections/${s.id}`, { body: 'x', version: s.version }))
        .statusCode,
    ).toBe(403);
    const w = await api(rpoChair, 'PUT', `/api/v1/consultation-joint-answers/${id}/sections/${s.id}`, {
      body: text,
      version: s.version,
    });
    expect(w.statusCode, w.body).toBe(200);
    version = w.json().version;
    expect(
      (
        await api(rpoChair, 'POST', `/api/v1/consultation-joint-answers/${id}/approve`, {
          version,
          approvalRef: 'LG § 3',
          approvedOn: today,
        })
      ).statusCode,
    ).toBe(403);
    const send = await api(rpoChair, 'POST', `/api/v1/consultation-joint-answers/${id}/send`, { version, sentOn: today });
    expect(send.statusCode).toBe(422);
    const ok = await api(ledningChair, 'POST', `/api/v1/consultation-joint-answers/${id}/approve`, {
      version,
      approvalRef: 'Ledningsgruppen 2026-11-20 § 3',
      approvedOn: today,
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ status: 'godkand', approvalRef: 'Ledningsgruppen 2026-11-20 § 3' });
    version = ok.json().version;
    const locked = await api(rpoChair, 'PUT', `/api/v1/consultation-joint-answers/${id}/sections/${s.id}`, {
      body: 'ändrat',
      version: s.version + 1,
    });
    expect(locked.statusCode).toBe(422);
    const docx = await api(rpoChair, 'GET', `/api/v1/consultation-joint-answers/${id}/document.docx`);
    const xml = await (await JSZip.loadAsync(docx.rawPayload)).file('word/document.xml')!.async('string');
    expect(xml).toContain('Södra sjukvårdsregionen');
    expect(xml).toContain('Ledningsgruppen 2026-11-20 § 3');
    const sent = await api(rpoChair, 'POST', `/api/v1/consultation-joint-answers/${id}/send`, { version, sentOn: today });
    expect(sent.json().status).toBe('skickad');
  });

  it("lets the member regions see the joint answer's state; others get 404", async () => {
    for (const who of [blekinge, kronoberg]) {
      const a = await api(who, 'GET', `/api/v1/consultation-answers/${answers[who === blekinge ? '10' : '07']}`);
      expect(a.json().jointAnswers).toEqual([
        { id, healthcareRegionId: 'sodra', healthcareRegionName: 'Södra sjukvårdsregionen', status: 'skickad' },
      ]);
    }
    const seen = await api(halland, 'GET', `/api/v1/consultation-joint-answers/${id}`);
    expect(seen.statusCode).toBe(200);
    // A region reads the joint answer, but not the other regions' input.
    expect(seen.json().inputs.every((i: { sections: unknown[] }) => i.sections.length === 0)).toBe(true);
    expect((await api(vastra, 'GET', `/api/v1/consultation-joint-answers/${id}`)).statusCode).toBe(404);
    expect((await api(kalmar, 'GET', `/api/v1/consultation-joint-answers/${id}`)).statusCode).toBe(404);
    const overview = (await api(kalmar, 'GET', '/api/v1/consultation-overview')).json();
    const round = overview.rounds.find((r: { id: string }) => r.id === roundId);
    expect(round.jointAnswers.map((j: { status: string }) => j.status)).toEqual(['skickad']);
    expect(round.regions.map((r: { region: string }) => r.region)).toEqual(['07', '10']);
  });
});
