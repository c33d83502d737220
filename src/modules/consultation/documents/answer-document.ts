import { AlignmentType, BorderStyle, Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import PDFDocument from 'pdfkit';
import type { Sheet } from '../../../platform/export/spreadsheet.js';

/**
 * The answer as a document from one template: a letterhead with the issuer (region or
 * healthcare region), case number and decision reference, the round it answers, then the
 * sections. DOCX for editing, PDF (tagged, with language and title) for sending and filing.
 */
export interface AnswerDocument {
  issuer: string;
  title: string;
  caseNumber: string | null;
  decisionRef: string | null;
  decidedOn: string | null;
  statusLabel: string;
  roundTitle: string;
  sender: string;
  closesOn: string;
  sections: { heading: string; body: string }[];
}

function facts(d: AnswerDocument): [string, string][] {
  return [
    ['Diarienummer', d.caseNumber ?? '–'],
    ['Remiss', d.roundTitle],
    ['Avsändare', d.sender],
    ['Sista svarsdag', d.closesOn],
    [
      'Beslut',
      d.decisionRef ? `${d.decisionRef}${d.decidedOn ? `, ${d.decidedOn}` : ''}` : `Ej beslutat (${d.statusLabel.toLowerCase()})`,
    ],
  ];
}

const paragraphsOf = (body: string): string[] => (body.trim() ? body.trim().split(/\n{2,}/) : ['(Inget innehåll.)']);

export async function answerToDocx(d: AnswerDocument): Promise<Buffer> {
  const doc = new Document({
    creator: 'Navet',
    title: d.title,
    description: `Remissvar från ${d.issuer}`,
    styles: { default: { document: { run: { font: 'Arial', size: 22 } } } },
    sections: [
      {
        children: [
          new Paragraph({
            alignment: AlignmentType.LEFT,
            border: { bottom: { color: '1F4E79', space: 4, style: BorderStyle.SINGLE, size: 12 } },
            children: [new TextRun({ text: d.issuer, bold: true, size: 28, color: '1F4E79' })],
          }),
          ...facts(d).map(
            ([k, v]) => new Paragraph({ children: [new TextRun({ text: `${k}: `, bold: true }), new TextRun({ text: v })] }),
          ),
          new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun({ text: d.title })] }),
          ...d.sections.flatMap((s) => [
            new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun({ text: s.heading })] }),
            ...paragraphsOf(s.body).map(
              (p) =>
                new Paragraph({
                  children: p.split('\n').map((line, i) => new TextRun({ text: line, ...(i > 0 ? { break: 1 } : {}) })),
                }),
            ),
          ]),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

export function answerToPdf(d: AnswerDocument): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({
      size: 'A4',
      margin: 56,
      pdfVersion: '1.7',
      tagged: true,
      lang: 'sv-SE',
      displayTitle: true,
      info: { Title: d.title, Author: d.issuer, Creator: 'Navet' },
    });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    const root = doc.struct('Document');
    doc.addStructure(root);
    doc.font('Helvetica-Bold').fontSize(16).fillColor('#1F4E79').text(d.issuer, { structParent: root, structType: 'P' });
    doc.moveDown(0.3).fillColor('#000000').fontSize(10);
    for (const [k, v] of facts(d)) doc.font('Helvetica').text(`${k}: ${v}`, { structParent: root, structType: 'P' });
    doc.moveDown(1).font('Helvetica-Bold').fontSize(18).text(d.title, { structParent: root, structType: 'H1' });
    for (const s of d.sections) {
      doc.moveDown(0.8).font('Helvetica-Bold').fontSize(13).text(s.heading, { structParent: root, structType: 'H2' });
      doc.font('Helvetica').fontSize(11);
      for (const p of paragraphsOf(s.body)) doc.moveDown(0.3).text(p, { structParent: root, structType: 'P' });
    }
    root.end();
    doc.end();
  });
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
