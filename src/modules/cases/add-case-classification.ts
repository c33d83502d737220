import type { Static } from 'typebox';
import { recordAudit } from '../../platform/audit/record.js';
import { requireActor } from '../../platform/auth/policy.js';
import type { Ctx } from '../../platform/context.js';
import type { Db } from '../../platform/db/index.js';
import { conflict, unprocessable } from '../../platform/errors.js';
import { assertCanRead, assertMay } from './policy.js';
import * as repo from './repository.js';
import { parentCode } from './rules/diarium.js';
import type { ClassificationBody } from './classification-schemas.js';

/**
 * Adds an entry to a region's klassificeringsstruktur ("1.2.3 Kunskapsstyrning – remisser"). The
 * code is unique in the region (409) and its parent ("1.2") must already be there (422), so the
 * structure stays a tree. Kept by `cases.classification` in the region; audited in the same
 * transaction.
 */
export async function addCaseClassification(db: Db, ctx: Ctx, body: Static<typeof ClassificationBody>) {
  requireActor(ctx.actor);
  return db.transaction(async (tx) => {
    await assertCanRead(tx, ctx, body.region);
    await assertMay(tx, ctx, 'cases.classification', body.region);
    const title = body.title.trim();
    if (!title) throw unprocessable('Ange en rubrik.', [{ path: 'title', message: 'Ange en rubrik.' }]);
    if (await repo.classificationByCode(tx, body.region, body.code)) {
      throw conflict(`Koden ${body.code} finns redan i regionens klassificeringsstruktur.`);
    }
    const parent = parentCode(body.code);
    if (parent && !(await repo.classificationByCode(tx, body.region, parent))) {
      throw unprocessable(`Lägg först till ${parent}, som ${body.code} hör under.`, [
        { path: 'code', message: `Överordnad kod ${parent} saknas.` },
      ]);
    }
    const row = await repo.insertClassification(tx, { region: body.region, code: body.code, title });
    await recordAudit(tx, ctx, { entityType: 'case-classification', entityId: row.id, action: 'create', after: row });
    return row;
  });
}
