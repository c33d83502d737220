import type { FieldError } from '../../../platform/errors.js';

/** Rules for jäv declarations and appointments, without I/O. Dates are 'YYYY-MM-DD'. */

import type { MEMBERSHIP_ROLES } from '../../../shared/vocabularies.js';
export type MembershipRole = (typeof MEMBERSHIP_ROLES)[number];

export const MAX_CHAIRS = 2;
/** National practice: a declaration is re-assessed at least every third year. */
export const DEFAULT_JAV_VALIDITY_YEARS = 3;

export type DeclarationStatus = 'submitted' | 'approved' | 'approved-with-restrictions' | 'returned';

export interface DeclarationFacts {
  id: string;
  status: DeclarationStatus;
  submittedAt: Date;
  validUntil: string | null;
}

/** 'YYYY-MM-DD' + n years; 29 February lands on 28 February in a common year. */
export function addYears(date: string, years: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y + years, m - 1, 1));
  const lastDay = new Date(Date.UTC(y + years, m, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, lastDay));
  return target.toISOString().slice(0, 10);
}

export type CurrentDeclaration =
  | { ok: true; declarationId: string; restricted: boolean; validUntil: string }
  | { ok: false; reason: 'none' | 'pending' | 'returned' | 'expired'; message: string };

/**
 * The person's latest declaration decides: a newer one under review replaces an approved one
 * (their ties changed), and an approved one lapses at its re-assessment date.
 */
export function currentDeclaration(declarations: readonly DeclarationFacts[], today: string): CurrentDeclaration {
  const latest = [...declarations].sort((a, b) => b.submittedAt.getTime() - a.submittedAt.getTime())[0];
  if (!latest) return { ok: false, reason: 'none', message: 'Personen har ingen jävsdeklaration.' };
  if (latest.status === 'submitted') {
    return { ok: false, reason: 'pending', message: 'Personens senaste jävsdeklaration väntar på granskning.' };
  }
  if (latest.status === 'returned') {
    return {
      ok: false,
      reason: 'returned',
      message: 'Personens senaste jävsdeklaration har skickats tillbaka för komplettering.',
    };
  }
  if (!latest.validUntil || latest.validUntil < today) {
    return {
      ok: false,
      reason: 'expired',
      message: `Personens jävsdeklaration gällde till ${latest.validUntil ?? '?'} och behöver förnyas.`,
    };
  }
  return {
    ok: true,
    declarationId: latest.id,
    restricted: latest.status === 'approved-with-restrictions',
    validUntil: latest.validUntil,
  };
}

export interface MembershipFacts {
  id: string;
  personId: string;
  role: string;
  startDate: string;
  endDate: string | null;
}

const overlaps = (a: { startDate: string; endDate: string | null }, b: { startDate: string; endDate: string | null }) =>
  a.startDate <= (b.endDate ?? '9999-12-31') && b.startDate <= (a.endDate ?? '9999-12-31');

/** Period order, no overlapping seat for the same person and role, at most two chairs at a time. */
export function checkAppointment(m: Omit<MembershipFacts, 'id'>, existing: readonly MembershipFacts[]): FieldError[] {
  if (m.endDate && m.endDate < m.startDate) {
    return [{ path: 'endDate', message: `Perioden slutar (${m.endDate}) innan den börjar (${m.startDate}).` }];
  }
  const errors: FieldError[] = [];
  const same = existing.find((e) => e.personId === m.personId && e.role === m.role && overlaps(e, m));
  if (same) {
    errors.push({
      path: 'personId',
      message: `Personen har redan rollen under en överlappande period (${same.startDate}–${same.endDate ?? 'tills vidare'}).`,
    });
  }
  if (m.role === 'ordforande') {
    const chairs = existing.filter((e) => e.role === 'ordforande' && overlaps(e, m) && e.personId !== m.personId);
    if (chairs.length >= MAX_CHAIRS) {
      errors.push({ path: 'role', message: `Regel: en grupp har högst ${MAX_CHAIRS} ordförande samtidigt.` });
    }
  }
  return errors;
}
