import { recordAudit } from '../../platform/audit/record.js';
import { authorize } from '../../platform/auth/policy.js';
import { todayInSweden } from '../../platform/clock.js';
import type { Ctx } from '../../platform/context.js';
import type { Db } from '../../platform/db/index.js';
import { conflict, notFound, unprocessable } from '../../platform/errors.js';
import { ownerScope } from '../organisation/check-group.js';
import { geography, getGroup } from '../organisation/repository.js';
import * as repo from './repository.js';
import { checkAppointment, currentDeclaration } from './rules/membership.js';

const REASON_TEXT = {
  none: 'ingen deklaration finns',
  pending: 'den senaste väntar på granskning',
  returned: 'den senaste har skickats tillbaka',
  expired: 'den har gått ut',
} as const;

/**
 * Appoints a person to a group in a role for a period. No appointment without a current,
 * approved jäv declaration: refused with 422 saying what is missing.
 */
export async function appointMember(
  db: Db,
  ctx: Ctx,
  groupId: string,
  input: { personId: string; role: string; startDate: string; endDate?: string | null; overrideReason?: string },
  opts: { today?: string } = {},
) {
  return db.transaction(async (tx) => {
    const group = await getGroup(tx, groupId, { forUpdate: true });
    if (!group) throw notFound('Gruppen');
    const geo = await geography(tx);
    authorize(ctx.actor, 'groups.write', ownerScope(group.owner, geo));
    if (group.status !== 'active') throw conflict('Gruppen är stängd; ingen kan utses till den.');
    const person = await repo.getPerson(tx, input.personId);
    if (!person || person.anonymised_at) {
      throw unprocessable('Personen finns inte.', [{ path: 'personId', message: 'okänd person' }]);
    }
    const decl = currentDeclaration(
      (await repo.declarationsOf(tx, person.id)).map((d) => ({
        id: d.id,
        status: d.status,
        submittedAt: d.submitted_at,
        validUntil: d.valid_until,
      })),
      opts.today ?? todayInSweden(),
    );
    if (!decl.ok) {
      throw unprocessable(
        `${person.name} kan inte utses: ${decl.message} En aktuell, godkänd jävsdeklaration krävs före utnämning.`,
        [{ path: 'personId', message: `aktuell godkänd jävsdeklaration saknas: ${REASON_TEXT[decl.reason]}` }],
      );
    }
    const existing = (await repo.membershipsOfGroup(tx, groupId)).map((m) => ({
      id: m.id,
      personId: m.person_id,
      role: m.role,
      startDate: m.start_date,
      endDate: m.end_date,
    }));
    const errors = checkAppointment(
      { personId: person.id, role: input.role, startDate: input.startDate, endDate: input.endDate ?? null },
      existing,
    );
    if (errors.length) throw unprocessable(errors.map((e) => e.message).join(' '), errors);
    const row = await repo.insertMembership(tx, {
      groupId,
      personId: person.id,
      role: input.role,
      startDate: input.startDate,
      endDate: input.endDate ?? null,
      overrideReason: input.overrideReason ?? null,
    });
    await recordAudit(tx, ctx, {
      entityType: 'membership',
      entityId: row.id,
      action: 'create',
      after: {
        groupId,
        personId: person.id,
        role: row.role,
        startDate: row.start_date,
        endDate: row.end_date,
        declarationId: decl.declarationId,
      },
    });
    return row;
  });
}
