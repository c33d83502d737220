/**
 * The documents Navet produces, rendered as a reader sees them (PDF through pdf.js, DOCX through
 * docx-preview) and checked for their parts: the remissvar's letterhead, recipient, contact,
 * decision line (once) and signatures; the protokoll's attendance under Swedish role labels,
 * §§ and justering; the follow-up report's tables and charts; "Sida 1 av N" on every PDF page.
 * The PNGs land in test-results/browser/documents-*.png for a person to look at.
 */
import { describe, expect, it } from 'vitest';
import { answerToDocx, answerToPdf } from '../../src/modules/consultation/documents/answer-document.js';
import { reportToDocx, reportToPdf } from '../../src/modules/indicators/report-documents.js';
import { toDocx as minutesToDocx, toPdf as minutesToPdf } from '../../src/modules/meetings/minutes-render.js';
import { useBrowser } from './browser.js';
import { renderDocx, renderPdf, type RenderedPage } from './document-render.js';
import { ANSWER, MINUTES, REPORT } from './document-fixtures.js';

const suite = useBrowser();
const all = (pages: RenderedPage[]) => pages.map((p) => p.text.replace(/\s+/g, ' ')).join(' ');
const count = (text: string, s: string) => text.split(s).length - 1;

function expectPageNumbers(pages: RenderedPage[]) {
  pages.forEach((p, i) => expect(p.text).toContain(`Sida ${i + 1} av ${pages.length}`));
}

describe('the remissvar', () => {
  const parts = [
    'Region Kronoberg',
    'REMISSVAR',
    'Till',
    'Socialstyrelsen',
    'Diarienummer',
    'RK 2026/1432',
    'Kontaktperson',
    'Åsa Öberg',
    'Synpunkter på rekommendationerna',
    'För Region Kronoberg',
    'Ordförande, Kunskapsrådet',
    'Bertil Påhittad',
  ];

  it('reads as an official letter in PDF', async () => {
    const pages = await renderPdf(suite.browser, await answerToPdf(ANSWER), 'documents-remissvar-pdf');
    const text = all(pages);
    for (const s of parts) expect(text).toContain(s);
    expect(count(text, 'Beslut: Kunskapsrådet 2026-11-26 § 7')).toBe(1);
    expect(text).toContain('Datum: 2026-11-26');
    expectPageNumbers(pages);
  });

  it('reads as an official letter in DOCX', async () => {
    const pages = await renderDocx(suite.browser, await answerToDocx(ANSWER), 'documents-remissvar-docx');
    const text = all(pages);
    for (const s of parts) expect(text).toContain(s);
    expect(count(text, 'Beslut: Kunskapsrådet 2026-11-26 § 7')).toBe(1);
    expect(text).toContain('Sida');
  });
});

describe('the protokoll', () => {
  const parts = [
    'Region Kronoberg',
    'PROTOKOLL',
    'Protokoll – Kunskapsrådet 2027-02-03',
    '3 februari 2027',
    'kl. 09:00–12:00',
    'Plats',
    'Närvarande ledamöter',
    'ordförande',
    'vice ordförande',
    'Tjänstgörande ersättare',
    'ersättare',
    'Övriga närvarande',
    'sekreterare',
    'Frånvarande',
    '§ 1 Nationellt vårdförlopp hjärtsvikt – införande',
    'Beslut: Kunskapsrådet ställer sig bakom införandet.',
    'Justering',
    'Sekreterare (vid protokollet)',
    'Justerare',
    'justerat på papper 2027-02-10',
  ];

  it('has attendance, §§ and a justering block in PDF', async () => {
    const pages = await renderPdf(suite.browser, await minutesToPdf(MINUTES), 'documents-protokoll-pdf');
    const text = all(pages);
    for (const s of parts) expect(text).toContain(s);
    for (const key of ['ordforande', 'vice-ordforande', 'ersattare']) expect(text).not.toContain(key);
    expect(text).toContain('Datum: 2027-02-10');
    expectPageNumbers(pages);
  });

  it('as an extract (protokollsutdrag) has one § and the attestation', async () => {
    const extract = {
      ...MINUTES,
      kind: 'Protokollsutdrag',
      title: 'Protokollsutdrag – Kunskapsrådet 2027-02-03 § 2',
      attendance: [],
      sections: [MINUTES.sections[1]!],
      footer: [...MINUTES.footer, 'Utdraget överensstämmer med protokollet Kunskapsrådet 2027-02-03 § 2.'],
    };
    const pages = await renderPdf(suite.browser, await minutesToPdf(extract), 'documents-protokollsutdrag-pdf');
    const text = all(pages);
    for (const s of ['PROTOKOLLSUTDRAG', '§ 2 Läkemedelsgenomgångar för äldre', 'Rätt utdraget intygar', 'Sida 1 av 1'])
      expect(text).toContain(s);
    expect(text).not.toContain('Närvaro');
    expect(text).not.toContain('§ 1');
  });

  it('has attendance, §§ and a justering block in DOCX', async () => {
    const pages = await renderDocx(suite.browser, await minutesToDocx(MINUTES), 'documents-protokoll-docx');
    const text = all(pages);
    for (const s of parts) expect(text).toContain(s);
    expect(text).not.toContain('ordforande');
  });
});

describe('the follow-up report', () => {
  const cells = [
    'Kunskapsstöd',
    'Vårdförlopp hjärtsvikt – nydebuterad',
    'Insatsområde',
    'Titrering av läkemedel i primärvården',
    'Målnivå',
    '80 (uppnått)',
  ];

  it('has real tables, the run and control charts as images, and page numbers in PDF', async () => {
    const pages = await renderPdf(suite.browser, await reportToPdf(REPORT), 'documents-rapport-pdf');
    const text = all(pages);
    for (const s of [
      'Region Kronoberg',
      'UPPFÖLJNINGSRAPPORT',
      ...cells,
      'Seriediagram – Ekokardiografi',
      'Styrdiagram (XmR) – Ekokardiografi',
    ])
      expect(text).toContain(s);
    expect(text).not.toContain(' | ');
    expect(pages.reduce((n, p) => n + p.images, 0)).toBe(2);
    expectPageNumbers(pages);
  });

  it('has real tables and the charts as images in DOCX', async () => {
    const pages = await renderDocx(suite.browser, await reportToDocx(REPORT), 'documents-rapport-docx');
    const text = all(pages);
    for (const s of cells) expect(text).toContain(s);
    expect(text).not.toContain(' | ');
    expect(pages.reduce((n, p) => n + p.images, 0)).toBe(2);
  });
});
