/**
 * The country's shape is read in one query (issue 20); it must say what the reference data says:
 * the six healthcare regions, every region with its healthcare regions (Halland in two, a region
 * in none with none), and every program area.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../src/platform/db/index.js';
import { geography } from '../src/modules/organisation/repository.js';
import { dropTestDatabases, testDb } from './helpers/db.js';

let db: Db;
beforeAll(async () => {
  db = await testDb();
});
afterAll(async () => {
  await db?.close();
  await dropTestDatabases();
});

describe('geography', () => {
  it('is the reference data: healthcare regions, each region with its own, program areas', async () => {
    const g = await geography(db);
    const hrs = (await db.query<{ id: string }>('SELECT id FROM healthcare_regions')).map((r) => r.id);
    const areas = (await db.query<{ id: string }>('SELECT id FROM program_areas')).map((r) => r.id);
    const members = await db.query<{ region_code: string; healthcare_region_id: string }>(
      'SELECT region_code, healthcare_region_id FROM healthcare_region_members ORDER BY region_code, healthcare_region_id',
    );
    const regions = (await db.query<{ code: string }>('SELECT code FROM regions ORDER BY code')).map((r) => r.code);
    expect([...g.healthcareRegionIds].sort()).toEqual(hrs.sort());
    expect([...g.programAreaIds].sort()).toEqual(areas.sort());
    expect([...g.regionHealthcareRegions.keys()].sort()).toEqual(regions);
    for (const code of regions) {
      expect(g.regionHealthcareRegions.get(code)).toEqual(
        members.filter((m) => m.region_code === code).map((m) => m.healthcare_region_id),
      );
    }
    expect(g.regionHealthcareRegions.get('13')).toEqual(['sodra', 'vastra']);
    expect(g.healthcareRegionIds.size).toBe(6);
  });
});
