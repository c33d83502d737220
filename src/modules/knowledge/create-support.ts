import { recordAudit } from '../../platform/audit/record.js';
import type { Ctx } from '../../platform/context.js';
import type { Db } from '../../platform/db/index.js';
import { checkConsequences, checkSupport, checkVersion, type ConsequenceInput } from './check.js';
import { supportCore, versionAudit } from './presenter.js';
import { assertVisible } from '../visible.js';
import { knowledgePolicy } from './policy.js';
import * as repo from './repository.js';
import type { LifecycleState } from './rules/lifecycle.js';

export interface CreateSupportInput extends repo.SupportWrite {
  /** A support enters the catalogue as a draft, or (loading existing ones) as published. */
  status?: Extract<LifecycleState, 'under-framtagande' | 'publicerad'>;
  isDemo?: boolean;
  firstVersion?: Partial<repo.VersionWrite> & { label: string; consequences?: ConsequenceInput[] };
}

/** A national knowledge support enters the catalogue, with its first version when given. */
export async function createSupport(db: Db, ctx: Ctx, input: CreateSupportInput) {
  return db.transaction(async (tx) => {
    await knowledgePolicy(ctx, tx).assertWrite();
    await assertVisible(tx, ctx, { group: input.producerGroupId });
    const checked = await checkSupport(tx, input);
    const status = input.status ?? 'under-framtagande';
    const id = await repo.insertSupport(tx, { ...checked, status, isDemo: input.isDemo ?? false });
    const row = (await repo.getSupport(tx, id))!;
    await recordAudit(tx, ctx, { entityType: 'knowledge-support', entityId: id, action: 'create', after: supportCore(row) });
    let firstVersionId: string | null = null;
    if (input.firstVersion) {
      const fv = input.firstVersion;
      const v = checkVersion({
        label: fv.label,
        changeSummary: fv.changeSummary ?? null,
        url: fv.url ?? null,
        decidedOn: fv.decidedOn ?? null,
        publishedOn: fv.publishedOn ?? null,
        validFrom: fv.validFrom ?? null,
        validUntil: fv.validUntil ?? null,
      });
      const consequences = checkConsequences(fv.consequences ?? [], '/firstVersion/consequences');
      const version = await repo.insertVersion(tx, id, { ...v, status });
      await repo.setConsequences(tx, version.id, consequences);
      firstVersionId = version.id;
      await recordAudit(tx, ctx, {
        entityType: 'knowledge-support-version',
        entityId: version.id,
        action: 'create',
        after: versionAudit(version, await repo.consequencesOf(tx, [version.id])),
      });
    }
    return { ...row, firstVersionId };
  });
}
