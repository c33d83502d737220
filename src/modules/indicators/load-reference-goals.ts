/**
 * The patient promises and program areas' goals that the seeds name, as reference data
 * (reference/followup.json): Sydöstra sjukvårdsregionen's seven promises and its priority of
 * patient-near research, and the cancer area's six goals owned by RMPO Cancersjukdomar
 * (seed 001). Upserted by key, so a restart changes nothing and ids stay; a goal whose program
 * area is not in the register is left out.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { recordAudit } from '../../platform/audit/record.js';
import type { Ctx } from '../../platform/context.js';
import type { Db } from '../../platform/db/index.js';
import { REFERENCE_DIR } from '../reference/index.js';
import './audit.js';
import * as repo from './repository.js';

export const FOLLOWUP_FILE = 'followup.json';

interface ReferenceGoals {
  promises: { key: string; owner: string; title: string; source: string; quote: string }[];
  goals: { key: string; promiseKey: string; groupKey: string; title: string; source: string; quote: string }[];
}

export function readFollowupReference<T>(dir = REFERENCE_DIR): T | undefined {
  const path = join(dir, FOLLOWUP_FILE);
  return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as T) : undefined;
}

export async function loadReferenceGoals(db: Db, ctx: Ctx, file = readFollowupReference<ReferenceGoals>()): Promise<number> {
  if (!file) return 0;
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock(7277049)');
    const keyed = await tx.query<{ reference_key: string; id: string }>(
      'SELECT reference_key, id FROM followup_goals WHERE reference_key IS NOT NULL',
    );
    const before = new Map<string, repo.GoalRecord>();
    for (const r of keyed) before.set(r.reference_key, (await repo.getGoal(tx, r.id))!);
    const ids = new Map<string, string>();
    let changed = 0;
    const upsert = async (key: string, g: Omit<Parameters<typeof repo.upsertReferenceGoal>[1], 'key'>) => {
      const id = await repo.upsertReferenceGoal(tx, { key, ...g });
      ids.set(key, id);
      const after = (await repo.getGoal(tx, id))!;
      const was = before.get(key);
      if (!was) await recordAudit(tx, ctx, { entityType: 'followup-goal', entityId: id, action: 'create', after });
      else if (was.version !== after.version)
        await recordAudit(tx, ctx, { entityType: 'followup-goal', entityId: id, action: 'update', before: was, after });
      if (!was || was.version !== after.version) changed++;
    };
    for (const p of file.promises) {
      await upsert(p.key, {
        parentId: null,
        owner: p.owner,
        groupId: null,
        title: p.title,
        sourceQuote: `${p.source}: ${p.quote}`,
      });
    }
    for (const g of file.goals) {
      const [group] = await tx.query<{ id: string; owner: string }>('SELECT id, owner FROM groups WHERE reference_key = $1', [
        g.groupKey,
      ]);
      const parentId = ids.get(g.promiseKey);
      if (!group || !parentId) continue;
      await upsert(g.key, {
        parentId,
        owner: group.owner,
        groupId: group.id,
        title: g.title,
        sourceQuote: `${g.source}: ${g.quote}`,
      });
    }
    return changed;
  });
}
