import type { Static } from 'typebox';
import { clock } from '../../platform/clock.js';
import { recordAudit } from '../../platform/audit/record.js';
import type { Ctx } from '../../platform/context.js';
import type { Db } from '../../platform/db/index.js';
import { unprocessable } from '../../platform/errors.js';
import { assertVisible } from '../visible.js';
import * as agendaRepo from './agenda-repository.js';
import { assertMinutesOpen } from './assert-open.js';
import './audit.js';
import { proposeJav } from './jav.js';
import * as minutesRepo from './minutes-repository.js';
import { loadMeeting } from './policy.js';
import * as repo from './repository.js';
import { checkDecisionType } from './rules/decision-types.js';
import { paragraphTooEarly } from './rules/lifecycle.js';
import type { ParagraphBody } from './schemas.js';

/**
 * Writes a new paragraph in the minutes. Its number is the forum's next for the meeting's
 * year (§ 1, § 2 …, no gaps even when two are written at once). Jäv is proposed from the
 * restrictions of those taking part, by the case's program areas and knowledge supports.
 */
export async function createParagraph(db: Db, ctx: Ctx, meetingId: string, input: Static<typeof ParagraphBody>) {
  return db.transaction(async (tx) => {
    const { meeting, group } = await loadMeeting(tx, ctx, meetingId, 'manage', { forUpdate: true });
    assertMinutesOpen(meeting);
    const early = paragraphTooEarly({ today: clock.today(), meetingDate: meeting.date });
    if (early) throw unprocessable(early.message, [early]);
    await assertVisible(tx, ctx, { 'agenda-item': input.agendaItemId, case: input.caseId }, { meeting: meetingId });
    let caseId = input.caseId ?? null;
    let title = input.title?.trim() ?? '';
    if (input.agendaItemId) {
      const item = (await agendaRepo.agendaOf(tx, meetingId)).find((a) => a.id === input.agendaItemId);
      if (!item)
        throw unprocessable('Punkten finns inte på mötets föredragningslista.', [
          { path: 'agendaItemId', message: 'okänd punkt' },
        ]);
      if (caseId && item.caseId && caseId !== item.caseId)
        throw unprocessable('Ärendet är ett annat än punktens.', [{ path: 'caseId', message: 'stämmer inte med punkten' }]);
      caseId = caseId ?? item.caseId;
      title = title || item.title;
    }
    const c = caseId ? await agendaRepo.getCaseRef(tx, caseId) : undefined;
    if (caseId && (!c || c.regionCode !== group.owner))
      throw unprocessable('Ärendet finns inte i forumets region.', [{ path: 'caseId', message: 'okänt ärende' }]);
    title = title || c?.subject || '';
    if (!title) throw unprocessable('Ange paragrafens rubrik.', [{ path: 'title', message: 'krävs' }]);
    const about = {
      programAreaIds: input.programAreaIds ?? c?.programAreaIds ?? [],
      knowledgeSupports: input.knowledgeSupports ?? c?.knowledgeSupports ?? [],
    };
    const typeRefused = checkDecisionType(input.decisionType ?? null, group, input.decisionKind ?? 'beslut');
    if (typeRefused) throw unprocessable(typeRefused, [{ path: 'decisionType', message: typeRefused }]);
    const year = Number(meeting.date.slice(0, 4));
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
      decisionType: input.decisionType ?? null,
      decisionText: input.decisionText?.trim() ?? '',
      ...about,
    });
    const jav = await proposeJav(tx, meeting, id, about);
    await repo.touchMeeting(tx, meetingId);
    await recordAudit(tx, ctx, {
      entityType: 'minutes-paragraph',
      entityId: id,
      action: 'create',
      after: {
        meetingId,
        number,
        year,
        caseId,
        title,
        decisionKind: input.decisionKind ?? 'beslut',
        decisionType: input.decisionType ?? null,
        proposedJav: jav,
      },
    });
    return id;
  });
}
