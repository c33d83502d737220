/**
 * The recurring obligations the seeds name, as reference data (reference/followup.json):
 * Jönköping's program areas meet sjukvårdens ledningsgrupp twice a year (seed 000); Blekinge's
 * kommunikationsplan is evaluated in the Kunskapsrådet twice a year (seed 002). Made once by
 * key; after that they are the region's to change.
 */
import { recordAudit } from '../../platform/audit/record.js';
import type { Ctx } from '../../platform/context.js';
import type { Db } from '../../platform/db/index.js';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REFERENCE_DIR } from '../reference/index.js';
import './audit.js';
import * as repo from './obligation-repository.js';

interface ReferenceObligations {
  obligations: {
    key: string;
    groupKey: string;
    title: string;
    timesPerYear: number;
    remindDaysBefore: number;
    source: string;
    quote: string;
  }[];
}

function readObligations(dir = REFERENCE_DIR): ReferenceObligations | undefined {
  const path = join(dir, 'followup.json');
  return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as ReferenceObligations) : undefined;
}

export async function loadReferenceObligations(db: Db, ctx: Ctx, file = readObligations()): Promise<number> {
  if (!file) return 0;
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock(7277050)');
    let made = 0;
    for (const o of file.obligations) {
      if (await repo.obligationByReferenceKey(tx, o.key)) continue;
      const [group] = await tx.query<{ id: string; owner: string }>('SELECT id, owner FROM groups WHERE reference_key = $1', [
        o.groupKey,
      ]);
      if (!group) continue;
      const id = await repo.insertObligation(tx, {
        owner: group.owner,
        groupId: group.id,
        title: o.title,
        description: null,
        timesPerYear: o.timesPerYear,
        remindDaysBefore: o.remindDaysBefore,
        sourceId: o.source,
        sourceQuote: o.quote,
        referenceKey: o.key,
      });
      await recordAudit(tx, ctx, {
        entityType: 'obligation',
        entityId: id,
        action: 'create',
        after: (await repo.getObligation(tx, id))!,
      });
      made++;
    }
    return made;
  });
}
