import { createHash } from 'node:crypto';
import { Document, Packer, Paragraph } from 'docx';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { problem, useTestApp, type Session } from './helpers/app.js';

const LIMIT = 200 * 1024;
const t = useTestApp({ uploadMaxBytes: LIMIT });

let coordinator: Session;
let caseId: string;
let secretCaseId: string;

const PDF = Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(32, 1)]);
const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(32, 2)]);
const CSV = Buffer.from('Programområde;Antal\nÄldres hälsa;3\n', 'utf8');
const sha = (b: Buffer) => createHash('sha256').update(b).digest();

async function docx(): Promise<Buffer> {
  return Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('Underlag till kunskapsrådet')] }] }));
}
async function xlsx(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('Uppföljning').addRow(['LPO', 'Status']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
async function odt(): Promise<Buffer> {
  const zip = new JSZip();
  zip.file('mimetype', 'application/vnd.oasis.opendocument.text', { compression: 'STORE' });
  zip.file('content.xml', '<office:document-content/>');
  zip.file('META-INF/manifest.xml', '<manifest:manifest/>');
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

const upload = (id: string, fileName: string, body: Buffer, headers: Record<string, string> = {}, as = coordinator) =>
  t.request({
    method: 'POST',
    url: `/api/v1/cases/${id}/documents?fileName=${encodeURIComponent(fileName)}`,
    as,
    headers: { 'content-type': 'application/octet-stream', ...headers },
    payload: body,
  });

beforeAll(async () => {
  coordinator = await t.newUser([{ role: 'samordnare', scopeType: 'region', scopeId: '10' }]);
  const reg = (o: Record<string, unknown>) =>
    t.request({
      method: 'POST',
      url: '/api/v1/cases',
      as: coordinator,
      payload: {
        region: '10',
        subject: 'Underlag',
        origin: 'national',
        sender: 'Socialstyrelsen',
        receivedDate: '2026-10-01',
        ...o,
      },
    });
  caseId = (await reg({})).json().id;
  secretCaseId = (await reg({ secret: true, secrecyGround: 'OSL 25 kap. 1 §' })).json().id;
});

describe('case documents', () => {
  it('stores every allowed type in the database and gives it back byte for byte with its checksum', async () => {
    const files: [string, Buffer, string][] = [
      ['beslutsunderlag.pdf', PDF, 'application/pdf'],
      ['skiss.png', PNG, 'image/png'],
      ['foto.jpg', JPEG, 'image/jpeg'],
      ['uppföljning.csv', CSV, 'text/csv; charset=utf-8'],
      ['anteckning.txt', Buffer.from('Minnesanteckning från beredningen.\n'), 'text/plain; charset=utf-8'],
      ['underlag.docx', await docx(), 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
      ['tabell.xlsx', await xlsx(), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
      ['protokoll.odt', await odt(), 'application/vnd.oasis.opendocument.text'],
    ];
    for (const [name, bytes, type] of files) {
      const res = await upload(caseId, name, bytes, { 'repr-digest': `sha-256=:${sha(bytes).toString('base64')}:` });
      expect(res.statusCode, `${name}: ${res.body}`).toBe(201);
      expect(res.json()).toMatchObject({
        fileName: name,
        contentType: type,
        sizeBytes: bytes.length,
        sha256: sha(bytes).toString('hex'),
      });
      const down = await t.request({ method: 'GET', url: `/api/v1/case-documents/${res.json().id}/content`, as: coordinator });
      expect(down.statusCode).toBe(200);
      expect(down.rawPayload.equals(bytes), name).toBe(true);
      expect(down.headers['content-type']).toBe(type);
      expect(down.headers['x-content-type-options']).toBe('nosniff');
      // One filename rule for every download (platform/http/download.ts): the ASCII fallback keeps
      // the letters without their marks (uppföljning → uppfoljning), the real name goes in filename*.
      const ascii = name.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
      expect(down.headers['content-disposition']).toBe(
        `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`,
      );
      if (name === 'uppföljning.csv') expect(down.headers['content-disposition']).toContain('filename="uppfoljning.csv"');
      expect(down.headers['repr-digest']).toBe(`sha-256=:${sha(bytes).toString('base64')}:`);
    }
    const list = (await t.request({ method: 'GET', url: `/api/v1/cases/${caseId}/documents`, as: coordinator })).json();
    expect(list.items).toHaveLength(files.length);
    const audit = await t.db.query(`SELECT 1 FROM audit_events WHERE entity_type = 'case-document' AND action = 'upload'`);
    expect(audit).toHaveLength(files.length);
  });

  it('takes the file name from X-File-Name (percent-encoded) and a hex checksum', async () => {
    const res = await t.request({
      method: 'POST',
      url: `/api/v1/cases/${caseId}/documents`,
      as: coordinator,
      headers: {
        'content-type': 'application/pdf',
        'x-file-name': encodeURIComponent('Återrapport å ä ö.pdf'),
        'x-checksum-sha256': sha(PDF).toString('hex'),
      },
      payload: PDF,
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().fileName).toBe('Återrapport å ä ö.pdf');
  });

  it('refuses a checksum mismatch, a disallowed or disguised type, an empty file, a missing name, and a too large file — storing nothing', async () => {
    const count = async () => (await t.db.query<{ n: number }>('SELECT count(*) AS n FROM case_documents'))[0]!.n;
    const before = await count();
    const wrongSum = problem(
      await upload(caseId, 'a.pdf', PDF, { digest: `SHA-256=${sha(Buffer.from('annat')).toString('base64')}` }),
    );
    expect([wrongSum.status, wrongSum.body.errors?.[0]?.path]).toEqual([422, 'digest']);
    expect(wrongSum.body.detail).toContain('kontrollsumman (SHA-256) stämmer inte');
    expect(problem(await upload(caseId, 'a.pdf', PDF, { 'x-checksum-sha256': 'inte-hex' })).status).toBe(422);
    expect(problem(await upload(caseId, 'program.exe', Buffer.from('MZ\x90\x00'))).status).toBe(415);
    expect(problem(await upload(caseId, 'sida.html', Buffer.from('<html><script>alert(1)</script></html>'))).status).toBe(415);
    // Content that does not match the name: an HTML page called .pdf, a PNG called .jpg, a zip that is no office document.
    const disguised = problem(await upload(caseId, 'rapport.pdf', Buffer.from('<html>ingen pdf</html>')));
    expect([disguised.status, disguised.body.detail]).toEqual([
      415,
      'Filens innehåll är inte PDF som filnamnet säger. Tillåtna filtyper är PDF, Word (DOCX), Excel (XLSX), ODT, PNG, JPEG, text eller CSV.',
    ]);
    expect(problem(await upload(caseId, 'bild.jpg', PNG)).status).toBe(415);
    const zip = new JSZip();
    zip.file('virus.js', 'x');
    expect(problem(await upload(caseId, 'fejk.docx', await zip.generateAsync({ type: 'nodebuffer' }))).status).toBe(415);
    expect(problem(await upload(caseId, 'binär.txt', Buffer.from([0x41, 0x00, 0x42]))).status).toBe(415);
    expect(problem(await upload(caseId, 'tom.pdf', Buffer.alloc(0))).status).toBe(422);
    expect(
      (
        await t.request({
          method: 'POST',
          url: `/api/v1/cases/${caseId}/documents`,
          as: coordinator,
          headers: { 'content-type': 'application/pdf' },
          payload: PDF,
        })
      ).statusCode,
    ).toBe(422);
    const big = Buffer.concat([PDF, Buffer.alloc(LIMIT, 0x20)]);
    const tooLarge = problem(await upload(caseId, 'stor.pdf', big));
    expect([tooLarge.status, tooLarge.body.title]).toEqual([413, 'Filen är för stor']);
    expect(tooLarge.body.detail).toContain(`${LIMIT} byte`);
    expect(await count()).toBe(before);
  });

  it('verifies the checksum on download: a damaged document is not handed out', async () => {
    const res = await upload(caseId, 'skadad.txt', Buffer.from('Original\n'));
    await t.db.query(`UPDATE case_documents SET content = $2 WHERE id = $1`, [res.json().id, Buffer.from('Ändrad\n!')]);
    const down = problem(
      await t.request({ method: 'GET', url: `/api/v1/case-documents/${res.json().id}/content`, as: coordinator }),
    );
    expect([down.status, down.body.title]).toEqual([500, 'Handlingen är skadad']);
  });

  it('secret-marked documents need read rights in the region itself; readers elsewhere and roleless users are refused', async () => {
    const doc = (await upload(secretCaseId, 'sekretess.pdf', PDF)).json();
    const regionReader = await t.newUser([{ role: 'lasare', scopeType: 'region', scopeId: '10' }]);
    const hcrReader = await t.newUser([{ role: 'lasare', scopeType: 'healthcare-region', scopeId: 'sodra' }]);
    const kalmar = await t.newUser([{ role: 'samordnare', scopeType: 'region', scopeId: '08' }]);
    const url = `/api/v1/case-documents/${doc.id}/content`;
    expect((await t.request({ method: 'GET', url, as: regionReader })).statusCode).toBe(200);
    expect((await t.request({ method: 'GET', url, as: hcrReader })).statusCode).toBe(403);
    expect((await t.request({ method: 'GET', url, as: kalmar })).statusCode).toBe(404);
    expect((await t.request({ method: 'GET', url })).statusCode).toBe(401);
    // Reading secret material is logged.
    const logged = await t.db.query(
      `SELECT 1 FROM audit_events WHERE entity_type = 'case-document' AND entity_id = $1 AND action = 'download'`,
      [doc.id],
    );
    expect(logged).toHaveLength(1);
    // Uploading needs a handling role.
    expect((await upload(caseId, 'x.pdf', PDF, {}, regionReader)).statusCode).toBe(403);
    expect((await upload(caseId, 'x.pdf', PDF, {}, kalmar)).statusCode).toBe(404);
  });

  it('the rest of the API stays JSON only', async () => {
    const res = await t.request({
      method: 'PATCH',
      url: `/api/v1/cases/${caseId}`,
      as: coordinator,
      headers: { 'content-type': 'application/octet-stream' },
      payload: Buffer.from('{}'),
    });
    expect(res.statusCode).toBe(415);
  });
});
