import { recordAudit } from '../../platform/audit/record.js';
import { requestScope } from '../../platform/auth/scope.js';
import type { Ctx } from '../../platform/context.js';
import type { Db } from '../../platform/db/index.js';
import { notFound, staleVersion, unprocessable } from '../../platform/errors.js';
import { assertVisible } from '../visible.js';
import { authorizeInRegion, mayInRegion } from './policy.js';
import * as repo from './repository.js';
import { checkDecidingGroups } from './route-answer.js';
import { checkOffsets, DEFAULT_OFFSETS, type Offsets } from './rules/milestones.js';

export interface SettingsInput extends Offsets {
  beredningGroupId: string | null;
  decisionGroupId: string | null;
  version: number;
}

export const presentSettings = (region: string, s: repo.SettingsRow | undefined) => ({
  region,
  ...(s ? repo.offsetsOf(s) : DEFAULT_OFFSETS),
  beredningGroupId: s?.beredningGroupId ?? null,
  decisionGroupId: s?.decisionGroupId ?? null,
  version: s?.version ?? 0,
});

export async function readSettings(db: Db, ctx: Ctx, region: string) {
  const geo = await requestScope(ctx, db).geography();
  if (!geo.regionHealthcareRegions.has(region)) throw notFound('Regionen');
  await authorizeInRegion(ctx, db, 'consultations.read', region);
  return {
    ...presentSettings(region, await repo.getSettings(db, region)),
    mayEdit: await mayInRegion(ctx, db, 'consultations.settings', region),
  };
}

/**
 * The region's milestone offsets (working days before the deadline) and its default
 * beredning and decision forums. Version 0 means "no settings yet" (the defaults).
 * New answers use them; answers already registered keep their schedule.
 */
export async function updateSettings(db: Db, ctx: Ctx, region: string, input: SettingsInput) {
  return db.transaction(async (tx) => {
    const geo = await requestScope(ctx, tx).geography();
    if (!geo.regionHealthcareRegions.has(region)) throw notFound('Regionen');
    await authorizeInRegion(ctx, tx, 'consultations.settings', region);
    await assertVisible(tx, ctx, { group: [input.beredningGroupId, input.decisionGroupId] });
    const errors = checkOffsets(input);
    errors.push(...(await checkDecidingGroups(tx, region, input)));
    if (errors.length) throw unprocessable(errors.map((e) => e.message).join('; '), errors);
    const before = await repo.getSettings(tx, region);
    if ((before?.version ?? 0) !== input.version) throw staleVersion(before?.version ?? 0);
    const row = await repo.upsertSettings(tx, region, input, before ? input.version : null);
    if (!row) throw staleVersion((before?.version ?? 0) + 1);
    await recordAudit(tx, ctx, {
      entityType: 'consultation-settings',
      entityId: region,
      action: 'update',
      before: before ? presentSettings(region, before) : null,
      after: presentSettings(region, row),
    });
    return presentSettings(region, row);
  });
}
