import { clock } from '../../platform/clock.js';
import { isFinal } from '../../platform/lifecycle/index.js';
import { recordAudit } from '../../platform/audit/record.js';
import { requireActor } from '../../platform/auth/policy.js';
import type { Ctx } from '../../platform/context.js';
import type { Db, Queryable } from '../../platform/db/index.js';
import { forbidden } from '../../platform/errors.js';
import { addCaseAction } from '../cases/index.js';
import { transitionCase } from '../cases/index.js';
import { notifyPersons } from '../notifications/index.js';
import * as agendaRepo from './agenda-repository.js';
import './audit.js';
import { minutesFacts } from './minutes-facts.js';
import * as minutesRepo from './minutes-repository.js';
import { assertMayMeeting, meetingAccess, onBehalfOfForum } from './policy.js';
import * as repo from './repository.js';
import { isForBeslut } from './rules/agenda.js';
import { minutesLifecycle } from './rules/lifecycle.js';
import type { MinutesStatus } from './rules/meeting.js';
import { caseStatusAfter, longSwedishDate, meetingLink, paragraphReference } from './rules/meeting.js';
import { asMinutes, runMeetingTransition } from './transition.js';

/** What approval makes final: the cases' statuses and their action items. */
async function finalise(tx: Queryable, ctx: Ctx, meeting: Omit<repo.MeetingRecord, 'status'>) {
  const system = onBehalfOfForum(ctx, 'Justerat protokoll');
  const paragraphs = await minutesRepo.paragraphsOf(tx, meeting.id);
  const actions = await minutesRepo.actionsOf(
    tx,
    paragraphs.map((p) => p.id),
  );
  const decided: { caseId: string; status: string; reference: string }[] = [];
  for (const p of paragraphs) {
    if (!p.caseId) continue;
    const reference = paragraphReference(meeting.forumName, meeting.date, p.number);
    const to = caseStatusAfter(p.decisionKind);
    const c = await agendaRepo.getCaseRef(tx, p.caseId);
    if (to && isForBeslut(c?.status)) {
      await transitionCase(tx, system, p.caseId, to, {
        reason: to === 'beslutad' ? `Beslut ${reference}.` : `${p.decisionText || to} (${reference})`,
        forumGroupId: meeting.forumId,
        decisionRef: reference,
      });
      decided.push({ caseId: p.caseId, status: to, reference });
    }
    for (const a of actions.filter((x) => x.paragraphId === p.id && !x.caseActionId)) {
      const made = await addCaseAction(tx, system, {
        caseId: p.caseId,
        title: a.title,
        ownerPersonId: a.ownerPersonId,
        ownerName: a.ownName,
        dueDate: a.dueDate,
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
  requireActor(ctx.actor);
  const userId = ctx.actor.userId;
  return db.transaction(async (tx) => {
    let personId = '';
    const details: { personId?: string } = {};
    const {
      row: meeting,
      from,
      to,
    } = await runMeetingTransition(tx, ctx, minutesLifecycle, {
      id: meetingId,
      action: 'approve',
      lock: async (t) => asMinutes(await repo.getMeeting(t, meetingId, { forUpdate: true })),
      authorize: async (t, m) => {
        const { access } = await meetingAccess(t, ctx, m);
        assertMayMeeting(access, 'read');
        const me = (await minutesRepo.adjustersOf(t, meetingId)).find((a) => a.personId === access.personId);
        if (!me) throw forbidden('Bara de utsedda justerarna kan justera protokollet.');
        personId = me.personId;
        details.personId = personId;
      },
      facts: async (t, m) => {
        const { adjusters: _, ...facts } = await minutesFacts(t, m, personId);
        return { ...facts, problems: [] };
      },
      auditDetails: details,
      apply: async (t, _m, next) => {
        await minutesRepo.approveAsAdjuster(t, meetingId, personId, userId, clock.now());
        if (isFinal(minutesLifecycle, next))
          await repo.updateMeetingRow(t, meetingId, { minutesStatus: next, minutesLockedAt: clock.now() });
        else await repo.touchMeeting(t, meetingId);
        return (await repo.getMeeting(t, meetingId))!;
      },
    });
    return completeJustering(tx, ctx, meeting, from, to);
  });
}

/**
 * After an adjuster's justering (in person or recorded from paper): when it was the last, the
 * minutes are locked, the decisions become final and those called are told.
 */
export async function completeJustering(
  tx: Queryable,
  ctx: Ctx,
  meeting: Omit<repo.MeetingRecord, 'status'>,
  from: MinutesStatus,
  to: MinutesStatus,
) {
  const meetingId = meeting.id;
  if (!isFinal(minutesLifecycle, to)) return { meeting: (await repo.getMeeting(tx, meetingId))!, locked: false };
  const decided = await finalise(tx, ctx, meeting);
  await recordAudit(tx, ctx, {
    entityType: 'meeting',
    entityId: meetingId,
    action: 'lock-minutes',
    before: { minutesStatus: from },
    after: { minutesStatus: to, decided },
  });
  const called = await repo.attendanceOf(tx, meetingId);
  await notifyPersons(tx, {
    kind: 'minutes.approved',
    personIds: called.map((a) => a.personId),
    title: `Justerat protokoll: ${meeting.forumName} ${longSwedishDate(meeting.date)}`,
    body: `Protokollet från ${meeting.forumName} ${longSwedishDate(meeting.date)} är justerat.`,
    link: meetingLink(meetingId),
    dedupeKey: `minutes-approved:${meetingId}`,
  });
  return { meeting: (await repo.getMeeting(tx, meetingId))!, locked: true };
}
