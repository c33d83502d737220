import { recordAudit } from '../../platform/audit/record.js';
import { todayInSweden } from '../../platform/clock.js';
import type { Ctx } from '../../platform/context.js';
import type { Db, Queryable } from '../../platform/db/index.js';
import { conflict, notFound, unprocessable } from '../../platform/errors.js';
import { checkSeat } from '../mandates/index.js';
import { groupPolicy } from '../organisation/index.js';
import { getGroup, type GroupRow } from '../organisation/index.js';
import { isGroupActive } from '../organisation/index.js';
import { assertVisible } from '../visible.js';
import * as repo from './repository.js';
import { currentDeclaration } from './rules/membership.js';

const REASON_TEXT = {
  none: 'ingen deklaration finns',
  pending: 'den senaste väntar på granskning',
  returned: 'den senaste har skickats tillbaka',
  expired: 'den har gått ut',
} as const;

export interface AppointInput {
  personId: string;
  role: string;
  startDate: string;
  endDate?: string | null;
  represents?: string | null;
  careSector?: string | null;
  overrideReason?: string;
}

/**
 * Appoints a person to a group in a role for a period. No appointment without a current,
 * approved jäv declaration: refused with 422 saying what is missing. Without an end date the
 * group's default mandate length applies (three years in an LPO); composition and rotation
 * rules refuse the seat unless an override reason is given (and audited).
 */
export async function appointMember(db: Db, ctx: Ctx, groupId: string, input: AppointInput, opts: { today?: string } = {}) {
  return db.transaction(async (tx) => {
    const group = await getGroup(tx, groupId, { forUpdate: true });
    if (!group) throw notFound('Gruppen');
    await groupPolicy(ctx, tx).assertWrite(group.owner);
    // Checked here, not in appointInTx: a decided nomination names no one in its body.
    await assertVisible(tx, ctx, { person: input.personId });
    return appointInTx(tx, ctx, group, input, opts);
  });
}

/** The appointment inside a caller's transaction (a decided nomination uses it too). */
export async function appointInTx(
  tx: Queryable,
  ctx: Ctx,
  group: GroupRow,
  input: AppointInput & { nominationId?: string },
  opts: { today?: string } = {},
) {
  if (!isGroupActive(group.status)) throw conflict('Gruppen är stängd; ingen kan utses till den.');
  const person = await repo.getPerson(tx, input.personId);
  if (!person || person.anonymisedAt) {
    throw unprocessable('Personen finns inte.', [{ path: 'personId', message: 'okänd person' }]);
  }
  const decl = currentDeclaration(
    (await repo.declarationsOf(tx, person.id)).map((d) => ({
      id: d.id,
      status: d.status,
      submittedAt: new Date(d.submittedAt),
      validUntil: d.validUntil,
    })),
    opts.today ?? todayInSweden(),
  );
  if (!decl.ok) {
    throw unprocessable(
      `${person.name} kan inte utses: ${decl.message} En aktuell, godkänd jävsdeklaration krävs före utnämning.`,
      [{ path: 'personId', message: `aktuell godkänd jävsdeklaration saknas: ${REASON_TEXT[decl.reason]}` }],
    );
  }
  assertCareSector(input.role, input.careSector);
  const seat = await checkSeat(tx, group, {
    personId: person.id,
    personHomeOwner: person.homeOwner,
    role: input.role,
    startDate: input.startDate,
    endDate: input.endDate,
    represents: input.represents,
    overrideReason: input.overrideReason,
  });
  const row = await repo.insertMembership(tx, {
    groupId: group.id,
    personId: person.id,
    role: input.role,
    startDate: input.startDate,
    endDate: seat.endDate,
    represents: seat.represents,
    careSector: input.careSector ?? null,
    overrideReason: seat.overridden.length ? (input.overrideReason?.trim() ?? null) : null,
    nominationId: input.nominationId ?? null,
  });
  await recordAudit(tx, ctx, {
    entityType: 'membership',
    entityId: row.id,
    action: 'create',
    after: {
      groupId: group.id,
      personId: person.id,
      role: row.role,
      startDate: row.startDate,
      endDate: row.endDate,
      represents: row.represents,
      ...(row.careSector ? { careSector: row.careSector } : {}),
      declarationId: decl.declarationId,
      ...(input.nominationId ? { nominationId: input.nominationId } : {}),
      ...(seat.overridden.length ? { overrideReason: row.overrideReason, overriddenRules: seat.overridden } : {}),
    },
  });
  return row;
}

/** Seed 000: the care sector says which half of a shared chair a seat is; only a chair has one. */
export function assertCareSector(role: string, careSector: string | null | undefined): void {
  if (careSector && role !== 'ordforande') {
    throw unprocessable('Bara en ordförande anger primärvård eller specialiserad vård (ett delat ordförandeskap).', [
      { path: 'careSector', message: 'gäller bara ordförande' },
    ]);
  }
}
