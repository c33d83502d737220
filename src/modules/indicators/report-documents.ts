/**
 * Renders a follow-up report as DOCX and as tagged PDF (A4, Swedish): the region's letterhead,
 * the facts, real tables with a repeated header row, the run and control charts as images with
 * their captions and alternative text, and "Sida X av N" on every page.
 */
import { Document, ImageRun, Packer, Paragraph, Table, TextRun } from 'docx';
import {
  docxFacts,
  docxHeading,
  docxLetterhead,
  docxPage,
  docxStyles,
  docxTable,
} from '../../platform/export/document-layout.js';
import {
  ensureSpace,
  finishPdf,
  MARGIN,
  pdfFacts,
  pdfHeading,
  pdfLetterhead,
  pdfParagraph,
  pdfTable,
  startPdf,
  type Pdf,
  type PdfStruct,
} from '../../platform/export/pdf-layout.js';
import type { ReportChart } from './report-chart.js';
import type { FollowupReport } from './report.js';

const KIND = 'UPPFÖLJNINGSRAPPORT';
const footerOf = (r: FollowupReport) => `${r.title} · ${r.organisation}`;
/** The width a chart takes in the DOCX, in pixels at 96 dpi (the text width is 17 cm ≈ 642 px). */
const DOCX_CHART_WIDTH = 640;

const caption = (text: string) =>
  new Paragraph({ spacing: { before: 60, after: 60 }, children: [new TextRun({ text, italics: true, size: 18 })] });

function docxChart(c: ReportChart): Paragraph[] {
  return [
    new Paragraph({ keepNext: true, children: [new TextRun({ text: c.caption, bold: true, size: 20 })] }),
    new Paragraph({
      keepNext: true,
      children: [
        new ImageRun({
          type: 'png',
          data: c.png,
          transformation: { width: DOCX_CHART_WIDTH, height: Math.round((DOCX_CHART_WIDTH * c.height) / c.width) },
          altText: { name: c.caption, title: c.caption, description: c.alt },
        }),
      ],
    }),
    caption(c.alt),
  ];
}

export async function reportToDocx(r: FollowupReport): Promise<Buffer> {
  const children: (Paragraph | Table)[] = [...docxLetterhead(r.organisation, KIND), docxHeading(r.title, 1), docxFacts(r.facts)];
  for (const s of r.sections) {
    children.push(docxHeading(s.heading, 2));
    for (const p of s.paragraphs) children.push(new Paragraph({ spacing: { after: 100 }, text: p }));
    if (s.table) {
      children.push(caption(s.table.caption), docxTable(s.table.headers, s.table.rows, s.table.widths));
    }
    for (const f of s.figures ?? []) {
      children.push(docxHeading(f.heading, 3));
      for (const c of f.charts) children.push(...docxChart(c));
    }
  }
  const doc = new Document({
    creator: 'Navet',
    title: r.title,
    description: `Uppföljningsrapport från ${r.organisation}`,
    styles: docxStyles,
    sections: [{ ...docxPage(footerOf(r)), children }],
  });
  return Packer.toBuffer(doc);
}

/** The chart as a tagged Figure with its alternative text, the caption under it. */
function pdfChart(doc: Pdf, root: PdfStruct, c: ReportChart): void {
  const width = doc.page.width - 2 * MARGIN;
  const height = (width * c.height) / c.width;
  ensureSpace(doc, height + 60);
  pdfParagraph(doc, root, c.caption, { bold: true });
  const y = doc.y;
  const figure = doc.struct('Figure', { alt: `${c.caption}. ${c.alt}` }, () => {
    doc.image(c.png, MARGIN, y, { width, height });
  });
  root.add(figure);
  doc.y = y + height + 4;
  doc.font('Helvetica-Oblique').fontSize(8.5).fillColor('#404040');
  doc.text(c.alt, MARGIN, doc.y, { width, structParent: root, structType: 'Caption' });
  doc.fillColor('#000000').moveDown(0.8);
}

export function reportToPdf(r: FollowupReport): Promise<Buffer> {
  const { doc, root, done } = startPdf({ title: r.title, author: r.organisation });
  pdfLetterhead(doc, root, r.organisation, KIND);
  pdfHeading(doc, root, r.title, 1);
  pdfFacts(doc, root, r.facts);
  for (const s of r.sections) {
    pdfHeading(doc, root, s.heading, 2);
    for (const p of s.paragraphs) pdfParagraph(doc, root, p);
    if (s.table) {
      ensureSpace(doc, 60);
      doc
        .font('Helvetica-Oblique')
        .fontSize(9)
        .text(s.table.caption, MARGIN, doc.y, { structParent: root, structType: 'Caption' });
      doc.moveDown(0.2);
      pdfTable(doc, root, s.table.headers, s.table.rows, s.table.widths ? { widths: s.table.widths } : {});
    }
    for (const f of s.figures ?? []) {
      ensureSpace(doc, 260);
      pdfHeading(doc, root, f.heading, 3);
      for (const c of f.charts) pdfChart(doc, root, c);
    }
  }
  finishPdf(doc, root, footerOf(r));
  return done;
}
