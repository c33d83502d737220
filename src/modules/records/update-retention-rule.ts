import { recordAudit } from '../../platform/audit/record.js';
import { authorize } from '../../platform/auth/policy.js';
import type { Ctx } from '../../platform/context.js';
import type { Db } from '../../platform/db/index.js';
import { notFound, staleVersion } from '../../platform/errors.js';
import * as repo from './repository.js';

/**
 * Administrators keep the retention rules (how long, on what legal basis) as data. What
 * anonymisation does to each record type is fixed by records law and not editable here.
 */
export async function updateRetentionRule(
  db: Db,
  ctx: Ctx,
  recordType: string,
  version: number,
  input: { label: string; retentionYears: number | null; retention: string; legalBasis: string },
) {
  authorize(ctx.actor, 'records.retention');
  return db.transaction(async (tx) => {
    const before = await repo.getRetentionRule(tx, recordType, true);
    if (!before) throw notFound('Bevaranderegeln');
    if (before.version !== version) throw staleVersion(before.version);
    const row = await repo.updateRetentionRule(tx, recordType, version, input);
    if (!row) throw staleVersion(before.version + 1);
    await recordAudit(tx, ctx, {
      entityType: 'retention-rule',
      entityId: recordType,
      action: 'update',
      before: {
        label: before.label,
        retentionYears: before.retentionYears,
        retention: before.retention,
        legalBasis: before.legalBasis,
      },
      after: {
        label: input.label,
        retentionYears: input.retentionYears,
        retention: input.retention,
        legalBasis: input.legalBasis,
      },
    });
    return row;
  });
}
