/**
 * The remissvar's document model from what the caller may read: the answer (or joint answer),
 * its contact person and who signs it. Signatures name the decision forum's chair on the
 * decision day and the contact person; a name that is not known leaves a line to fill in.
 */
import { todayInSweden } from '../../../platform/clock.js';
import type { Ctx } from '../../../platform/context.js';
import type { Db } from '../../../platform/db/index.js';
import { readAnswer } from '../read-answers.js';
import * as repo from '../repository.js';
import { JOINT_STATUS_LABELS } from '../rules/joint-lifecycle.js';
import { STATUS_LABELS } from '../rules/answer-lifecycle.js';
import type { AnswerDocument } from './answer-document.js';

const chairTitle = (group: string | null | undefined) => (group ? `Ordförande, ${group}` : 'Ordförande');

export async function readAnswerDocument(db: Db, ctx: Ctx, id: string): Promise<AnswerDocument> {
  const a = await readAnswer(db, ctx, id);
  const today = todayInSweden();
  const [handler, coordinators, chair] = await Promise.all([
    repo.caseHandlerName(db, a.caseId),
    repo.coordinatorsOf(db, a.region),
    a.decisionGroup ? repo.chairOf(db, a.decisionGroup.id, a.decidedOn ?? today) : Promise.resolve(null),
  ]);
  const contact = handler ?? coordinators[0]?.name ?? null;
  return {
    issuer: a.regionName,
    kind: 'Remissvar',
    title: `Remissvar: ${a.round?.title ?? ''}`,
    diarienummer: a.diarienummer,
    caseNumber: a.caseNumber,
    date: a.sentOn ?? a.decidedOn ?? today,
    decisionRef: a.decisionRef,
    decidedOn: a.decidedOn,
    statusLabel: STATUS_LABELS[a.status],
    roundTitle: a.round?.title ?? '',
    sender: a.round?.sender ?? '',
    closesOn: a.round?.closesOn ?? '',
    contact,
    sections: a.sections,
    signatures: [
      { name: chair, title: chairTitle(a.decisionGroup?.name), date: a.decidedOn },
      { name: contact, title: handler ? 'Handläggare' : 'Samordnare', date: a.sentOn },
    ],
  };
}

/** The joint answer's model; `read` is the route's presented joint answer (what the caller may see). */
export async function jointAnswerDocument(
  db: Db,
  j: {
    healthcareRegionName: string;
    round: { title: string; sender: string; closesOn: string } | null;
    approvalRef: string | null;
    approvedOn: string | null;
    sentOn: string | null;
    status: keyof typeof JOINT_STATUS_LABELS;
    coordinatingGroup: { id: string; name: string | null };
    approvingGroup: { id: string; name: string | null };
    sections: { heading: string; body: string }[];
  },
): Promise<AnswerDocument> {
  const today = todayInSweden();
  const [chair, coordinator] = await Promise.all([
    repo.chairOf(db, j.approvingGroup.id, j.approvedOn ?? today),
    repo.chairOf(db, j.coordinatingGroup.id, today),
  ]);
  return {
    issuer: j.healthcareRegionName,
    kind: 'Gemensamt remissvar',
    title: `Gemensamt remissvar: ${j.round?.title ?? ''}`,
    diarienummer: null,
    caseNumber: null,
    date: j.sentOn ?? j.approvedOn ?? today,
    decisionRef: j.approvalRef,
    decidedOn: j.approvedOn,
    statusLabel: JOINT_STATUS_LABELS[j.status],
    roundTitle: j.round?.title ?? '',
    sender: j.round?.sender ?? '',
    closesOn: j.round?.closesOn ?? '',
    contact: coordinator,
    sections: j.sections,
    signatures: [
      { name: chair, title: chairTitle(j.approvingGroup.name), date: j.approvedOn },
      { name: coordinator, title: chairTitle(j.coordinatingGroup.name), date: j.sentOn },
    ],
  };
}
