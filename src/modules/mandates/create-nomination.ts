import { recordAudit } from '../../platform/audit/record.js';
import { requireActor } from '../../platform/auth/policy.js';
import type { Ctx } from '../../platform/context.js';
import type { Db } from '../../platform/db/index.js';
import { conflict, forbidden, notFound, unprocessable } from '../../platform/errors.js';
import { getGroup } from '../organisation/index.js';
import { isGroupActive } from '../organisation/index.js';
import { repository as peopleRepo } from '../people/index.js';
import { assertVisible } from '../visible.js';
import { nominationPolicy } from './policy.js';
import { presentNomination } from './presenter.js';
import * as repo from './repository.js';

/** The route's body (NominationBody); its role and organisation type are checked by the schema. */
export interface NominationInput {
  personId: string;
  nominatingOrganisation: string;
  nominatingOrganisationType: string;
  nominatedBy: string;
  motivation?: string;
  role: string;
  startDate: string;
  endDate?: string | null;
  represents?: string | null;
}

/** A line organisation, region or association proposes a person for a seat in a group. */
export async function createNomination(db: Db, ctx: Ctx, groupId: string, input: NominationInput) {
  requireActor(ctx.actor);
  const actor = ctx.actor;
  return db.transaction(async (tx) => {
    const group = await getGroup(tx, groupId);
    if (!group) throw notFound('Gruppen');
    if (!(await nominationPolicy(ctx, tx).mayNominate(group))) throw forbidden('Du kan inte nominera till den här gruppen.');
    if (!isGroupActive(group.status)) throw conflict('Gruppen är stängd; ingen kan nomineras till den.');
    await assertVisible(tx, ctx, { person: input.personId });
    const person = await peopleRepo.getPerson(tx, input.personId);
    if (!person || person.anonymisedAt) {
      throw unprocessable('Personen finns inte.', [{ path: 'personId', message: 'okänd person' }]);
    }
    if (input.endDate && input.endDate < input.startDate) {
      throw unprocessable(`Perioden slutar (${input.endDate}) innan den börjar (${input.startDate}).`, [
        { path: 'endDate', message: 'före startdatum' },
      ]);
    }
    const map = await repo.regionMap(tx);
    if (input.represents && !map.names.has(input.represents)) {
      throw unprocessable(`Okänd region "${input.represents}".`, [{ path: 'represents', message: 'okänd region' }]);
    }
    const open = await repo.listNominations(tx, { groupId, status: 'open', limit: 500 });
    if (open.some((n) => n.personId === person.id && n.role === input.role)) {
      throw conflict(`${person.name} är redan nominerad till samma roll i gruppen; nomineringen väntar på beslut.`);
    }
    const row = await repo.insertNomination(tx, {
      groupId,
      personId: person.id,
      nominatingOrg: input.nominatingOrganisation.trim(),
      nominatingOrgType: input.nominatingOrganisationType,
      nominatedBy: input.nominatedBy.trim(),
      motivation: input.motivation?.trim() || null,
      proposedRole: input.role,
      proposedStart: input.startDate,
      proposedEnd: input.endDate ?? null,
      represents: input.represents ?? null,
      createdBy: actor.via === 'system' ? null : actor.userId,
    });
    await recordAudit(tx, ctx, { entityType: 'nomination', entityId: row.id, action: 'create', after: presentNomination(row) });
    return row;
  });
}
