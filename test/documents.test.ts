/**
 * The generated documents read back at file level (fast, no browser, no database): DOCX parts
 * through jszip, PDF text through its content streams. The browser suite (test/browser/
 * documents.test.ts) renders the same documents to images; this checks what a parser sees:
 * the language, the page-number fields, tables and embedded charts.
 */
import { inflateSync } from 'node:zlib';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { answerToDocx, answerToPdf, decisionLine } from '../src/modules/consultation/documents/answer-document.js';
import { reportToDocx, reportToPdf } from '../src/modules/indicators/report-documents.js';
import { toDocx as minutesToDocx, toPdf as minutesToPdf } from '../src/modules/meetings/minutes-render.js';
import { Raster } from '../src/platform/export/png.js';
import { ANSWER, MINUTES, REPORT } from './browser/document-fixtures.js';

/** The text a pdfkit PDF shows: its content streams (inflated when compressed), hex strings decoded. */
function pdfText(buf: Buffer): string {
  const s = buf.toString('latin1');
  let out = '';
  for (const m of s.matchAll(/stream\r?\n([\s\S]*?)\r?\nendstream/g)) {
    let body = m[1]!;
    try {
      body = inflateSync(Buffer.from(body, 'latin1')).toString('latin1');
    } catch {
      // not compressed
    }
    for (const h of body.matchAll(/<([0-9a-fA-F]+)>/g)) out += Buffer.from(h[1]!, 'hex').toString('latin1');
    out += '\n';
  }
  return out;
}

async function docxParts(buf: Buffer) {
  const zip = await JSZip.loadAsync(buf);
  const read = (name: string) => zip.file(name)!.async('string');
  const footers = await Promise.all(
    Object.keys(zip.files)
      .filter((f) => /^word\/footer\d*\.xml$/.test(f))
      .map(read),
  );
  // The words as a reader sees them: the runs' text joined, the XML left out.
  const text = (xml: string) => [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
  const document = await read('word/document.xml');
  return {
    document,
    text: text(document),
    styles: await read('word/styles.xml'),
    footer: footers.join(''),
    media: Object.keys(zip.files).filter((f) => f.startsWith('word/media/')),
  };
}

const count = (text: string, s: string) => text.split(s).length - 1;

describe('the remissvar', () => {
  it('is a Swedish letter with header, recipient, contact, one decision line, signatures and page numbers (DOCX)', async () => {
    const d = await docxParts(await answerToDocx(ANSWER));
    for (const s of [
      'Region Kronoberg',
      'REMISSVAR',
      'Socialstyrelsen',
      'RK 2026/1432',
      'Kontaktperson',
      'Åsa Öberg',
      'För Region Kronoberg',
    ])
      expect(d.text).toContain(s);
    expect(count(d.text, decisionLine(ANSWER))).toBe(1);
    expect(d.styles).toContain('w:lang w:val="sv-SE"');
    expect(d.footer).toMatch(/PAGE/);
    expect(d.footer).toMatch(/NUMPAGES/);
    expect(d.footer).toContain('Sida ');
  });

  it('is a tagged Swedish PDF with the same parts and "Sida X av N"', async () => {
    const pdf = await answerToPdf(ANSWER);
    expect(pdf.toString('latin1')).toContain('/Lang (sv-SE)');
    const text = pdfText(pdf);
    for (const s of [
      'Region Kronoberg',
      'Socialstyrelsen',
      'Åsa Öberg',
      'Ordförande, Kunskapsrådet',
      'Sida 1 av 2',
      'Sida 2 av 2',
    ])
      expect(text).toContain(s);
    expect(count(text, 'Kunskapsrådet 2026-11-26 § 7')).toBe(1);
  });

  it('says so when the answer is not decided yet', () => {
    expect(decisionLine({ ...ANSWER, decisionRef: null, decidedOn: null, statusLabel: 'Utkast' })).toBe(
      'Beslut: ej beslutat – utkast',
    );
  });
});

describe('the protokoll', () => {
  it('names roles in Swedish, groups attendance and ends with the justering', async () => {
    const d = await docxParts(await minutesToDocx(MINUTES));
    for (const s of [
      'Närvarande ledamöter',
      'vice ordförande',
      'Tjänstgörande ersättare',
      'Övriga närvarande',
      'Frånvarande',
      'Justering',
    ])
      expect(d.text).toContain(s);
    expect(d.text).not.toMatch(/ordforande|ersattare/);
    expect(d.text.indexOf('§ 3')).toBeLessThan(d.text.indexOf('Justering'));
    const text = pdfText(await minutesToPdf(MINUTES));
    expect(text).toContain('Sekreterare (vid protokollet)');
    expect(text).toContain('Sida 2 av 2');
  });
});

describe('the follow-up report', () => {
  it('has real tables and the run and control charts as PNG images', async () => {
    const d = await docxParts(await reportToDocx(REPORT));
    expect(count(d.document, '<w:tbl>')).toBeGreaterThanOrEqual(4);
    expect(d.text).not.toContain(' | ');
    expect(d.media.filter((f) => f.endsWith('.png'))).toHaveLength(2);
    expect(d.document).toContain('Seriediagram – Ekokardiografi inom fyra veckor');
    const pdf = await reportToPdf(REPORT);
    expect(count(pdf.toString('latin1'), '/Subtype /Image')).toBe(2);
    const text = pdfText(pdf);
    expect(text).not.toContain(' | ');
    expect(text).toContain('Sida 1 av');
  });
});

describe('the PNG raster', () => {
  it('writes a valid truecolour PNG of the asked size', () => {
    const r = new Raster(40, 20, 2);
    r.line(0, 0, 39, 19, [0, 0, 0], 2);
    r.text(2, 2, '12,5 %', [255, 0, 0], 1);
    const png = r.toPng();
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(png.readUInt32BE(16)).toBe(40);
    expect(png.readUInt32BE(20)).toBe(20);
    const idat = png.indexOf('IDAT');
    const raw = inflateSync(png.subarray(idat + 4, idat + 4 + png.readUInt32BE(idat - 4)));
    expect(raw.length).toBe(20 * (40 * 3 + 1));
    expect([...raw].some((b) => b !== 255 && b !== 0)).toBe(true);
  });
});
