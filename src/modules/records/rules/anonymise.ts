import { createHash } from 'node:crypto';
import { claimLifecycle, OPEN_STATUSES, type ClaimStatus } from '../../compensation/index.js';

/**
 * Anonymising a person who has left: the identifying fields give way to a pseudonym, while the
 * official records about them (memberships, decisions, declarations, claims) stay, under it.
 */
export function pseudonym(personId: string): string {
  return `Anonymiserad person ${createHash('sha256').update(personId).digest('hex').slice(0, 4).toUpperCase()}`;
}

export const ERASED_FIELDS = ['name', 'email', 'hsaId', 'profession'] as const;

export interface Blocker {
  kind: 'membership' | 'claim';
  id: string;
  text: string;
}

/** What an open claim (one the claim lifecycle has not finished) waits for, in words. */
const WAITING_FOR: Readonly<Record<ClaimStatus, string>> = {
  submitted: 'inte attesterat',
  returned: 'återskickat för rättelse',
  approved: 'godkänt',
  withdrawn: 'återtaget',
};

/**
 * What stops an anonymisation: a membership still running on `today` (open-ended or ending today
 * or later), and claims still waiting for a decision or a correction.
 */
export function anonymisationBlockers(
  memberships: readonly { id: string; groupName: string; role: string; endDate: string | null }[],
  claims: readonly { id: string; status: string; date: string; groupName: string }[],
  today: string,
): Blocker[] {
  const out: Blocker[] = [];
  for (const m of memberships) {
    if (m.endDate === null || m.endDate >= today)
      out.push({
        kind: 'membership',
        id: m.id,
        text: `Uppdraget som ${m.role} i ${m.groupName} ${m.endDate ? `pågår till ${m.endDate}` : 'har inget slutdatum'}.`,
      });
  }
  for (const c of claims) {
    // a claim still waiting for someone (the claim lifecycle's open statuses) holds the person
    if (claimLifecycle.isStatus(c.status) && OPEN_STATUSES.includes(c.status))
      out.push({
        kind: 'claim',
        id: c.id,
        text: `Ersättningsanspråket för ${c.date} i ${c.groupName} är ${WAITING_FOR[c.status]}.`,
      });
  }
  return out;
}
