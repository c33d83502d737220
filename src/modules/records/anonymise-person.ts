import { recordAudit } from '../../platform/audit/record.js';
import { requireActor } from '../../platform/auth/policy.js';
import { todayInSweden } from '../../platform/clock.js';
import type { Ctx } from '../../platform/context.js';
import type { Db, Queryable } from '../../platform/db/index.js';
import { conflict, forbidden, notFound, staleVersion, unprocessable } from '../../platform/errors.js';
import { repository as compensation } from '../compensation/index.js';
import { geography } from '../organisation/index.js';
import { maySeePerson } from '../people/index.js';
import { repository as people } from '../people/index.js';
import { eraseDirectoryRecordsOf } from '../scim/index.js';
import { mayAnonymise } from './access.js';
import * as repo from './repository.js';
import { anonymisationBlockers, ERASED_FIELDS, pseudonym } from './rules/anonymise.js';

const COUNTS: Record<string, string> = {
  membership: 'SELECT count(*) AS n FROM memberships WHERE person_id = $1',
  'jav-declaration': 'SELECT count(*) AS n FROM jav_declarations WHERE person_id = $1',
  'compensation-claim': 'SELECT count(*) AS n FROM compensation_claims WHERE person_id = $1',
  'compensation-participant': 'SELECT count(*) AS n FROM compensation_participants WHERE person_id = $1',
  'audit-event': 'SELECT count(*) AS n FROM audit_events WHERE entity_id = $1',
};

async function plan(tx: Queryable, personId: string, today: string) {
  // one after another: inside a transaction there is one connection
  const memberships = await people.membershipsOfPerson(tx, personId);
  const claims = await compensation.listClaims(tx, { visibility: undefined, personId });
  const rules = await repo.listRetentionRules(tx);
  const blockers = anonymisationBlockers(
    memberships.map((m) => ({ id: m.id, groupName: m.groupName, role: m.role, endDate: m.endDate })),
    claims.map((c) => ({ id: c.id, status: c.status, date: c.date, groupName: c.groupName })),
    today,
  );
  const records = [];
  for (const r of rules) {
    const sql = COUNTS[r.recordType];
    const count = r.recordType === 'person' ? 1 : sql ? ((await tx.query<{ n: number }>(sql, [personId]))[0]?.n ?? 0) : null;
    records.push({
      recordType: r.recordType,
      label: r.label,
      count,
      onAnonymisation: r.onAnonymisation,
      retention: r.retention,
      legalBasis: r.legalBasis,
    });
  }
  return { blockers, records };
}

/** What anonymising would do, and what stops it: shown to the user before they confirm. */
export async function previewAnonymisation(db: Db, ctx: Ctx, personId: string, today = todayInSweden()) {
  requireActor(ctx.actor);
  const actor = ctx.actor;
  const geo = await geography(db);
  const person = await people.getPerson(db, personId);
  if (!person || !maySeePerson(actor, person, geo)) throw notFound('Personen');
  if (!mayAnonymise(actor, person, geo))
    throw forbidden('Bara administratörer och samordnare för personens register kan anonymisera.');
  const p = await plan(db, personId, today);
  return {
    personId,
    name: person.name,
    anonymised: person.anonymisedAt !== null,
    pseudonym: pseudonym(personId),
    erasedFields: [...ERASED_FIELDS],
    version: person.version,
    ...p,
  };
}

/**
 * Anonymises a person who has left: name, e-mail, HSA-id and profession give way to a
 * pseudonym, recruitment notes are erased, and so are the accounts a directory provisioned for
 * them (SCIM userName, e-mail, HSA-id; the account is disabled and leaves its groups). Nothing is deleted: memberships and decisions stay as
 * official records under the pseudonym, declarations and claims are kept as the law requires,
 * and the audit trail keeps this event. Refused (422) while any membership runs or a claim is open.
 */
export async function anonymisePerson(db: Db, ctx: Ctx, personId: string, version: number, today = todayInSweden()) {
  requireActor(ctx.actor);
  const actor = ctx.actor;
  return db.transaction(async (tx) => {
    const geo = await geography(tx);
    const person = await people.getPerson(tx, personId, { forUpdate: true });
    if (!person || !maySeePerson(actor, person, geo)) throw notFound('Personen');
    if (!mayAnonymise(actor, person, geo))
      throw forbidden('Bara administratörer och samordnare för personens register kan anonymisera.');
    if (person.anonymisedAt) throw conflict('Personen är redan anonymiserad.');
    if (person.version !== version) throw staleVersion(person.version);
    const { blockers } = await plan(tx, personId, today);
    if (blockers.length)
      throw unprocessable(
        `Personen kan inte anonymiseras ännu: ${blockers.map((b) => b.text).join(' ')}`,
        blockers.map((b) => ({ path: b.kind === 'membership' ? 'memberships' : 'claims', message: b.text })),
      );
    const name = pseudonym(personId);
    if (!(await repo.anonymisePersonRow(tx, personId, version, name))) throw staleVersion(version + 1);
    const notesErased = await repo.eraseParticipantNotes(tx, personId);
    const directoryAccountsErased = await eraseDirectoryRecordsOf(tx, ctx, personId, name);
    // the trail records that it happened and which fields went, never the old values
    await recordAudit(tx, ctx, {
      entityType: 'person',
      entityId: personId,
      action: 'anonymise',
      before: { fields: [...ERASED_FIELDS] },
      after: { name, notesErased, directoryAccountsErased },
    });
    return (await people.getPerson(tx, personId))!;
  });
}
