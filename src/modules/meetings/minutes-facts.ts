import { clock } from '../../platform/clock.js';
import type { Queryable } from '../../platform/db/index.js';
import * as agendaRepo from './agenda-repository.js';
import * as minutesRepo from './minutes-repository.js';
import { isForBeslut } from './rules/agenda.js';
import { minutesProblems, type MinutesFacts } from './rules/lifecycle.js';
import type { MeetingStatus } from './rules/meeting.js';

/**
 * The facts the minutes' lifecycle reads, for one adjuster (the one approving, the one whose
 * paper justering is recorded, or the caller reading the page): what keeps the minutes from
 * being sent (paragraphs, adjusters, decision texts, items för beslut without a §), the meeting's
 * day against the product's today, and where that adjuster's justering stands.
 */
export async function minutesFacts(
  db: Queryable,
  meeting: { id: string; date: string; meetingStatus: MeetingStatus },
  adjusterPersonId: string | null,
): Promise<MinutesFacts & { adjusters: minutesRepo.AdjusterRecord[] }> {
  const [paragraphs, adjusters, agenda] = await Promise.all([
    minutesRepo.paragraphsOf(db, meeting.id),
    minutesRepo.adjustersOf(db, meeting.id),
    agendaRepo.agendaOf(db, meeting.id),
  ]);
  const mine = adjusters.find((a) => a.personId === adjusterPersonId);
  return {
    meetingStatus: meeting.meetingStatus,
    problems: minutesProblems(
      paragraphs.map((p) => ({
        number: p.number,
        decisionKind: p.decisionKind,
        decisionText: p.decisionText,
        agendaItemId: p.agendaItemId,
        caseId: p.caseId,
      })),
      adjusters.length,
      agenda.map((a) => ({
        id: a.id,
        position: a.position,
        title: a.title,
        caseId: a.caseId,
        forBeslut: isForBeslut(a.caseStatus),
      })),
    ),
    alreadyApproved: Boolean(mine?.approvedAt),
    othersPending: adjusters.filter((a) => a !== mine && !a.approvedAt).length,
    today: clock.today(),
    meetingDate: meeting.date,
    adjusters,
  };
}
