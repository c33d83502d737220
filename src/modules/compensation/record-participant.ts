import { recordAudit } from '../../platform/audit/record.js';
import { requireActor } from '../../platform/auth/policy.js';
import type { Ctx } from '../../platform/context.js';
import type { Db } from '../../platform/db/index.js';
import { conflict, forbidden, notFound, staleVersion, unprocessable } from '../../platform/errors.js';
import { getGroup } from '../organisation/index.js';
import { assertVisible } from '../visible.js';
import { compensationPolicy } from './policy.js';
import * as repo from './repository.js';

export interface ParticipantInput {
  recruitedOn: string;
  recruitedBy: string;
  introducedOn?: string | null;
  introducedBy?: string | null;
  notes?: string | null;
}

/**
 * The process support records that a person with patient experience was recruited to a group,
 * and later that they were introduced (purpose, roles, the system). The group's region decides.
 */
export async function recordParticipant(db: Db, ctx: Ctx, input: ParticipantInput & { personId: string; groupId: string }) {
  requireActor(ctx.actor);
  checkDates(input);
  return db.transaction(async (tx) => {
    const policy = await compensationPolicy(ctx, tx);
    await assertVisible(tx, ctx, { group: input.groupId });
    const group = (await getGroup(tx, input.groupId))!;
    if (!policy.mayManageGroup(group.id, group.owner))
      throw forbidden('Bara gruppens processtöd eller regionens samordnare registrerar rekrytering.');
    await assertVisible(tx, ctx, { person: input.personId });
    const [person] = await tx.query<{ id: string; anonymised_at: Date | null }>(
      'SELECT id, anonymised_at FROM persons WHERE id = $1',
      [input.personId],
    );
    if (!person || person.anonymised_at)
      throw unprocessable('Personen finns inte.', [{ path: 'personId', message: 'okänd person' }]);
    if (await repo.findParticipant(tx, input.personId, input.groupId))
      throw conflict('Personen är redan registrerad som person med patienterfarenhet i gruppen.');
    const row = await repo.insertParticipant(tx, {
      personId: input.personId,
      groupId: input.groupId,
      recruitedOn: input.recruitedOn,
      recruitedBy: input.recruitedBy.trim(),
      introducedOn: input.introducedOn ?? null,
      introducedBy: input.introducedBy?.trim() || null,
      notes: input.notes?.trim() || null,
    });
    await recordAudit(tx, ctx, {
      entityType: 'compensation-participant',
      entityId: row.id,
      action: 'create',
      after: { personId: row.personId, groupId: row.groupId, recruitedOn: row.recruitedOn, introducedOn: row.introducedOn },
    });
    return row;
  });
}

export async function updateParticipant(db: Db, ctx: Ctx, id: string, version: number, input: ParticipantInput) {
  requireActor(ctx.actor);
  checkDates(input);
  return db.transaction(async (tx) => {
    const policy = await compensationPolicy(ctx, tx);
    const before = await repo.getParticipant(tx, id, true);
    const manage = before ? policy.mayManageGroup(before.groupId, before.groupOwner) : false;
    if (!before || !(manage || policy.isPerson(before.personEmail))) throw notFound('Registreringen');
    if (!manage) throw forbidden('Bara gruppens processtöd ändrar rekryteringen.');
    if (before.version !== version) throw staleVersion(before.version);
    const row = await repo.updateParticipant(tx, id, version, {
      recruitedOn: input.recruitedOn,
      recruitedBy: input.recruitedBy.trim(),
      introducedOn: input.introducedOn ?? null,
      introducedBy: input.introducedBy?.trim() || null,
      notes: input.notes?.trim() || null,
    });
    if (!row) throw staleVersion(before.version + 1);
    await recordAudit(tx, ctx, {
      entityType: 'compensation-participant',
      entityId: id,
      action: 'update',
      before: { recruitedOn: before.recruitedOn, introducedOn: before.introducedOn },
      after: { recruitedOn: row.recruitedOn, introducedOn: row.introducedOn },
    });
    return row;
  });
}

function checkDates(i: ParticipantInput) {
  if (i.introducedOn && i.introducedOn < i.recruitedOn)
    throw unprocessable('Introduktionen kan inte ligga före rekryteringen.', [
      { path: 'introducedOn', message: 'samma dag som rekryteringen eller senare' },
    ]);
  if (i.introducedOn && !i.introducedBy?.trim())
    throw unprocessable('Ange vem som höll introduktionen.', [{ path: 'introducedBy', message: 'krävs när introducedOn anges' }]);
}
