/**
 * The catalogue import over HTTP: upload → dry run (the report per row, nothing written) →
 * confirm (written), the denials (anonymous 401, a region's samordnare 403), a broken file 422;
 * and regional authoring through the support routes, with allowedActions per support.
 */
import { describe, expect, it } from 'vitest';
import { useTestApp } from './helpers/app.js';

const t = useTestApp();

const file = (text: string) => Buffer.from(text).toString('base64');
const CATALOGUE = file(
  'identifier,title,type,producer,publication date,version,next revision date,link\n' +
    'HTTP-1,Vårdförlopp via HTTP,vardforlopp,NPO hjärt- och kärlsjukdomar,2024-03-01,1.0,,https://example.se/http-1\n' +
    'HTTP-2,,vardprogram,,,,,\n',
);
const body = (o: Record<string, unknown> = {}) => ({
  fileName: 'katalog.csv',
  format: 'csv',
  contentBase64: CATALOGUE,
  full: false,
  ...o,
});
const imports = (as: Awaited<ReturnType<typeof t.newAdmin>> | undefined, payload: Record<string, unknown>) =>
  t.request({ method: 'POST', url: '/api/v1/knowledge-catalogue/imports', ...(as ? { as } : {}), payload });

describe('importing the catalogue over HTTP', () => {
  it('a dry run reports each row; the confirm writes the valid rows', async () => {
    const admin = await t.newAdmin();
    const dry = await imports(admin, body());
    expect(dry.statusCode, dry.body).toBe(200);
    expect(dry.json()).toMatchObject({
      applied: false,
      counts: { new: 1, error: 1 },
      rows: [
        { row: 2, identifier: 'HTTP-1', outcome: 'new', supportId: null },
        { row: 3, identifier: 'HTTP-2', outcome: 'error', message: 'Titel saknas.' },
      ],
    });
    expect((await t.db.query(`SELECT 1 FROM knowledge_supports WHERE catalogue_id = 'HTTP-1'`)).length).toBe(0);

    const done = await imports(admin, body({ dryRun: false }));
    expect(done.statusCode, done.body).toBe(200);
    const row = done.json().rows[0];
    expect(row).toMatchObject({ outcome: 'new', supportId: expect.any(String) });
    const s = await t.request({ method: 'GET', url: `/api/v1/knowledge-supports/${row.supportId}`, as: admin });
    expect(s.json().support).toMatchObject({ catalogueId: 'HTTP-1', owner: 'national', status: 'publicerad' });
    expect((await imports(admin, body({ dryRun: false }))).json().counts).toMatchObject({ new: 0, unchanged: 1, error: 1 });
  });

  it('is refused to anonymous callers and to a region’s samordnare; a broken file is 422', async () => {
    expect((await imports(undefined, body())).statusCode).toBe(401);
    const samordnare = await t.newUser([{ role: 'samordnare', scopeType: 'region', scopeId: '07' }]);
    expect((await imports(samordnare, body())).statusCode).toBe(403);
    const admin = await t.newAdmin();
    const broken = await imports(admin, body({ contentBase64: file('namn;datum\nx;y\n') }));
    expect(broken.statusCode).toBe(422);
    expect(broken.json().detail).toContain('saknar kolumnerna');
    expect((await imports(admin, body({ format: 'pdf' }))).statusCode).toBe(422); // schema validation
  });
});

describe('regional authoring over HTTP', () => {
  it('a samordnare creates and edits the region’s own rutin, and is refused national ones', async () => {
    const samordnare = await t.newUser([{ role: 'samordnare', scopeType: 'region', scopeId: '07' }]);
    const created = await t.request({
      method: 'POST',
      url: '/api/v1/knowledge-supports',
      as: samordnare,
      payload: {
        type: 'rutin',
        title: 'Rutin i Kronoberg',
        producerKind: 'other',
        producerName: 'Region Kronoberg',
        owner: '07',
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ owner: '07', allowedActions: expect.arrayContaining(['edit']) });
    const patched = await t.request({
      method: 'PATCH',
      url: `/api/v1/knowledge-supports/${created.json().id}`,
      as: samordnare,
      payload: { summary: 'Gäller från årsskiftet.', version: created.json().version },
    });
    expect(patched.statusCode, patched.body).toBe(200);

    const national = await t.request({
      method: 'POST',
      url: '/api/v1/knowledge-supports',
      as: samordnare,
      payload: { type: 'vardprogram', title: 'Nationellt', producerKind: 'npo', producerName: 'NPO' },
    });
    expect(national.statusCode).toBe(403);
    const elsewhere = await t.request({
      method: 'POST',
      url: '/api/v1/knowledge-supports',
      as: samordnare,
      payload: { type: 'rutin', title: 'Rutin i Blekinge', producerKind: 'other', producerName: 'Region Blekinge', owner: '10' },
    });
    expect(elsewhere.statusCode).toBe(403);
    // Another region's samordnare sees the rutin but may not edit it.
    const blekinge = await t.newUser([{ role: 'samordnare', scopeType: 'region', scopeId: '10' }]);
    const seen = await t.request({ method: 'GET', url: `/api/v1/knowledge-supports/${created.json().id}`, as: blekinge });
    expect(seen.json().permissions.edit).toBe(false);
    expect(seen.json().support.allowedActions).not.toContain('edit');
  });
});
