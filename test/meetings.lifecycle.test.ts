/**
 * The meeting's and minutes' lifecycles through the use cases on a real database (no HTTP):
 * every move runs through runTransition with its audit event, an action the status does not
 * offer is a 409, and the detail offers exactly what the declarations and the policy allow.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { addAgendaItem } from '../src/modules/meetings/add-agenda-item.js';
import { approveMinutes } from '../src/modules/meetings/approve-minutes.js';
import { approveMinutesOnPaper } from '../src/modules/meetings/approve-minutes-on-paper.js';
import { minutesDoc } from '../src/modules/meetings/minutes-document.js';
import { transitionCase } from '../src/modules/cases/index.js';
import { setClock } from '../src/platform/clock.js';
import { cancelMeeting } from '../src/modules/meetings/cancel-meeting.js';
import { createMeeting } from '../src/modules/meetings/create-meeting.js';
import { holdMeeting } from '../src/modules/meetings/hold-meeting.js';
import { readMeeting } from '../src/modules/meetings/read-meeting.js';
import { reopenMinutes } from '../src/modules/meetings/reopen-minutes.js';
import { sendNotice } from '../src/modules/meetings/send-notice.js';
import { setAdjusters } from '../src/modules/meetings/set-adjusters.js';
import { submitMinutes } from '../src/modules/meetings/submit-minutes.js';
import { createParagraph } from '../src/modules/meetings/write-paragraph.js';
import { systemCtx, type Ctx } from '../src/platform/context.js';
import { buildCase, buildForumMember, buildGroup, buildPerson, buildUser } from '../src/testing/builders.js';
import { useClock } from './helpers/clock.js';
import { useTestApp } from './helpers/app.js';

const t = useTestApp();
// After the meetings below: minutes are written and justerade from the meeting's day.
useClock('2027-06-30');
const keeper = systemCtx('keeper');
let forumId: string;
let chair: Ctx;
let chairPersonId: string;
let memberCtx: Ctx;

const audit = async (id: string) =>
  (
    await t.db.query<{ action: string; before: unknown; after: { status?: string } | null }>(
      "SELECT action, before, after FROM audit_events WHERE entity_type = 'meeting' AND entity_id = $1 ORDER BY id",
      [id],
    )
  ).map((r) => r.action);
const status = (e: unknown) => (e as { status?: number }).status;

beforeAll(async () => {
  forumId = (await buildGroup(t.db, { kind: 'council', level: 'region', owner: '10', name: 'Kunskapsrådet livscykel' })).id;
  const email = 'ordf-livscykel@example.se';
  chairPersonId = (await buildForumMember(t.db, { groupId: forumId, role: 'ordforande', email, name: 'Olle Ordförande' })).id;
  const user = await buildUser(t.db, { email, name: 'Olle Ordförande' });
  chair = { requestId: 'chair', actor: { userId: user.id, email, name: 'Olle Ordförande', roles: [], via: 'session' } };
  const memberEmail = 'ledamot-livscykel@example.se';
  await buildForumMember(t.db, { groupId: forumId, role: 'ledamot', email: memberEmail });
  const member = await buildUser(t.db, { email: memberEmail });
  memberCtx = {
    requestId: 'member',
    actor: { userId: member.id, email: memberEmail, name: 'Ledamot', roles: [], via: 'session' },
  };
});

describe('the meeting lifecycle', () => {
  it('offers notice, hold and cancel to the keeper and nothing to a member; a held meeting is final', async () => {
    const m = await createMeeting(t.db, keeper, forumId, { date: '2027-03-10' });
    expect((await readMeeting(t.db, keeper, m.id)).allowedActions).toEqual(['notice', 'hold', 'cancel']);
    expect((await readMeeting(t.db, memberCtx, m.id)).allowedActions).toEqual([]);
    const called = await sendNotice(t.db, keeper, m.id, { version: m.version });
    expect(called.status).toBe('kallat');
    const held = await holdMeeting(t.db, keeper, m.id, { version: called.version });
    expect(held.status).toBe('genomfort');
    expect((await readMeeting(t.db, keeper, m.id)).allowedActions).toEqual([]);
    // Nothing leaves a held meeting: a 409 that changes nothing.
    const refused = await cancelMeeting(t.db, keeper, m.id, { reason: 'För sent', version: held.version }).catch((e) => e);
    expect(status(refused)).toBe(409);
    expect(await audit(m.id)).toEqual(['create', 'notice', 'hold']);
  });

  it('answers 401 to a caller who is not signed in, before telling whether the meeting exists', async () => {
    const m = await createMeeting(t.db, keeper, forumId, { date: '2027-06-09' });
    const anonymous = { requestId: 'anon', actor: undefined };
    expect(status(await sendNotice(t.db, anonymous, m.id, { version: m.version }).catch((e) => e))).toBe(401);
    expect(status(await submitMinutes(t.db, anonymous, m.id, { version: m.version }).catch((e) => e))).toBe(401);
    expect(status(await approveMinutes(t.db, anonymous, m.id).catch((e) => e))).toBe(401);
  });

  it('cancels only with a reason and only a meeting without minutes', async () => {
    const m = await createMeeting(t.db, keeper, forumId, { date: '2027-04-14' });
    expect(status(await cancelMeeting(t.db, keeper, m.id, { reason: '  ', version: m.version }).catch((e) => e))).toBe(422);
    await createParagraph(t.db, keeper, m.id, { title: 'Information', decisionKind: 'information' });
    const withMinutes = (await readMeeting(t.db, keeper, m.id)).meeting;
    expect((await readMeeting(t.db, keeper, m.id)).allowedActions).not.toContain('cancel');
    expect(
      status(
        await cancelMeeting(t.db, keeper, m.id, { reason: 'Inget att ta upp', version: withMinutes.version }).catch((e) => e),
      ),
    ).toBe(409);
    expect(await audit(m.id)).toEqual(['create']);
  });
});

describe('the minutes lifecycle', () => {
  it('sends, takes back, sends again and locks with the last approval; the meeting counts as held', async () => {
    const m = await createMeeting(t.db, keeper, forumId, { date: '2027-05-19' });
    await createParagraph(t.db, keeper, m.id, { title: 'Information om läget', decisionKind: 'information' });
    let d = await readMeeting(t.db, keeper, m.id);
    // No adjuster yet: sending is not offered, and refused with the field that is missing.
    expect(d.minutes.allowedActions).toEqual([]);
    const refused = await submitMinutes(t.db, keeper, m.id, { version: d.meeting.version }).catch((e) => e);
    expect(status(refused)).toBe(422);
    expect((refused as { errors?: { path: string }[] }).errors?.[0]?.path).toBe('adjusters');
    await setAdjusters(t.db, keeper, m.id, { personIds: [chairPersonId], version: d.meeting.version });
    d = await readMeeting(t.db, keeper, m.id);
    expect(d.minutes.allowedActions).toEqual(['submit']);
    expect(status(await approveMinutes(t.db, chair, m.id).catch((e) => e))).toBe(409); // not sent yet
    const sent = await submitMinutes(t.db, keeper, m.id, { version: d.meeting.version });
    expect(sent).toMatchObject({ minutesStatus: 'for-justering', status: 'genomfort' });
    expect(d.permissions.editMinutes).toBe(true);
    expect((await readMeeting(t.db, keeper, m.id)).permissions.editMinutes).toBe(false);
    expect((await readMeeting(t.db, chair, m.id)).minutes.allowedActions).toEqual(['approve']);
    expect((await readMeeting(t.db, keeper, m.id)).minutes.allowedActions).toEqual(['reopen', 'approve-on-paper']);
    const back = await reopenMinutes(t.db, keeper, m.id, { version: sent.version });
    expect(back.minutesStatus).toBe('utkast');
    const again = await submitMinutes(t.db, keeper, m.id, { version: back.version });
    const approved = await approveMinutes(t.db, chair, m.id);
    expect(approved.locked).toBe(true);
    expect(approved.meeting.minutesStatus).toBe('justerat');
    expect(status(await approveMinutes(t.db, chair, m.id).catch((e) => e))).toBe(409);
    expect(status(await reopenMinutes(t.db, keeper, m.id, { version: approved.meeting.version }).catch((e) => e))).toBe(409);
    const final = await readMeeting(t.db, keeper, m.id);
    expect(final.minutes).toMatchObject({ final: true, allowedActions: [] });
    expect(again.version).toBeLessThan(approved.meeting.version);
    expect(await audit(m.id)).toEqual([
      'create',
      'set-adjusters',
      'submit-minutes',
      'hold',
      'reopen-minutes',
      'submit-minutes',
      'approve-minutes',
      'lock-minutes',
    ]);
  });
});

describe('the minutes follow the meeting day, the agenda and paper justering', () => {
  it('writes no § and sends nothing for justering before the meeting day', async () => {
    const m = await createMeeting(t.db, keeper, forumId, { date: '2027-07-14' }); // the clock says 2027-06-30
    const early = await createParagraph(t.db, keeper, m.id, { title: 'Information', decisionKind: 'information' }).catch(
      (e) => e,
    );
    expect(status(early)).toBe(422);
    expect((early as Error).message).toBe('Mötet hålls 2027-07-14; paragrafer skrivs från mötesdagen.');
    const d = await readMeeting(t.db, keeper, m.id);
    expect(d.minutes.problems[0]).toEqual({
      path: 'meetingDate',
      message: 'Mötet hålls 2027-07-14; protokollet kan inte justeras före mötesdagen.',
    });
    setClock('2027-07-14');
    try {
      await createParagraph(t.db, keeper, m.id, { title: 'Information', decisionKind: 'information' });
      const on = await readMeeting(t.db, keeper, m.id);
      await setAdjusters(t.db, keeper, m.id, { personIds: [chairPersonId], version: on.meeting.version });
      expect((await readMeeting(t.db, keeper, m.id)).minutes).toMatchObject({ allowedActions: ['submit'], problems: [] });
    } finally {
      setClock('2027-06-30');
    }
  });

  it('keeps minutes with an item för beslut but no § from justering, naming the item', async () => {
    const m = await createMeeting(t.db, keeper, forumId, { date: '2027-06-16' });
    const c = await buildCase(t.db, { region: '10', subject: 'Regional riktlinje för sepsis' });
    await t.db.transaction((tx) => transitionCase(tx, systemCtx(), c.id, 'under-beredning'));
    await addAgendaItem(t.db, keeper, m.id, { caseId: c.id });
    await createParagraph(t.db, keeper, m.id, { title: 'Information om läget', decisionKind: 'information' });
    let d = await readMeeting(t.db, keeper, m.id);
    await setAdjusters(t.db, keeper, m.id, { personIds: [chairPersonId], version: d.meeting.version });
    d = await readMeeting(t.db, keeper, m.id);
    const item = d.agenda.find((a) => a.caseId === c.id)!;
    const message = `punkt ${item.position} "Regional riktlinje för sepsis" är för beslut men saknar paragraf (skriv en § eller ta bort punkten)`;
    expect(d.minutes.problems).toEqual([{ path: `agenda/${item.position}`, message }]);
    expect(d.minutes.allowedActions).toEqual([]);
    const refused = await submitMinutes(t.db, keeper, m.id, { version: d.meeting.version }).catch((e) => e);
    expect(status(refused)).toBe(422);
    expect((refused as Error).message).toBe(message);
    await createParagraph(t.db, keeper, m.id, { agendaItemId: item.id, decisionText: 'Riktlinjen fastställs.' });
    d = await readMeeting(t.db, keeper, m.id);
    expect(d.minutes).toMatchObject({ allowedActions: ['submit'], problems: [] });
  });

  it('lets the secretary record a justering on paper with its date, audited and shown in the protokoll', async () => {
    const m = await createMeeting(t.db, keeper, forumId, { date: '2027-06-09' });
    await createParagraph(t.db, keeper, m.id, { title: 'Information om läget', decisionKind: 'information' });
    const paper = await buildPerson(t.db, { name: 'Greta Pappersjusterare' }); // no account
    const email = 'sekr-papper@example.se';
    await buildForumMember(t.db, { groupId: forumId, role: 'sekreterare', email, name: 'Sara Sekreterare' });
    const user = await buildUser(t.db, { email, name: 'Sara Sekreterare' });
    const secretary: Ctx = {
      requestId: 'sekr',
      actor: { userId: user.id, email, name: 'Sara Sekreterare', roles: [], via: 'session' },
    };
    let d = await readMeeting(t.db, keeper, m.id);
    await setAdjusters(t.db, keeper, m.id, { personIds: [chairPersonId, paper.id], version: d.meeting.version });
    d = await readMeeting(t.db, keeper, m.id);
    const sent = await submitMinutes(t.db, keeper, m.id, { version: d.meeting.version });
    const adjuster = (await readMeeting(t.db, keeper, m.id)).adjusters.find((a) => a.personId === paper.id)!;
    expect(adjuster).toMatchObject({ hasAccount: false, approvedAt: null, signedOnPaper: null });
    const onPaper = (signedOn: string, as: Ctx = secretary, version = sent.version) =>
      approveMinutesOnPaper(t.db, as, m.id, { personId: paper.id, signedOn, version }).catch((e) => e);
    // The day signed: from the meeting's day to today (2027-06-30), and only the forum's keepers record it.
    expect(status(await onPaper('2027-06-08'))).toBe(422);
    expect(status(await onPaper('2027-07-01'))).toBe(422);
    expect(status(await onPaper('2027-06-20', memberCtx))).toBe(403);
    expect(status(await onPaper('2027-06-20', secretary, sent.version - 1))).toBe(409);
    const first = await onPaper('2027-06-20');
    expect(first.locked).toBe(false);
    expect(status(await onPaper('2027-06-21', secretary, first.meeting.version))).toBe(409); // already signed
    const [event] = await t.db.query<{ after: Record<string, unknown> }>(
      "SELECT after FROM audit_events WHERE entity_id = $1 AND action = 'approve-minutes-on-paper'",
      [m.id],
    );
    expect(event!.after).toMatchObject({
      status: 'for-justering',
      action: 'approve-on-paper',
      personId: paper.id,
      personName: 'Greta Pappersjusterare',
      signedOn: '2027-06-20',
    });
    const approved = await approveMinutes(t.db, chair, m.id);
    expect(approved.locked).toBe(true);
    const after = await readMeeting(t.db, keeper, m.id);
    expect(after.adjusters.find((a) => a.personId === paper.id)).toMatchObject({
      signedOnPaper: '2027-06-20',
      recordedBy: 'Sara Sekreterare',
    });
    expect(after.minutes.allowedActions).toEqual([]);
    const doc = await minutesDoc(t.db, approved.meeting);
    expect(doc.footer[0]).toMatch(/Greta Pappersjusterare \(justerat på papper 2027-06-20, registrerat av .+\)/);
    expect(doc.footer[0]).toContain('Olle Ordförande (justerat 2027-06-30)');
  });
});
