import type { Queryable } from '../../platform/db/index.js';
import * as minutesRepo from './minutes-repository.js';
import * as repo from './repository.js';
import { isAbsent, isPresent, matchingRestrictions } from './rules/meeting.js';

/** Those taking part in the meeting's decisions: present (or, before attendance is taken, called or members). */
async function participants(tx: Queryable, m: repo.MeetingRecord): Promise<string[]> {
  const attendance = await repo.attendanceOf(tx, m.id);
  if (attendance.some((a) => isPresent(a.status))) return attendance.filter((a) => isPresent(a.status)).map((a) => a.personId);
  if (attendance.length) return attendance.filter((a) => !isAbsent(a.status)).map((a) => a.personId);
  return (await repo.activeMembers(tx, m.forumId, m.date)).map((a) => a.personId);
}

/** Proposes jäv from the declarations' restrictions; overrides already decided are kept. */
export async function proposeJav(
  tx: Queryable,
  m: repo.MeetingRecord,
  paragraphId: string,
  about: { programAreaIds: string[]; knowledgeSupports: string[] },
) {
  await minutesRepo.clearProposedRecusals(tx, paragraphId);
  const kept = new Set((await minutesRepo.participationOf(tx, [paragraphId])).map((r) => r.personId));
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
