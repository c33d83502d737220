import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp, type Session } from './helpers/app.js';

/**
 * What a secret-marked case shows to a role that handles it but may not read secret material
 * (a samordnare of the healthcare region above the region): its transition reasons, action
 * titles and documents' checksums are masked like its subject, sender and file names, and the
 * case detail says, from the server's rule, that it may not change the marking (the case page
 * hides the checkbox by that flag).
 */
const t = useTestApp();
const today = new Date().toISOString().slice(0, 10);
const REASON = 'Patienten Anna Andersson har anmält vårdskada';
const TITLE = 'Begär journalkopia för Anna Andersson';
const FILE = Buffer.from('Hemligt underlag om Anna Andersson\n');

let blekinge: Session; // samordnare in Region Blekinge (10): reads secret material there
let sodra: Session; // samordnare in Södra: handles Blekinge's cases, reads no secrets
let caseId: string;

async function caseAs(id: string, as: Session) {
  const res = await t.request({ method: 'GET', url: `/api/v1/cases/${id}`, as });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

beforeAll(async () => {
  blekinge = await t.newUser([{ role: 'samordnare', scopeType: 'region', scopeId: '10' }]);
  sodra = await t.newUser([{ role: 'samordnare', scopeType: 'healthcare-region', scopeId: 'sodra' }]);
  const created = await t.request({
    method: 'POST',
    url: '/api/v1/cases',
    as: blekinge,
    payload: {
      region: '10',
      subject: 'Hemlig utredning',
      origin: 'agency',
      sender: 'Inspektionen för vård och omsorg',
      receivedDate: today,
      secret: true,
      secrecyGround: 'OSL 25 kap. 1 §',
    },
  });
  expect(created.statusCode, created.body).toBe(201);
  caseId = created.json().id;
  const to = (await caseAs(caseId, blekinge)).allowedTransitions[0];
  const moved = await t.request({
    method: 'POST',
    url: `/api/v1/cases/${caseId}/transitions`,
    as: blekinge,
    payload: { version: created.json().version, to, reason: REASON },
  });
  expect(moved.statusCode, moved.body).toBe(200);
  const action = await t.request({
    method: 'POST',
    url: `/api/v1/cases/${caseId}/actions`,
    as: blekinge,
    payload: { title: TITLE, ownerName: 'Handläggaren' },
  });
  expect(action.statusCode, action.body).toBe(201);
  const up = await t.request({
    method: 'POST',
    url: `/api/v1/cases/${caseId}/documents?fileName=underlag.txt`,
    as: blekinge,
    headers: { 'content-type': 'application/octet-stream' },
    payload: FILE,
  });
  expect(up.statusCode, up.body).toBe(201);
});

describe('a secret case seen by a role without the right to read secret material', () => {
  it('says it may not change the secrecy marking; the region itself may', async () => {
    const seen = await caseAs(caseId, sodra);
    expect(seen).toMatchObject({ canHandle: true, canChangeSecrecy: false });
    expect((await caseAs(caseId, blekinge)).canChangeSecrecy).toBe(true);
    // The flag follows the rule the PATCH applies.
    const lift = await t.request({
      method: 'PATCH',
      url: `/api/v1/cases/${caseId}`,
      as: sodra,
      payload: { version: seen.version, secret: false },
    });
    expect(lift.statusCode).toBe(403);
  });

  it('a case that is not secret may be marked by the region, not by the healthcare region above it', async () => {
    const open = await t.request({
      method: 'POST',
      url: '/api/v1/cases',
      as: blekinge,
      payload: { region: '10', subject: 'Öppet ärende', origin: 'agency', sender: 'Socialstyrelsen', receivedDate: today },
    });
    expect(open.statusCode, open.body).toBe(201);
    expect((await caseAs(open.json().id, sodra)).canChangeSecrecy).toBe(false);
    expect((await caseAs(open.json().id, blekinge)).canChangeSecrecy).toBe(true);
  });

  it('masks the transition reasons, the action titles and the documents’ checksums', async () => {
    const get = (url: string, as: Session) => t.request({ method: 'GET', url, as });
    const transitions = await get(`/api/v1/cases/${caseId}/transitions`, sodra);
    expect(transitions.statusCode).toBe(200);
    expect(transitions.body).not.toContain('Anna');
    expect(transitions.json().items.some((x: { reason: string | null }) => x.reason !== null)).toBe(true);
    const actions = await get(`/api/v1/cases/${caseId}/actions`, sodra);
    expect(actions.json().items).toHaveLength(1);
    expect(actions.body).not.toContain('Anna');
    const docs = await get(`/api/v1/cases/${caseId}/documents`, sodra);
    expect(docs.json().items).toHaveLength(1);
    expect(docs.json().items[0].sha256).toBeNull();
    expect(docs.body).not.toContain('underlag');
    // Completing the action answers with the masked title as well.
    const a = actions.json().items[0];
    const done = await t.request({
      method: 'POST',
      url: `/api/v1/case-actions/${a.id}/complete`,
      as: sodra,
      payload: { version: a.version },
    });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.body).not.toContain('Anna');
  });

  it('shows them to the region itself', async () => {
    const get = async (url: string) => (await t.request({ method: 'GET', url, as: blekinge })).json();
    expect((await get(`/api/v1/cases/${caseId}/transitions`)).items.map((x: { reason: string }) => x.reason)).toContain(REASON);
    expect((await get(`/api/v1/cases/${caseId}/actions`)).items[0].title).toBe(TITLE);
    const [doc] = (await get(`/api/v1/cases/${caseId}/documents`)).items;
    expect(doc).toMatchObject({ fileName: 'underlag.txt' });
    expect(doc.sha256).toMatch(/^[0-9a-f]{64}$/);
  });
});
