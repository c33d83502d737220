/** The healthcare region's joint answer: samordnas (RPO compiles) → godkand (management group) → skickad. */
export const JOINT_STATUSES = ['samordnas', 'godkand', 'skickad'] as const;
export type JointStatus = (typeof JOINT_STATUSES)[number];
export type JointAction = 'approve' | 'send';

const NEXT: Record<JointStatus, Partial<Record<JointAction, JointStatus>>> = {
  samordnas: { approve: 'godkand' },
  godkand: { send: 'skickad' },
  skickad: {},
};

export const JOINT_STATUS_LABELS: Record<JointStatus, string> = {
  samordnas: 'Samordnas',
  godkand: 'Godkänt',
  skickad: 'Skickat',
};

export function jointTransition(
  from: JointStatus,
  action: JointAction,
): { ok: true; to: JointStatus } | { ok: false; message: string } {
  const to = NEXT[from][action];
  if (to) return { ok: true, to };
  const what = action === 'approve' ? 'godkänna' : 'markera som skickat';
  return {
    ok: false,
    message: `Det går inte att ${what} det gemensamma svaret när det har status "${JOINT_STATUS_LABELS[from]}".${
      from !== 'samordnas' ? ' Ett godkänt svar ändras inte.' : ''
    }`,
  };
}

export const isJointEditable = (s: JointStatus): boolean => s === 'samordnas';
