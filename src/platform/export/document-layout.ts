/**
 * The layout every generated document shares (remissvar, protokoll, uppföljningsrapport), so they
 * read as one organisation's papers: A4 with 2 cm margins, Swedish as the document language, a
 * running footer with the document's name and "Sida X av N", real tables with a repeated header
 * row, label/value blocks and signature lines. PDF through pdfkit (tagged), DOCX through docx.
 */
import {
  AlignmentType,
  BorderStyle,
  Footer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  VerticalAlign,
  TextRun,
  WidthType,
  type IBorderOptions,
  type ISectionOptions,
} from 'docx';

export const ACCENT = '1F4E79';
export const LANGUAGE = 'sv-SE';
/** A4 in twentieths of a point, and the margin (2 cm) DOCX sections use. */
const A4_TWIPS = { width: 11906, height: 16838 };
const MARGIN_TWIPS = 1134;
/** The text width of an A4 page between 2 cm margins, in twips. */
export const TEXT_WIDTH_TWIPS = A4_TWIPS.width - 2 * MARGIN_TWIPS;

export const pageLabel = (page: number, pages: number): string => `Sida ${page} av ${pages}`;

// ---------------------------------------------------------------------------------------------
// DOCX

/** The default style of every DOCX: Arial 11, Swedish. */
export const docxStyles = {
  default: { document: { run: { font: 'Arial', size: 22, language: { value: LANGUAGE } } } },
  paragraphStyles: [],
};

/** A section's page (A4, 2 cm margins) and its footer: the document's name left, "Sida X av N" right. */
export function docxPage(footerText: string): Pick<ISectionOptions, 'properties' | 'footers'> {
  return {
    properties: {
      page: {
        size: A4_TWIPS,
        margin: { top: MARGIN_TWIPS, bottom: MARGIN_TWIPS, left: MARGIN_TWIPS, right: MARGIN_TWIPS, footer: 567 },
      },
    },
    footers: {
      default: new Footer({
        children: [
          docxSplitLine(
            [new TextRun({ text: footerText, size: 16, color: '595959' })],
            [new TextRun({ children: ['Sida ', PageNumber.CURRENT, ' av ', PageNumber.TOTAL_PAGES], size: 16, color: '595959' })],
            { top: { color: 'BFBFBF', style: BorderStyle.SINGLE, size: 4 } },
          ),
        ],
      }),
    },
  };
}

const cellMargins = { top: 60, bottom: 60, left: 100, right: 100 };

/** A table with a header row that repeats on every page; `widths` are fractions of the text width. */
export function docxTable(headers: string[], rows: string[][], widths?: number[]): Table {
  const w = widths ?? headers.map(() => 1 / headers.length);
  const cell = (text: string, i: number, header: boolean) =>
    new TableCell({
      width: { size: Math.round(w[i]! * TEXT_WIDTH_TWIPS), type: WidthType.DXA },
      margins: cellMargins,
      ...(header ? { shading: { fill: 'DCE6F1', type: 'clear' as const, color: 'auto' } } : {}),
      children: text
        .split('\n')
        .map((line) => new Paragraph({ children: [new TextRun({ text: line, bold: header, size: 18 })] })),
    });
  return new Table({
    width: { size: TEXT_WIDTH_TWIPS, type: WidthType.DXA },
    columnWidths: w.map((f) => Math.round(f * TEXT_WIDTH_TWIPS)),
    rows: [
      new TableRow({ tableHeader: true, cantSplit: true, children: headers.map((h, i) => cell(h, i, true)) }),
      ...rows.map((r) => new TableRow({ cantSplit: true, children: r.map((c, i) => cell(c, i, false)) })),
    ],
  });
}

const NO_BORDER = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
const NO_BORDERS = {
  top: NO_BORDER,
  bottom: NO_BORDER,
  left: NO_BORDER,
  right: NO_BORDER,
  insideHorizontal: NO_BORDER,
  insideVertical: NO_BORDER,
};

/** Label/value pairs as a borderless two-column table (labels bold, 30 % of the width). */
export function docxFacts(pairs: [string, string][]): Table {
  const col = [0.3, 0.7].map((f) => Math.round(f * TEXT_WIDTH_TWIPS));
  return new Table({
    width: { size: TEXT_WIDTH_TWIPS, type: WidthType.DXA },
    columnWidths: col,
    borders: NO_BORDERS,
    rows: pairs.map(
      ([k, v]) =>
        new TableRow({
          children: [
            new TableCell({
              width: { size: col[0]!, type: WidthType.DXA },
              children: [new Paragraph({ children: [new TextRun({ text: k, bold: true })] })],
            }),
            new TableCell({
              width: { size: col[1]!, type: WidthType.DXA },
              children: v.split('\n').map((l) => new Paragraph(l)),
            }),
          ],
        }),
    ),
  });
}

export interface Signature {
  /** The printed name (namnförtydligande), or null for an empty line to fill in. */
  name: string | null;
  title: string;
  /** The date, or null for a line to fill in. */
  date: string | null;
}

/** Signature blocks side by side: a line to sign on, then name, title and date (or lines for them). */
export function docxSignatures(signatures: Signature[]): Table {
  const per = Math.floor(TEXT_WIDTH_TWIPS / Math.max(2, signatures.length));
  const line = { style: BorderStyle.SINGLE, size: 6, color: '000000' };
  return new Table({
    width: { size: per * Math.max(2, signatures.length), type: WidthType.DXA },
    columnWidths: signatures.map(() => per),
    borders: NO_BORDERS,
    rows: [
      new TableRow({
        children: signatures.map(
          (s) =>
            new TableCell({
              width: { size: per, type: WidthType.DXA },
              margins: { top: 0, bottom: 0, left: 0, right: 400 },
              children: [
                new Paragraph({ spacing: { before: 720 }, border: { bottom: line }, children: [] }),
                new Paragraph({ children: [new TextRun({ text: s.name ?? 'Namnförtydligande: ____________________' })] }),
                new Paragraph({ children: [new TextRun({ text: s.title, italics: true })] }),
                new Paragraph({ children: [new TextRun({ text: `Datum: ${s.date ?? '____________'}` })] }),
              ],
            }),
        ),
      }),
    ],
  });
}

/** A heading paragraph in the house colour (docx's built-in heading styles are blue Calibri). */
export function docxHeading(text: string, level: 1 | 2 | 3): Paragraph {
  const size = { 1: 32, 2: 26, 3: 22 }[level];
  return new Paragraph({
    heading: (['Heading1', 'Heading2', 'Heading3'] as const)[level - 1],
    spacing: { before: level === 1 ? 240 : 200, after: 80 },
    keepNext: true,
    children: [new TextRun({ text, bold: true, size, color: ACCENT, font: 'Arial' })],
  });
}

/**
 * One line with text at the left and at the right margin, as a borderless two-column table (a right
 * tab stop would do in Word, but not in every reader), with an optional rule above or below.
 */
function docxSplitLine(left: TextRun[], right: TextRun[], rule: { top?: IBorderOptions; bottom?: IBorderOptions } = {}): Table {
  const leftWidth = Math.round(TEXT_WIDTH_TWIPS * 0.72);
  const widths = [leftWidth, TEXT_WIDTH_TWIPS - leftWidth];
  const borders = { ...NO_BORDERS, ...(rule.top ? { top: rule.top } : {}), ...(rule.bottom ? { bottom: rule.bottom } : {}) };
  const cell = (children: TextRun[], alignment: (typeof AlignmentType)[keyof typeof AlignmentType], width: number) =>
    new TableCell({
      width: { size: width, type: WidthType.DXA },
      verticalAlign: VerticalAlign.BOTTOM,
      margins: { top: 40, bottom: 40, left: 0, right: 0 },
      children: [new Paragraph({ alignment, children })],
    });
  return new Table({
    width: { size: TEXT_WIDTH_TWIPS, type: WidthType.DXA },
    columnWidths: widths,
    borders,
    rows: [
      new TableRow({ children: [cell(left, AlignmentType.LEFT, widths[0]!), cell(right, AlignmentType.RIGHT, widths[1]!)] }),
    ],
  });
}

/** The letterhead: the organisation's name in the house colour, the document kind and date at the right, over a rule. */
export function docxLetterhead(organisation: string, right?: string): (Table | Paragraph)[] {
  return [
    docxSplitLine(
      [new TextRun({ text: organisation, bold: true, size: 28, color: ACCENT })],
      right ? [new TextRun({ text: right, size: 18, color: '595959' })] : [],
      { bottom: { color: ACCENT, style: BorderStyle.SINGLE, size: 12 } },
    ),
    new Paragraph({ spacing: { after: 120 }, children: [] }),
  ];
}
