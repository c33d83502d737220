import type { Static } from 'typebox';
import { recordAudit } from '../../platform/audit/record.js';
import { requireActor } from '../../platform/auth/policy.js';
import type { Ctx } from '../../platform/context.js';
import type { Db } from '../../platform/db/index.js';
import { notFound, staleVersion, unprocessable } from '../../platform/errors.js';
import { assertMay, may } from './policy.js';
import * as repo from './repository.js';
import { parentCode } from './rules/diarium.js';
import type { ClassificationPatch } from './classification-schemas.js';

/**
 * Renames an entry of the klassificeringsstruktur or makes it (in)active. The code stays: cases
 * are classified by it, and an entry is never deleted. An entry with active entries below it is
 * not made inactive, and one below an inactive entry is not made active (422), so what is offered
 * is always a whole branch. Optimistic (409 on a stale version); 404 outside the caller's regions.
 */
export async function updateCaseClassification(
  db: Db,
  ctx: Ctx,
  id: string,
  version: number,
  patch: Omit<Static<typeof ClassificationPatch>, 'version'>,
) {
  requireActor(ctx.actor);
  return db.transaction(async (tx) => {
    const before = await repo.lockClassification(tx, id);
    if (!before || !(await may(tx, ctx, 'cases.read', before.region))) throw notFound('Klassificeringen');
    await assertMay(tx, ctx, 'cases.classification', before.region);
    if (before.version !== version) throw staleVersion(before.version);
    const title = patch.title?.trim();
    if (patch.title !== undefined && !title) {
      throw unprocessable('Ange en rubrik.', [{ path: 'title', message: 'Ange en rubrik.' }]);
    }
    if (patch.active === false && before.active && (await repo.hasActiveChildren(tx, before.region, before.code))) {
      throw unprocessable(`Gör först de poster som hör under ${before.code} inaktiva.`, [
        { path: 'active', message: 'Posten har aktiva underordnade poster.' },
      ]);
    }
    const parent = parentCode(before.code);
    if (patch.active === true && !before.active && parent) {
      const p = await repo.classificationByCode(tx, before.region, parent);
      if (!p?.active) {
        throw unprocessable(`Gör först ${parent} aktiv.`, [{ path: 'active', message: 'Den överordnade posten är inaktiv.' }]);
      }
    }
    const after = await repo.updateClassification(tx, id, version, {
      ...(title !== undefined ? { title } : {}),
      ...(patch.active !== undefined ? { active: patch.active } : {}),
    });
    if (!after) throw staleVersion(before.version);
    await recordAudit(tx, ctx, { entityType: 'case-classification', entityId: id, action: 'update', before, after });
    return after;
  });
}
