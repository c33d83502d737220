import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkTransition } from '../src/modules/cases/rules/lifecycle.js';
import { transitionCase } from '../src/modules/cases/transition-case.js';
import { systemCtx } from '../src/platform/context.js';
import { buildCase, buildForumMember, buildGroup, buildLpo, buildUser } from '../src/testing/builders.js';
import { problem, useTestApp, type Session } from './helpers/app.js';
import { useClock } from './helpers/clock.js';

/**
 * Taking a case off an agenda gives back what the agenda did ("för beslut"), and the follow-up
 * report of a group attached to an agenda item as a stored snapshot (issue 7).
 */
const t = useTestApp();

let forumId: string;
let lpoId: string;
let secretary: Session;
let member: Session;
let outsider: Session;
let otherRegion: Session;
let registrar: Session;

const get = (url: string, as: Session) => t.request({ method: 'GET', url, as });
const post = (url: string, payload: Record<string, unknown>, as: Session = secretary) =>
  t.request({ method: 'POST', url, payload, as });
const del = (url: string, as: Session = secretary) => t.request({ method: 'DELETE', url, as });
const caseOf = async (id: string) => (await get(`/api/v1/cases/${id}`, registrar)).json();
const meetingOf = async (id: string, as: Session = secretary) => (await get(`/api/v1/meetings/${id}`, as)).json();
const audits = (entityId: string, action: string) =>
  t.db.query<{ before: unknown; after: unknown; actor_label: string }>(
    'SELECT before, after, actor_label FROM audit_events WHERE entity_id = $1 AND action = $2 ORDER BY id',
    [entityId, action],
  );

async function caseIn(status: 'under-beredning' | 'aterremitterad' | 'bordlagd' | 'for-beslut', subject: string) {
  const c = await buildCase(t.db, { region: '10', subject });
  await t.db.transaction(async (tx) => {
    await transitionCase(tx, systemCtx(), c.id, 'under-beredning');
    if (status === 'under-beredning') return;
    await transitionCase(tx, systemCtx(), c.id, 'for-beslut', { forumGroupId: forumId });
    if (status === 'for-beslut') return;
    await transitionCase(tx, systemCtx(), c.id, status, { reason: 'Mer underlag behövs.' });
  });
  return c;
}

async function newMeeting(date: string) {
  const res = await post(`/api/v1/forums/${forumId}/meetings`, { date });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ id: string; version: number }>();
}

async function putOnAgenda(meetingId: string, caseId: string) {
  const res = await post(`/api/v1/meetings/${meetingId}/agenda`, { caseId });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
}

beforeAll(async () => {
  forumId = (await buildGroup(t.db, { kind: 'council', level: 'region', owner: '10', name: 'Kunskapsrådet Blekinge' })).id;
  lpoId = (await buildLpo(t.db, { region: '10', programAreaId: 'hjart-och-karlsjukdomar', name: 'LPO Hjärta Blekinge' })).id;
  const sek = await buildForumMember(t.db, { groupId: forumId, role: 'sekreterare', name: 'Sara Sekreterare' });
  const led = await buildForumMember(t.db, { groupId: forumId, role: 'ledamot', name: 'Leo Ledamot' });
  await buildUser(t.db, { email: sek.email!, name: 'Sara Sekreterare' });
  await buildUser(t.db, { email: led.email! });
  secretary = await t.login(sek.email!);
  member = await t.login(led.email!);
  outsider = await t.newUser();
  otherRegion = await t.newUser([{ role: 'samordnare', scopeType: 'region', scopeId: '08' }]);
  registrar = await t.newUser([{ role: 'registrator', scopeType: 'region', scopeId: '10' }]);
});

describe('the way back from för beslut (pure rule)', () => {
  it('is open only when withdrawing from an agenda, and only to a status before för beslut', () => {
    const facts = { openActions: 0, withdrawal: true } as const;
    expect(checkTransition({ from: 'for-beslut', to: 'under-beredning', openActions: 0 }).ok).toBe(false);
    for (const to of ['under-beredning', 'aterremitterad', 'bordlagd'] as const) {
      expect(checkTransition({ from: 'for-beslut', to, ...facts })).toEqual({ ok: true });
    }
    expect(checkTransition({ from: 'for-beslut', to: 'registrerad', ...facts }).ok).toBe(false);
    expect(checkTransition({ from: 'beslutad', to: 'under-beredning', ...facts })).toMatchObject({
      ok: false,
      message: 'Ett ärende med status beslutad kan inte tas tillbaka till under beredning.',
    });
    expect(checkTransition({ from: 'avslutad', to: 'under-beredning', ...facts })).toMatchObject({ ok: false, kind: 'conflict' });
  });
});

describe('taking a case off the agenda', () => {
  it('moves a case the agenda put forward back to under beredning, in the history and the audit trail', async () => {
    const c = await caseIn('under-beredning', 'Vårdförlopp höftfraktur');
    const m = await newMeeting('2027-02-17');
    const itemId = await putOnAgenda(m.id, c.id);
    expect((await caseOf(c.id)).status).toBe('for-beslut');

    expect((await del(`/api/v1/meetings/${m.id}/agenda/${itemId}`)).statusCode).toBe(204);
    expect((await caseOf(c.id)).status).toBe('under-beredning');
    expect((await meetingOf(m.id)).candidateCases.map((x: { id: string }) => x.id)).toContain(c.id);

    const history = (await get(`/api/v1/cases/${c.id}/transitions`, registrar)).json().items as {
      from: string;
      to: string;
      reason: string | null;
    }[];
    expect(history.at(-1)).toMatchObject({
      from: 'for-beslut',
      to: 'under-beredning',
      reason: 'Borttaget från föredragningslistan till Kunskapsrådet Blekinge 2027-02-17.',
    });
    const [transition] = (await audits(c.id, 'transition')).slice(-1);
    expect(transition!.after).toMatchObject({ status: 'under-beredning', withdrawnFromAgenda: true });
    expect(transition!.actor_label).toContain('Föredragningslista (Sara Sekreterare)');
    const [removal] = await audits(m.id, 'remove-agenda-item');
    expect(removal!.before).toMatchObject({ itemId, caseId: c.id, caseStatus: 'for-beslut' });
    expect(removal!.after).toEqual({ caseStatus: 'under-beredning' });
  });

  it('gives a återremitterad or bordlagd case its own status back', async () => {
    for (const status of ['aterremitterad', 'bordlagd'] as const) {
      const c = await caseIn(status, `Ärende som var ${status}`);
      const m = await newMeeting('2027-03-24');
      const itemId = await putOnAgenda(m.id, c.id);
      expect((await caseOf(c.id)).status).toBe('for-beslut');
      expect((await del(`/api/v1/meetings/${m.id}/agenda/${itemId}`)).statusCode).toBe(204);
      expect((await caseOf(c.id)).status).toBe(status);
    }
  });

  it('leaves a case that was already för beslut as it is', async () => {
    const c = await caseIn('for-beslut', 'Redan framlagt ärende');
    const m = await newMeeting('2027-04-21');
    const itemId = await putOnAgenda(m.id, c.id);
    const before = (await caseOf(c.id)).version;
    expect((await del(`/api/v1/meetings/${m.id}/agenda/${itemId}`)).statusCode).toBe(204);
    const after = await caseOf(c.id);
    expect(after.status).toBe('for-beslut');
    expect(after.version).toBe(before);
  });

  it('keeps a case för beslut while another open agenda holds it, and lets that agenda give it back', async () => {
    const c = await caseIn('under-beredning', 'Ärende på två möten');
    const a = await newMeeting('2027-05-19');
    const b = await newMeeting('2027-06-16');
    const onA = await putOnAgenda(a.id, c.id);
    const onB = await putOnAgenda(b.id, c.id);
    expect((await del(`/api/v1/meetings/${a.id}/agenda/${onA}`)).statusCode).toBe(204);
    expect((await caseOf(c.id)).status).toBe('for-beslut');
    expect((await del(`/api/v1/meetings/${b.id}/agenda/${onB}`)).statusCode).toBe(204);
    expect((await caseOf(c.id)).status).toBe('under-beredning');
  });

  it('migration 0019 finds the status before for items put on an agenda earlier, from the case history', async () => {
    const c = await caseIn('bordlagd', 'Ärende från före migreringen');
    const m = await newMeeting('2027-08-18');
    const itemId = await putOnAgenda(m.id, c.id);
    await t.db.query('UPDATE agenda_items SET case_status_before = NULL WHERE id = $1', [itemId]);
    const sql = readFileSync(new URL('../migrations/0019_meeting_attachments.sql', import.meta.url), 'utf8');
    const backfill = /UPDATE agenda_items a SET case_status_before[\s\S]*?WHERE a\.case_id IS NOT NULL;/.exec(sql)![0];
    await t.db.query(backfill);
    const [row] = await t.db.query<{ case_status_before: string }>('SELECT case_status_before FROM agenda_items WHERE id = $1', [
      itemId,
    ]);
    expect(row!.case_status_before).toBe('bordlagd');
    expect((await del(`/api/v1/meetings/${m.id}/agenda/${itemId}`)).statusCode).toBe(204);
    expect((await caseOf(c.id)).status).toBe('bordlagd');
  });

  it('refuses a member who does not keep the agenda, and changes nothing', async () => {
    const c = await caseIn('under-beredning', 'Ärende som ledamoten inte får ta bort');
    const m = await newMeeting('2027-08-25');
    const itemId = await putOnAgenda(m.id, c.id);
    expect(problem(await del(`/api/v1/meetings/${m.id}/agenda/${itemId}`, member)).status).toBe(403);
    expect(problem(await del(`/api/v1/meetings/${m.id}/agenda/${itemId}`, outsider)).status).toBe(404);
    expect((await caseOf(c.id)).status).toBe('for-beslut');
    expect(await audits(m.id, 'remove-agenda-item')).toEqual([]);
  });
});

describe('the follow-up report attached to an agenda item', () => {
  // On the meeting's day: its minutes are written and justerade below (no § before the day).
  useClock('2027-09-22');
  let m: { id: string; version: number };
  let standingId: string;

  beforeAll(async () => {
    m = await newMeeting('2027-09-22');
    const detail = await meetingOf(m.id);
    standingId = detail.agenda.find((a: { kind: string }) => a.kind === 'standing').id;
    expect(detail.reportGroups.map((g: { id: string }) => g.id)).toContain(lpoId);
  });

  it('stores a PDF snapshot with its checksum, lists it on the meeting and serves it intact', async () => {
    const res = await post(`/api/v1/meetings/${m.id}/attachments`, { agendaItemId: standingId, groupId: lpoId, format: 'pdf' });
    expect(res.statusCode, res.body).toBe(201);
    const a = res.json();
    expect(a).toMatchObject({
      agendaItemId: standingId,
      kind: 'followup-report',
      groupId: lpoId,
      groupName: 'LPO Hjärta Blekinge',
      title: 'Uppföljningsrapport – LPO Hjärta Blekinge',
      format: 'pdf',
      createdBy: 'Sara Sekreterare',
    });
    expect(a.fileName).toMatch(/^Uppföljningsrapport – LPO Hjärta Blekinge \d{4}-\d{2}-\d{2}\.pdf$/);

    // Members read the meeting and download the snapshot; the bytes match the stored checksum.
    const listed = (await meetingOf(m.id, member)).attachments;
    expect(listed).toEqual([a]);
    expect((await meetingOf(m.id, member)).reportGroups).toEqual([]);
    const file = await get(a.href, member);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('application/pdf');
    expect(file.headers['content-disposition']).toContain("filename*=UTF-8''Uppf%C3%B6ljningsrapport");
    expect(file.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect(createHash('sha256').update(file.rawPayload).digest('hex')).toBe(a.sha256);
    expect(file.rawPayload.length).toBe(a.sizeBytes);
    expect(file.headers['repr-digest']).toBe(`sha-256=:${Buffer.from(a.sha256, 'hex').toString('base64')}:`);

    const [audit] = await audits(a.id, 'create');
    expect(audit!.after).toMatchObject({ meetingId: m.id, groupId: lpoId, format: 'pdf', sha256: a.sha256 });
  });

  it('stores a DOCX snapshot that opens as a Word document with the report title', async () => {
    const res = await post(`/api/v1/meetings/${m.id}/attachments`, {
      agendaItemId: standingId,
      groupId: lpoId,
      format: 'docx',
    });
    expect(res.statusCode, res.body).toBe(201);
    const file = await get(res.json().href, member);
    const zip = await JSZip.loadAsync(file.rawPayload);
    expect(await zip.file('word/document.xml')!.async('string')).toContain('Uppföljningsrapport – LPO Hjärta Blekinge');
  });

  it('refuses an unknown item, a group of another region and a forum as report source', async () => {
    const otherLpo = (await buildLpo(t.db, { region: '08', programAreaId: 'akut-vard', name: 'LPO Akut Kalmar' })).id;
    const unknownItem = await post(`/api/v1/meetings/${m.id}/attachments`, {
      agendaItemId: '00000000-0000-4000-8000-000000000000',
      groupId: lpoId,
      format: 'pdf',
    });
    // An item not on this meeting's agenda, and another region's group, are not there for this page (404).
    expect(problem(unknownItem).status).toBe(404);
    const foreign = await post(`/api/v1/meetings/${m.id}/attachments`, {
      agendaItemId: standingId,
      groupId: otherLpo,
      format: 'pdf',
    });
    expect(problem(foreign).status).toBe(404);
    // A group the caller sees, but not one whose report can be attached.
    const wrong = await post(`/api/v1/meetings/${m.id}/attachments`, {
      agendaItemId: standingId,
      groupId: forumId,
      format: 'pdf',
    });
    expect(problem(wrong).status).toBe(422);
    expect(problem(wrong).body.errors?.[0]?.path).toBe('groupId');
  });

  it('lets only the forum keepers attach and remove; others cannot read the snapshot', async () => {
    const body = { agendaItemId: standingId, groupId: lpoId, format: 'pdf' };
    expect(problem(await post(`/api/v1/meetings/${m.id}/attachments`, body, member)).status).toBe(403);
    expect(problem(await post(`/api/v1/meetings/${m.id}/attachments`, body, outsider)).status).toBe(404);
    expect(problem(await post(`/api/v1/meetings/${m.id}/attachments`, body, otherRegion)).status).toBe(404);
    const [first] = (await meetingOf(m.id)).attachments as { id: string; href: string }[];
    expect(problem(await get(first!.href, outsider)).status).toBe(404);
    expect(problem(await del(`/api/v1/meeting-attachments/${first!.id}`, member)).status).toBe(403);
    expect((await meetingOf(m.id)).attachments).toHaveLength(2);
  });

  it('removes an attachment before justering (audited), and locks them once the minutes are approved', async () => {
    const detail = await meetingOf(m.id);
    const [first, second] = detail.attachments as { id: string; href: string }[];
    expect((await del(`/api/v1/meeting-attachments/${second!.id}`)).statusCode).toBe(204);
    expect((await audits(second!.id, 'delete')).length).toBe(1);
    expect((await meetingOf(m.id)).attachments.map((x: { id: string }) => x.id)).toEqual([first!.id]);

    // Minutes with one paragraph, the member as adjuster; the member approves, the minutes lock.
    const para = await post(`/api/v1/meetings/${m.id}/paragraphs`, {
      agendaItemId: standingId,
      decisionKind: 'information',
      decisionText: 'Rådet tar del av uppföljningsrapporten.',
    });
    expect(para.statusCode, para.body).toBe(201);
    const v1 = (await meetingOf(m.id)).meeting.version;
    const adj = await t.request({
      method: 'PUT',
      url: `/api/v1/meetings/${m.id}/adjusters`,
      payload: {
        personIds: [(await meetingOf(m.id)).members.find((x: { name: string }) => x.name === 'Leo Ledamot').personId],
        version: v1,
      },
      as: secretary,
    });
    expect(adj.statusCode, adj.body).toBe(204);
    const submitted = await post(`/api/v1/meetings/${m.id}/minutes/submit`, { version: (await meetingOf(m.id)).meeting.version });
    expect(submitted.statusCode, submitted.body).toBe(200);
    const approved = await t.request({ method: 'POST', url: `/api/v1/meetings/${m.id}/minutes/approve`, as: member });
    expect(approved.json().locked).toBe(true);

    const locked = await post(`/api/v1/meetings/${m.id}/attachments`, {
      agendaItemId: standingId,
      groupId: lpoId,
      format: 'pdf',
    });
    expect(problem(locked).status).toBe(409);
    expect(problem(locked).body.detail).toBe('Protokollet är justerat; mötets bilagor är låsta.');
    expect(problem(await del(`/api/v1/meeting-attachments/${first!.id}`)).status).toBe(409);
    expect((await meetingOf(m.id)).reportGroups).toEqual([]);
    // The snapshot stays downloadable after the minutes are locked.
    expect((await get(first!.href, member)).statusCode).toBe(200);
  });

  it('refuses to serve a snapshot whose bytes no longer match their checksum', async () => {
    const [a] = (await meetingOf(m.id)).attachments as { id: string; href: string }[];
    await t.db.query(
      `UPDATE meeting_attachments SET content = content || '\\x00'::bytea, size_bytes = size_bytes + 1 WHERE id = $1`,
      [a!.id],
    );
    const res = await get(a!.href, member);
    expect(problem(res).status).toBe(500);
    expect(problem(res).body.title).toBe('Bilagan är skadad');
  });
});
