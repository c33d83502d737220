import type { Static } from 'typebox';
import type { Ctx } from '../../platform/context.js';
import type { Db } from '../../platform/db/index.js';
import { changeCaseStatus } from './change-case-status.js';
import type { CloseBody } from './schemas.js';

export type CloseCaseInput = Omit<Static<typeof CloseBody>, 'version'>;

/**
 * How a case is closed (avslutas), the last step of its lifecycle:
 *
 * - **From where.** A case is closed when its decision has been carried out (beslutad or under
 *   genomförande → avslutad), or written off before it reached a forum (registrerad or under
 *   beredning → avslutad) — then with a reason, because no decision says why. A case that is
 *   "för beslut", återremitterad or bordlagd belongs to a forum and cannot be closed (422).
 * - **Guard.** Every action item (åtgärdspunkt) must be done: 422 names how many are open.
 * - **Who.** Whoever may handle the region's cases (`cases.handle`, the policy in policy.ts).
 * - **Version.** From the version the caller last saw; a second close of a closed case is a 409
 *   that says the case is already closed.
 * - **What it writes.** The status, a history row with the reason, a typed audit event
 *   (`case.transition`), in one transaction. A closed case is final: it takes no new action
 *   items, documents or edits.
 *
 * The rules are the `close` action of the declaration in rules/lifecycle.ts; the transaction is
 * transition-case.ts. This is `POST /api/v1/cases/{id}/close`, the same as the transition with
 * `action: "close"`.
 */
export async function closeCase(db: Db, ctx: Ctx, id: string, version: number, input: CloseCaseInput = {}) {
  await changeCaseStatus(db, ctx, id, version, {
    action: 'close',
    ...(input.reason !== undefined ? { reason: input.reason } : {}),
  });
}
