import { recordAudit } from '../../platform/audit/record.js';
import type { Ctx } from '../../platform/context.js';
import type { Db } from '../../platform/db/index.js';
import { conflict } from '../../platform/errors.js';
import { assertMinutesOpen } from './assert-open.js';
import './audit.js';
import * as minutesRepo from './minutes-repository.js';
import { loadParagraph } from './policy.js';
import * as repo from './repository.js';

/** Only the forum's latest paragraph of the year can be removed (numbers stay gapless). */
export async function deleteParagraph(db: Db, ctx: Ctx, id: string) {
  return db.transaction(async (tx) => {
    const { paragraph: p, meeting } = await loadParagraph(tx, ctx, id, 'manage');
    assertMinutesOpen(meeting);
    const last = await minutesRepo.lockSequence(tx, p.groupId, p.year);
    if (last !== p.number || !(await minutesRepo.releaseParagraphNumber(tx, p.groupId, p.year, p.number))) {
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
