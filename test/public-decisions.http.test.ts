import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { addAgendaItem } from '../src/modules/meetings/add-agenda-item.js';
import { createMeeting } from '../src/modules/meetings/create-meeting.js';
import { createParagraph } from '../src/modules/meetings/write-paragraph.js';
import { systemCtx } from '../src/platform/context.js';
import { buildCase, buildForumMember, buildGroup, buildUser } from '../src/testing/builders.js';
import { useTestApp, type Session } from './helpers/app.js';
import { daysFromToday } from './helpers/clock.js';

/**
 * Insyn that reaches the decisions: anyone reads the decisions of justerade protokoll and the
 * protokoll themselves; a secret case's paragraph is masked everywhere (list, search, feed,
 * document); nothing of draft or sent minutes is public; the signed-in decision log is unchanged.
 */
const t = useTestApp({ publicUrl: 'https://navet.regionblekinge.se' });
const ctx = systemCtx('test');

const SECRET_TITLE = 'Patientklagomål Karlskrona';
const SECRET_TEXT = 'Ersättning till Anna Andersson';
const DRAFT_TEXT = 'Utkastbeslut om Ronneby vårdcentral';
const SENT_TEXT = 'Skickat beslut om Olofström';
const OVERRIDE_REASON = 'Uppdraget åt bolaget avslutades i våras';

let justerat: string;
let draft: string;
let sent: string;
let secretCaseNumber: string;
let member: Session;

async function meetingWith(daysAgo: number, paragraphs: { title: string; text: string; caseId?: string }[]) {
  const m = await createMeeting(t.db, ctx, forumId, { date: daysFromToday(-daysAgo) });
  const ids: string[] = [];
  for (const p of paragraphs) {
    const itemId = await addAgendaItem(t.db, ctx, m.id, { title: p.title });
    const id = await createParagraph(t.db, ctx, m.id, { agendaItemId: itemId, decisionText: p.text });
    ids.push(id);
    // A paragraph about a case: its case's secrecy decides what the public sees.
    if (p.caseId) await t.db.query('UPDATE minutes_paragraphs SET case_id = $2 WHERE id = $1', [id, p.caseId]);
  }
  return { id: m.id, paragraphIds: ids };
}

/** Justering itself is tested in meetings.http.test.ts; here only the minutes' status counts. */
async function setMinutesStatus(meetingId: string, status: 'for-justering' | 'justerat') {
  await t.db.query(
    `UPDATE meetings SET minutes_status = $2, minutes_locked_at = CASE WHEN $2 = 'justerat' THEN now() ELSE NULL END WHERE id = $1`,
    [meetingId, status],
  );
}

let forumId: string;

beforeAll(async () => {
  forumId = (await buildGroup(t.db, { kind: 'council', level: 'region', owner: '10', name: 'Insynsrådet' })).id;
  const person = await buildForumMember(t.db, { groupId: forumId, role: 'ledamot', name: 'Mia Medlem' });
  await buildUser(t.db, { email: person.email! });
  member = await t.login(person.email!);
  const open = await buildCase(t.db, { region: '10', subject: 'Vårdförlopp hjärtsvikt' });
  const secret = await buildCase(t.db, { region: '10', subject: SECRET_TITLE });
  await t.db.query(`UPDATE cases SET secret = true, secrecy_ground = '25 kap. 1 § OSL' WHERE id = $1`, [secret.id]);
  secretCaseNumber = secret.caseNumber;
  const approved = await meetingWith(21, [
    {
      title: 'Införande av vårdförlopp hjärtsvikt',
      text: 'Rådet beslutar att införa vårdförloppet i regionen.',
      caseId: open.id,
    },
    { title: SECRET_TITLE, text: SECRET_TEXT, caseId: secret.id },
    { title: 'Information om uppföljningen', text: 'Rådet noterar informationen.' },
  ]);
  justerat = approved.id;
  // Taking part despite a jäv restriction: the reason is free text and stays out of the public copy.
  await t.db.query(
    `INSERT INTO paragraph_participation (paragraph_id, person_id, takes_part, override_reason) VALUES ($1, $2, true, $3)`,
    [approved.paragraphIds[0], person.id, OVERRIDE_REASON],
  );
  await setMinutesStatus(justerat, 'justerat');
  draft = (await meetingWith(14, [{ title: 'Utkastpunkt', text: DRAFT_TEXT }])).id;
  sent = (await meetingWith(7, [{ title: 'Skickad punkt', text: SENT_TEXT }])).id;
  await setMinutesStatus(sent, 'for-justering');
});

const get = (url: string, as?: Session) => t.request({ method: 'GET', url, ...(as ? { as } : {}) });
interface PublicDecision {
  paragraphId: string;
  meetingId: string;
  title: string;
  decisionText: string;
  secret: boolean;
  caseNumber: string | null;
  reference: string;
  minutesHref: string;
}
const mine = (items: PublicDecision[]) => items.filter((d) => [justerat, draft, sent].includes(d.meetingId));

describe('public decisions', () => {
  it('anonymous visitors read the decisions of justerade protokoll, the secret one masked, nothing of other minutes', async () => {
    const res = await get('/api/v1/public/decisions?limit=500');
    expect(res.statusCode).toBe(200);
    expect(res.headers.etag).toBeTruthy();
    // No Last-Modified: a case marked secret later changes the answer without a newer justering.
    expect(res.headers['last-modified']).toBeUndefined();
    const items = mine(res.json().items);
    expect(items).toHaveLength(3);
    expect(items.every((d) => d.minutesHref === `/api/v1/public/meetings/${justerat}/minutes?format=pdf`)).toBe(true);
    const secret = items.find((d) => d.secret)!;
    expect(secret).toMatchObject({ title: 'Sekretessmarkerat ärende', decisionText: '', caseNumber: secretCaseNumber });
    expect(secret.reference).toMatch(/^Insynsrådet \d{4}-\d{2}-\d{2} § \d+$/);
    expect(items.find((d) => d.title === 'Införande av vårdförlopp hjärtsvikt')?.decisionText).toContain('införa vårdförloppet');
    for (const hidden of ['Karlskrona', 'Anna Andersson', 'Ronneby', 'Olofström']) expect(res.body).not.toContain(hidden);
  });

  it('the search never matches what it masks, finds the secret paragraph by case number, and pages', async () => {
    const q = async (s: string) => mine((await get(`/api/v1/public/decisions?q=${encodeURIComponent(s)}`)).json().items);
    expect(await q('Karlskrona')).toEqual([]);
    expect(await q('Andersson')).toEqual([]);
    expect(await q('Ronneby')).toEqual([]);
    expect((await q('vårdförloppet')).map((d) => d.title)).toEqual(['Införande av vårdförlopp hjärtsvikt']);
    const bySecretNumber = await q(secretCaseNumber);
    expect(bySecretNumber).toHaveLength(1);
    expect(bySecretNumber[0]).toMatchObject({ secret: true, title: 'Sekretessmarkerat ärende' });
    const first = (await get(`/api/v1/public/decisions?forumId=${forumId}&limit=2`)).json();
    expect(first.items).toHaveLength(2);
    const second = (await get(`/api/v1/public/decisions?forumId=${forumId}&limit=2&cursor=${first.nextCursor}`)).json();
    expect(second.items).toHaveLength(1);
    expect(second.nextCursor).toBeNull();
    expect(new Set([...first.items, ...second.items].map((d: { paragraphId: string }) => d.paragraphId)).size).toBe(3);
    expect((await get(`/api/v1/public/decisions?forumId=${forumId}&updatedSince=2999-01-01T00:00:00Z`)).json().items).toEqual([]);
  });

  it('the justerade protokoll is public with the secret paragraph masked; draft and sent minutes are not found', async () => {
    const docx = await get(`/api/v1/public/meetings/${justerat}/minutes?format=docx`);
    expect(docx.statusCode).toBe(200);
    const xml = await (await JSZip.loadAsync(docx.rawPayload)).file('word/document.xml')!.async('string');
    expect(xml).toContain('Sekretessmarkerat ärende');
    expect(xml).toContain('Paragrafen omfattas av sekretess och visas inte.');
    expect(xml).toContain(secretCaseNumber);
    expect(xml).toContain('Rådet beslutar att införa vårdförloppet');
    expect(xml).not.toContain('Karlskrona');
    expect(xml).not.toContain('Anna Andersson');
    expect(xml).toContain('Mia Medlem deltog trots jävsbegränsning.');
    expect(xml).not.toContain(OVERRIDE_REASON);
    const pdf = await get(`/api/v1/public/meetings/${justerat}/minutes?format=pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-disposition']).toMatch(/^inline/);
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.rawPayload.toString('latin1')).not.toContain('Karlskrona');
    // A justerat protokoll is the same file every time, so a reader's cache holds: 304 on its ETag.
    const again = await get(`/api/v1/public/meetings/${justerat}/minutes?format=pdf`);
    expect(again.headers.etag).toBe(pdf.headers.etag);
    const cached = await t.request({
      method: 'GET',
      url: `/api/v1/public/meetings/${justerat}/minutes?format=pdf`,
      headers: { 'if-none-match': pdf.headers.etag as string },
    });
    expect(cached.statusCode).toBe(304);
    for (const id of [draft, sent, '00000000-0000-4000-8000-000000000000']) {
      expect((await get(`/api/v1/public/meetings/${id}/minutes?format=pdf`)).statusCode, id).toBe(404);
      expect((await get(`/api/v1/public/meetings/${id}/minutes?format=docx`, member)).statusCode, id).toBe(404);
    }
  });

  it('a case marked secret after justering is masked from then on, and the ETag moves', async () => {
    const before = await get(`/api/v1/public/decisions?forumId=${forumId}`);
    const shown = (before.json().items as PublicDecision[]).find((d) => d.title === 'Information om uppföljningen')!;
    const later = await buildCase(t.db, { region: '10', subject: 'Senare sekretessmarkerat' });
    await t.db.query(`UPDATE cases SET secret = true, secrecy_ground = '25 kap. 1 § OSL' WHERE id = $1`, [later.id]);
    await t.db.query('UPDATE minutes_paragraphs SET case_id = $2 WHERE id = $1', [shown.paragraphId, later.id]);
    const after = await t.request({
      method: 'GET',
      url: `/api/v1/public/decisions?forumId=${forumId}`,
      headers: { 'if-none-match': before.headers.etag as string },
    });
    expect(after.statusCode).toBe(200);
    expect(after.body).not.toContain('Rådet noterar informationen.');
    expect((after.json().items as PublicDecision[]).filter((d) => d.secret)).toHaveLength(2);
    // Back as it was, for the tests below.
    await t.db.query('UPDATE minutes_paragraphs SET case_id = NULL WHERE id = $1', [shown.paragraphId]);
  });

  it('the Atom feed carries the public decisions, masked', async () => {
    const res = await get('/api/v1/feeds/decisions.atom');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/atom+xml; charset=utf-8');
    expect(res.body).toContain('<feed xmlns="http://www.w3.org/2005/Atom"');
    expect(res.body).toContain('Insynsrådet');
    expect(res.body).toContain('Sekretessmarkerat ärende');
    expect(res.body).toContain(`https://navet.regionblekinge.se/api/v1/public/meetings/${justerat}/minutes?format=pdf`);
    for (const hidden of ['Karlskrona', 'Anna Andersson', 'Ronneby', 'Olofström']) expect(res.body).not.toContain(hidden);
    const again = await t.request({
      method: 'GET',
      url: '/api/v1/feeds/decisions.atom',
      headers: { 'if-none-match': res.headers.etag as string },
    });
    expect(again.statusCode).toBe(304);
  });

  it("signed-in members still see their forum's decision log unmasked, as before", async () => {
    const log = (await get(`/api/v1/decisions?forumId=${forumId}`, member)).json().items as {
      title: string;
      decisionText: string;
    }[];
    expect(log.map((d) => d.title)).toContain(SECRET_TITLE);
    expect(log.map((d) => d.decisionText)).toContain(SECRET_TEXT);
    expect(log.map((d) => d.decisionText)).not.toContain(DRAFT_TEXT);
    expect((await get(`/api/v1/decisions`)).statusCode).toBe(401);
  });
});

describe('NAVET_PUBLIC_DECISIONS=0', () => {
  const off = useTestApp({ publicDecisions: false });
  it('keeps decisions, protokoll and the feed for signed-in users', async () => {
    for (const url of [
      '/api/v1/public/decisions',
      '/api/v1/feeds/decisions.atom',
      `/api/v1/public/meetings/${justerat}/minutes?format=pdf`,
    ]) {
      expect((await off.request({ method: 'GET', url })).statusCode, url).toBe(401);
    }
    const s = await off.newUser();
    expect((await off.request({ method: 'GET', url: '/api/v1/public/decisions', as: s })).statusCode).toBe(200);
  });
});
