import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { recordAudit } from '../../platform/audit/record.js';
import { sha256 } from '../../platform/auth/secrets.js';
import type { Ctx } from '../../platform/context.js';
import type { Db, Queryable } from '../../platform/db/index.js';
import { addYears } from '../people/index.js';
import { REFERENCE_DIR } from '../reference/index.js';
import * as repo from './repository.js';
import { findMirror, type Geography } from './rules/structure.js';
import { areasWithCoverage, checkStructures, inDependencyOrder, type StructuresFile } from './rules/structures-file.js';

export const STRUCTURES_FILE = 'structures.json';

export function readStructures(dir = REFERENCE_DIR): string | undefined {
  const path = join(dir, STRUCTURES_FILE);
  return existsSync(path) ? readFileSync(path, 'utf8') : undefined;
}

/**
 * Loads the real structures named by the source texts as reference data: upserted by key, so
 * reloading is idempotent and ids stay; mirrors are linked by program area, never by name.
 */
export async function loadStructures(
  db: Db,
  ctx: Ctx,
  text: string | undefined = readStructures(),
): Promise<{ changed: boolean }> {
  if (text === undefined) return { changed: false };
  const hash = sha256(text);
  const [loaded] = await db.query<{ sha256: string }>('SELECT sha256 FROM reference_files WHERE name = $1', [STRUCTURES_FILE]);
  if (loaded?.sha256 === hash) return { changed: false };
  const file = JSON.parse(text) as StructuresFile;
  await db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock(7277002)');
    const geo = await repo.geography(tx);
    const existing = new Set(
      (
        await tx.query<{ reference_key: string }>(
          `SELECT reference_key FROM groups WHERE reference_key LIKE 'npo:%' OR reference_key LIKE 'nsg:%'`,
        )
      ).map((r) => r.reference_key),
    );
    const problems = checkStructures(file, geo, existing);
    if (problems.length) throw new Error(`reference/${STRUCTURES_FILE} är felaktig:\n- ${problems.join('\n- ')}`);
    await upsertStructures(tx, file, geo);
    await tx.query(
      `INSERT INTO reference_files (name, sha256) VALUES ($1, $2) ON CONFLICT (name) DO UPDATE SET sha256 = EXCLUDED.sha256, loaded_at = now()`,
      [STRUCTURES_FILE, hash],
    );
    await recordAudit(tx, ctx, {
      entityType: 'reference-file',
      entityId: STRUCTURES_FILE,
      action: 'load',
      before: loaded ? { sha256: loaded.sha256 } : null,
      after: { sha256: hash },
    });
  });
  return { changed: true };
}

async function upsertStructures(tx: Queryable, file: StructuresFile, geo: Geography): Promise<void> {
  const areas = areasWithCoverage(file);
  const idOf = async (key: string) =>
    (await tx.query<{ id: string }>('SELECT id FROM groups WHERE reference_key = $1', [key]))[0]?.id ?? null;
  for (const g of inDependencyOrder(file.groups)) {
    const parentId = g.parentKey ? await idOf(g.parentKey) : null;
    const programAreaIds = areas.get(g.key) ?? g.programAreaIds;
    const above =
      g.level === 'national'
        ? []
        : g.level === 'healthcare-region'
          ? ['national']
          : [...(geo.regionHealthcareRegions.get(g.owner) ?? [])];
    const candidates = (await repo.groupsAt(tx, above)).map(repo.facts);
    const mirror = g.mirrorKey
      ? { id: await idOf(g.mirrorKey) }
      : g.kind === 'program-area'
        ? findMirror(
            {
              id: g.key,
              kind: g.kind,
              level: g.level,
              owner: g.owner,
              name: g.name,
              programAreaIds,
              status: 'active',
              isSubGroup: g.isSubGroup ?? false,
            },
            candidates,
            geo,
          )
        : undefined;
    await tx.query(
      `INSERT INTO groups (reference_key, kind, level, owner, name, short_name, program_area_ids, mirrors_group_id, parent_group_id,
         parent_relation, is_sub_group, host_description, fact_status, source_ids, source_quote, no_counterpart_reason)
       VALUES ($1, $2, $3, $4, $5, $6, $7::text[], $8, $9, $10, $11, $12, 'seed', $13::text[], $14, $15)
       ON CONFLICT (reference_key) DO UPDATE SET
         kind = EXCLUDED.kind, level = EXCLUDED.level, owner = EXCLUDED.owner, name = EXCLUDED.name, short_name = EXCLUDED.short_name,
         program_area_ids = EXCLUDED.program_area_ids, mirrors_group_id = EXCLUDED.mirrors_group_id,
         parent_group_id = EXCLUDED.parent_group_id, parent_relation = EXCLUDED.parent_relation, is_sub_group = EXCLUDED.is_sub_group,
         host_description = EXCLUDED.host_description, source_ids = EXCLUDED.source_ids, source_quote = EXCLUDED.source_quote,
         no_counterpart_reason = EXCLUDED.no_counterpart_reason, version = groups.version + 1, updated_at = now()
       WHERE (groups.kind, groups.name, groups.short_name, groups.program_area_ids, groups.mirrors_group_id, groups.parent_group_id,
              groups.parent_relation, groups.is_sub_group, groups.host_description, groups.source_quote, groups.no_counterpart_reason)
         IS DISTINCT FROM (EXCLUDED.kind, EXCLUDED.name, EXCLUDED.short_name, EXCLUDED.program_area_ids, EXCLUDED.mirrors_group_id,
              EXCLUDED.parent_group_id, EXCLUDED.parent_relation, EXCLUDED.is_sub_group, EXCLUDED.host_description, EXCLUDED.source_quote,
              EXCLUDED.no_counterpart_reason)`,
      [
        g.key,
        g.kind,
        g.level,
        g.owner,
        g.name,
        g.shortName ?? null,
        programAreaIds,
        mirror?.id ?? null,
        parentId,
        g.parentKey ? (g.parentRelation ?? 'reports-to') : null,
        g.isSubGroup ?? false,
        g.hostDescription ?? null,
        [g.source],
        g.quote ?? null,
        g.noCounterpart ?? null,
      ],
    );
  }
  for (const r of file.rules ?? []) {
    await tx.query(
      `INSERT INTO structure_rules (owner, rule, source_id, quote, expected_count) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (owner, rule) DO UPDATE SET source_id = EXCLUDED.source_id, quote = EXCLUDED.quote,
         expected_count = EXCLUDED.expected_count`,
      [r.owner, r.rule, r.source, r.quote ?? null, r.expectedCount ?? null],
    );
  }
  for (const a of file.agreements ?? []) {
    const groupIds: string[] = [];
    for (const k of a.groupKeys) {
      const id = await idOf(k);
      if (id) groupIds.push(id);
    }
    await tx.query(
      `INSERT INTO agreements (reference_key, owner, name, decided_by_group_id, decided_on, valid_until, program_area_ids, group_ids,
         source_id, quote)
       VALUES ($1, $2, $3, $4, $5, $6, $7::text[], $8::uuid[], $9, $10)
       ON CONFLICT (reference_key) DO UPDATE SET owner = EXCLUDED.owner, name = EXCLUDED.name,
         decided_by_group_id = EXCLUDED.decided_by_group_id, decided_on = EXCLUDED.decided_on, valid_until = EXCLUDED.valid_until,
         program_area_ids = EXCLUDED.program_area_ids, group_ids = EXCLUDED.group_ids, source_id = EXCLUDED.source_id,
         quote = EXCLUDED.quote`,
      [
        a.key,
        a.owner,
        a.name,
        await idOf(a.decidedByKey),
        a.decidedOn,
        addYears(a.decidedOn, a.limitYears),
        a.programAreaIds,
        groupIds,
        a.source,
        a.quote ?? null,
      ],
    );
  }
}
