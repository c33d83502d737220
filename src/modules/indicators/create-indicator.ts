import { recordAudit } from '../../platform/audit/record.js';
import type { Ctx } from '../../platform/context.js';
import type { Db, Queryable } from '../../platform/db/index.js';
import { conflict, unprocessable, type FieldError } from '../../platform/errors.js';
import './audit.js';
import { authorizeIndicatorManage } from './policy.js';
import { presentIndicator } from './presenter.js';
import { assertVisible } from '../visible.js';
import * as repo from './repository.js';

/** An indicator's fields against each other and what they name (goal, program area). */
export async function checkIndicator(tx: Queryable, i: Omit<repo.IndicatorWrite, 'code' | 'periodicity'>): Promise<void> {
  const errors: FieldError[] = [];
  if (i.goalId && !(await repo.getGoal(tx, i.goalId))) errors.push({ path: '/goalId', message: 'Målet finns inte.' });
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

/** National indicators are defined by the system administrators (national follow-up). */
export async function createIndicator(db: Db, ctx: Ctx, input: repo.IndicatorWrite, opts: { isDemo?: boolean } = {}) {
  authorizeIndicatorManage(ctx);
  return db.transaction(async (tx) => {
    await assertVisible(tx, ctx, { goal: input.goalId });
    await checkIndicator(tx, input);
    if (await repo.getIndicatorByCode(tx, input.code)) throw conflict(`Det finns redan en indikator med koden ${input.code}.`);
    const row = await repo.insertIndicator(tx, input, opts.isDemo ?? false);
    await recordAudit(tx, ctx, { entityType: 'indicator', entityId: row.id, action: 'create', after: presentIndicator(row) });
    return row;
  });
}
