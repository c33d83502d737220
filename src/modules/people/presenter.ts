import type { Static } from 'typebox';
import { todayInSweden } from '../../platform/clock.js';
import type { DeclarationRecord, MembershipRecord, PersonRecord } from './repository.js';
import type { DeclarationAction } from './rules/declaration-lifecycle.js';
import { currentDeclaration } from './rules/membership.js';
import { Membership, Person, PublicMembership } from './schemas.js';

/** The fields of a record that a schema names, and nothing else (the audit trail and insyn keep to them). */
const pick =
  <K extends string>(keys: readonly K[]) =>
  <T extends Record<K, unknown>>(row: T): Pick<T, K> =>
    Object.fromEntries(keys.map((k) => [k, row[k]])) as Pick<T, K>;

const PERSON_FIELDS = Object.keys(Person.properties) as (keyof typeof Person.properties)[];

/** The person's fields (the record also carries when they were anonymised and their sort key). */
export const presentPerson = (p: PersonRecord) => pick(PERSON_FIELDS)(p);

/** Without `details` only the status shows: the ties themselves are for the person and the reviewers. */
export const presentDeclaration = (
  d: DeclarationRecord & { personName?: string },
  details: boolean,
  allowedActions?: DeclarationAction[],
) => ({
  id: d.id,
  personId: d.personId,
  ...(d.personName !== undefined ? { personName: d.personName } : {}),
  status: d.status,
  submittedAt: d.submittedAt,
  reviewedAt: d.reviewedAt,
  validUntil: d.validUntil,
  nothingToDeclare: details ? d.nothingToDeclare : null,
  interests: details ? d.interests : null,
  restrictions: details ? d.restrictions : null,
  reviewComment: details ? d.reviewComment : null,
  version: d.version,
  ...(allowedActions ? { allowedActions } : {}),
});

/**
 * A seat not yet ended is flagged when its holder has no current approved declaration (none,
 * under review, returned, or past its re-assessment date).
 */
export function declarationLapsed(m: MembershipRecord, today: string = todayInSweden()): boolean {
  if (m.endDate !== null && m.endDate < today) return false;
  const latest =
    m.declarationId && m.declarationStatus && m.declarationSubmittedAt
      ? [
          {
            id: m.declarationId,
            status: m.declarationStatus,
            submittedAt: new Date(m.declarationSubmittedAt),
            validUntil: m.declarationValidUntil,
          },
        ]
      : [];
  return !currentDeclaration(latest, today).ok;
}

const MEMBERSHIP_FIELDS = Object.keys(Membership.properties).filter((k) => k !== 'declarationLapsed') as Exclude<
  keyof typeof Membership.properties,
  'declarationLapsed'
>[];

/** A seat with whether its holder's declaration has lapsed (the audit trail records it so too). */
export const presentMembership = (m: MembershipRecord) => ({
  ...pick(MEMBERSHIP_FIELDS)(m),
  declarationLapsed: declarationLapsed(m),
});

/**
 * A seat as the public sees it (insyn): who, in which role and group, employed where, and for
 * which period. The same facts as the public register; the ids, the reasons a seat ended early
 * or was overridden, and whether the holder's jäv declaration has lapsed stay with signed-in users.
 */
export const presentPublicMembership = (m: MembershipRecord): Static<typeof PublicMembership> => ({
  groupId: m.groupId,
  groupName: m.groupName,
  personName: m.personName,
  role: m.role,
  employer: m.personEmployer,
  startDate: m.startDate,
  endDate: m.endDate,
});
