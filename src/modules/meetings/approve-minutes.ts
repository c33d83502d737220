import { clock } from '../../platform/clock.js';
import { recordAudit } from '../../platform/audit/record.js';
import type { Ctx } from '../../platform/context.js';
import type { Db, Queryable } from '../../platform/db/index.js';
import { conflict, forbidden, staleVersion, unprocessable } from '../../platform/errors.js';
import { addCaseAction } from '../cases/add-case-action.js';
import { transitionCase } from '../cases/transition-case.js';
import { notifyPersons } from '../notifications/notify.js';
import { assertVisible } from '../visible.js';
import { loadMeeting, onBehalfOfForum } from './access.js';
import * as repo from './repository.js';
import * as agendaRepo from './agenda-repository.js';
import * as minutesRepo from './minutes-repository.js';
import { caseStatusAfter, longSwedishDate, mayMoveMinutes, paragraphReference } from './rules/meeting.js';
import { meetingLink } from './update-meeting.js';

/** Names the adjusters (justerare) of draft minutes: one to three persons. */
export async function setAdjusters(db: Db, ctx: Ctx, meetingId: string, input: { personIds: string[]; version: number }) {
  const ids = [...new Set(input.personIds)];
  if (ids.length < 1 || ids.length > 3)
    throw unprocessable('Ange en till tre justerare.', [{ path: 'personIds', message: '1–3 personer' }]);
  return db.transaction(async (tx) => {
    const { meeting } = await loadMeeting(tx, ctx, meetingId, 'manage', { forUpdate: true });
    if (meeting.version !== input.version) throw staleVersion(meeting.version);
    if (meeting.minutes_status !== 'utkast') throw conflict('Justerarna kan bara ändras medan protokollet är ett utkast.');
    await assertVisible(tx, ctx, { person: ids }, { meeting: meetingId });
    const found = await repo.personsByIds(tx, ids);
    if (found.length !== ids.length)
      throw unprocessable('Någon av justerarna finns inte.', [{ path: 'personIds', message: 'okänd person' }]);
    const before = await minutesRepo.adjustersOf(tx, meetingId);
    await minutesRepo.setAdjusters(tx, meetingId, ids);
    await repo.touchMeeting(tx, meetingId);
    await recordAudit(tx, ctx, {
      entityType: 'meeting',
      entityId: meetingId,
      action: 'set-adjusters',
      before: before.map((a) => a.person_id),
      after: ids,
    });
  });
}

/** Sends the minutes for justering: the adjusters are told; the meeting counts as held. */
export async function submitMinutes(db: Db, ctx: Ctx, meetingId: string, input: { version: number }) {
  return db.transaction(async (tx) => {
    const { meeting } = await loadMeeting(tx, ctx, meetingId, 'manage', { forUpdate: true });
    if (meeting.version !== input.version) throw staleVersion(meeting.version);
    if (!mayMoveMinutes(meeting.minutes_status, 'for-justering')) throw conflict(`Protokollet är ${meeting.minutes_status}.`);
    if (meeting.status === 'installt') throw conflict('Mötet är inställt.');
    const paragraphs = await minutesRepo.paragraphsOf(tx, meetingId);
    const adjusters = await minutesRepo.adjustersOf(tx, meetingId);
    const errors = [
      ...(paragraphs.length ? [] : [{ path: 'paragraphs', message: 'protokollet har inga paragrafer' }]),
      ...(adjusters.length ? [] : [{ path: 'adjusters', message: 'ange minst en justerare' }]),
      ...paragraphs
        .filter((p) => p.decision_kind !== 'information' && !p.decision_text.trim())
        .map((p) => ({ path: `paragraphs/${p.number}`, message: `§ ${p.number} saknar beslutstext` })),
    ];
    if (errors.length) throw unprocessable(errors.map((e) => e.message).join('; '), errors);
    await minutesRepo.clearApprovals(tx, meetingId);
    await repo.updateMeetingRow(tx, meetingId, {
      minutes_status: 'for-justering',
      ...(meeting.status !== 'genomfort' ? { status: 'genomfort' } : {}),
    });
    const after = (await repo.getMeeting(tx, meetingId))!;
    await recordAudit(tx, ctx, {
      entityType: 'meeting',
      entityId: meetingId,
      action: 'submit-minutes',
      before: { minutesStatus: meeting.minutes_status, status: meeting.status },
      after: { minutesStatus: 'for-justering', status: after.status, adjusters: adjusters.map((a) => a.person_id) },
    });
    await notifyPersons(tx, {
      kind: 'minutes.ready-for-approval',
      personIds: adjusters.map((a) => a.person_id),
      title: `Protokoll att justera: ${meeting.group_name} ${longSwedishDate(meeting.meeting_date)}`,
      body: `Protokollet från ${meeting.group_name} ${longSwedishDate(meeting.meeting_date)} (§ ${paragraphs[0]!.number}–${paragraphs.at(-1)!.number}) väntar på din justering.`,
      link: meetingLink(meetingId),
      dedupeKey: `minutes-ready:${meetingId}:${after.version}`,
    });
    return after;
  });
}

/** Takes the minutes back to draft before everyone has approved; approvals given are cleared. */
export async function reopenMinutes(db: Db, ctx: Ctx, meetingId: string, input: { version: number }) {
  return db.transaction(async (tx) => {
    const { meeting } = await loadMeeting(tx, ctx, meetingId, 'manage', { forUpdate: true });
    if (meeting.version !== input.version) throw staleVersion(meeting.version);
    if (!mayMoveMinutes(meeting.minutes_status, 'utkast'))
      throw conflict(`Protokollet är ${meeting.minutes_status} och kan inte tas tillbaka.`);
    await minutesRepo.clearApprovals(tx, meetingId);
    await repo.updateMeetingRow(tx, meetingId, { minutes_status: 'utkast' });
    await recordAudit(tx, ctx, {
      entityType: 'meeting',
      entityId: meetingId,
      action: 'reopen-minutes',
      before: { minutesStatus: meeting.minutes_status },
      after: { minutesStatus: 'utkast' },
    });
    return (await repo.getMeeting(tx, meetingId))!;
  });
}

/** What approval makes final: the cases' statuses and their action items. */
async function finalise(tx: Queryable, ctx: Ctx, meeting: repo.MeetingRow) {
  const system = onBehalfOfForum(ctx, 'Justerat protokoll');
  const paragraphs = await minutesRepo.paragraphsOf(tx, meeting.id);
  const actions = await minutesRepo.actionsOf(
    tx,
    paragraphs.map((p) => p.id),
  );
  const decided: { caseId: string; status: string; reference: string }[] = [];
  for (const p of paragraphs) {
    if (!p.case_id) continue;
    const reference = paragraphReference(meeting.group_name, meeting.meeting_date, p.number);
    const to = caseStatusAfter(p.decision_kind);
    const c = await agendaRepo.getCaseRef(tx, p.case_id);
    if (to && c?.status === 'for-beslut') {
      await transitionCase(tx, system, p.case_id, to, {
        reason: to === 'beslutad' ? `Beslut ${reference}.` : `${p.decision_text || to} (${reference})`,
        forumGroupId: meeting.group_id,
        decisionRef: reference,
      });
      decided.push({ caseId: p.case_id, status: to, reference });
    }
    for (const a of actions.filter((x) => x.paragraph_id === p.id && !x.case_action_id)) {
      const made = await addCaseAction(tx, system, {
        caseId: p.case_id,
        title: a.title,
        ownerPersonId: a.owner_person_id,
        ownerName: a.owner_name,
        dueDate: a.due_date,
        source: { meetingId: meeting.id, paragraphId: p.id },
      });
      await minutesRepo.linkAction(tx, a.id, made.id);
    }
  }
  return decided;
}

/**
 * An adjuster approves. When the last one does, the minutes are locked for good, the
 * decisions become final (cases move on) and action items reach their cases. Justering happens
 * once per adjuster: a second approval is a 409, and concurrent approvals queue on the meeting
 * row, so exactly one of them succeeds (and, for the last adjuster, locks the minutes).
 */
export async function approveMinutes(db: Db, ctx: Ctx, meetingId: string) {
  return db.transaction(async (tx) => {
    const { meeting, access } = await loadMeeting(tx, ctx, meetingId, 'read', { forUpdate: true });
    const adjusters = await minutesRepo.adjustersOf(tx, meetingId);
    const me = adjusters.find((a) => a.person_id === access.personId);
    if (!me) throw forbidden('Bara de utsedda justerarna kan justera protokollet.');
    if (me.approved_at && meeting.minutes_status !== 'utkast') throw conflict('Du har redan justerat protokollet.');
    if (meeting.minutes_status !== 'for-justering')
      throw conflict(`Protokollet är ${meeting.minutes_status}, inte skickat för justering.`);
    await minutesRepo.approveAsAdjuster(tx, meetingId, me.person_id, ctx.actor!.userId);
    await recordAudit(tx, ctx, {
      entityType: 'meeting',
      entityId: meetingId,
      action: 'approve-minutes',
      after: { personId: me.person_id },
    });
    const remaining = (await minutesRepo.adjustersOf(tx, meetingId)).filter((a) => !a.approved_at);
    if (remaining.length) {
      await repo.touchMeeting(tx, meetingId);
      return { meeting: (await repo.getMeeting(tx, meetingId))!, locked: false };
    }
    await repo.updateMeetingRow(tx, meetingId, { minutes_status: 'justerat', minutes_locked_at: clock.now() });
    const decided = await finalise(tx, ctx, meeting);
    await recordAudit(tx, ctx, {
      entityType: 'meeting',
      entityId: meetingId,
      action: 'lock-minutes',
      before: { minutesStatus: 'for-justering' },
      after: { minutesStatus: 'justerat', decided },
    });
    const called = await repo.attendanceOf(tx, meetingId);
    await notifyPersons(tx, {
      kind: 'minutes.approved',
      personIds: called.map((a) => a.person_id),
      title: `Justerat protokoll: ${meeting.group_name} ${longSwedishDate(meeting.meeting_date)}`,
      body: `Protokollet från ${meeting.group_name} ${longSwedishDate(meeting.meeting_date)} är justerat.`,
      link: meetingLink(meetingId),
      dedupeKey: `minutes-approved:${meetingId}`,
    });
    return { meeting: (await repo.getMeeting(tx, meetingId))!, locked: true };
  });
}
