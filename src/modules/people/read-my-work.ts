import { requireActor } from '../../platform/auth/policy.js';
import type { Ctx } from '../../platform/context.js';
import type { Db } from '../../platform/db/index.js';
import { listExpiring } from './expiring.js';
import { peoplePolicy } from './policy.js';
import * as repo from './repository.js';

export interface DeclarationWorkItem {
  declarationId: string;
  personId: string;
  personName: string;
  submittedAt: string;
}

export interface MandateWorkItem {
  membershipId: string;
  personId: string;
  personName: string;
  groupId: string;
  groupName: string;
  role: string;
  endDate: string;
}

/**
 * The people work of the caller, for Min översikt: submitted jäv declarations they may review
 * (never their own), and seats ending within `days` in the registers they manage. Each is null
 * when the caller holds no role that reviews or manages anywhere.
 */
export async function readMyPeopleWork(
  db: Db,
  ctx: Ctx,
  opts: { days: number },
): Promise<{ declarations: DeclarationWorkItem[] | null; mandates: MandateWorkItem[] | null }> {
  requireActor(ctx.actor);
  const actor = ctx.actor;
  const policy = peoplePolicy(ctx, db);
  // The two lists ask different registers: read at once.
  const readDeclarations = async (): Promise<DeclarationWorkItem[] | null> => {
    const reviews = await policy.registers(['jav.review']);
    if (reviews !== undefined && !reviews.length) return null;
    const rows = await repo.declarationQueue(db, undefined);
    const may = await Promise.all(rows.map((d) => policy.scope.may('jav.review', d.homeOwner)));
    return rows
      .filter((d, i) => may[i] && d.submittedBy !== actor.userId)
      .map((d) => ({
        declarationId: d.id,
        personId: d.personId,
        personName: d.personName,
        submittedAt: d.submittedAt,
      }));
  };
  const readMandates = async (): Promise<MandateWorkItem[] | null> => {
    const manages = await policy.registers(['people.manage']);
    if (manages !== undefined && !manages.length) return null;
    const expiring = await listExpiring(db, ctx, { days: opts.days });
    return expiring.memberships
      .filter((m) => m.endingSoon && m.endDate)
      .map((m) => ({
        membershipId: m.id,
        personId: m.personId,
        personName: m.personName,
        groupId: m.groupId,
        groupName: m.groupName,
        role: m.role,
        endDate: m.endDate!,
      }))
      .sort((a, b) => a.endDate.localeCompare(b.endDate));
  };
  const [declarations, mandates] = await Promise.all([readDeclarations(), readMandates()]);
  return { declarations, mandates };
}
