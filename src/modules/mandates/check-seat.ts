import type { Queryable } from '../../platform/db/index.js';
import { unprocessable, type FieldError } from '../../platform/errors.js';
import type { GroupRow } from '../organisation/index.js';
import { repository as peopleRepo } from '../people/index.js';
import { checkAppointment } from '../people/index.js';
import * as repo from './repository.js';
import { appointmentBreaks, defaultEndDate, rulesFor, type GroupForRules } from './rules/composition.js';
import { checkRotation, periodAt } from './rules/rotation.js';

export const groupForRules = (g: {
  kind: string;
  level: string;
  owner: string;
  referenceKey: string | null;
  programAreaIds?: readonly string[];
}): GroupForRules => ({
  kind: g.kind,
  level: g.level,
  owner: g.owner,
  referenceKey: g.referenceKey,
  programAreaIds: g.programAreaIds ?? [],
});

export interface SeatInput {
  /** The seat being edited (left out of the counts), or undefined for a new one. */
  id?: string;
  personId: string;
  personHomeOwner: string;
  role: string;
  startDate: string;
  /** undefined: the default mandate length (or the rotation period) applies; null: open-ended. */
  endDate: string | null | undefined;
  represents: string | null | undefined;
  overrideReason: string | null | undefined;
}

export interface CheckedSeat {
  endDate: string | null;
  represents: string | null;
  /** The rules the override reason set aside, for the audit trail. */
  overridden: string[];
}

/**
 * The rules every seat passes, however it comes about (appointment, edit, approved nomination):
 * a period that does not end before it starts, no overlapping seat for the same person and role,
 * at most two chairs, and — unless an explicit override reason is given — no composition rule
 * exceeded and no rotation broken. Throws 422 naming what is wrong; writes nothing.
 */
export async function checkSeat(tx: Queryable, group: GroupRow, s: SeatInput): Promise<CheckedSeat> {
  const g = groupForRules(group);
  const map = await repo.regionMap(tx);
  const rules = rulesFor(await repo.listRules(tx), g);

  let represents = s.represents;
  if (represents === undefined) {
    represents = map.names.has(s.personHomeOwner) ? s.personHomeOwner : null;
  } else if (represents !== null && !map.names.has(represents)) {
    throw unprocessable(`Okänd region "${represents}".`, [
      { path: 'represents', message: 'ska vara en länskod (t.ex. 07) eller en sjukvårdsregion (t.ex. sodra)' },
    ]);
  }

  const rotations = rules.filter((r) => r.ruleType === 'rotation' && r.roles.includes(s.role));
  let endDate = s.endDate;
  if (endDate === undefined) {
    const turn = rotations.map((r) => periodAt(r, s.startDate)).find((p) => p !== null);
    endDate = turn?.endDate ?? defaultEndDate(g, rules, s.role, s.startDate);
  }

  const existing = (await peopleRepo.membershipsOfGroup(tx, group.id))
    .filter((m) => m.id !== s.id)
    .map((m) => ({
      id: m.id,
      personId: m.personId,
      role: m.role,
      startDate: m.startDate,
      endDate: m.endDate,
      represents: m.represents,
    }));
  const basic = checkAppointment({ personId: s.personId, role: s.role, startDate: s.startDate, endDate }, existing);
  if (basic.length) throw unprocessable(basic.map((e) => e.message).join(' '), basic);

  const candidate = { id: s.id ?? 'new', personId: s.personId, role: s.role, represents, startDate: s.startDate, endDate };
  const breaks: FieldError[] = [
    ...appointmentBreaks(g, rules, existing, candidate, map).map((gap) => ({
      path: gap.region ? 'represents' : 'role',
      message: `Sammansättningsregeln bryts: ${gap.message}`,
    })),
    ...rotations.flatMap((r) => checkRotation(r, candidate, map.names)),
  ];
  if (breaks.length && !s.overrideReason?.trim()) {
    throw unprocessable(
      `${breaks.map((e) => e.message).join(' ')} Ange ett skäl (overrideReason) för att utse ändå; skälet granskningsloggas.`,
      [...breaks, { path: 'overrideReason', message: 'krävs för att frångå gruppens regler' }],
    );
  }
  return { endDate, represents, overridden: breaks.map((e) => e.message) };
}
