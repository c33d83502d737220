import type { Static } from 'typebox';
import { recordAudit } from '../../platform/audit/record.js';
import type { Ctx } from '../../platform/context.js';
import type { Db } from '../../platform/db/index.js';
import { unprocessable } from '../../platform/errors.js';
import { assertVisible } from '../visible.js';
import { assertMinutesOpen } from './assert-open.js';
import './audit.js';
import * as minutesRepo from './minutes-repository.js';
import { loadParagraph } from './policy.js';
import * as repo from './repository.js';
import type { ActionBody } from './schemas.js';

/** An action item in a paragraph about a case; it reaches the case when the minutes are approved. */
export async function addParagraphAction(db: Db, ctx: Ctx, id: string, input: Static<typeof ActionBody>) {
  return db.transaction(async (tx) => {
    const { paragraph: p, meeting } = await loadParagraph(tx, ctx, id, 'manage');
    assertMinutesOpen(meeting);
    if (!p.caseId)
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
      after: {
        actionId,
        title,
        ...(input.ownerPersonId ? { ownerPersonId: input.ownerPersonId } : {}),
        ...(input.ownerName ? { ownerName: input.ownerName } : {}),
        ...(input.dueDate ? { dueDate: input.dueDate } : {}),
      },
    });
    return actionId;
  });
}
