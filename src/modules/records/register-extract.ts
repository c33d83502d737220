import { clock } from '../../platform/clock.js';
import { recordAudit } from '../../platform/audit/record.js';
import { requireActor } from '../../platform/auth/policy.js';
import type { Ctx } from '../../platform/context.js';
import type { Db } from '../../platform/db/index.js';
import { notFound } from '../../platform/errors.js';
import { policyFor } from '../compensation/index.js';
import { repository as compensation } from '../compensation/index.js';
import { geography } from '../organisation/index.js';
import { maySeePerson } from '../people/index.js';
import { presentDeclaration, presentMembership, presentPerson } from '../people/index.js';
import { repository as people } from '../people/index.js';
import { directoryRecordsOf } from '../scim/index.js';
import { mayExtract, mayReadDeclarations } from './access.js';
import * as repo from './repository.js';

/**
 * A register extract (registerutdrag, GDPR art. 15): everything Navet holds about one person.
 * Declaration contents only for the person and administrators; claims only for those who may
 * see them. The extract itself is audited, since it gathers personal data in one place.
 */
export async function registerExtract(db: Db, ctx: Ctx, personId: string) {
  requireActor(ctx.actor);
  const actor = ctx.actor;
  const geo = await geography(db);
  const person = await people.getPerson(db, personId);
  if (!person || !maySeePerson(actor, person, geo) || !mayExtract(actor, person, geo)) throw notFound('Personen');
  const details = mayReadDeclarations(actor, person);
  const ids = await repo.idsOf(db, personId);
  const directory = await directoryRecordsOf(db, personId);
  const [memberships, declarations, nominations, participants, assignments, claims, audit, rules] = await Promise.all([
    people.membershipsOfPerson(db, personId),
    people.declarationsOf(db, personId),
    repo.nominationsOf(db, personId),
    compensation.listParticipants(db, { visibility: undefined, personId }),
    compensation.assignmentsOfPerson(db, personId),
    compensation.listClaims(db, { visibility: undefined, personId }),
    repo.auditAbout(db, [personId, ...Object.values(ids).flat(), ...directory.userIds]),
    repo.listRetentionRules(db),
  ]);
  const claimPolicy = policyFor(actor, geo);
  const visibleClaims = claims.filter((c) => claimPolicy.claim(c).visible);
  const hiddenClaimIds = new Set(claims.filter((c) => !visibleClaims.includes(c)).map((c) => c.id));
  const hiddenDeclarationIds = details ? new Set<string>() : new Set(ids.declarations);
  await db.transaction((tx) =>
    recordAudit(tx, ctx, {
      entityType: 'register-extract',
      entityId: personId,
      action: 'export',
      after: { declarationDetails: details },
    }),
  );
  return {
    generatedAt: clock.now().toISOString(),
    generatedFor: actor.name,
    person: { ...presentPerson(person), anonymisedAt: person.anonymisedAt },
    memberships: memberships.map((m) => presentMembership(m)),
    declarations: declarations.map((d) => presentDeclaration(d, details)),
    declarationDetailsIncluded: details,
    nominations,
    participation: participants.map((p) => ({
      groupId: p.groupId,
      groupName: p.groupName,
      recruitedOn: p.recruitedOn,
      recruitedBy: p.recruitedBy,
      introducedOn: p.introducedOn,
      introducedBy: p.introducedBy,
      notes: p.notes,
    })),
    assignments: assignments.map((a) => ({
      id: a.id,
      groupName: a.groupName,
      kind: a.kind,
      date: a.date,
      timeUnit: a.timeUnit,
      minutes: a.minutes,
      description: a.description,
    })),
    claims: visibleClaims.map((c) => ({
      id: c.id,
      groupName: c.groupName,
      date: c.date,
      status: c.status,
      distanceKm: c.distanceKm,
      feeOre: c.feeOre,
      mileageOre: c.mileageOre,
      travelCostsOre: c.travelCostsOre,
      totalOre: c.totalOre,
      submittedAt: c.submittedAt,
      decidedAt: c.decidedAt,
    })),
    claimsIncluded: hiddenClaimIds.size === 0,
    // what identity directories (SCIM) provisioned: the accounts and the groups they are in
    directoryAccounts: directory.accounts,
    directoryGroups: directory.groups,
    auditEvents: audit.map((e) => {
      // the trail of a hidden record shows that something happened, never its contents
      const hidden = hiddenClaimIds.has(e.entityId) || hiddenDeclarationIds.has(e.entityId);
      return { ...e, before: hidden ? null : (e.before ?? null), after: hidden ? null : (e.after ?? null) };
    }),
    retention: rules.map((r) => ({
      recordType: r.recordType,
      label: r.label,
      retention: r.retention,
      legalBasis: r.legalBasis,
    })),
  };
}

export type RegisterExtract = Awaited<ReturnType<typeof registerExtract>>;
