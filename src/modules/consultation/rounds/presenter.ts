import { roundPhase } from '../../knowledge/index.js';
import { allowedActions } from '../../../platform/lifecycle/index.js';
import { isRoundCancelled, roundLifecycle } from '../rules/round-lifecycle.js';
import type * as repo from './repository.js';

import { roundSteps, TRACK_LABELS, trackOf, type EnteredStep } from '../rules/tracks.js';

export { TRACK_LABELS };

/** A document as the API shows it: an upload (no link) gets its download address. */
export const presentDocument = (d: repo.DocumentRow) => ({
  ...d,
  downloadUrl: d.url ? null : `/api/v1/consultation-rounds/${d.roundId}/documents/${d.id}/content`,
});

/**
 * A round as the API shows it: its phase and track label counted for today, its recipients and
 * documents, and what the caller may do with it.
 */
export function presentRound(
  r: repo.RoundRow,
  today: string,
  recipients: repo.RecipientRow[] = [],
  documents: repo.DocumentRow[] = [],
  /** Whether the caller administers national rounds. */
  mayManage = false,
  steps: (EnteredStep & { roundId: string })[] = [],
) {
  const entered = steps.filter((s) => s.roundId === r.id);
  return {
    ...r,
    trackLabel: TRACK_LABELS[r.track],
    trackAgency: trackOf(r.track)?.agency ?? '',
    steps: roundSteps(r.track, r, entered, today),
    phase: roundPhase({ opens: r.opensOn, closes: r.closesOn, cancelled: isRoundCancelled(r.status) }, today),
    recipients: recipients.filter((x) => x.roundId === r.id).map(({ roundId: _, ...x }) => x),
    documents: documents.filter((d) => d.roundId === r.id).map(presentDocument),
    allowedActions: allowedActions(roundLifecycle, r.status, {}, () => mayManage),
    mayEdit: mayManage && !isRoundCancelled(r.status),
  };
}

/** The round's own choices, the ones the audit trail records. */
export const roundCore = (r: repo.RoundRow) => ({
  supportVersionId: r.supportVersionId,
  track: r.track,
  opensOn: r.opensOn,
  closesOn: r.closesOn,
  status: r.status,
  title: r.title,
  sender: r.sender,
  proposedTrack: r.proposedTrack,
  proposedOpensOn: r.proposedOpensOn,
  proposedClosesOn: r.proposedClosesOn,
  trackOverridden: r.trackOverridden,
  datesOverridden: r.datesOverridden,
  overrideReason: r.overrideReason,
  cancelReason: r.cancelReason,
});
