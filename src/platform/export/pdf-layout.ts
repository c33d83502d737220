/**
 * The PDF half of the shared document layout (document-layout.ts has the rules and the DOCX half):
 * tagged A4 pages in Swedish, numbered "Sida X av N" once the document is complete.
 */
import PDFDocument from 'pdfkit';
import { ACCENT, LANGUAGE, pageLabel, type Signature } from './document-layout.js';

export type Pdf = InstanceType<typeof PDFDocument>;
export type PdfStruct = ReturnType<Pdf['struct']>;
export const MARGIN = 57; // 2 cm
const FOOTER_SPACE = 28;

/**
 * A tagged A4 PDF in Swedish whose pages are kept until `finishPdf` numbers them.
 * `compress: false` keeps the content streams readable for simple tools.
 */
export function startPdf(opts: {
  title: string;
  author?: string;
  compress?: boolean;
  /** When the document's content was settled (e.g. the justering): the same content then gives the same bytes, and so the same ETag. */
  createdAt?: Date;
}): {
  doc: Pdf;
  root: PdfStruct;
  done: Promise<Buffer>;
} {
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: MARGIN, left: MARGIN, right: MARGIN, bottom: MARGIN + FOOTER_SPACE },
    bufferPages: true,
    ...(opts.compress === false ? { compress: false } : {}),
    pdfVersion: '1.7',
    tagged: true,
    lang: LANGUAGE,
    displayTitle: true,
    info: {
      Title: opts.title,
      Creator: 'Navet',
      ...(opts.author ? { Author: opts.author } : {}),
      ...(opts.createdAt ? { CreationDate: opts.createdAt } : {}),
    },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const root = doc.struct('Document');
  doc.addStructure(root);
  return { doc, root, done };
}

/** Writes each page's footer (the document's name and "Sida X av N", as pagination artifacts) and ends the document. */
export function finishPdf(doc: Pdf, root: PdfStruct, footerText: string): void {
  root.end();
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    const y = doc.page.height - MARGIN - 10;
    const width = doc.page.width - 2 * MARGIN;
    doc.markContent('Artifact', { type: 'Pagination' });
    doc
      .moveTo(MARGIN, y - 6)
      .lineTo(MARGIN + width, y - 6)
      .lineWidth(0.5)
      .strokeColor('#BFBFBF')
      .stroke();
    doc.font('Helvetica').fontSize(8).fillColor('#595959');
    doc.text(footerText, MARGIN, y, { width: width - 80, lineBreak: false, ellipsis: true });
    doc.text(pageLabel(i - range.start + 1, range.count), MARGIN, y, { width, align: 'right', lineBreak: false });
    doc.endMarkedContent();
    doc.page.margins.bottom = bottom;
  }
  doc.fillColor('#000000');
  doc.end();
}

const textWidth = (doc: Pdf) => doc.page.width - doc.page.margins.left - doc.page.margins.right;
const pageBottom = (doc: Pdf) => doc.page.height - doc.page.margins.bottom;

/** Starts a new page when less than `height` points remain. */
export function ensureSpace(doc: Pdf, height: number): void {
  if (doc.y + height > pageBottom(doc)) doc.addPage();
}

export function pdfHeading(doc: Pdf, root: PdfStruct, text: string, level: 1 | 2 | 3): void {
  const size = { 1: 17, 2: 13, 3: 11 }[level];
  ensureSpace(doc, size * 4);
  doc.moveDown(level === 1 ? 0.6 : 0.8);
  doc
    .font('Helvetica-Bold')
    .fontSize(size)
    .fillColor(`#${ACCENT}`)
    .text(text, MARGIN, doc.y, { width: textWidth(doc), structParent: root, structType: `H${level}` });
  doc.moveDown(0.3).fillColor('#000000').font('Helvetica').fontSize(10);
}

export function pdfParagraph(doc: Pdf, root: PdfStruct, text: string, opts: { italic?: boolean; bold?: boolean } = {}): void {
  doc
    .font(opts.bold ? 'Helvetica-Bold' : opts.italic ? 'Helvetica-Oblique' : 'Helvetica')
    .fontSize(10)
    .fillColor('#000000');
  doc.text(text, MARGIN, doc.y, { width: textWidth(doc), structParent: root, structType: 'P' });
  doc.moveDown(0.35);
}

/** The letterhead: the organisation in the house colour over a rule, with a reference at the right. */
export function pdfLetterhead(doc: Pdf, root: PdfStruct, organisation: string, right?: string): void {
  const top = doc.y;
  doc.font('Helvetica-Bold').fontSize(15).fillColor(`#${ACCENT}`);
  doc.text(organisation, MARGIN, top, { width: textWidth(doc) * 0.65, structParent: root, structType: 'P' });
  const after = doc.y;
  if (right)
    doc
      .font('Helvetica')
      .fontSize(9)
      .fillColor('#595959')
      .text(right, MARGIN, top + 4, { width: textWidth(doc), align: 'right', structParent: root, structType: 'P' });
  doc.y = Math.max(after, doc.y) + 4;
  doc
    .moveTo(MARGIN, doc.y)
    .lineTo(MARGIN + textWidth(doc), doc.y)
    .lineWidth(1.5)
    .strokeColor(`#${ACCENT}`)
    .stroke();
  doc.y += 14;
  doc.fillColor('#000000').font('Helvetica').fontSize(10);
}

interface TableOptions {
  widths?: number[];
  /** Label/value layout: no grid, no header row, bold first column. */
  facts?: boolean;
}

/** A table with wrapped cells and a header row that repeats after a page break (tagged Table/TR/TH/TD). */
export function pdfTable(doc: Pdf, root: PdfStruct, headers: string[], rows: string[][], opts: TableOptions = {}): void {
  const total = textWidth(doc);
  const cols = headers.length || rows[0]?.length || 1;
  const widths = (opts.widths ?? Array.from({ length: cols }, () => 1 / cols)).map((f) => f * total);
  const pad = opts.facts ? 2 : 4;
  const size = opts.facts ? 10 : 9;
  const table = doc.struct('Table');
  root.add(table);
  const heightOf = (cells: string[], bold: boolean) =>
    Math.max(
      ...cells.map((c, i) =>
        doc
          .font(bold ? 'Helvetica-Bold' : 'Helvetica')
          .fontSize(size)
          .heightOfString(c || ' ', { width: widths[i]! - 2 * pad }),
      ),
    ) +
    2 * pad;
  const drawRow = (cells: string[], header: boolean) => {
    const h = heightOf(cells, header);
    if (doc.y + h > pageBottom(doc)) {
      doc.addPage();
      if (!header && headers.length && !opts.facts) drawRow(headers, true);
    }
    const y = doc.y;
    const tr = doc.struct('TR');
    table.add(tr);
    let x = MARGIN;
    cells.forEach((c, i) => {
      const w = widths[i]!;
      if (!opts.facts) {
        doc.markContent('Artifact', { type: 'Layout' });
        if (header) doc.rect(x, y, w, h).fill('#DCE6F1');
        doc.rect(x, y, w, h).lineWidth(0.5).strokeColor('#8EA9C8').stroke();
        doc.endMarkedContent();
      }
      doc
        .font(header || (opts.facts && i === 0) ? 'Helvetica-Bold' : 'Helvetica')
        .fontSize(size)
        .fillColor('#000000')
        .text(c || ' ', x + pad, y + pad, { width: w - 2 * pad, structParent: tr, structType: header ? 'TH' : 'TD' });
      x += w;
    });
    tr.end();
    doc.y = y + h;
  };
  if (headers.length && !opts.facts) drawRow(headers, true);
  for (const r of rows) drawRow(r, false);
  table.end();
  doc.x = MARGIN;
  doc.moveDown(0.6);
}

export const pdfFacts = (doc: Pdf, root: PdfStruct, pairs: [string, string][]): void =>
  pdfTable(doc, root, [], pairs, { facts: true, widths: [0.3, 0.7] });

/** Signature blocks side by side: a line to sign on, then name, title and date (or lines for them). */
export function pdfSignatures(doc: Pdf, root: PdfStruct, signatures: Signature[]): void {
  const per = textWidth(doc) / Math.max(2, signatures.length);
  ensureSpace(doc, 110);
  const top = doc.y + 36;
  signatures.forEach((s, i) => {
    const x = MARGIN + i * per;
    const w = per - 24;
    doc.markContent('Artifact', { type: 'Layout' });
    doc
      .moveTo(x, top)
      .lineTo(x + w, top)
      .lineWidth(0.75)
      .strokeColor('#000000')
      .stroke();
    doc.endMarkedContent();
    doc.font('Helvetica').fontSize(10).fillColor('#000000');
    doc.text(s.name ?? 'Namnförtydligande: ______________', x, top + 4, { width: w, structParent: root, structType: 'P' });
    doc.font('Helvetica-Oblique').text(s.title, x, doc.y, { width: w, structParent: root, structType: 'P' });
    doc
      .font('Helvetica')
      .text(`Datum: ${s.date ?? '______________'}`, x, doc.y, { width: w, structParent: root, structType: 'P' });
  });
  doc.x = MARGIN;
  doc.y = top + 60;
}
