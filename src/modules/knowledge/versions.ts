import { recordAudit } from '../../platform/audit/record.js';
import { authorize } from '../../platform/auth/policy.js';
import type { Ctx } from '../../platform/context.js';
import type { Db } from '../../platform/db/index.js';
import { conflict, notFound, staleVersion, unprocessable } from '../../platform/errors.js';
import { checkConsequences, checkVersion, type ConsequenceInput } from './check.js';
import { presentVersion, supportCore } from './presenter.js';
import * as repo from './repository.js';
import { canTransition, isFinal } from './rules/lifecycle.js';

export type VersionInput = repo.VersionWrite & { consequences?: ConsequenceInput[] };

/**
 * A new version of a support starts under framtagande. A new version of a published support
 * puts the support under revision.
 */
export async function createVersion(db: Db, ctx: Ctx, supportId: string, input: VersionInput) {
  return db.transaction(async (tx) => {
    authorize(ctx.actor, 'knowledge.write');
    const support = await repo.getSupport(tx, supportId, { forUpdate: true });
    if (!support) throw notFound('Kunskapsstödet');
    if (isFinal(support.status)) throw conflict('Kunskapsstödet är ersatt eller upphävt; skapa ett nytt i stället.');
    const v = checkVersion(input);
    if (await repo.versionLabelTaken(tx, supportId, v.label, null)) {
      throw unprocessable('Versionen finns redan.', [{ path: '/label', message: `Det finns redan en version ${v.label}.` }]);
    }
    const open = (await repo.versionsOf(tx, supportId)).filter((x) =>
      ['under-framtagande', 'pa-remiss', 'beslutad', 'under-revision'].includes(x.status),
    );
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
      after: presentVersion(row, await repo.consequencesOf(tx, [row.id])),
    });
    if (support.status === 'publicerad' && canTransition('publicerad', 'under-revision')) {
      await repo.setSupportStatus(tx, supportId, 'under-revision');
      await recordAudit(tx, ctx, {
        entityType: 'knowledge-support',
        entityId: supportId,
        action: 'transition',
        before: supportCore(support),
        after: { ...supportCore((await repo.getSupport(tx, supportId))!), because: `ny version ${row.label}` },
      });
    }
    return row;
  });
}

/** Edits a version's texts, dates and consequence description; a final version is frozen. */
export async function updateVersion(db: Db, ctx: Ctx, versionId: string, version: number, patch: Partial<VersionInput>) {
  return db.transaction(async (tx) => {
    authorize(ctx.actor, 'knowledge.write');
    const before = await repo.getVersion(tx, versionId, { forUpdate: true });
    if (!before) throw notFound('Versionen');
    if (before.version !== version) throw staleVersion(before.version);
    if (isFinal(before.status)) throw conflict('Versionen är ersatt eller upphävd och kan inte ändras.');
    const beforeConsequences = await repo.consequencesOf(tx, [versionId]);
    const pick = <K extends keyof repo.VersionWrite>(k: K, current: repo.VersionWrite[K]) =>
      patch[k] !== undefined ? patch[k] : current;
    const v = checkVersion({
      label: pick('label', before.label),
      changeSummary: pick('changeSummary', before.change_summary),
      url: pick('url', before.url),
      decidedOn: pick('decidedOn', before.decided_on),
      publishedOn: pick('publishedOn', before.published_on),
      validFrom: pick('validFrom', before.valid_from),
      validUntil: pick('validUntil', before.valid_until),
    });
    if (await repo.versionLabelTaken(tx, before.support_id, v.label, versionId)) {
      throw unprocessable('Versionen finns redan.', [{ path: '/label', message: `Det finns redan en version ${v.label}.` }]);
    }
    if (patch.consequences !== undefined) {
      if (before.status !== 'under-framtagande' && before.status !== 'under-revision') {
        throw unprocessable('Konsekvensbeskrivningen låses när versionen har gått på remiss.', [
          { path: '/consequences', message: 'Kan bara ändras under framtagande.' },
        ]);
      }
      await repo.setConsequences(tx, versionId, checkConsequences(patch.consequences));
    }
    const after = await repo.updateVersionRow(tx, versionId, version, v);
    if (!after) throw staleVersion(before.version);
    await recordAudit(tx, ctx, {
      entityType: 'knowledge-support-version',
      entityId: versionId,
      action: 'update',
      before: presentVersion(before, beforeConsequences),
      after: presentVersion(after, await repo.consequencesOf(tx, [versionId])),
    });
    return after;
  });
}
