import { describe, expect, it } from 'vitest';
import { loadReference, readReferenceFiles } from '../src/modules/reference/load-reference.js';
import { systemCtx } from '../src/platform/context.js';
import { buildLpo, buildUser } from '../src/testing/builders.js';
import { useTestDb } from './helpers/db.js';

const t = useTestDb();

const snapshot = async () => ({
  municipalities: await t.db.query('SELECT * FROM municipalities ORDER BY code'),
  regions: await t.db.query('SELECT * FROM regions ORDER BY code'),
  programAreas: await t.db.query('SELECT * FROM program_areas ORDER BY id'),
  groups: await t.db.query(`SELECT id, name, version FROM groups WHERE reference_key IS NOT NULL ORDER BY reference_key`),
  audit: await t.db.query<{ n: number }>('SELECT count(*) AS n FROM audit_events'),
});

describe('reloading the national reference data', () => {
  it('is idempotent: loading unchanged files changes nothing and writes no audit event', async () => {
    const before = await snapshot();
    expect(await loadReference(t.db, systemCtx('t'))).toEqual({ changedFiles: [] });
    expect(await snapshot()).toEqual(before);
  });

  it('applies a changed source file by updating rows in place, keeping every reference', async () => {
    const lpo = await buildLpo(t.db, { region: '07', programAreaId: 'akut-vard' });
    const user = await buildUser(t.db, { roles: [{ role: 'samordnare', scopeType: 'region', scopeId: '07' }] });
    const npoBefore = (await t.db.query<{ id: string }>(`SELECT id FROM groups WHERE reference_key = 'npo:akut-vard'`))[0]!.id;
    const files = readReferenceFiles();
    files['kommuner.csv'] = files['kommuner.csv'].replace('0780,Växjö,07', '0780,Växjö stad,07');
    files['npo.csv'] = files['npo.csv'].replace('akut-vard,Akut vård,', 'akut-vard,Akut vård (nytt namn),');

    const result = await loadReference(t.db, systemCtx('t'), files);
    expect(result.changedFiles.sort()).toEqual(['kommuner.csv', 'npo.csv']);

    const [vaxjo] = await t.db.query<{ name: string; version: number }>(
      `SELECT name, version FROM municipalities WHERE code = '0780'`,
    );
    expect(vaxjo).toEqual({ name: 'Växjö stad', version: 2 });
    const [ljungby] = await t.db.query<{ version: number }>(`SELECT version FROM municipalities WHERE code = '0781'`);
    expect(ljungby!.version).toBe(1);
    const [npo] = await t.db.query<{ id: string; name: string }>(
      `SELECT id, name FROM groups WHERE reference_key = 'npo:akut-vard'`,
    );
    expect(npo).toEqual({ id: npoBefore, name: 'NPO Akut vård (nytt namn)' });
    expect(await t.db.query(`SELECT 1 FROM groups WHERE id = $1 AND 'akut-vard' = ANY(program_area_ids)`, [lpo.id])).toHaveLength(
      1,
    );
    expect(await t.db.query(`SELECT 1 FROM role_assignments WHERE user_id = $1 AND scope_id = '07'`, [user.id])).toHaveLength(1);
    const events = await t.db.query<{ entity_id: string }>(
      `SELECT entity_id FROM audit_events WHERE entity_type = 'reference-file' AND before IS NOT NULL`,
    );
    expect(events.map((e) => e.entity_id).sort()).toEqual(['kommuner.csv', 'npo.csv']);
  });

  it('refuses a broken file as a whole and loads nothing of it', async () => {
    const files = readReferenceFiles();
    files['kommuner.csv'] = files['kommuner.csv']
      .replace('0781,Ljungby,07', '0781,Ljungby-Ny,07')
      .replace('0760,Uppvidinge,07', '0760,Uppvidinge,99');
    const before = await snapshot();
    await expect(loadReference(t.db, systemCtx('t'), files)).rejects.toThrow(/okänd region 99/);
    expect(await snapshot()).toEqual(before);
  });
});
