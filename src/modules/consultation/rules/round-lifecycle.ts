import { defineLifecycle, isFinal } from '../../../platform/lifecycle/lifecycle.js';

/** A national consultation round: active until cancelled (with a reason); a cancelled round is not changed. */
export const ROUND_STATUSES = ['aktiv', 'avbruten'] as const;
export type RoundStatus = (typeof ROUND_STATUSES)[number];
export type RoundAction = 'cancel';

export const roundLifecycle = defineLifecycle<RoundStatus, RoundAction>({
  entity: 'consultation-round',
  noun: 'Remissomgången',
  statuses: ROUND_STATUSES,
  labels: { aktiv: 'aktiv', avbruten: 'avbruten' },
  final: ['avbruten'],
  actions: { cancel: { label: 'avbryta omgången', from: ['aktiv'], to: 'avbruten', audit: 'cancel', reason: true } },
});

export const isRoundCancelled = (s: RoundStatus): boolean => isFinal(roundLifecycle, s);

/**
 * The knowledge support version's statuses a round may consult (the knowledge module's
 * lifecycle): one under development or revision, or one already on remiss.
 */
export const ON_REMISS = 'pa-remiss';
export const CONSULTABLE_VERSION_STATUSES: readonly string[] = [ON_REMISS, 'under-framtagande', 'under-revision'];
export const isOnRemiss = (versionStatus: string): boolean => versionStatus === ON_REMISS;
