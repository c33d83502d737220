import { defineLifecycle } from '../../../platform/lifecycle/lifecycle.js';
import type { DeclarationStatus } from './membership.js';

/**
 * A jäv declaration's life: submitted, then a designated reviewer approves it, approves it with
 * restrictions (naming the program areas or knowledge supports concerned), or returns it for
 * completion with a comment. A review is final: the person declares anew instead.
 */
export type DeclarationAction = 'approve' | 'approve-with-restrictions' | 'return';

/** The review's facts: what the request names (null: not asked yet, as when offering the actions). */
export interface DeclarationReviewFacts {
  restrictions: number | null;
  comment: string | null;
  /** A restriction names a program area that does not exist. */
  unknownProgramArea: boolean;
}

/** The API's decision word → the action. */
export const REVIEW_ACTION = {
  approved: 'approve',
  'approved-with-restrictions': 'approve-with-restrictions',
  returned: 'return',
} as const satisfies Record<Exclude<DeclarationStatus, 'submitted'>, DeclarationAction>;

const noRestrictions = (f: DeclarationReviewFacts) =>
  f.restrictions !== null && f.restrictions > 0
    ? { message: 'Begränsningar hör bara till beslutet "approved-with-restrictions".', path: 'restrictions' }
    : null;

/** The facts when offering the actions, before the reviewer has written anything. */
export const NOT_YET_ASKED: DeclarationReviewFacts = { restrictions: null, comment: null, unknownProgramArea: false };

export const declarationLifecycle = defineLifecycle<DeclarationStatus, DeclarationAction, DeclarationReviewFacts>({
  entity: 'jav-declaration',
  noun: 'Jävsdeklarationen',
  statuses: ['submitted', 'approved', 'approved-with-restrictions', 'returned'],
  labels: {
    submitted: 'inlämnad',
    approved: 'godkänd',
    'approved-with-restrictions': 'godkänd med begränsningar',
    returned: 'tillbakaskickad',
  },
  final: ['approved', 'approved-with-restrictions', 'returned'],
  actions: {
    approve: { label: 'godkänna deklarationen', from: ['submitted'], to: 'approved', audit: 'review', guard: noRestrictions },
    'approve-with-restrictions': {
      label: 'godkänna deklarationen med begränsningar',
      from: ['submitted'],
      to: 'approved-with-restrictions',
      audit: 'review',
      guard: (f) => {
        if (f.restrictions === 0) {
          return {
            message: 'Ett godkännande med begränsningar ska ange vilka programområden eller kunskapsstöd som berörs.',
            path: 'restrictions',
          };
        }
        return f.unknownProgramArea ? { message: 'En begränsning anger ett okänt programområde.', path: 'restrictions' } : null;
      },
    },
    return: {
      label: 'skicka tillbaka deklarationen',
      from: ['submitted'],
      to: 'returned',
      audit: 'review',
      guard: (f) =>
        noRestrictions(f) ??
        (f.restrictions !== null && !f.comment?.trim()
          ? { message: 'Skriv vad som behöver kompletteras när deklarationen skickas tillbaka.', path: 'comment' }
          : null),
    },
  },
});

/** Whether a review status lets the person be appointed (until the re-assessment date). */
export const isApproval = (s: DeclarationStatus): boolean => s === 'approved' || s === 'approved-with-restrictions';
