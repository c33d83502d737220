import { recordAudit } from '../../platform/audit/record.js';
import { requireActor } from '../../platform/auth/policy.js';
import type { Ctx } from '../../platform/context.js';
import type { Db } from '../../platform/db/index.js';
import { forbidden, notFound, unprocessable } from '../../platform/errors.js';
import { compensationPolicy } from './policy.js';
import * as repo from './repository.js';
import type { TimeUnit } from './rules/amounts.js';

/** One assignment — a meeting or work in the group — with the time spent, recorded by the process support. */
export async function recordAssignment(
  db: Db,
  ctx: Ctx,
  participantId: string,
  input: { kind: 'meeting' | 'work'; date: string; timeUnit: TimeUnit; minutes?: number; description: string },
) {
  requireActor(ctx.actor);
  if ((input.timeUnit === 'hours') !== (input.minutes !== undefined)) {
    throw unprocessable('Ange tiden i minuter när tiden räknas i timmar, och bara då.', [
      { path: 'minutes', message: input.timeUnit === 'hours' ? 'krävs för hours' : 'bara för hours' },
    ]);
  }
  return db.transaction(async (tx) => {
    const policy = await compensationPolicy(ctx, tx);
    const p = await repo.getParticipant(tx, participantId);
    const manage = p ? policy.mayManageGroup(p.groupId, p.groupOwner) : false;
    if (!p || !(manage || policy.isPerson(p.personEmail))) throw notFound('Registreringen');
    if (!manage) throw forbidden('Bara gruppens processtöd registrerar uppdrag.');
    if (input.date < p.recruitedOn)
      throw unprocessable('Uppdraget ligger före rekryteringen.', [{ path: 'date', message: `tidigast ${p.recruitedOn}` }]);
    const row = await repo.insertAssignment(tx, {
      participantId,
      kind: input.kind,
      date: input.date,
      timeUnit: input.timeUnit,
      minutes: input.minutes ?? null,
      description: input.description.trim(),
    });
    await recordAudit(tx, ctx, {
      entityType: 'compensation-assignment',
      entityId: row.id,
      action: 'create',
      after: { participantId, kind: row.kind, date: row.date, timeUnit: row.timeUnit, minutes: row.minutes },
    });
    return row;
  });
}
