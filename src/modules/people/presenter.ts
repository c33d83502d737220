import { todayInSweden } from '../../platform/clock.js';
import type { DeclarationRow, MembershipRow, PersonRow } from './repository.js';
import type { DeclarationAction } from './rules/declaration-lifecycle.js';
import { currentDeclaration } from './rules/membership.js';

export const presentPerson = (p: PersonRow) => ({
  id: p.id,
  name: p.name,
  email: p.email,
  employer: p.employer,
  employerType: p.employer_type,
  profession: p.profession,
  hsaId: p.hsa_id,
  homeOwner: p.home_owner,
  isDemo: p.is_demo,
  version: p.version,
  createdAt: p.created_at.toISOString(),
});

/** Without `details` only the status shows: the ties themselves are for the person and the reviewers. */
export const presentDeclaration = (
  d: DeclarationRow & { person_name?: string },
  details: boolean,
  allowedActions?: DeclarationAction[],
) => ({
  id: d.id,
  personId: d.person_id,
  ...(d.person_name !== undefined ? { personName: d.person_name } : {}),
  status: d.status,
  submittedAt: d.submitted_at.toISOString(),
  reviewedAt: d.reviewed_at ? d.reviewed_at.toISOString() : null,
  validUntil: d.valid_until,
  nothingToDeclare: details ? d.nothing_to_declare : null,
  interests: details ? d.interests : null,
  restrictions: details ? d.restrictions : null,
  reviewComment: details ? d.review_comment : null,
  version: d.version,
  ...(allowedActions ? { allowedActions } : {}),
});

/**
 * A seat not yet ended is flagged when its holder has no current approved declaration (none,
 * under review, returned, or past its re-assessment date).
 */
export function declarationLapsed(m: MembershipRow, today: string = todayInSweden()): boolean {
  if (m.end_date !== null && m.end_date < today) return false;
  const latest =
    m.declaration_id && m.declaration_status && m.declaration_submitted_at
      ? [
          {
            id: m.declaration_id,
            status: m.declaration_status,
            submittedAt: m.declaration_submitted_at,
            validUntil: m.declaration_valid_until,
          },
        ]
      : [];
  return !currentDeclaration(latest, today).ok;
}

export const presentMembership = (m: MembershipRow) => ({
  id: m.id,
  groupId: m.group_id,
  groupName: m.group_name,
  personId: m.person_id,
  personName: m.person_name,
  role: m.role,
  startDate: m.start_date,
  endDate: m.end_date,
  represents: m.represents,
  careSector: m.care_sector,
  endedEarlyReason: m.ended_early_reason,
  nominationId: m.nomination_id,
  overrideReason: m.override_reason,
  declarationLapsed: declarationLapsed(m),
  version: m.version,
});

/**
 * A seat as the public sees it (insyn): who, in which role and group, employed where, and for
 * which period. The same facts as the public register; the ids, the reasons a seat ended early
 * or was overridden, and whether the holder's jäv declaration has lapsed stay with signed-in users.
 */
export const presentPublicMembership = (m: MembershipRow) => ({
  groupId: m.group_id,
  groupName: m.group_name,
  personName: m.person_name,
  role: m.role,
  employer: m.person_employer,
  startDate: m.start_date,
  endDate: m.end_date,
});
