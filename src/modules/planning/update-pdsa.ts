/** Writing in a PDSA cycle, and taking its next step by the cycle's lifecycle (rules/pdsa.ts). */
import { recordAudit } from '../../platform/audit/record.js';
import type { Ctx } from '../../platform/context.js';
import type { Db } from '../../platform/db/index.js';
import { conflict, notFound, staleVersion } from '../../platform/errors.js';
import { runTransition } from '../../platform/lifecycle/index.js';
import './audit.js';
import { getPdsaForUpdate, updatePdsaRow, type PdsaRow } from './pdsa-repository.js';
import { authorizePdsaWrite } from './policy.js';
import { pdsaLifecycle } from './rules/pdsa.js';
import type { UpdatePdsaInput } from './schemas.js';

export async function updatePdsa(db: Db, ctx: Ctx, id: string, version: number, patch: Omit<UpdatePdsaInput, 'version'>) {
  return db.transaction(async (tx) => {
    const before = await getPdsaForUpdate(tx, id);
    if (!before) throw notFound('PDSA-cykeln');
    await authorizePdsaWrite(ctx, tx, before.regionCode);
    if (before.version !== version) throw staleVersion(before.version);
    const phase = patch.phase ?? before.phase;
    const text = (k: 'plan' | 'do' | 'study' | 'act', current: string | null) => (patch[k] !== undefined ? patch[k] : current);
    const write = async (to = before.phase): Promise<PdsaRow> => {
      const row = await updatePdsaRow(tx, id, version, {
        title: patch.title ?? before.title,
        phase: to,
        plan: text('plan', before.plan),
        do: text('do', before.do),
        study: text('study', before.study),
        act: text('act', before.act),
      });
      if (!row) throw staleVersion(before.version);
      return row;
    };
    if (phase === before.phase) {
      const row = await write();
      await recordAudit(tx, ctx, {
        entityType: 'pdsa-cycle',
        entityId: id,
        action: 'update',
        before: before,
        after: row,
      });
      return row;
    }
    // No step leads back to planning.
    if (!pdsaLifecycle.isAction(phase)) {
      throw conflict(`Cykeln kan inte gå från "${before.phase}" till "${phase}": ta ett steg i taget.`);
    }
    let after = before;
    await runTransition(tx, ctx, pdsaLifecycle, {
      id,
      action: phase,
      version,
      lock: async (q) => {
        const row = await getPdsaForUpdate(q, id);
        return row && { ...row, status: row.phase };
      },
      authorize: (q, row) => authorizePdsaWrite(ctx, q, row.regionCode),
      apply: async (_q, _row, to) => {
        after = await write(to);
        return { version: after.version };
      },
      auditDetails: {
        texts: {
          title: patch.title ?? before.title,
          plan: text('plan', before.plan),
          do: text('do', before.do),
          study: text('study', before.study),
          act: text('act', before.act),
        },
      },
    });
    return after;
  });
}
