import { recordAudit } from '../../platform/audit/record.js';
import { authorize } from '../../platform/auth/policy.js';
import type { Ctx } from '../../platform/context.js';
import type { Db } from '../../platform/db/index.js';
import { notFound, staleVersion } from '../../platform/errors.js';
import * as repo from './repository.js';

/**
 * Administrators keep the retention rules (how long, on what legal basis, gallras or bevaras) as data. What
 * anonymisation does to each record type is fixed by records law and not editable here.
 */
export async function updateRetentionRule(
  db: Db,
  ctx: Ctx,
  recordType: string,
  version: number,
  input: {
    label: string;
    retentionYears: number | null;
    retention: string;
    legalBasis: string;
    disposition?: 'gallras' | 'bevaras' | undefined;
  },
) {
  authorize(ctx.actor, 'records.retention');
  return db.transaction(async (tx) => {
    const before = await repo.getRetentionRule(tx, recordType, true);
    if (!before) throw notFound('Bevaranderegeln');
    if (before.version !== version) throw staleVersion(before.version);
    const disposition = input.disposition ?? before.disposition;
    const row = await repo.updateRetentionRule(tx, recordType, version, { ...input, disposition });
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
        disposition: before.disposition,
      },
      after: {
        label: input.label,
        retentionYears: input.retentionYears,
        retention: input.retention,
        legalBasis: input.legalBasis,
        disposition,
      },
    });
    return row;
  });
}
