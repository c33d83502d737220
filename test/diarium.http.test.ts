import { beforeAll, describe, expect, it } from 'vitest';
import { buildCase, buildConsultationRound } from '../src/testing/builders.js';
import { problem, useTestApp, type Session } from './helpers/app.js';
import { useClock } from './helpers/clock.js';

/**
 * The official diarium through the API: validation, problem+json for clashes and refusals, and
 * references to another region's klassificeringsstruktur. The rules themselves are tested on the
 * use cases (src/modules/cases/diarium.test.ts).
 */
const t = useTestApp();
useClock('2026-11-26');

let samordnare: Session;
let registrator: Session;
let lasare: Session;
let kalmar: Session;

beforeAll(async () => {
  samordnare = await t.newUser([{ role: 'samordnare', scopeType: 'region', scopeId: '10' }]);
  registrator = await t.newUser([{ role: 'registrator', scopeType: 'region', scopeId: '10' }]);
  lasare = await t.newUser([{ role: 'lasare', scopeType: 'region', scopeId: '10' }]);
  kalmar = await t.newUser([{ role: 'samordnare', scopeType: 'region', scopeId: '08' }]);
});

const post = (as: Session, url: string, payload: Record<string, unknown>) => t.request({ method: 'POST', url, as, payload });
const patch = (as: Session, url: string, payload: Record<string, unknown>) => t.request({ method: 'PATCH', url, as, payload });

describe('the klassificeringsstruktur over HTTP', () => {
  it('refuses a malformed code and a missing parent (422), a clash (409) and a reader (403)', async () => {
    const bad = await post(samordnare, '/api/v1/case-classifications', { region: '10', code: '1.a', title: 'X' });
    expect(bad.statusCode).toBe(422);
    expect(problem(bad).body.errors?.[0]?.path).toContain('code');
    expect(problem(bad).type).toContain('application/problem+json');
    const orphan = await post(samordnare, '/api/v1/case-classifications', { region: '10', code: '5.1', title: 'X' });
    expect(orphan.statusCode).toBe(422);
    expect(problem(orphan).body.errors?.[0]?.path).toBe('code');
    const ok = await post(samordnare, '/api/v1/case-classifications', { region: '10', code: '5', title: 'Remisser' });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json()).toMatchObject({ region: '10', code: '5', title: 'Remisser', active: true, version: 1 });
    const again = await post(samordnare, '/api/v1/case-classifications', { region: '10', code: '5', title: 'Igen' });
    expect(again.statusCode).toBe(409);
    expect(problem(again).type).toContain('application/problem+json');
    expect((await post(lasare, '/api/v1/case-classifications', { region: '10', code: '6', title: 'X' })).statusCode).toBe(403);
    expect((await post(kalmar, '/api/v1/case-classifications', { region: '10', code: '6', title: 'X' })).statusCode).toBe(404);
    const list = await t.request({ method: 'GET', url: '/api/v1/case-classifications?region=10', as: lasare });
    expect(list.json()).toMatchObject({ canManage: false, items: [{ code: '5' }] });
    const stale = await patch(samordnare, `/api/v1/case-classifications/${ok.json().id}`, { version: 9, title: 'Y' });
    expect(stale.statusCode).toBe(409);
  });
});

describe("a case's diarienummer and classification over HTTP", () => {
  it('answers 409 problem+json for a number the region already uses, 422 for one too long', async () => {
    const a = await buildCase(t.db, { region: '10' });
    const b = await buildCase(t.db, { region: '10' });
    const first = await patch(registrator, `/api/v1/cases/${a.id}`, { version: a.version, diarienummer: 'RS 2026/77' });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ diarienummer: 'RS 2026/77', caseNumber: a.caseNumber });
    const clash = await patch(registrator, `/api/v1/cases/${b.id}`, { version: b.version, diarienummer: 'RS 2026/77' });
    expect(clash.statusCode).toBe(409);
    expect(problem(clash).type).toContain('application/problem+json');
    expect(problem(clash).body.detail).toContain('RS 2026/77');
    const long = await patch(registrator, `/api/v1/cases/${b.id}`, { version: b.version, diarienummer: 'x'.repeat(101) });
    expect(long.statusCode).toBe(422);
    const register = await t.request({ method: 'GET', url: '/api/v1/case-register?region=10' });
    expect(register.json().items.find((e: { caseNumber: string }) => e.caseNumber === a.caseNumber)).toMatchObject({
      diarienummer: 'RS 2026/77',
    });
  });

  it("answers 404 for another region's classification, as its GET does, and writes nothing", async () => {
    const c = await buildCase(t.db, { region: '10' });
    const foreign = await post(kalmar, '/api/v1/case-classifications', { region: '08', code: '1', title: 'Kalmar' });
    expect(foreign.statusCode).toBe(201);
    const res = await patch(registrator, `/api/v1/cases/${c.id}`, { version: c.version, classificationId: foreign.json().id });
    expect(res.statusCode).toBe(404);
    expect(problem(res).body.detail).toContain('Klassificeringen');
    const after = await t.request({ method: 'GET', url: `/api/v1/cases/${c.id}`, as: registrator });
    expect(after.json()).toMatchObject({ version: c.version, classificationId: null });
  });
});

describe("a document's registration over HTTP", () => {
  const upload = (as: Session, caseId: string, query: string) =>
    t.request({
      method: 'POST',
      url: `/api/v1/cases/${caseId}/documents?fileName=brev.txt&${query}`,
      as,
      headers: { 'content-type': 'application/octet-stream' },
      payload: Buffer.from('Brev\n'),
    });

  it('takes the registration in the query string and refuses an unknown direction or a missing sender', async () => {
    const c = await buildCase(t.db, { region: '10' });
    expect((await upload(registrator, c.id, 'direction=ut')).statusCode).toBe(400);
    expect((await upload(registrator, c.id, 'documentType=brevduva')).statusCode).toBe(400);
    const noSender = await upload(registrator, c.id, 'direction=inkommande');
    expect(noSender.statusCode).toBe(422);
    expect(problem(noSender).body.errors?.map((e) => e.path)).toEqual(['counterpart']);
    const ok = await upload(
      registrator,
      c.id,
      'direction=inkommande&counterpart=Socialstyrelsen&documentType=skrivelse&documentDate=2026-11-20',
    );
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json()).toMatchObject({
      direction: 'inkommande',
      counterpart: 'Socialstyrelsen',
      documentType: 'skrivelse',
      documentDate: '2026-11-20',
    });
    const list = await t.request({ method: 'GET', url: `/api/v1/cases/${c.id}/documents`, as: lasare });
    expect(list.json().items[0]).toMatchObject({ direction: 'inkommande', documentType: 'skrivelse' });
  });
});

describe("a consultation answer's diarienummer over HTTP", () => {
  it('is set by the registrator, unique among the live answers of the region, and refused to a reader', async () => {
    const r1 = (await buildConsultationRound(t.db, { title: 'Remiss ett' })).id;
    const r2 = (await buildConsultationRound(t.db, { title: 'Remiss två' })).id;
    const a1 = (await post(samordnare, '/api/v1/consultation-answers', { roundId: r1, region: '10' })).json();
    const a2 = (await post(samordnare, '/api/v1/consultation-answers', { roundId: r2, region: '10' })).json();
    const put = (as: Session, id: string, payload: Record<string, unknown>) =>
      t.request({ method: 'PUT', url: `/api/v1/consultation-answers/${id}/diarienummer`, as, payload });

    expect((await put(lasare, a1.id, { version: a1.version, diarienummer: 'RS 2026/5' })).statusCode).toBe(403);
    expect((await put(kalmar, a1.id, { version: a1.version, diarienummer: 'RS 2026/5' })).statusCode).toBe(404);
    const set = await put(registrator, a1.id, { version: a1.version, diarienummer: ' RS 2026/5 ' });
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json()).toMatchObject({ diarienummer: 'RS 2026/5', caseNumber: a1.caseNumber });
    expect(set.json().permissions.setDiarienummer).toBe(true);
    const clash = await put(registrator, a2.id, { version: a2.version, diarienummer: 'RS 2026/5' });
    expect(clash.statusCode).toBe(409);
    expect(problem(clash).type).toContain('application/problem+json');
    expect((await put(registrator, a1.id, { version: a1.version, diarienummer: 'RS 2026/6' })).statusCode).toBe(409);
    const cleared = await put(registrator, a1.id, { version: set.json().version, diarienummer: null });
    expect(cleared.json().diarienummer).toBeNull();
  });
});
