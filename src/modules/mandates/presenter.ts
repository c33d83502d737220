import type { NominationRecord, RegisterRecord } from './repository.js';
import type { NominationAction } from './rules/nomination.js';
import { Nomination, RegisterEntry } from './schemas.js';

/** The nomination's fields (the record carries the group's owner and more, which the audit trail does not keep). */
const NOMINATION_FIELDS = Object.keys(Nomination.properties).filter((k) => k !== 'allowedActions') as (keyof NominationRecord)[];

/** A nomination with the caller's actions on it (none in the audit trail). */
export const presentNomination = (n: NominationRecord, allowedActions: NominationAction[] = []) => ({
  ...(Object.fromEntries(NOMINATION_FIELDS.map((k) => [k, n[k]])) as Omit<
    NominationRecord,
    'groupOwner' | 'personHomeOwner' | 'decidedBy' | 'createdBy'
  >),
  allowedActions,
});

const REGISTER_FIELDS = Object.keys(RegisterEntry.properties) as (keyof RegisterRecord)[];

/** Insyn: name, role, group, employer and period. Nothing else leaves through the public register. */
export const presentRegisterEntry = (r: RegisterRecord): RegisterRecord =>
  Object.fromEntries(REGISTER_FIELDS.map((k) => [k, r[k]])) as RegisterRecord;
