import { defineLifecycle, isLocked } from '../../../platform/lifecycle/lifecycle.js';

/** The healthcare region's joint answer: samordnas (RPO compiles) → godkand (management group) → skickad. */
export const JOINT_STATUSES = ['samordnas', 'godkand', 'skickad'] as const;
export type JointStatus = (typeof JOINT_STATUSES)[number];
export const JOINT_ACTIONS = ['approve', 'send'] as const;
export type JointAction = (typeof JOINT_ACTIONS)[number];

export const JOINT_STATUS_LABELS: Record<JointStatus, string> = {
  samordnas: 'Samordnas',
  godkand: 'Godkänt',
  skickad: 'Skickat',
};

/** Today, and the date the request names (absent when only asking which actions are offered). */
export interface JointFacts {
  today: string;
  date?: { path: 'approvedOn' | 'sentOn'; value: string };
}

const notInFuture = (f: JointFacts) =>
  f.date && f.date.value > f.today ? { message: 'Datumet kan inte ligga i framtiden.', path: f.date.path } : null;

export const jointLifecycle = defineLifecycle<JointStatus, JointAction, JointFacts>({
  entity: 'consultation-joint-answer',
  noun: 'Det gemensamma svaret',
  statuses: JOINT_STATUSES,
  labels: JOINT_STATUS_LABELS,
  // An approved answer is not changed.
  locked: ['godkand'],
  final: ['skickad'],
  actions: {
    approve: {
      label: 'godkänna det gemensamma svaret',
      from: ['samordnas'],
      to: 'godkand',
      audit: 'approve',
      guard: notInFuture,
    },
    send: {
      label: 'markera det gemensamma svaret som skickat',
      from: ['godkand'],
      to: 'skickad',
      audit: 'send',
      guard: notInFuture,
    },
  },
});

export const isJointEditable = (s: JointStatus): boolean => !isLocked(jointLifecycle, s);
