import type { Static } from 'typebox';
import { Filters, foldLike } from '../../platform/db/sql.js';
import type { Queryable } from '../../platform/db/index.js';
import { selectRow, selectRows } from '../../platform/db/rows.js';
import type { HealthcareRegion, Municipality, ProgramArea, Region, Sender } from './schemas.js';

/** The only SQL for the national reference data. Names sort in Swedish order via sv_key(). */

/** Rows in API shape (rows.ts): typed by the response schemas. */
export type HealthcareRegionRow = Static<typeof HealthcareRegion>;
export type RegionRow = Static<typeof Region>;
/** A municipality, and its name's Swedish sort key (the list's cursor). */
export type MunicipalityRow = Static<typeof Municipality> & { sortKey: string };
/** A program area, and the ids of the sources it names (the presenter looks them up). */
export type ProgramAreaRow = Omit<Static<typeof ProgramArea>, 'sources'> & { sourceIds: string[] };
export interface SourceRow {
  id: string;
  section: string;
  description: string;
  url: string | null;
}
const HR_SELECT = `SELECT h.id, h.name, h.version,
  COALESCE((SELECT array_agg(m.region_code ORDER BY m.region_code) FROM healthcare_region_members m
            WHERE m.healthcare_region_id = h.id), '{}') AS region_codes
  FROM healthcare_regions h`;

export async function listHealthcareRegions(db: Queryable): Promise<HealthcareRegionRow[]> {
  return selectRows<HealthcareRegionRow>(db, `${HR_SELECT} ORDER BY sv_key(h.name) COLLATE "C", h.id`);
}

export async function getHealthcareRegion(db: Queryable, id: string): Promise<HealthcareRegionRow | undefined> {
  return selectRow<HealthcareRegionRow>(db, `${HR_SELECT} WHERE h.id = $1`, [id]);
}

const REGION_SELECT = `SELECT r.code, r.name, r.short_name, r.county_name, r.version,
  COALESCE((SELECT array_agg(m.healthcare_region_id ORDER BY m.healthcare_region_id) FROM healthcare_region_members m
            WHERE m.region_code = r.code), '{}') AS healthcare_region_ids,
  (SELECT count(*) FROM municipalities k WHERE k.region_code = r.code) AS municipality_count
  FROM regions r`;

export async function listRegions(db: Queryable, opts: { healthcareRegionId?: string } = {}): Promise<RegionRow[]> {
  if (opts.healthcareRegionId) {
    return selectRows<RegionRow>(
      db,
      `${REGION_SELECT} WHERE r.code IN (SELECT region_code FROM healthcare_region_members WHERE healthcare_region_id = $1)
       ORDER BY r.code`,
      [opts.healthcareRegionId],
    );
  }
  return selectRows<RegionRow>(db, `${REGION_SELECT} ORDER BY r.code`);
}

export async function getRegion(db: Queryable, code: string): Promise<RegionRow | undefined> {
  return selectRow<RegionRow>(db, `${REGION_SELECT} WHERE r.code = $1`, [code]);
}

export async function listMunicipalities(
  db: Queryable,
  f: { regionCode?: string; healthcareRegionId?: string; q?: string; after?: [string, string]; limit: number },
): Promise<MunicipalityRow[]> {
  const w = new Filters();
  if (f.regionCode) w.add('region_code = ?', f.regionCode);
  if (f.healthcareRegionId) w.add('healthcare_region_id = ?', f.healthcareRegionId);
  if (f.q) w.add(`sv_key(name) LIKE '%' || sv_key(?) || '%'`, f.q.replace(/[%_\\]/g, ''));
  if (f.after) w.add(`(sv_key(name) COLLATE "C", code) > (? COLLATE "C", ?)`, f.after[0], f.after[1]);
  const limit = w.param(f.limit + 1);
  return selectRows<MunicipalityRow>(
    db,
    `SELECT code, name, region_code, healthcare_region_id, healthcare_region_basis, sv_key(name) AS sort_key
     FROM municipalities ${w.where} ORDER BY sv_key(name) COLLATE "C", code LIMIT ${limit}`,
    w.params,
  );
}

export async function getMunicipality(db: Queryable, code: string): Promise<MunicipalityRow | undefined> {
  return selectRow<MunicipalityRow>(
    db,
    `SELECT code, name, region_code, healthcare_region_id, healthcare_region_basis, sv_key(name) AS sort_key
     FROM municipalities WHERE code = $1`,
    [code],
  );
}

export async function listProgramAreas(db: Queryable): Promise<ProgramAreaRow[]> {
  return selectRows<ProgramAreaRow>(db, `SELECT * FROM program_areas ORDER BY sv_key(name) COLLATE "C", id`);
}

export async function getProgramArea(db: Queryable, id: string): Promise<ProgramAreaRow | undefined> {
  return selectRow<ProgramAreaRow>(db, 'SELECT * FROM program_areas WHERE id = $1', [id]);
}

/** The sources with these ids (all when omitted), by id. */
export async function sourcesById(db: Queryable, ids?: string[]): Promise<Map<string, SourceRow>> {
  if (ids && ids.length === 0) return new Map();
  const rows = ids
    ? await db.query<SourceRow>('SELECT id, section, description, url FROM reference_sources WHERE id = ANY($1::text[])', [ids])
    : await db.query<SourceRow>('SELECT id, section, description, url FROM reference_sources');
  return new Map(rows.map((r) => [r.id, r]));
}

export async function listSources(db: Queryable): Promise<SourceRow[]> {
  return db.query<SourceRow>(
    `SELECT id, section, description, url FROM reference_sources
     ORDER BY (id LIKE 'seed-%'), length(id), id`,
  );
}

/** A sender as the API shows it, and its Swedish sort key. */
export type SenderRow = Static<typeof Sender>;

/**
 * The register of senders: regions, municipalities, NPOs and healthcare regions from the
 * reference tables, and the agencies, SKR and added organisations of `senders` (migration 0051),
 * in Swedish order (sv_key), filtered by a folded substring of the name or short name.
 */
export async function searchSenders(db: Queryable, f: { q?: string; kind?: string; limit: number }): Promise<SenderRow[]> {
  const q = f.q?.trim() ? `%${foldLike(f.q.trim())}%` : null;
  return selectRows<SenderRow>(
    db,
    `SELECT id, name, short_name, kind, source_url FROM (
       SELECT 'region:' || code AS id, name, short_name, 'region' AS kind, NULL::text AS source_url FROM regions
       UNION ALL SELECT 'kommun:' || code, name, NULL, 'kommun', NULL FROM municipalities
       UNION ALL SELECT 'npo:' || id, CASE WHEN kind = 'npo' THEN 'NPO ' || name ELSE name END, NULL, 'npo', NULL FROM program_areas
       UNION ALL SELECT 'sjukvardsregion:' || id, name, NULL, 'sjukvardsregion', NULL FROM healthcare_regions
       UNION ALL SELECT 'sender:' || id, name, short_name, kind, source_url FROM senders
     ) s
     WHERE ($1::text IS NULL OR sv_fold(name) LIKE $1 OR sv_fold(COALESCE(short_name, '')) LIKE $1)
       AND ($2::text IS NULL OR kind = $2)
     ORDER BY COALESCE(sv_fold(short_name) = replace($1, '%', ''), false) DESC, sv_key(name) COLLATE "C", id LIMIT $3`,
    [q, f.kind ?? null, f.limit],
  );
}

export async function insertSender(
  db: Queryable,
  s: { name: string; shortName: string | null; kind: string },
  by: string,
): Promise<SenderRow | undefined> {
  return selectRow<SenderRow>(
    db,
    `INSERT INTO senders (name, short_name, kind, created_by) VALUES ($1, $2, $3, $4)
     ON CONFLICT (lower(name)) DO NOTHING
     RETURNING 'sender:' || id AS id, name, short_name, kind, source_url`,
    [s.name, s.shortName, s.kind, by],
  );
}

/** Whether a reference row already carries this name (a region, municipality, NPO or healthcare region). */
export async function referenceNameTaken(db: Queryable, name: string): Promise<boolean> {
  const rows = await searchSenders(db, { limit: 200, q: name });
  return rows.some((r) => r.name.toLowerCase() === name.toLowerCase());
}
