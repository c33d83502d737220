/**
 * Pure rules for putting cases on an agenda, in the case lifecycle's words (the case module
 * owns that lifecycle; these are the meetings module's questions to it).
 */
import { WITHDRAWABLE_TO } from '../../cases/index.js';

/** The status a case is in when a forum is to decide it. */
export const FOR_BESLUT = 'for-beslut';

/** Case statuses from which a case can be put forward to a forum (för beslut). */
const READY: readonly string[] = ['under-beredning', 'aterremitterad', 'bordlagd', FOR_BESLUT];

export const readyForAgenda = (caseStatus: string): boolean => READY.includes(caseStatus);

export const isForBeslut = (caseStatus: string | null | undefined): boolean => caseStatus === FOR_BESLUT;

/**
 * Where a case taken off this agenda goes back to: the status it had before this agenda put it
 * forward, when that is one a case can go back to and it is still för beslut; otherwise nowhere.
 */
export function wayBack(item: { caseStatus: string | null; caseStatusBefore: string | null }) {
  const before = item.caseStatusBefore;
  if (!before || !(WITHDRAWABLE_TO as readonly string[]).includes(before) || !isForBeslut(item.caseStatus)) return null;
  return before as (typeof WITHDRAWABLE_TO)[number];
}

/** Whether another open agenda item of the case should now carry the way back (it has none of its own). */
export const needsWayBack = (caseStatusBefore: string | null): boolean => !caseStatusBefore || isForBeslut(caseStatusBefore);
