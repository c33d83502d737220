/**
 * The protokoll and the protokollsutdrag drawn as DOCX and tagged PDF (A4, Swedish): the
 * organisation's letterhead, the meeting's date, time and place, who attended under Swedish role
 * labels, the §§ with their decisions, the justering with names and dates (or lines to sign on)
 * and "Sida X av N" on every page.
 */
import { Document, Packer, Paragraph, Table, TextRun } from 'docx';
import {
  docxFacts,
  docxHeading,
  docxLetterhead,
  docxPage,
  docxSignatures,
  docxStyles,
  docxTable,
  type Signature,
} from '../../platform/export/document-layout.js';
import {
  ensureSpace,
  finishPdf,
  pdfFacts,
  pdfHeading,
  pdfLetterhead,
  pdfParagraph,
  pdfSignatures,
  pdfTable,
  startPdf,
} from '../../platform/export/pdf-layout.js';
import type { MinutesDoc } from './minutes-document.js';

const ATTENDANCE_WIDTHS = [0.55, 0.45];
const footerOf = (d: MinutesDoc) => `${d.kind} · ${d.forum} · ${d.organisation}`;

/** The extract is attested by one signature; the protokoll is signed by the secretary and the justerare. */
const signaturesOf = (d: MinutesDoc): Signature[] =>
  d.kind === 'Protokollsutdrag' ? [{ name: null, title: 'Rätt utdraget intygar', date: null }] : d.signatures;

const rowsOf = <T>(xs: T[], n: number): T[][] =>
  Array.from({ length: Math.ceil(xs.length / n) }, (_, i) => xs.slice(i * n, i * n + n));

export async function toDocx(d: MinutesDoc): Promise<Buffer> {
  const children: (Paragraph | Table)[] = [
    ...docxLetterhead(d.organisation, d.kind.toUpperCase()),
    docxHeading(d.title, 1),
    docxFacts(d.facts),
  ];
  if (d.attendance.length) {
    children.push(docxHeading('Närvaro', 2));
    for (const g of d.attendance) {
      children.push(docxHeading(g.heading, 3), docxTable(['Namn', 'Roll'], g.people, ATTENDANCE_WIDTHS));
    }
  }
  for (const s of d.sections) {
    children.push(docxHeading(s.heading, 2));
    for (const p of s.paragraphs) children.push(new Paragraph({ spacing: { after: 100 }, text: p }));
  }
  children.push(docxHeading('Justering', 2));
  for (const f of d.footer) children.push(new Paragraph({ spacing: { after: 100 }, children: [new TextRun({ text: f })] }));
  for (const row of rowsOf(signaturesOf(d), 3)) children.push(docxSignatures(row), new Paragraph({ text: '' }));
  const doc = new Document({
    creator: 'Navet',
    title: d.title,
    description: `${d.kind} från ${d.forum}, ${d.organisation}`,
    styles: docxStyles,
    sections: [{ ...docxPage(footerOf(d)), children }],
  });
  return Packer.toBuffer(doc);
}

/** Uncompressed content streams keep the text findable by simple tools (and by the tests). */
export function toPdf(d: MinutesDoc): Promise<Buffer> {
  const { doc, root, done } = startPdf({
    title: d.title,
    author: d.organisation,
    compress: false,
    ...(d.settledAt ? { createdAt: new Date(d.settledAt) } : {}),
  });
  pdfLetterhead(doc, root, d.organisation, d.kind.toUpperCase());
  pdfHeading(doc, root, d.title, 1);
  pdfFacts(doc, root, d.facts);
  if (d.attendance.length) {
    pdfHeading(doc, root, 'Närvaro', 2);
    for (const g of d.attendance) {
      ensureSpace(doc, 60);
      pdfHeading(doc, root, g.heading, 3);
      pdfTable(doc, root, ['Namn', 'Roll'], g.people, { widths: ATTENDANCE_WIDTHS });
    }
  }
  for (const s of d.sections) {
    pdfHeading(doc, root, s.heading, 2);
    for (const p of s.paragraphs) pdfParagraph(doc, root, p);
  }
  ensureSpace(doc, 160);
  pdfHeading(doc, root, 'Justering', 2);
  for (const f of d.footer) pdfParagraph(doc, root, f);
  for (const row of rowsOf(signaturesOf(d), 3)) pdfSignatures(doc, root, row);
  finishPdf(doc, root, footerOf(d));
  return done;
}
