/** The minutes (protokoll) and extracts of one paragraph (protokollsutdrag) as DOCX and PDF. */
import { swedishDate } from '../../platform/clock.js';
import { Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import PDFDocument from 'pdfkit';
import type { Queryable } from '../../platform/db/index.js';
import { isFinal } from '../../platform/lifecycle/index.js';
import * as repo from './repository.js';
import * as minutesRepo from './minutes-repository.js';
import { minutesLifecycle } from './rules/lifecycle.js';
import { isAbsent, isPresent, longSwedishDate, paragraphReference, SECRET_PARAGRAPH } from './rules/meeting.js';

export interface MinutesDoc {
  title: string;
  facts: [string, string][];
  sections: { heading: string; paragraphs: string[] }[];
  footer: string[];
  fileBase: string;
}

const KIND_LABEL: Record<string, string> = {
  beslut: 'Beslut',
  information: 'Informationsärende',
  aterremitterad: 'Återremitteras',
  bordlagd: 'Bordläggs',
};

/**
 * Builds the document model: whole minutes, or one paragraph as an extract. The public copy
 * (insyn) shows the paragraphs about secret cases without their title, decision, jäv and action
 * items, and leaves out the free-text reasons for taking part despite a jäv restriction.
 */
export async function minutesDoc(
  db: Queryable,
  m: repo.MeetingRecord,
  onlyParagraphId?: string,
  publicCopy?: { secretParagraphs: ReadonlySet<string> },
): Promise<MinutesDoc> {
  const [attendance, all, adjusters] = await Promise.all([
    repo.attendanceOf(db, m.id),
    minutesRepo.paragraphsOf(db, m.id),
    minutesRepo.adjustersOf(db, m.id),
  ]);
  const paragraphs = onlyParagraphId ? all.filter((p) => p.id === onlyParagraphId) : all;
  const ids = paragraphs.map((p) => p.id);
  const [participation, actions] = await Promise.all([minutesRepo.participationOf(db, ids), minutesRepo.actionsOf(db, ids)]);
  const approved = isFinal(minutesLifecycle, m.minutesStatus);
  const present = attendance.filter((a) => isPresent(a.status));
  const absent = attendance.filter((a) => isAbsent(a.status));
  const facts: [string, string][] = [
    ['Forum', m.forumName],
    ['Datum', `${longSwedishDate(m.date)}, kl. ${m.startTime}–${m.endTime}`],
    ...(m.place ? ([['Plats', m.place]] as [string, string][]) : []),
    ['Status', approved ? `Justerat ${m.minutesLockedAt!.slice(0, 10)}` : 'Ej justerat (utkast)'],
  ];
  const sections: MinutesDoc['sections'] = [];
  if (!onlyParagraphId) {
    sections.push({
      heading: 'Närvarande',
      paragraphs: [
        present
          .filter((a) => a.role !== 'adjungerad')
          .map((a) => `${a.name} (${a.role})`)
          .join(', ') || '–',
        ...(present.some((a) => a.role === 'adjungerad')
          ? [
              `Adjungerade: ${present
                .filter((a) => a.role === 'adjungerad')
                .map((a) => a.name)
                .join(', ')}`,
            ]
          : []),
        ...(absent.length ? [`Frånvarande: ${absent.map((a) => a.name).join(', ')}`] : []),
      ],
    });
  }
  for (const p of paragraphs) {
    if (publicCopy?.secretParagraphs.has(p.id)) {
      sections.push({
        heading: `§ ${p.number} ${SECRET_PARAGRAPH.title}`,
        paragraphs: [...(p.caseNumber ? [`Ärende: ${p.caseNumber}`] : []), SECRET_PARAGRAPH.text],
      });
      continue;
    }
    const recused = participation.filter((r) => r.paragraphId === p.id && !r.takesPart);
    const overrides = participation.filter((r) => r.paragraphId === p.id && r.takesPart && r.overrideReason);
    const acts = actions.filter((a) => a.paragraphId === p.id);
    sections.push({
      heading: `§ ${p.number} ${p.title}`,
      paragraphs: [
        ...(p.caseNumber ? [`Ärende: ${p.caseNumber}`] : []),
        `${KIND_LABEL[p.decisionKind] ?? p.decisionKind}: ${p.decisionText || '–'}`,
        ...(recused.length ? [`På grund av jäv deltog inte i beslutet: ${recused.map((r) => r.name).join(', ')}`] : []),
        ...overrides.map((r) =>
          publicCopy
            ? `${r.name} deltog trots jävsbegränsning.`
            : `${r.name} deltog trots jävsbegränsning. Skäl: ${r.overrideReason}`,
        ),
        ...acts.map(
          (a) => `Åtgärd: ${a.title} – ansvarig ${a.ownerName ?? '–'}${a.dueDate ? `, klart senast ${a.dueDate}` : ''}`,
        ),
      ],
    });
  }
  const footer = [`Justerare: ${adjusters.map((a) => `${a.name}${justeredNote(a)}`).join(', ') || '–'}`];
  const only = paragraphs[0];
  if (onlyParagraphId && only) {
    footer.push(`Utdraget överensstämmer med protokollet ${paragraphReference(m.forumName, m.date, only.number)}.`);
  }
  return {
    title:
      onlyParagraphId && only
        ? `Protokollsutdrag – ${m.forumName} ${m.date} § ${only.number}`
        : `Protokoll – ${m.forumName} ${m.date}`,
    facts,
    sections,
    footer,
    fileBase:
      onlyParagraphId && only ? `protokollsutdrag-${m.forumName}-${m.date}-${only.number}` : `protokoll-${m.forumName}-${m.date}`,
  };
}

export async function toDocx(d: MinutesDoc): Promise<Buffer> {
  const children: Paragraph[] = [
    new Paragraph({ text: d.title, heading: HeadingLevel.HEADING_1 }),
    ...d.facts.map(([k, v]) => new Paragraph({ children: [new TextRun({ text: `${k}: `, bold: true }), new TextRun(v)] })),
  ];
  for (const s of d.sections) {
    children.push(new Paragraph({ text: s.heading, heading: HeadingLevel.HEADING_2 }));
    for (const p of s.paragraphs) children.push(new Paragraph(p));
  }
  for (const f of d.footer) children.push(new Paragraph({ children: [new TextRun({ text: f, italics: true })] }));
  const doc = new Document({ creator: 'Navet', title: d.title, sections: [{ children }] });
  return Packer.toBuffer(doc);
}

/** Uncompressed content streams keep the text findable by simple tools (and by the tests). */
export function toPdf(d: MinutesDoc): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({
      size: 'A4',
      margin: 56,
      compress: false,
      pdfVersion: '1.7',
      tagged: true,
      lang: 'sv-SE',
      displayTitle: true,
      info: { Title: d.title, Creator: 'Navet' },
    });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    const root = doc.struct('Document');
    doc.addStructure(root);
    doc.font('Helvetica-Bold').fontSize(16).text(d.title, { structParent: root, structType: 'H1' });
    doc.font('Helvetica').fontSize(10);
    for (const [k, v] of d.facts) doc.text(`${k}: ${v}`, { structParent: root, structType: 'P' });
    for (const s of d.sections) {
      doc.moveDown(0.8).font('Helvetica-Bold').fontSize(12).text(s.heading, { structParent: root, structType: 'H2' });
      doc.font('Helvetica').fontSize(10);
      for (const p of s.paragraphs) doc.moveDown(0.2).text(p, { structParent: root, structType: 'P' });
    }
    doc.moveDown(1).font('Helvetica-Oblique');
    for (const f of d.footer) doc.text(f, { structParent: root, structType: 'P' });
    root.end();
    doc.end();
  });
}

/** How an adjuster's justering reads in the protokoll: in Navet with its day, or on paper with the day signed. */
function justeredNote(a: minutesRepo.AdjusterRecord): string {
  if (a.signedOnPaper) return ` (justerat på papper ${a.signedOnPaper}${a.recordedBy ? `, registrerat av ${a.recordedBy}` : ''})`;
  return a.approvedAt ? ` (justerat ${swedishDate(new Date(a.approvedAt))})` : '';
}
