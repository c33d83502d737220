import { Document, Packer, Paragraph, TextRun } from 'docx';
import {
  docxFacts,
  docxHeading,
  docxLetterhead,
  docxPage,
  docxSignatures,
  docxStyles,
  type Signature,
} from '../../../platform/export/document-layout.js';
import {
  ensureSpace,
  finishPdf,
  pdfFacts,
  pdfHeading,
  pdfLetterhead,
  pdfParagraph,
  pdfSignatures,
  startPdf,
} from '../../../platform/export/pdf-layout.js';
import type { Sheet } from '../../../platform/export/spreadsheet.js';

/**
 * The answer as an official letter from one template: the issuer's letterhead (region or
 * healthcare region) with the document kind and date, the recipient (the remiss's sender), the
 * references (diarienummer, Navet's case number), the contact person, the decision line — once —
 * then the sections and a signature block. DOCX for editing, PDF (tagged, Swedish) for sending
 * and filing; both A4 with "Sida X av N" in the footer.
 */
export interface AnswerDocument {
  issuer: string;
  /** "Remissvar" or "Gemensamt remissvar". */
  kind: string;
  title: string;
  /** The region's own diarienummer for the answer (its official reference). */
  diarienummer: string | null;
  /** Navet's case number. */
  caseNumber: string | null;
  /** The letter's date: sent, else decided, else today. */
  date: string;
  decisionRef: string | null;
  decidedOn: string | null;
  statusLabel: string;
  roundTitle: string;
  /** The recipient: the authority or organisation that sent the remiss. */
  sender: string;
  closesOn: string;
  /** The answer's responsible person (the case's handläggare, else the region's coordinator). */
  contact: string | null;
  sections: { heading: string; body: string }[];
  signatures: Signature[];
}

/** The one line that says how the answer was decided (or that it is not yet). */
export function decisionLine(d: AnswerDocument): string {
  if (!d.decisionRef) return `Beslut: ej beslutat – ${d.statusLabel.toLowerCase()}`;
  const date = d.decidedOn && !d.decisionRef.includes(d.decidedOn) ? `, ${d.decidedOn}` : '';
  return `Beslut: ${d.decisionRef}${date}`;
}

function facts(d: AnswerDocument): [string, string][] {
  return [
    ['Datum', d.date],
    ['Diarienummer', d.diarienummer ?? '–'],
    ...(d.caseNumber ? ([['Ärende i Navet', d.caseNumber]] as [string, string][]) : []),
    ['Remiss', d.roundTitle],
    ['Sista svarsdag', d.closesOn],
    ['Kontaktperson', d.contact ?? '–'],
  ];
}

const paragraphsOf = (body: string): string[] => (body.trim() ? body.trim().split(/\n{2,}/) : ['(Inget innehåll.)']);
const footerOf = (d: AnswerDocument) => `${d.kind} · ${d.issuer}${d.diarienummer ? ` · Dnr ${d.diarienummer}` : ''}`;
const headerRight = (d: AnswerDocument) => `${d.kind.toUpperCase()} · ${d.date}`;

export async function answerToDocx(d: AnswerDocument): Promise<Buffer> {
  const doc = new Document({
    creator: 'Navet',
    title: d.title,
    description: `${d.kind} från ${d.issuer}`,
    styles: docxStyles,
    sections: [
      {
        ...docxPage(footerOf(d)),
        children: [
          ...docxLetterhead(d.issuer, headerRight(d)),
          new Paragraph({ children: [new TextRun({ text: 'Till', bold: true, size: 18, color: '595959' })] }),
          new Paragraph({ spacing: { after: 240 }, children: [new TextRun({ text: d.sender, size: 24 })] }),
          docxFacts(facts(d)),
          docxHeading(d.title, 1),
          new Paragraph({ spacing: { after: 200 }, children: [new TextRun({ text: decisionLine(d), bold: true })] }),
          ...d.sections.flatMap((s) => [
            docxHeading(s.heading, 2),
            ...paragraphsOf(s.body).map(
              (p) =>
                new Paragraph({
                  spacing: { after: 120 },
                  children: p.split('\n').map((line, i) => new TextRun({ text: line, ...(i > 0 ? { break: 1 } : {}) })),
                }),
            ),
          ]),
          new Paragraph({ spacing: { before: 480 }, keepNext: true, children: [new TextRun({ text: `För ${d.issuer}` })] }),
          docxSignatures(d.signatures),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

export function answerToPdf(d: AnswerDocument): Promise<Buffer> {
  const { doc, root, done } = startPdf({ title: d.title, author: d.issuer });
  pdfLetterhead(doc, root, d.issuer, headerRight(d));
  doc.font('Helvetica-Bold').fontSize(8).fillColor('#595959').text('Till', { structParent: root, structType: 'P' });
  doc.font('Helvetica').fontSize(12).fillColor('#000000').text(d.sender, { structParent: root, structType: 'P' });
  doc.moveDown(1);
  pdfFacts(doc, root, facts(d));
  pdfHeading(doc, root, d.title, 1);
  pdfParagraph(doc, root, decisionLine(d), { bold: true });
  for (const s of d.sections) {
    pdfHeading(doc, root, s.heading, 2);
    for (const p of paragraphsOf(s.body)) pdfParagraph(doc, root, p);
  }
  doc.moveDown(1.5);
  ensureSpace(doc, 150);
  pdfParagraph(doc, root, `För ${d.issuer}`);
  pdfSignatures(doc, root, d.signatures);
  finishPdf(doc, root, footerOf(d));
  return done;
}

export interface CommentLine {
  section: string;
  comment: string;
  author: string;
  createdAt: string;
  response: string | null;
  respondedBy: string | null;
}

/** The comment table: section, comment, response (formula-safe through toXlsx). */
export const commentSheet = (rows: CommentLine[]): Sheet<CommentLine> => ({
  name: 'Kommentarer',
  columns: [
    { header: 'Avsnitt', value: (r) => r.section, width: 36 },
    { header: 'Kommentar', value: (r) => r.comment, width: 60 },
    { header: 'Kommenterad av', value: (r) => r.author, width: 24 },
    { header: 'Datum', value: (r) => r.createdAt, width: 12 },
    { header: 'Svar', value: (r) => r.response ?? '', width: 60 },
    { header: 'Besvarad av', value: (r) => r.respondedBy ?? '', width: 24 },
  ],
  rows,
});
