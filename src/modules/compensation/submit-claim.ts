import { recordAudit } from '../../platform/audit/record.js';
import { requireActor } from '../../platform/auth/policy.js';
import type { Ctx } from '../../platform/context.js';
import type { Db, Queryable } from '../../platform/db/index.js';
import { conflict, notFound, unprocessable } from '../../platform/errors.js';
import { compensationPolicy, type CompensationPolicy } from './policy.js';
import { ratesOf } from './presenter.js';
import * as repo from './repository.js';
import { computeAmounts, modelOn } from './rules/amounts.js';

export interface TravelInput {
  distanceKm: number;
  travelCostsOre: number;
  lossOfIncomeOre?: number | undefined;
  note?: string | null;
}

/** The assignment, if the caller may claim for it (the person, or the process support on their behalf). */
export async function claimableAssignment(tx: Queryable, policy: CompensationPolicy, assignmentId: string) {
  const a = await repo.getAssignment(tx, assignmentId);
  const p = a ? await repo.getParticipant(tx, a.participantId) : undefined;
  if (!a || !p || !(policy.isPerson(p.personEmail) || policy.mayManageGroup(a.groupId, a.groupOwner)))
    throw notFound('Uppdraget');
  return { assignment: a, participant: p };
}

/** Amounts for an assignment under the model in force on its date. */
export async function price(
  tx: Queryable,
  a: repo.AssignmentRow,
  travel: TravelInput,
): Promise<repo.ClaimWrite & { modelName: string }> {
  const model = modelOn(await repo.listRateModels(tx), a.date);
  if (!model)
    throw unprocessable(
      `Ersättningsnivåer saknas för perioden: ingen ersättningsmodell gäller ${a.date}. En administratör lägger in nivåerna för perioden.`,
      [{ path: 'assignmentId', message: 'Ersättningsnivåer saknas för perioden' }],
    );
  const rates = ratesOf(model);
  const lossOfIncomeOre = travel.lossOfIncomeOre ?? 0;
  if (lossOfIncomeOre > 0 && rates.lossOfIncomeMaxOrePerDay === null)
    throw unprocessable(`Ersättningsmodellen "${model.name}" ersätter inte inkomstbortfall.`, [
      { path: 'lossOfIncomeOre', message: 'modellen ersätter inte inkomstbortfall' },
    ]);
  const amounts = computeAmounts(rates, {
    timeUnit: a.timeUnit,
    minutes: a.minutes,
    distanceKm: travel.distanceKm,
    travelCostsOre: travel.travelCostsOre,
    lossOfIncomeOre,
  });
  return {
    distanceKm: travel.distanceKm,
    travelCostsOre: travel.travelCostsOre,
    note: travel.note?.trim() || null,
    rateModelId: model.id,
    modelName: model.name,
    rates,
    feeOre: amounts.feeOre,
    mileageOre: amounts.mileageOre,
    lossOfIncomeOre: amounts.lossOfIncomeOre,
    totalOre: amounts.totalOre,
  };
}

/** What a claim would come to, without saving anything (the form's live amount). */
export async function quoteClaim(db: Db, ctx: Ctx, input: TravelInput & { assignmentId: string }) {
  requireActor(ctx.actor);
  const { assignment } = await claimableAssignment(db, await compensationPolicy(ctx, db), input.assignmentId);
  return price(db, assignment, input);
}

/**
 * A claim for one assignment: the fee for the time spent plus mileage and other travel costs,
 * computed under the model in force on the assignment's date and fixed from now on.
 */
export async function submitClaim(db: Db, ctx: Ctx, input: TravelInput & { assignmentId: string }) {
  requireActor(ctx.actor);
  const actor = ctx.actor;
  const policy = await compensationPolicy(ctx, db);
  return db.transaction(async (tx) => {
    const { assignment, participant } = await claimableAssignment(tx, policy, input.assignmentId);
    if (assignment.claimId) throw conflict('Det finns redan ett anspråk för uppdraget.');
    const values = await price(tx, assignment, input);
    const row = await repo.insertClaim(tx, {
      ...values,
      assignmentId: assignment.id,
      personId: participant.personId,
      groupId: participant.groupId,
      submittedBy: actor.via === 'system' ? null : actor.userId,
    });
    // amounts stay out of the general audit trail: only the claim's own readers see them
    await recordAudit(tx, ctx, {
      entityType: 'compensation-claim',
      entityId: row.id,
      action: 'submit',
      after: { assignmentId: assignment.id, personId: row.personId, groupId: row.groupId, status: row.status },
    });
    return row;
  });
}
