/**
 * The national catalogue from its file, on a real database: the import's rules (new, updated
 * with a new version, unchanged, withdrawn, errors), idempotent re-import, every format, and
 * regional authoring (a region's samordnare writes its own supports, never national ones).
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import '../src/modules/organisation/repository.js';
import { createSupport } from '../src/modules/knowledge/create-support.js';
import { importCatalogue, type CatalogueImportInput } from '../src/modules/knowledge/import-catalogue.js';
import * as repo from '../src/modules/knowledge/repository.js';
import { updateSupport } from '../src/modules/knowledge/update-support.js';
import { systemCtx, type Ctx } from '../src/platform/context.js';
import { Problem } from '../src/platform/errors.js';
import { useTestDb } from './helpers/db.js';

const t = useTestDb();
const admin = systemCtx('catalogue-test');
const samordnare = (scopeType: 'region' | 'healthcare-region', scopeId: string): Ctx => ({
  requestId: 'catalogue-test',
  actor: {
    userId: '00000000-0000-0000-0000-0000000000aa',
    email: 'samordnare@example.se',
    name: 'Samordnare',
    roles: [{ role: 'samordnare', scopeType, scopeId }],
    via: 'session',
  },
});

const HEADER = 'identifierare;titel;typ;producent;publiceringsdatum;version;nästa revision;länk';
const csv = (...rows: string[]) => Buffer.from(`\uFEFF${[HEADER, ...rows].join('\r\n')}\r\n`).toString('base64');
const run = (contentBase64: string, o: Partial<CatalogueImportInput> = {}) =>
  importCatalogue(t.db, admin, { fileName: 'katalog.csv', format: 'csv', contentBase64, full: false, dryRun: false, ...o });
const outcomes = (r: { rows: { identifier: string; outcome: string }[] }) => r.rows.map((x) => `${x.identifier}:${x.outcome}`);
const bySupport = async (catalogueId: string) => (await repo.catalogueSupports(t.db)).find((s) => s.catalogueId === catalogueId)!;
const problem = async (p: Promise<unknown>) => {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(Problem);
  return err as Problem;
};

describe('importing the national catalogue', () => {
  const a1 = 'A-1;Vårdförlopp A;vardforlopp;NPO hjärt- och kärlsjukdomar;2024-03-01;1.0;2026-03-01;https://example.se/a';
  const b1 = 'B-1;Vårdprogram B;Nationellt vårdprogram;RCC i samverkan;2023-05-10;2.0;;https://example.se/b';

  it('a dry run reports each row and writes nothing; the confirmed import writes and audits it', async () => {
    const file = csv(a1, b1);
    const dry = await run(file, { dryRun: true });
    expect(dry.applied).toBe(false);
    expect(outcomes(dry)).toEqual(['A-1:new', 'B-1:new']);
    expect(await repo.catalogueSupports(t.db)).toHaveLength(0);

    const done = await run(file);
    expect(done).toMatchObject({ applied: true, counts: { new: 2, updated: 0, unchanged: 0, withdrawn: 0, error: 0 } });
    const a = await bySupport('A-1');
    expect(a).toMatchObject({
      title: 'Vårdförlopp A',
      type: 'vardforlopp',
      status: 'publicerad',
      owner: 'national',
      producerKind: 'npo',
      producerName: 'NPO hjärt- och kärlsjukdomar',
      nextRevisionDate: '2026-03-01',
      url: 'https://example.se/a',
    });
    expect((await bySupport('B-1')).producerKind).toBe('rcc');
    expect((await repo.versionsOf(t.db, a.id)).map((v) => `${v.label}:${v.status}:${v.publishedOn}`)).toEqual([
      '1.0:publicerad:2024-03-01',
    ]);
    const [event] = await t.db.query<{ after: { counts: { new: number } } }>(
      `SELECT after FROM audit_events WHERE entity_type = 'knowledge-catalogue' AND action = 'import' ORDER BY id DESC LIMIT 1`,
    );
    expect(event!.after.counts.new).toBe(2);
  });

  it('the same file again changes nothing: every row unchanged', async () => {
    const before = await t.db.query('SELECT id FROM audit_events');
    const again = await run(csv(a1, b1));
    expect(outcomes(again)).toEqual(['A-1:unchanged', 'B-1:unchanged']);
    const after = await t.db.query('SELECT id FROM audit_events');
    expect(after.length - before.length).toBe(1); // only the import's own record
  });

  it('a changed version is recorded as a new version; the old one is kept as replaced', async () => {
    const a2 = 'A-1;Vårdförlopp A;vardforlopp;NPO hjärt- och kärlsjukdomar;2025-01-15;2.0;2027-01-15;https://example.se/a';
    const dry = await run(csv(a2, b1), { dryRun: true });
    expect(dry.rows[0]).toMatchObject({
      outcome: 'updated',
      changes: ['version: 1.0 → 2.0', 'nästa revision: 2026-03-01 → 2027-01-15'],
    });
    await run(csv(a2, b1));
    const a = await bySupport('A-1');
    expect((await repo.versionsOf(t.db, a.id)).map((v) => `${v.label}:${v.status}`)).toEqual(['1.0:ersatt', '2.0:publicerad']);
    expect(a).toMatchObject({ status: 'publicerad', nextRevisionDate: '2027-01-15' });
    expect(outcomes(await run(csv(a2, b1)))).toEqual(['A-1:unchanged', 'B-1:unchanged']);
    // An older version than the one in force is an error for that row only.
    const old = await run(csv(a1, b1), { dryRun: true });
    expect(old.rows[0]).toMatchObject({ outcome: 'error', message: expect.stringContaining('äldre') });
  });

  it('a full catalogue withdraws what it lacks (upphävd, history kept); a partial file does not', async () => {
    const a2 = 'A-1;Vårdförlopp A;vardforlopp;NPO hjärt- och kärlsjukdomar;2025-01-15;2.0;2027-01-15;https://example.se/a';
    expect(outcomes(await run(csv(a2), { full: false }))).toEqual(['A-1:unchanged']);
    expect((await bySupport('B-1')).status).toBe('publicerad');
    const full = await run(csv(a2), { full: true });
    expect(outcomes(full)).toEqual(['A-1:unchanged', 'B-1:withdrawn']);
    const b = await bySupport('B-1');
    expect(b.status).toBe('upphavd');
    expect(b.statusReason).toContain('Saknas i den nationella katalogen');
    expect(await repo.versionsOf(t.db, b.id)).toHaveLength(1);
    // Withdrawn once: not reported again; coming back is a row error, not a silent revival.
    expect(outcomes(await run(csv(a2), { full: true }))).toEqual(['A-1:unchanged']);
    const back = await run(csv(a2, b1), { dryRun: true, full: true });
    expect(back.rows[1]).toMatchObject({ identifier: 'B-1', outcome: 'error', message: expect.stringContaining('upphävt') });
  });

  it('rows with errors are reported in Swedish and skipped; the others import', async () => {
    const r = await run(
      csv(
        'C-1;Kliniskt stöd C;kliniskt-kunskapsstod;NAG astma;2024-01-01;1;;',
        ';Utan id;vardprogram;;;;;',
        'C-2;;påhittad-typ;;2024-13-01;;;ftp://x',
        'C-1;Dubblett;vardprogram;;;;;',
        'C-3;Socialstyrelsens riktlinjer C;Socialstyrelsens nationella riktlinjer;Socialstyrelsen;;;;',
      ),
    );
    expect(outcomes(r)).toEqual(['C-1:new', ':error', 'C-2:error', 'C-1:error', 'C-3:new']);
    expect(r.rows[1]!.message).toBe('Identifierare saknas.');
    expect(r.rows[2]!.message).toContain('Titel saknas.');
    expect(r.rows[2]!.message).toContain('Okänd typ "påhittad-typ"');
    expect(r.rows[2]!.message).toContain('"2024-13-01" är inget datum');
    expect(r.rows[2]!.message).toContain('ingen webbadress');
    expect(r.rows[3]!.message).toContain('finns redan på rad 2');
    expect(await bySupport('C-3')).toMatchObject({ producerKind: 'agency', type: 'nationella-riktlinjer' });
    // A version left out is the publication date, else "1".
    expect((await repo.versionsOf(t.db, (await bySupport('C-3')).id)).map((v) => v.label)).toEqual(['1']);
  });

  it('a file without the required columns, or a full file without valid rows, is refused whole', async () => {
    const noColumns = Buffer.from('namn,datum\nX,2024-01-01\n').toString('base64');
    expect((await problem(run(noColumns))).detail).toContain('saknar kolumnerna identifierare');
    expect((await problem(run(csv(';;;;;;;'), { full: true }))).detail).toContain('drar inte tillbaka');
    expect((await problem(run(Buffer.from('{inte json').toString('base64'), { format: 'json' }))).status).toBe(422);
  });

  it('reads comma-separated CSV without BOM, Latin-1, XLSX and JSON alike', async () => {
    const comma = Buffer.from(
      'identifier,title,type,producer,publication date,version,next revision date,link\nD-1,"Vårdprogram D, del 1",vardprogram,NPO,2024-02-02,1,,\n',
    );
    expect(outcomes(await run(comma.toString('base64')))).toEqual(['D-1:new']);
    expect((await bySupport('D-1')).title).toBe('Vårdprogram D, del 1');

    const latin1 = Buffer.from('identifierare;titel;typ\nD-2;Vårdförlopp Ö;vardforlopp\n', 'latin1');
    expect(outcomes(await run(latin1.toString('base64')))).toEqual(['D-2:new']);
    expect((await bySupport('D-2')).title).toBe('Vårdförlopp Ö');

    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Katalog');
    ws.addRow(['Identifier', 'Title', 'Type', 'Producer', 'Publication date', 'Version', 'Next revision date', 'Link']);
    ws.addRow(['D-3', 'SVF D', 'SVF', 'RCC i samverkan', new Date(Date.UTC(2022, 5, 1)), '3', null, 'https://example.se/d3']);
    const xlsx = Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
    expect(outcomes(await run(xlsx, { format: 'xlsx' }))).toEqual(['D-3:new']);
    expect(await bySupport('D-3')).toMatchObject({ type: 'standardiserat-vardforlopp', producerKind: 'rcc' });

    const json = Buffer.from(
      JSON.stringify({
        supports: [
          { identifier: 'D-4', title: 'VIP D', type: 'vard-och-insatsprogram', producer: 'NPO psykisk hälsa', version: '1' },
        ],
      }),
    ).toString('base64');
    expect(outcomes(await run(json, { format: 'json' }))).toEqual(['D-4:new']);
  });

  it('only national roles import the catalogue', async () => {
    const err = await problem(
      importCatalogue(t.db, samordnare('region', '07'), {
        fileName: 'k.csv',
        format: 'csv',
        contentBase64: csv(a1),
        full: false,
        dryRun: true,
      }),
    );
    expect(err.status).toBe(403);
    const anon = await problem(
      importCatalogue(
        t.db,
        { requestId: 'x', actor: undefined },
        { fileName: 'k.csv', format: 'csv', contentBase64: csv(a1), full: false, dryRun: true },
      ),
    );
    expect(anon.status).toBe(401);
  });
});

describe('regional authoring', () => {
  const regional = {
    type: 'regionalt-vardprogram' as const,
    title: 'Regionalt vårdprogram Kronoberg',
    producerKind: 'other' as const,
    producerName: 'RPO',
  };

  it("a region's samordnare authors its own regional supports, and edits them", async () => {
    const ctx = samordnare('region', '07');
    const s = await createSupport(t.db, ctx, { ...regional, owner: '07' });
    expect(s).toMatchObject({ owner: '07', type: 'regionalt-vardprogram', status: 'under-framtagande' });
    const edited = await updateSupport(t.db, ctx, s.id, s.version, { title: 'Regionalt vårdprogram Kronoberg 2' });
    expect(edited.title).toBe('Regionalt vårdprogram Kronoberg 2');
  });

  it("a healthcare region's samordnare authors for the healthcare region and its regions", async () => {
    const ctx = samordnare('healthcare-region', 'sodra');
    expect((await createSupport(t.db, ctx, { ...regional, type: 'rutin', owner: 'sodra' })).owner).toBe('sodra');
    expect((await createSupport(t.db, ctx, { ...regional, type: 'regional-riktlinje', owner: '07' })).owner).toBe('07');
  });

  it('is denied national supports, other regions, unknown owners and national types', async () => {
    const ctx = samordnare('region', '07');
    expect(
      (
        await problem(
          createSupport(t.db, ctx, { type: 'vardprogram', title: 'Nationellt', producerKind: 'npo', producerName: 'NPO' }),
        )
      ).status,
    ).toBe(403);
    expect((await problem(createSupport(t.db, ctx, { ...regional, owner: '10' }))).status).toBe(403);
    expect((await problem(createSupport(t.db, ctx, { ...regional, owner: '99' }))).status).toBe(422);
    const wrongType = await problem(createSupport(t.db, ctx, { ...regional, type: 'vardprogram', owner: '07' }));
    expect(wrongType.status).toBe(422);
    // National types stay national, regional types stay regional, also for national roles.
    expect((await problem(createSupport(t.db, admin, { ...regional }))).status).toBe(422);
    const national = await createSupport(t.db, admin, {
      type: 'vardprogram',
      title: 'Nationellt program',
      producerKind: 'npo',
      producerName: 'NPO',
    });
    expect((await problem(updateSupport(t.db, ctx, national.id, national.version, { title: 'Kapat' }))).status).toBe(403);
    const other = await createSupport(t.db, admin, { ...regional, owner: '10' });
    expect((await problem(updateSupport(t.db, ctx, other.id, other.version, { title: 'Kapat' }))).status).toBe(403);
  });
});
