import type { Ctx } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/index.js';
import type { FieldError } from '../../platform/errors.js';
import { assertVisible } from '../visible.js';
import * as repo from './repository.js';

/**
 * A status's regional decision names what exists in Navet: the § of justerade minutes, the forum
 * and the case, each one the caller can see (else the GET's 404). A § fills the forum, case and
 * date left empty. Free text only for a decision taken outside Navet, and never beside a §.
 * Choosing a forum or a case clears the legacy free text it replaces (migration 0051).
 */
export async function checkDecision(
  tx: Queryable,
  ctx: Ctx,
  w: repo.StatusWrite,
  changed: { forum: boolean; case: boolean; paragraph: boolean },
): Promise<FieldError[]> {
  const errors: FieldError[] = [];
  // Only what this write names: an id saved earlier stays, whoever edits the other fields.
  await assertVisible(tx, ctx, {
    paragraph: changed.paragraph ? w.decisionParagraphId : null,
    group: changed.forum ? w.decisionForumId : null,
    case: changed.case ? w.decisionCaseId : null,
  });
  if (w.decisionElsewhere !== null) w.decisionElsewhere = w.decisionElsewhere.trim() || null;
  if (w.decisionParagraphId && w.decisionElsewhere) {
    errors.push({
      path: '/decisionElsewhere',
      message: 'Välj antingen en § i Navet eller ett beslut fattat utanför Navet, inte båda.',
    });
  }
  if (w.decisionParagraphId && changed.paragraph) {
    const p = await repo.decisionParagraph(tx, w.decisionParagraphId);
    if (p && !p.approved) {
      errors.push({ path: '/decisionParagraphId', message: 'Paragrafen finns inte i ett justerat protokoll.' });
    } else if (p) {
      w.decisionForumId ??= p.groupId;
      w.decisionCaseId ??= p.caseId;
      w.decisionDate ??= p.meetingDate;
      changed = { ...changed, forum: true, case: changed.case || p.caseId !== null };
    }
  }
  if (changed.forum && w.decisionForumId) w.legacyDecisionForum = null;
  if (changed.case && w.decisionCaseId) w.legacyDecisionCaseRef = null;
  return errors;
}
