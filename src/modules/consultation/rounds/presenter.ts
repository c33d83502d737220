import { roundPhase } from '../../knowledge/index.js';
import { allowedActions } from '../../../platform/lifecycle/index.js';
import { isRoundCancelled, roundLifecycle } from '../rules/round-lifecycle.js';
import type * as repo from './repository.js';

export const TRACK_LABELS = { synpunktsinhamtning: 'Synpunktsinhämtning', 'oppen-remiss': 'Öppen nationell remiss' } as const;

export function presentDocument(d: repo.DocumentRow) {
  return {
    id: d.id,
    roundId: d.round_id,
    kind: d.kind,
    title: d.title,
    url: d.url,
    fileName: d.file_name,
    mediaType: d.media_type,
    sizeBytes: d.size_bytes,
    sha256: d.sha256,
    downloadUrl: d.url ? null : `/api/v1/consultation-rounds/${d.round_id}/documents/${d.id}/content`,
    createdAt: d.created_at.toISOString(),
  };
}

export function presentRound(
  r: repo.RoundRow,
  today: string,
  recipients: repo.RecipientRow[] = [],
  documents: repo.DocumentRow[] = [],
  /** Whether the caller administers national rounds. */
  mayManage = false,
) {
  return {
    id: r.id,
    supportId: r.support_id,
    supportTitle: r.support_title,
    supportType: r.support_type,
    supportVersionId: r.support_version_id,
    versionLabel: r.version_label,
    track: r.track,
    trackLabel: TRACK_LABELS[r.track],
    opensOn: r.opens_on,
    closesOn: r.closes_on,
    status: r.status,
    phase: roundPhase({ opens: r.opens_on, closes: r.closes_on, cancelled: isRoundCancelled(r.status) }, today),
    title: r.title,
    sender: r.sender,
    proposedTrack: r.proposed_track,
    proposedOpensOn: r.proposed_opens_on,
    proposedClosesOn: r.proposed_closes_on,
    trackOverridden: r.track_overridden,
    datesOverridden: r.dates_overridden,
    overrideReason: r.override_reason,
    cancelReason: r.cancel_reason,
    recipients: recipients
      .filter((x) => x.round_id === r.id)
      .map((x) => ({ type: x.recipient_type, id: x.recipient_id, name: x.name })),
    documents: documents.filter((d) => d.round_id === r.id).map(presentDocument),
    isDemo: r.is_demo,
    allowedActions: allowedActions(roundLifecycle, r.status, {}, () => mayManage),
    mayEdit: mayManage && !isRoundCancelled(r.status),
    version: r.version,
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
  };
}

export const roundCore = (r: repo.RoundRow) => ({
  supportVersionId: r.support_version_id,
  track: r.track,
  opensOn: r.opens_on,
  closesOn: r.closes_on,
  status: r.status,
  title: r.title,
  sender: r.sender,
  proposedTrack: r.proposed_track,
  proposedOpensOn: r.proposed_opens_on,
  proposedClosesOn: r.proposed_closes_on,
  trackOverridden: r.track_overridden,
  datesOverridden: r.dates_overridden,
  overrideReason: r.override_reason,
  cancelReason: r.cancel_reason,
});
