import { createHash, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { validateXML } from 'xmllint-wasm';
import type { Ctx, RoleAssignment } from '../src/platform/context.js';
import { addCaseClassification } from '../src/modules/cases/add-case-classification.js';
import { closeCase } from '../src/modules/cases/close-case.js';
import { readCase } from '../src/modules/cases/read-case.js';
import { updateCase } from '../src/modules/cases/update-case.js';
import { uploadDocument } from '../src/modules/cases/upload-document.js';
import { exportArchivePackage } from '../src/modules/records/export-archive-package.js';
import { buildCase } from '../src/testing/builders.js';
import { useTestApp } from './helpers/app.js';
import { useClock } from './helpers/clock.js';

/**
 * The FGS e-archive package of a closed case, on a real database: built, unzipped, and its
 * METS.xml, ERMS.xml and PREMIS.xml validated against the published XSDs committed in
 * test/fixtures/fgs-schemas (see its README), with every checksum checked.
 */
const t = useTestApp();
useClock('2026-11-26');

const as = (roles: RoleAssignment[]): Ctx => ({
  actor: { userId: randomUUID(), email: `u-${randomUUID()}@example.se`, name: 'Testperson', roles, via: 'session' },
  requestId: 'test',
});
const role = (r: string, region: string) => as([{ role: r, scopeType: 'region', scopeId: region }]);

const SCHEMAS = join(import.meta.dirname, 'fixtures', 'fgs-schemas');
const schemaFile = (name: string) => ({ fileName: name, contents: readFileSync(join(SCHEMAS, name), 'utf8') });
const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

async function validate(fileName: string, xml: string, schema: string, preload: string[] = []) {
  const result = await validateXML({
    xml: [{ fileName, contents: xml }],
    schema: [schemaFile(schema)],
    preload: preload.map(schemaFile),
  });
  return result.errors.map((e) => e.rawMessage);
}

async function problemOf(p: Promise<unknown>) {
  try {
    await p;
  } catch (e) {
    return e as { status: number; detail: string };
  }
  throw new Error('expected a problem');
}

async function closedCase(region: string, opts: { secret?: boolean } = {}) {
  const registrator = role('registrator', region);
  const c = await buildCase(t.db, { region, subject: 'Remiss: Nationellt vårdprogram <hjärtsvikt> & "NPO"' });
  const entry = await addCaseClassification(t.db, role('samordnare', region), { region, code: '2', title: 'Kunskapsstyrning' });
  const updated = await updateCase(t.db, registrator, c.id, c.version, {
    diarienummer: `RS 2026/${region}77`,
    classificationId: entry.id,
    ...(opts.secret ? { secret: true, secrecyGround: 'OSL 25 kap. 1 §' } : {}),
  });
  const incoming = await uploadDocument(t.db, registrator, c.id, {
    fileName: 'Remiss från NPO (hjärtsvikt).pdf',
    bytes: Buffer.from('%PDF-1.4 remiss'),
    documentType: 'remiss',
    direction: 'inkommande',
    counterpart: 'NPO Hjärt- och kärlsjukdomar',
    documentDate: '2026-11-20',
  });
  const memo = await uploadDocument(t.db, registrator, c.id, {
    fileName: 'tjänsteskrivelse.txt',
    bytes: Buffer.from('Förslag till yttrande: tillstyrks.'),
    documentType: 'tjansteskrivelse',
  });
  await closeCase(t.db, role('samordnare', region), c.id, updated.version, { reason: 'Besvarad.' });
  return { c, documents: [incoming, memo] };
}

describe('the e-archive package (FGS) of a closed case', () => {
  it('validates against the published METS, ERMS and PREMIS schemas, with matching checksums', async () => {
    const { c, documents } = await closedCase('10');
    const pkg = await exportArchivePackage(t.db, role('registrator', '10'), c.id);
    expect(pkg.filename).toBe('e-arkivpaket-RS_2026_1077.zip');
    const zip = await JSZip.loadAsync(pkg.body);
    const root = 'RS_2026_1077/';
    const text = (p: string) => zip.file(root + p)!.async('string');
    const bytes = (p: string) => zip.file(root + p)!.async('uint8array');
    const mets = await text('METS.xml');
    const erms = await text('metadata/descriptive/ERMS.xml');
    const premis = await text('metadata/preservation/PREMIS.xml');

    expect(await validate('METS.xml', mets, 'validate-mets.xsd', ['mets.xsd', 'xlink.xsd', 'DILCISExtensionMETS.xsd'])).toEqual(
      [],
    );
    expect(await validate('ERMS.xml', erms, 'ERMS.xsd')).toEqual([]);
    expect(await validate('PREMIS.xml', premis, 'premis-v3-0.xsd')).toEqual([]);
    // The validation is real: a value outside ERMS's vocabulary is refused.
    expect(
      await validate('ERMS.xml', erms.replace('<status value="closed"/>', '<status value="stängd"/>'), 'ERMS.xsd'),
    ).not.toEqual([]);

    // The CSIP profile on the root and the content information type.
    expect(mets).toContain('csip:CONTENTINFORMATIONTYPE="citserms_v2_1"');
    expect(mets).toContain('PROFILE="https://earksip.dilcis.eu/profile/E-ARK-SIP.xml"');
    expect(mets).toContain('csip:OAISPACKAGETYPE="SIP"');
    // Every file METS names is in the package with the SHA-256 METS gives for it.
    const refs = [
      ...mets.matchAll(
        /xlink:href="([^"]+)"[^>]*?CHECKSUM="([0-9A-F]{64})"|CHECKSUM="([0-9A-F]{64})"[^>]*>\s*<FLocat[^>]*xlink:href="([^"]+)"/g,
      ),
    ].map((m) => ({ path: m[1] ?? m[4]!, sum: (m[2] ?? m[3]!).toLowerCase() }));
    expect(refs.map((r) => r.path).sort()).toEqual(
      [
        'metadata/descriptive/ERMS.xml',
        'metadata/preservation/PREMIS.xml',
        'representations/rep1/data/001-Remiss_fran_NPO_hjartsvikt_.pdf',
        'representations/rep1/data/002-tjansteskrivelse.txt',
      ].sort(),
    );
    for (const r of refs) expect(sha256(await bytes(r.path)), r.path).toBe(r.sum);
    // The documents are the case's, byte for byte.
    expect(
      refs
        .filter((r) => r.path.startsWith('representations/'))
        .map((r) => r.sum)
        .sort(),
    ).toEqual(documents.map((d) => d.sha256).sort());

    // ERMS: the diarium's facts, escaped.
    expect(erms).toContain('<objectId>RS 2026/1077</objectId>');
    expect(erms).toContain('<title>Remiss: Nationellt vårdprogram &lt;hjärtsvikt&gt; &amp; &quot;NPO&quot;</title>');
    expect(erms).toContain(
      '<classification classificationCode="2" fullyQualifiedClassificationCode="2">Kunskapsstyrning</classification>',
    );
    expect(erms).toContain('recordType="Remiss"');
    expect(erms).toContain('<direction directionDefinition="incoming"/>');
    expect(erms).toContain('<direction directionDefinition="other" otherDirectionDefinition="internal"/>');
    expect(erms).toContain('<name>NPO Hjärt- och kärlsjukdomar</name>');

    const audit = await t.db.query<{ after: { packageSha256: string; documents: number } }>(
      `SELECT after FROM audit_events WHERE entity_type = 'case' AND entity_id = $1 AND action = 'archive-export'`,
      [c.id],
    );
    expect(audit).toHaveLength(1);
    expect(audit[0]!.after).toMatchObject({ packageSha256: sha256(pkg.body), documents: 2 });
  });

  it('marks a secret case confidential, and is refused to those who may not read it', async () => {
    const { c } = await closedCase('12', { secret: true });
    const pkg = await exportArchivePackage(t.db, role('samordnare', '12'), c.id);
    const zip = await JSZip.loadAsync(pkg.body);
    const erms = await zip.file('RS_2026_1277/metadata/descriptive/ERMS.xml')!.async('string');
    expect(await validate('ERMS.xml', erms, 'ERMS.xsd')).toEqual([]);
    expect(erms.match(/<restriction restrictionType="confidential">/g)).toHaveLength(3);
    expect(erms).toContain('<regulation>OSL 25 kap. 1 §</regulation>');
    // A role inherited from the healthcare region does not read secret material in the region.
    const [hr] = await t.db.query<{ id: string }>(
      'SELECT healthcare_region_id AS id FROM healthcare_region_members WHERE region_code = $1 LIMIT 1',
      ['12'],
    );
    if (hr?.id) {
      const inherited = as([{ role: 'samordnare', scopeType: 'healthcare-region', scopeId: hr.id }]);
      expect((await problemOf(exportArchivePackage(t.db, inherited, c.id))).status).toBe(403);
    }
  });

  it('is for closed cases only, and for those who archive in the region', async () => {
    const open = await buildCase(t.db, { region: '14' });
    expect((await problemOf(exportArchivePackage(t.db, role('registrator', '14'), open.id))).status).toBe(409);
    const { c } = await closedCase('14');
    // Another region's coordinator does not see the case at all.
    expect((await problemOf(exportArchivePackage(t.db, role('samordnare', '20'), c.id))).status).toBe(404);
    // A reader of the region's cases may not archive them.
    expect((await problemOf(exportArchivePackage(t.db, role('lasare', '14'), c.id))).status).toBe(403);
    // The case page offers the export to the same people (canArchive).
    expect((await readCase(t.db, role('registrator', '14'), c.id)).canArchive).toBe(true);
    expect((await readCase(t.db, role('lasare', '14'), c.id)).canArchive).toBe(false);
    expect((await readCase(t.db, role('registrator', '14'), open.id)).canArchive).toBe(false);
    const none = await t.db.query(`SELECT 1 FROM audit_events WHERE entity_id = $1 AND action = 'archive-export'`, [c.id]);
    expect(none).toHaveLength(0);
  });
});
