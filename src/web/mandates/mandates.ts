/** Shapes and helpers of the mandates pages (src/modules/mandates, src/modules/people). */
import type { Membership } from '../api';
import type { ApiResponse, Schema } from '../client';
import type { I18n } from '../i18n';

export const MANDATES_PATH = '/personer-och-uppdrag';
export const groupMandatesHref = (id: string) => `${MANDATES_PATH}/grupper/${encodeURIComponent(id)}`;
export const GAPS_PATH = `${MANDATES_PATH}/sammansattning`;
export const EXPIRING_PATH = `${MANDATES_PATH}/utgaende`;
export const NOMINATIONS_PATH = `${MANDATES_PATH}/nomineringar`;
export const RULES_PATH = '/admin/sammansattningsregler';
export const REGISTER_PATH = '/vem-sitter-var';

export interface Seat extends Membership {
  represents: string | null;
  endedEarlyReason: string | null;
  nominationId: string | null;
  declarationLapsed: boolean;
}

/** A seat as anonymous readers get it: the public register's facts and the period. */
export type PublicSeat = Pick<Seat, 'groupId' | 'groupName' | 'personName' | 'role' | 'startDate' | 'endDate'> & {
  employer: string | null;
};

export const isSeat = (m: Seat | PublicSeat): m is Seat => 'id' in m;

/** A composition rule as GET /composition-rules answers it. */
export type Rule = ApiResponse<'/composition-rules'>['items'][number];

export type NominationStatus = 'open' | 'approved' | 'refused' | 'withdrawn';

/** A nomination as the API answers it, with the decisions the caller may take (allowedActions). */
export type Nomination = Schema<'Nomination'>;

export const NOMINATING_ORG_TYPES = [
  'region',
  'line-organisation',
  'healthcare-region',
  'municipality',
  'professional-association',
  'patient-organisation',
  'other',
] as const;

export const NOMINATION_BADGE: Record<NominationStatus, string> = {
  open: 'badge-partial',
  approved: 'badge-ok',
  refused: 'badge-weak',
  withdrawn: 'badge-none',
};

export const nominationStatusLabel = (i18n: I18n, s: string) => i18n.tMaybe(`mandates.nomination.status.${s}`) ?? s;
export const orgTypeLabel = (i18n: I18n, s: string) => i18n.tMaybe(`mandates.orgType.${s}`) ?? s;
export const ruleTypeLabel = (i18n: I18n, s: string) => i18n.tMaybe(`mandates.ruleType.${s}`) ?? s;
