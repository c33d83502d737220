import { recordAudit } from '../../platform/audit/record.js';
import type { Ctx } from '../../platform/context.js';
import type { Db, Queryable } from '../../platform/db/index.js';
import { conflict, notFound, staleVersion, unprocessable } from '../../platform/errors.js';
import { assertVisible } from '../visible.js';
import { loadMeeting } from './access.js';
import * as repo from './repository.js';
import * as agendaRepo from './agenda-repository.js';
import * as minutesRepo from './minutes-repository.js';
import { matchingRestrictions, type DecisionKind } from './rules/meeting.js';

export interface ParagraphInput {
  agendaItemId?: string;
  caseId?: string;
  title?: string;
  decisionKind?: DecisionKind;
  decisionText?: string;
  programAreaIds?: string[];
  knowledgeSupports?: string[];
}

function assertMinutesOpen(m: repo.MeetingRow) {
  if (m.status === 'installt') throw conflict('Mötet är inställt.');
  if (m.minutes_status === 'justerat')
    throw conflict('Protokollet är justerat och kan inte ändras. En rättelse blir en ny paragraf vid ett senare möte.');
  if (m.minutes_status !== 'utkast') throw conflict('Protokollet är skickat för justering; ta tillbaka det för att ändra.');
}

/** Those taking part in the meeting's decisions: present (or, before attendance is taken, called or members). */
async function participants(tx: Queryable, m: repo.MeetingRow): Promise<string[]> {
  const attendance = await repo.attendanceOf(tx, m.id);
  if (attendance.some((a) => a.status === 'narvarande'))
    return attendance.filter((a) => a.status === 'narvarande').map((a) => a.person_id);
  if (attendance.length) return attendance.filter((a) => a.status !== 'franvarande').map((a) => a.person_id);
  return (await repo.activeMembers(tx, m.group_id, m.meeting_date)).map((a) => a.person_id);
}

/** Proposes jäv from the declarations' restrictions; overrides already decided are kept. */
async function proposeJav(
  tx: Queryable,
  m: repo.MeetingRow,
  paragraphId: string,
  about: { programAreaIds: string[]; knowledgeSupports: string[] },
) {
  await minutesRepo.clearProposedRecusals(tx, paragraphId);
  const kept = new Set((await minutesRepo.participationOf(tx, [paragraphId])).map((r) => r.person_id));
  const ids = await participants(tx, m);
  const restrictions = await repo.restrictionsOf(tx, ids);
  const proposed: { personId: string; note: string }[] = [];
  for (const id of ids) {
    if (kept.has(id)) continue;
    const hits = matchingRestrictions(restrictions.get(id) ?? [], about);
    if (!hits.length) continue;
    const note = hits.map((h) => h.note).join('; ');
    await minutesRepo.setParticipation(tx, {
      paragraphId,
      personId: id,
      takesPart: false,
      restrictionNote: note,
      overrideReason: null,
    });
    proposed.push({ personId: id, note });
  }
  return proposed;
}

/**
 * Writes a new paragraph in the minutes. Its number is the forum's next for the meeting's
 * year (§ 1, § 2 …, no gaps even when two are written at once). Jäv is proposed from the
 * restrictions of those taking part, by the case's program areas and knowledge supports.
 */
export async function createParagraph(db: Db, ctx: Ctx, meetingId: string, input: ParagraphInput) {
  return db.transaction(async (tx) => {
    const { meeting, group } = await loadMeeting(tx, ctx, meetingId, 'manage', { forUpdate: true });
    assertMinutesOpen(meeting);
    await assertVisible(tx, ctx, { 'agenda-item': input.agendaItemId, case: input.caseId }, { meeting: meetingId });
    let caseId = input.caseId ?? null;
    let title = input.title?.trim() ?? '';
    if (input.agendaItemId) {
      const item = (await agendaRepo.agendaOf(tx, meetingId)).find((a) => a.id === input.agendaItemId);
      if (!item)
        throw unprocessable('Punkten finns inte på mötets föredragningslista.', [
          { path: 'agendaItemId', message: 'okänd punkt' },
        ]);
      if (caseId && item.case_id && caseId !== item.case_id)
        throw unprocessable('Ärendet är ett annat än punktens.', [{ path: 'caseId', message: 'stämmer inte med punkten' }]);
      caseId = caseId ?? item.case_id;
      title = title || item.title;
    }
    const c = caseId ? await agendaRepo.getCaseRef(tx, caseId) : undefined;
    if (caseId && (!c || c.region_code !== group.owner))
      throw unprocessable('Ärendet finns inte i forumets region.', [{ path: 'caseId', message: 'okänt ärende' }]);
    title = title || c?.subject || '';
    if (!title) throw unprocessable('Ange paragrafens rubrik.', [{ path: 'title', message: 'krävs' }]);
    const about = {
      programAreaIds: input.programAreaIds ?? c?.program_area_ids ?? [],
      knowledgeSupports: input.knowledgeSupports ?? c?.knowledge_supports ?? [],
    };
    const year = Number(meeting.meeting_date.slice(0, 4));
    const number = await minutesRepo.nextParagraphNumber(tx, group.id, year);
    const id = await minutesRepo.insertParagraph(tx, {
      meetingId,
      groupId: group.id,
      year,
      number,
      agendaItemId: input.agendaItemId ?? null,
      caseId,
      title,
      decisionKind: input.decisionKind ?? 'beslut',
      decisionText: input.decisionText?.trim() ?? '',
      ...about,
    });
    const jav = await proposeJav(tx, meeting, id, about);
    await repo.touchMeeting(tx, meetingId);
    await recordAudit(tx, ctx, {
      entityType: 'minutes-paragraph',
      entityId: id,
      action: 'create',
      after: { meetingId, number, year, caseId, title, decisionKind: input.decisionKind ?? 'beslut', proposedJav: jav },
    });
    return id;
  });
}

export async function loadParagraph(tx: Queryable, ctx: Ctx, id: string, need: 'read' | 'manage') {
  const p = await minutesRepo.getParagraph(tx, id);
  if (!p) throw notFound('Paragrafen');
  const loaded = await loadMeeting(tx, ctx, p.meeting_id, need, { forUpdate: need === 'manage' });
  return { paragraph: p, ...loaded };
}

/** Changes a paragraph of draft minutes; jäv is proposed again when the subject changed. */
export async function updateParagraph(
  db: Db,
  ctx: Ctx,
  id: string,
  input: {
    title?: string;
    decisionKind?: DecisionKind;
    decisionText?: string;
    programAreaIds?: string[];
    knowledgeSupports?: string[];
    version: number;
  },
) {
  return db.transaction(async (tx) => {
    const { paragraph: p, meeting } = await loadParagraph(tx, ctx, id, 'manage');
    assertMinutesOpen(meeting);
    if (p.version !== input.version) throw staleVersion(p.version);
    const next = {
      title: input.title?.trim() || p.title,
      decisionKind: input.decisionKind ?? p.decision_kind,
      decisionText: input.decisionText === undefined ? p.decision_text : input.decisionText.trim(),
      programAreaIds: input.programAreaIds ?? p.program_area_ids,
      knowledgeSupports: input.knowledgeSupports ?? p.knowledge_supports,
    };
    if (!(await minutesRepo.updateParagraphRow(tx, id, input.version, next))) throw staleVersion(p.version + 1);
    const subjectChanged = input.programAreaIds !== undefined || input.knowledgeSupports !== undefined;
    const jav = subjectChanged ? await proposeJav(tx, meeting, id, next) : undefined;
    await repo.touchMeeting(tx, meeting.id);
    await recordAudit(tx, ctx, {
      entityType: 'minutes-paragraph',
      entityId: id,
      action: 'update',
      before: { title: p.title, decisionKind: p.decision_kind, decisionText: p.decision_text },
      after: { ...next, ...(jav ? { proposedJav: jav } : {}) },
    });
  });
}

/** Only the forum's latest paragraph of the year can be removed (numbers stay gapless). */
export async function deleteParagraph(db: Db, ctx: Ctx, id: string) {
  return db.transaction(async (tx) => {
    const { paragraph: p, meeting } = await loadParagraph(tx, ctx, id, 'manage');
    assertMinutesOpen(meeting);
    const last = await minutesRepo.lockSequence(tx, p.group_id, p.year);
    if (last !== p.number || !(await minutesRepo.releaseParagraphNumber(tx, p.group_id, p.year, p.number))) {
      throw conflict(
        `§ ${p.number} är inte forumets senaste paragraf ${p.year}; ändra texten i stället, så att numreringen inte får luckor.`,
      );
    }
    await minutesRepo.deleteParagraph(tx, id);
    await repo.touchMeeting(tx, meeting.id);
    await recordAudit(tx, ctx, {
      entityType: 'minutes-paragraph',
      entityId: id,
      action: 'delete',
      before: { number: p.number, year: p.year, title: p.title },
    });
  });
}

/**
 * Records whether a person takes part in a paragraph's decision. Marking someone with a
 * relevant restriction as taking part needs an override reason, audited as such.
 */
export async function setParticipation(
  db: Db,
  ctx: Ctx,
  id: string,
  personId: string,
  input: { takesPart: boolean; overrideReason?: string },
) {
  return db.transaction(async (tx) => {
    const { paragraph: p, meeting } = await loadParagraph(tx, ctx, id, 'manage');
    assertMinutesOpen(meeting);
    const [person] = await repo.personsByIds(tx, [personId]);
    if (!person) throw notFound('Personen');
    const hits = matchingRestrictions((await repo.restrictionsOf(tx, [personId])).get(personId) ?? [], {
      programAreaIds: p.program_area_ids,
      knowledgeSupports: p.knowledge_supports,
    });
    const note = hits.map((h) => h.note).join('; ') || null;
    const reason = input.overrideReason?.trim() || null;
    if (input.takesPart && hits.length && !reason) {
      throw unprocessable(
        `${person.name} har en jävsbegränsning som gäller paragrafen (${note}). Ange skälet om hen ändå ska delta.`,
        [{ path: 'overrideReason', message: 'krävs för att delta trots jävsbegränsning' }],
      );
    }
    const override = input.takesPart && hits.length > 0;
    await minutesRepo.setParticipation(tx, {
      paragraphId: id,
      personId,
      takesPart: input.takesPart,
      restrictionNote: note ?? (input.takesPart ? null : 'Anmält jäv'),
      overrideReason: override ? reason : input.takesPart ? null : reason,
    });
    await repo.touchMeeting(tx, meeting.id);
    await recordAudit(tx, ctx, {
      entityType: 'minutes-paragraph',
      entityId: id,
      action: override ? 'jav-override' : 'participation',
      after: { personId, takesPart: input.takesPart, restriction: note, overrideReason: reason },
    });
  });
}

/** An action item in a paragraph about a case; it reaches the case when the minutes are approved. */
export async function addParagraphAction(
  db: Db,
  ctx: Ctx,
  id: string,
  input: { title: string; ownerPersonId?: string; ownerName?: string; dueDate?: string },
) {
  return db.transaction(async (tx) => {
    const { paragraph: p, meeting } = await loadParagraph(tx, ctx, id, 'manage');
    assertMinutesOpen(meeting);
    if (!p.case_id)
      throw unprocessable('Åtgärdspunkter hör till ett ärende; paragrafen gäller inget ärende.', [
        { path: 'caseId', message: 'paragrafen saknar ärende' },
      ]);
    const title = input.title.trim();
    if (!title) throw unprocessable('Ange vad som ska göras.', [{ path: 'title', message: 'krävs' }]);
    if (!input.ownerPersonId && !input.ownerName?.trim())
      throw unprocessable('Ange en ansvarig.', [{ path: 'ownerPersonId', message: 'ansvarig krävs' }]);
    await assertVisible(tx, ctx, { person: input.ownerPersonId }, { meeting: meeting.id });
    if (input.ownerPersonId && !(await repo.personsByIds(tx, [input.ownerPersonId])).length) {
      throw unprocessable('Den ansvariga personen finns inte.', [{ path: 'ownerPersonId', message: 'okänd person' }]);
    }
    const actionId = await minutesRepo.insertAction(tx, {
      paragraphId: id,
      title,
      ownerPersonId: input.ownerPersonId ?? null,
      ownerName: input.ownerName?.trim() || null,
      dueDate: input.dueDate ?? null,
    });
    await repo.touchMeeting(tx, meeting.id);
    await recordAudit(tx, ctx, {
      entityType: 'minutes-paragraph',
      entityId: id,
      action: 'add-action',
      after: { actionId, ...input },
    });
    return actionId;
  });
}
