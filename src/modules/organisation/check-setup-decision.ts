import type { Ctx } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/index.js';
import { unprocessable } from '../../platform/errors.js';
import { assertVisible } from '../visible.js';
import * as repo from './repository.js';
import { checkSetupDecision } from './rules/setup-decision.js';

/**
 * A group that the seeds say is set up by decision (an LAG in Region Blekinge, seed 002; a
 * working group in Region Jönköpings län, seed 000) names that decision when it is created:
 * a § of justerade minutes of a deciding group the caller can see, or a decision taken outside
 * Navet as text. 422 in Swedish naming what is missing.
 */
export async function checkGroupSetup(tx: Queryable, ctx: Ctx, g: repo.GroupWrite): Promise<void> {
  const paragraphId = g.setupParagraphId ?? null;
  if (paragraphId) await assertVisible(tx, ctx, { paragraph: paragraphId });
  const paragraph = paragraphId ? ((await repo.setupParagraph(tx, paragraphId)) ?? null) : null;
  const parent = g.parentGroupId ? ((await repo.getGroup(tx, g.parentGroupId)) ?? null) : null;
  const rule = await repo.setupRule(tx, g.owner, g.kind);
  const errors = checkSetupDecision(rule, parent, {
    paragraph,
    paragraphMissing: paragraphId !== null && paragraph === null,
    elsewhere: g.setupElsewhere ?? null,
    hostConsultation: g.hostConsultation ?? null,
  });
  if (errors.length) throw unprocessable(errors.map((e) => e.message).join(' '), errors);
}
