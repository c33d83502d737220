import './audit.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { recordAudit } from '../../platform/audit/record.js';
import { sha256 } from '../../platform/auth/secrets.js';
import type { Ctx } from '../../platform/context.js';
import type { Db, Queryable } from '../../platform/db/index.js';
import { projectRoot } from '../../platform/version.js';
import { checkReference, parseReference, REFERENCE_FILE_NAMES, type ReferenceData, type ReferenceFiles } from './rules/parse.js';

export const REFERENCE_DIR = join(projectRoot, 'reference');

export function readReferenceFiles(dir = REFERENCE_DIR): ReferenceFiles {
  return Object.fromEntries(REFERENCE_FILE_NAMES.map((n) => [n, readFileSync(join(dir, n), 'utf8')])) as ReferenceFiles;
}

/**
 * Loads the national reference data when it is missing or a data file changed. Rows are
 * upserted by their natural keys (codes, slugs), so ids other tables point at never change;
 * a row's version is bumped only when its values changed. Everything happens in one
 * transaction: a broken file loads nothing.
 */
export async function loadReference(db: Db, ctx: Ctx, files: ReferenceFiles = readReferenceFiles()): Promise<{ changedFiles: string[] }> {
  const hashes = Object.fromEntries(REFERENCE_FILE_NAMES.map((n) => [n, sha256(files[n])]));
  const loaded = new Map(
    (await db.query<{ name: string; sha256: string }>('SELECT name, sha256 FROM reference_files')).map((r) => [r.name, r.sha256]),
  );
  const changed = REFERENCE_FILE_NAMES.filter((n) => loaded.get(n) !== hashes[n]);
  if (changed.length === 0) return { changedFiles: [] };
  const data = parseReference(files);
  const problems = checkReference(data);
  if (problems.length) throw new Error(`Referensdata är felaktiga:\n- ${problems.join('\n- ')}`);
  await db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock(7277002)');
    await upsertAll(tx, data);
    for (const name of changed) {
      await tx.query(
        `INSERT INTO reference_files (name, sha256) VALUES ($1, $2)
         ON CONFLICT (name) DO UPDATE SET sha256 = EXCLUDED.sha256, loaded_at = now()`,
        [name, hashes[name]],
      );
      await recordAudit(tx, ctx, {
        entityType: 'reference-file',
        entityId: name,
        action: 'load',
        before: loaded.has(name) ? { sha256: loaded.get(name)! } : null,
        after: { sha256: hashes[name]! },
      });
    }
  });
  return { changedFiles: changed };
}

/** INSERT … ON CONFLICT that bumps version only when a value differs. */
async function upsert(tx: Queryable, table: string, key: string, cols: string[], values: unknown[], casts: Record<string, string> = {}) {
  const all = [key, ...cols];
  const placeholders = all.map((c, i) => `$${i + 1}${casts[c] ?? ''}`).join(', ');
  const set = cols.map((c) => `${c} = EXCLUDED.${c}`).join(', ');
  const differs = `(${cols.map((c) => `${table}.${c}`).join(', ')}) IS DISTINCT FROM (${cols.map((c) => `EXCLUDED.${c}`).join(', ')})`;
  await tx.query(
    `INSERT INTO ${table} (${all.join(', ')}) VALUES (${placeholders})
     ON CONFLICT (${key}) DO UPDATE SET ${set}, version = ${table}.version + 1, updated_at = now() WHERE ${differs}`,
    values,
  );
}

async function upsertAll(tx: Queryable, d: ReferenceData): Promise<void> {
  for (const s of d.sources) {
    await tx.query(
      `INSERT INTO reference_sources (id, section, description, url) VALUES ($1, $2, $3, $4)
       ON CONFLICT (id) DO UPDATE SET section = EXCLUDED.section, description = EXCLUDED.description, url = EXCLUDED.url`,
      [s.id, s.section, s.description, s.url],
    );
  }
  for (const h of d.healthcareRegions) await upsert(tx, 'healthcare_regions', 'id', ['name'], [h.id, h.name]);
  for (const r of d.regions) {
    await upsert(tx, 'regions', 'code', ['name', 'short_name', 'county_name'], [r.code, r.name, r.shortName, r.countyName]);
  }
  const members = d.regions.flatMap((r) => r.healthcareRegionIds.map((h) => [h, r.code] as const));
  for (const [h, c] of members) {
    await tx.query('INSERT INTO healthcare_region_members VALUES ($1, $2) ON CONFLICT DO NOTHING', [h, c]);
  }
  const memberKeys = members.map(([h, c]) => `${h}/${c}`);
  await tx.query(`DELETE FROM healthcare_region_members WHERE NOT (healthcare_region_id || '/' || region_code = ANY($1::text[]))`, [memberKeys]);

  const regionHr = new Map(d.regions.map((r) => [r.code, r.healthcareRegionIds]));
  const split = new Map(d.municipalitySplits.map((s) => [s.code, s]));
  for (const m of d.municipalities) {
    const s = split.get(m.code);
    const hrs = regionHr.get(m.regionCode) ?? [];
    const hr = s?.healthcareRegionId ?? (hrs.length === 1 ? hrs[0] : null);
    await upsert(
      tx,
      'municipalities',
      'code',
      ['name', 'region_code', 'healthcare_region_id', 'healthcare_region_basis'],
      [m.code, m.name, m.regionCode, hr, s?.basis ?? null],
    );
  }
  for (const p of d.programAreas) {
    await upsert(
      tx,
      'program_areas',
      'id',
      ['name', 'kind', 'host_healthcare_region_id', 'host_other', 'host_status', 'host_basis', 'source_ids'],
      [p.id, p.name, p.kind, p.hostHealthcareRegionId, p.hostOther, p.hostStatus, p.hostBasis, p.sourceIds],
      { source_ids: '::text[]' },
    );
    const name = p.kind === 'npo' ? `NPO ${p.name}` : p.name;
    await upsertGroup(tx, `npo:${p.id}`, 'program-area', name, [p.id], 'confirmed', null, p.sourceIds, false);
  }
  for (const g of d.collaborationGroups) {
    const basis = [g.notes, g.evidenceDates ? `Belagt: ${g.evidenceDates}` : null].filter(Boolean).join(' — ') || null;
    await upsertGroup(tx, `nsg:${g.slug}`, 'collaboration-group', g.name, [], g.status, basis, g.sourceIds, g.historical);
  }
}

async function upsertGroup(
  tx: Queryable,
  key: string,
  kind: 'program-area' | 'collaboration-group',
  name: string,
  programAreaIds: string[],
  status: string,
  basis: string | null,
  sourceIds: string[],
  historical: boolean,
) {
  await tx.query(
    `INSERT INTO groups (reference_key, kind, level, owner, name, program_area_ids, fact_status, fact_basis, source_ids, historical)
     VALUES ($1, $2, 'national', 'national', $3, $4::text[], $5, $6, $7::text[], $8)
     ON CONFLICT (reference_key) DO UPDATE SET
       kind = EXCLUDED.kind, name = EXCLUDED.name, program_area_ids = EXCLUDED.program_area_ids,
       fact_status = EXCLUDED.fact_status, fact_basis = EXCLUDED.fact_basis, source_ids = EXCLUDED.source_ids,
       historical = EXCLUDED.historical, version = groups.version + 1, updated_at = now()
     WHERE (groups.kind, groups.name, groups.program_area_ids, groups.fact_status, groups.fact_basis, groups.source_ids, groups.historical)
       IS DISTINCT FROM (EXCLUDED.kind, EXCLUDED.name, EXCLUDED.program_area_ids, EXCLUDED.fact_status, EXCLUDED.fact_basis, EXCLUDED.source_ids, EXCLUDED.historical)`,
    [key, kind, name, programAreaIds, status, basis, sourceIds, historical],
  );
}
