/** Renders a follow-up report as DOCX and as tagged PDF (language, title, headings, tables as text). */
import { Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import PDFDocument from 'pdfkit';
import type { FollowupReport } from './report.js';

export async function reportToDocx(r: FollowupReport): Promise<Buffer> {
  const children: (Paragraph | Table)[] = [
    new Paragraph({ text: r.title, heading: HeadingLevel.HEADING_1 }),
    ...r.facts.map(([k, v]) => new Paragraph({ children: [new TextRun({ text: `${k}: `, bold: true }), new TextRun(v)] })),
  ];
  for (const s of r.sections) {
    children.push(new Paragraph({ text: s.heading, heading: HeadingLevel.HEADING_2 }));
    for (const p of s.paragraphs) children.push(new Paragraph(p));
    if (s.table) {
      children.push(new Paragraph({ children: [new TextRun({ text: s.table.caption, italics: true })] }));
      children.push(
        new Table({
          width: { size: 100, type: WidthType.PERCENTAGE },
          rows: [
            new TableRow({
              tableHeader: true,
              children: s.table.headers.map(
                (h) => new TableCell({ children: [new Paragraph({ children: [new TextRun({ text: h, bold: true })] })] }),
              ),
            }),
            ...s.table.rows.map(
              (row) => new TableRow({ children: row.map((c) => new TableCell({ children: [new Paragraph(c)] })) }),
            ),
          ],
        }),
      );
    }
  }
  const doc = new Document({
    creator: 'Navet',
    title: r.title,
    language: 'sv-SE',
    sections: [{ children }],
  } as ConstructorParameters<typeof Document>[0]);
  return Packer.toBuffer(doc);
}

export function reportToPdf(r: FollowupReport): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({
      size: 'A4',
      margin: 56,
      pdfVersion: '1.7',
      tagged: true,
      lang: 'sv-SE',
      displayTitle: true,
      info: { Title: r.title, Creator: 'Navet' },
    });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    const root = doc.struct('Document');
    doc.addStructure(root);
    doc.font('Helvetica-Bold').fontSize(18).fillColor('#000000').text(r.title, { structParent: root, structType: 'H1' });
    doc.font('Helvetica').fontSize(10);
    for (const [k, v] of r.facts) doc.text(`${k}: ${v}`, { structParent: root, structType: 'P' });
    for (const s of r.sections) {
      doc.moveDown(0.8).font('Helvetica-Bold').fontSize(13).text(s.heading, { structParent: root, structType: 'H2' });
      doc.font('Helvetica').fontSize(10);
      for (const p of s.paragraphs) doc.moveDown(0.3).text(p, { structParent: root, structType: 'P' });
      if (s.table) {
        doc.moveDown(0.3).font('Helvetica-Oblique').text(s.table.caption, { structParent: root, structType: 'Caption' });
        doc.font('Helvetica-Bold').text(s.table.headers.join(' | '), { structParent: root, structType: 'P' });
        doc.font('Helvetica');
        for (const row of s.table.rows) doc.text(row.join(' | '), { structParent: root, structType: 'P' });
      }
    }
    root.end();
    doc.end();
  });
}
