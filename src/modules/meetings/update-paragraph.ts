import type { Static } from 'typebox';
import { recordAudit } from '../../platform/audit/record.js';
import type { Ctx } from '../../platform/context.js';
import type { Db } from '../../platform/db/index.js';
import { staleVersion, unprocessable } from '../../platform/errors.js';
import { assertMinutesOpen } from './assert-open.js';
import './audit.js';
import { proposeJav } from './jav.js';
import * as minutesRepo from './minutes-repository.js';
import { loadParagraph } from './policy.js';
import * as repo from './repository.js';
import { checkDecisionType } from './rules/decision-types.js';
import type { ParagraphPatch } from './schemas.js';

/** Changes a paragraph of draft minutes; jäv is proposed again when the subject changed. */
export async function updateParagraph(db: Db, ctx: Ctx, id: string, input: Static<typeof ParagraphPatch>) {
  return db.transaction(async (tx) => {
    const { paragraph: p, meeting, group } = await loadParagraph(tx, ctx, id, 'manage');
    assertMinutesOpen(meeting);
    if (p.version !== input.version) throw staleVersion(p.version);
    const next = {
      title: input.title?.trim() || p.title,
      decisionKind: input.decisionKind ?? p.decisionKind,
      decisionType: input.decisionType !== undefined ? input.decisionType : p.decisionType,
      decisionText: input.decisionText === undefined ? p.decisionText : input.decisionText.trim(),
      programAreaIds: input.programAreaIds ?? p.programAreaIds,
      knowledgeSupports: input.knowledgeSupports ?? p.knowledgeSupports,
    };
    const typeRefused = checkDecisionType(next.decisionType, group, next.decisionKind);
    if (typeRefused) throw unprocessable(typeRefused, [{ path: 'decisionType', message: typeRefused }]);
    if (!(await minutesRepo.updateParagraphRow(tx, id, input.version, next))) throw staleVersion(p.version + 1);
    const subjectChanged = input.programAreaIds !== undefined || input.knowledgeSupports !== undefined;
    const jav = subjectChanged ? await proposeJav(tx, meeting, id, next) : undefined;
    await repo.touchMeeting(tx, meeting.id);
    await recordAudit(tx, ctx, {
      entityType: 'minutes-paragraph',
      entityId: id,
      action: 'update',
      before: { title: p.title, decisionKind: p.decisionKind, decisionType: p.decisionType, decisionText: p.decisionText },
      after: { ...next, ...(jav ? { proposedJav: jav } : {}) },
    });
  });
}
