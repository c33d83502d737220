import type { Ctx } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/index.js';
import * as decisionRepo from './decision-repository.js';
import { minutesDoc } from './minutes-document.js';
import { toDocx, toPdf } from './minutes-render.js';
import { assertMayReadPublicMinutes, assertPublicMinutes } from './policy.js';
import * as repo from './repository.js';

/**
 * Insyn: a justerat protokoll as PDF or DOCX for anyone, the paragraphs about secret cases
 * masked. A meeting whose minutes are not justerade (or no meeting) is 404: before justering
 * nothing of the minutes is public. Signed-in readers get the same public document here.
 */
export async function downloadPublicMinutes(
  db: Queryable,
  ctx: Ctx,
  meetingId: string,
  format: 'pdf' | 'docx',
  opts: { publicDecisions: boolean },
) {
  assertMayReadPublicMinutes(ctx.actor, opts.publicDecisions);
  const meeting = await repo.getMeeting(db, meetingId);
  assertPublicMinutes(meeting);
  const doc = await minutesDoc(db, meeting, undefined, {
    secretParagraphs: await decisionRepo.secretParagraphIds(db, meeting.id),
  });
  return {
    fileName: `${doc.fileBase}.${format}`,
    body: format === 'pdf' ? await toPdf(doc) : await toDocx(doc),
  };
}
