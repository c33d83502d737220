import { recordAudit } from '../../platform/audit/record.js';
import type { Ctx } from '../../platform/context.js';
import type { Db, Queryable } from '../../platform/db/index.js';
import { conflict, unprocessable, type FieldError } from '../../platform/errors.js';
import './audit.js';
import { assertGoalFitsOwner, authorizeIndicatorWrite, type IndicatorWriteKind } from './policy.js';
import { presentIndicator } from './presenter.js';
import { assertVisible } from '../visible.js';
import * as repo from './repository.js';

/** An indicator's fields against each other and what they name (a goal its owner may measure, a program area). */
export async function checkIndicator(
  tx: Queryable,
  ctx: Ctx,
  owner: string,
  i: Omit<repo.IndicatorWrite, 'code' | 'periodicity' | 'owner'>,
): Promise<void> {
  const errors: FieldError[] = [];
  if (i.goalId) {
    const goal = await repo.getGoal(tx, i.goalId);
    if (!goal) errors.push({ path: '/goalId', message: 'Målet finns inte.' });
    else await assertGoalFitsOwner(ctx, tx, goal.owner, owner);
  }
  if (i.programAreaId && !(await tx.query('SELECT 1 FROM program_areas WHERE id = $1', [i.programAreaId])).length) {
    errors.push({ path: '/programAreaId', message: 'Programområdet finns inte.' });
  }
  if (i.targetValue !== null && i.alertValue !== null) {
    const wrongSide = i.direction === 'higher' ? i.alertValue > i.targetValue : i.alertValue < i.targetValue;
    if (wrongSide) {
      errors.push({
        path: '/alertValue',
        message:
          i.direction === 'higher'
            ? 'Larmnivån ska vara lägre än målnivån när högre är bättre.'
            : 'Larmnivån ska vara högre än målnivån när lägre är bättre.',
      });
    }
  }
  if (errors.length) throw unprocessable('Indikatorn kan inte sparas.', errors);
}

/** Whether a write sets an indicator's targets (target or alert level, the goal it measures): what it asks of the caller. */
export function writeKinds(i: Partial<Pick<repo.IndicatorWrite, 'targetValue' | 'alertValue' | 'goalId'>>): IndicatorWriteKind[] {
  const targets = [i.targetValue, i.alertValue, i.goalId].some((v) => v !== undefined && v !== null);
  return targets ? ['definition', 'targets'] : ['definition'];
}

/**
 * A new indicator of an owner: national ones by national roles, an organisation's by its
 * samordnare and controllers (policy.ts; its targets by the samordnare).
 */
export async function createIndicator(db: Db, ctx: Ctx, input: repo.IndicatorWrite, opts: { isDemo?: boolean } = {}) {
  const owner = input.owner ?? 'national';
  return db.transaction(async (tx) => {
    await authorizeIndicatorWrite(ctx, tx, owner, writeKinds(input), { isNew: true });
    await assertVisible(tx, ctx, { goal: input.goalId });
    await checkIndicator(tx, ctx, owner, input);
    if (await repo.getIndicatorByCode(tx, input.code)) throw conflict(`Det finns redan en indikator med koden ${input.code}.`);
    const row = await repo.insertIndicator(tx, { ...input, owner }, opts.isDemo ?? false);
    await recordAudit(tx, ctx, { entityType: 'indicator', entityId: row.id, action: 'create', after: presentIndicator(row) });
    return row;
  });
}
