import { recordAudit } from '../../platform/audit/record.js';
import { authorize } from '../../platform/auth/policy.js';
import type { Ctx } from '../../platform/context.js';
import type { Db, Queryable } from '../../platform/db/index.js';
import { conflict, notFound, staleVersion, unprocessable, type FieldError } from '../../platform/errors.js';
import { presentIndicator } from './presenter.js';
import { assertVisible } from '../visible.js';
import * as repo from './repository.js';

async function check(tx: Queryable, i: Omit<repo.IndicatorWrite, 'code' | 'periodicity'>): Promise<void> {
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
  authorize(ctx.actor, 'followup.indicators.manage');
  return db.transaction(async (tx) => {
    await assertVisible(tx, ctx, { goal: input.goalId });
    await check(tx, input);
    if (await repo.getIndicatorByCode(tx, input.code)) throw conflict(`Det finns redan en indikator med koden ${input.code}.`);
    const row = await repo.insertIndicator(tx, input, opts.isDemo ?? false);
    await recordAudit(tx, ctx, { entityType: 'indicator', entityId: row.id, action: 'create', after: presentIndicator(row) });
    return row;
  });
}

export async function updateIndicator(
  db: Db,
  ctx: Ctx,
  id: string,
  version: number,
  patch: Partial<Omit<repo.IndicatorWrite, 'code' | 'periodicity'>>,
) {
  authorize(ctx.actor, 'followup.indicators.manage');
  return db.transaction(async (tx) => {
    const before = await repo.getIndicator(tx, id, { forUpdate: true });
    if (!before) throw notFound('Indikatorn');
    if (before.version !== version) throw staleVersion(before.version);
    await assertVisible(tx, ctx, { goal: patch.goalId });
    const merged = {
      goalId: patch.goalId !== undefined ? patch.goalId : before.goal_id,
      name: patch.name ?? before.name,
      definition: patch.definition ?? before.definition,
      unit: patch.unit ?? before.unit,
      direction: patch.direction ?? before.direction,
      source: patch.source ?? before.source,
      sourceName: patch.sourceName !== undefined ? patch.sourceName : before.source_name,
      targetValue: patch.targetValue !== undefined ? patch.targetValue : before.target_value,
      alertValue: patch.alertValue !== undefined ? patch.alertValue : before.alert_value,
      programAreaId: patch.programAreaId !== undefined ? patch.programAreaId : before.program_area_id,
    };
    await check(tx, merged);
    const after = await repo.updateIndicatorRow(tx, id, version, merged);
    if (!after) throw staleVersion(before.version);
    await recordAudit(tx, ctx, {
      entityType: 'indicator',
      entityId: id,
      action: 'update',
      before: presentIndicator(before),
      after: presentIndicator(after),
    });
    return after;
  });
}
