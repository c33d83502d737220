import type { Static } from 'typebox';
import { recordAudit } from '../../platform/audit/record.js';
import type { Ctx } from '../../platform/context.js';
import type { Db } from '../../platform/db/index.js';
import { conflict, notFound, staleVersion, unprocessable } from '../../platform/errors.js';
import { checkConsequences, checkVersion } from './check.js';
import type { UpdateVersionBody } from './schemas.js';
import { knowledgePolicy } from './policy.js';
import { versionAudit } from './presenter.js';
import * as repo from './repository.js';
import { consequencesEditable, isFinal } from './rules/lifecycle.js';

/** The route's body without its version (If-Match or body `version`, checked apart). */
export type VersionPatch = Omit<Static<typeof UpdateVersionBody>, 'version'>;

/**
 * Edits a version's texts, dates and consequence description; a final version is frozen, and the
 * consequence description is locked once the version has gone on remiss (the version lifecycle's `locked`).
 */
export async function updateVersion(db: Db, ctx: Ctx, versionId: string, version: number, patch: VersionPatch) {
  return db.transaction(async (tx) => {
    await knowledgePolicy(ctx, tx).assertWrite();
    const before = await repo.getVersion(tx, versionId, { forUpdate: true });
    if (!before) throw notFound('Versionen');
    if (before.version !== version) throw staleVersion(before.version);
    if (isFinal(before.status)) throw conflict('Versionen är ersatt eller upphävd och kan inte ändras.');
    const beforeConsequences = await repo.consequencesOf(tx, [versionId]);
    const pick = <K extends keyof repo.VersionWrite>(k: K, current: repo.VersionWrite[K]) =>
      patch[k] !== undefined ? patch[k] : current;
    const v = checkVersion({
      label: pick('label', before.label),
      changeSummary: pick('changeSummary', before.changeSummary),
      url: pick('url', before.url),
      decidedOn: pick('decidedOn', before.decidedOn),
      publishedOn: pick('publishedOn', before.publishedOn),
      validFrom: pick('validFrom', before.validFrom),
      validUntil: pick('validUntil', before.validUntil),
    });
    if (await repo.versionLabelTaken(tx, before.supportId, v.label, versionId)) {
      throw unprocessable('Versionen finns redan.', [{ path: '/label', message: `Det finns redan en version ${v.label}.` }]);
    }
    if (patch.consequences !== undefined) {
      if (!consequencesEditable(before.status)) {
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
      before: versionAudit(before, beforeConsequences),
      after: versionAudit(after, await repo.consequencesOf(tx, [versionId])),
    });
    return after;
  });
}
