import type { Static } from 'typebox';
import { recordAudit } from '../../platform/audit/record.js';
import type { Ctx } from '../../platform/context.js';
import type { Db } from '../../platform/db/index.js';
import { conflict, notFound, unprocessable } from '../../platform/errors.js';
import { runTransition } from '../../platform/lifecycle/index.js';
import { checkConsequences, checkVersion, versionWrite } from './check.js';
import { knowledgePolicy } from './policy.js';
import { versionAudit } from './presenter.js';
import * as repo from './repository.js';
import type { CreateVersionBody } from './schemas.js';
import { isFinal, NEW_VERSION_REVISES, supportLifecycle, VERSION_IN_WORK } from './rules/lifecycle.js';

/** The route's body: what is left out is null (the consequences: none described yet). */
export type VersionInput = Static<typeof CreateVersionBody>;

/**
 * A new version of a support starts under framtagande; a support has one version in work at a
 * time. A new version of a published support puts the support under revision.
 */
export async function createVersion(db: Db, ctx: Ctx, supportId: string, input: VersionInput) {
  return db.transaction(async (tx) => {
    await knowledgePolicy(ctx, tx).assertWrite();
    const support = await repo.getSupport(tx, supportId, { forUpdate: true });
    if (!support) throw notFound('Kunskapsstödet');
    if (isFinal(support.status)) throw conflict('Kunskapsstödet är ersatt eller upphävt; skapa ett nytt i stället.');
    const v = checkVersion(versionWrite(input));
    if (await repo.versionLabelTaken(tx, supportId, v.label, null)) {
      throw unprocessable('Versionen finns redan.', [{ path: '/label', message: `Det finns redan en version ${v.label}.` }]);
    }
    const open = (await repo.versionsOf(tx, supportId)).filter((x) => VERSION_IN_WORK.includes(x.status));
    if (open.length > 0) {
      throw unprocessable('Det finns redan en version under arbete.', [
        { path: '/label', message: `Version ${open[0]!.label} är inte publicerad eller avslutad än.` },
      ]);
    }
    const consequences = checkConsequences(input.consequences ?? []);
    const row = await repo.insertVersion(tx, supportId, { ...v, status: 'under-framtagande' });
    await repo.setConsequences(tx, row.id, consequences);
    await recordAudit(tx, ctx, {
      entityType: 'knowledge-support-version',
      entityId: row.id,
      action: 'create',
      after: versionAudit(row, await repo.consequencesOf(tx, [row.id])),
    });
    if (NEW_VERSION_REVISES.from.includes(support.status)) {
      await runTransition(tx, ctx, supportLifecycle, {
        id: supportId,
        action: NEW_VERSION_REVISES.action,
        lock: async () => support,
        authorize: () => undefined,
        apply: (q, _row, to) => repo.setSupportStatus(q, supportId, to),
        auditDetails: { because: `ny version ${row.label}` },
      });
    }
    return row;
  });
}
