/** Document models as Navet builds them from a region's real work (names are the demo's). */
import type { AnswerDocument } from '../../src/modules/consultation/documents/answer-document.js';
import type { MinutesDoc } from '../../src/modules/meetings/minutes-document.js';
import { indicatorCharts } from '../../src/modules/indicators/report-chart.js';
import type { FollowupReport } from '../../src/modules/indicators/report.js';
import { analyseOnce, type AreaSeries } from '../../src/modules/indicators/series.js';

const long = (s: string, n: number) => Array.from({ length: n }, () => s).join(' ');

export const ANSWER: AnswerDocument = {
  issuer: 'Region Kronoberg',
  kind: 'Remissvar',
  title: 'Remissvar: Nationellt vårdförlopp hjärtsvikt – nydebuterad',
  diarienummer: 'RK 2026/1432',
  caseNumber: 'KS-2026-0042',
  date: '2026-11-30',
  decisionRef: 'Kunskapsrådet 2026-11-26 § 7',
  decidedOn: '2026-11-26',
  statusLabel: 'Beslutat',
  roundTitle: 'Nationellt vårdförlopp hjärtsvikt – nydebuterad',
  sender: 'Socialstyrelsen',
  closesOn: '2026-12-15',
  contact: 'Åsa Öberg',
  sections: [
    {
      heading: 'Sammanfattning',
      body: `Region Kronoberg tillstyrker förslaget med synpunkter på uppföljning och resurser.\n\n${long('Vårdförloppet ger en tydlig struktur för utredning, behandling och uppföljning av patienter med nydebuterad hjärtsvikt.', 3)}`,
    },
    {
      heading: 'Synpunkter på rekommendationerna',
      body: long(
        'Rekommendationen om ekokardiografi inom fyra veckor är angelägen men kräver ökad kapacitet på länets två sjukhus.',
        5,
      ),
    },
    {
      heading: 'Dagens praxis jämfört med rekommendationerna (gapanalys)',
      body: `${long('Enkäten till verksamheterna visar att sju av tio patienter i dag får sin utredning inom rekommenderad tid.', 4)}\n\nPrimärvården saknar i dag en gemensam rutin för titrering av läkemedel.`,
    },
    {
      heading: 'Konsekvenser för regionen: resurser, organisation och kompetens',
      body: long(
        'Införandet kräver utbildningsinsatser för sjuksköterskor i primärvården och en regional samordnare under två år.',
        6,
      ),
    },
    { heading: 'Övriga synpunkter', body: 'Inga övriga synpunkter.' },
  ],
  signatures: [
    { name: 'Bertil Påhittad', title: 'Ordförande, Kunskapsrådet', date: '2026-11-26' },
    { name: 'Åsa Öberg', title: 'Handläggare', date: '2026-11-30' },
  ],
};

export const MINUTES: MinutesDoc = {
  organisation: 'Region Kronoberg',
  forum: 'Kunskapsrådet',
  kind: 'Protokoll',
  title: 'Protokoll – Kunskapsrådet 2027-02-03',
  facts: [
    ['Forum', 'Kunskapsrådet'],
    ['Datum', '3 februari 2027'],
    ['Tid', 'kl. 09:00–12:00'],
    ['Plats', 'Regionhuset, sal Linné, Växjö'],
    ['Status', 'Justerat 2027-02-10'],
  ],
  attendance: [
    {
      heading: 'Närvarande ledamöter',
      people: [
        ['Bertil Påhittad', 'ordförande'],
        ['Märta Ådahl', 'vice ordförande'],
        ['Leo Ledamot', 'ledamot'],
        ['Örjan Åkesson', 'ledamot'],
      ],
    },
    { heading: 'Tjänstgörande ersättare', people: [['Ebba Ersättare', 'ersättare']] },
    {
      heading: 'Övriga närvarande',
      people: [
        ['Sara Sekreterare', 'sekreterare'],
        ['Pia Processtöd', 'processtöd'],
      ],
    },
    { heading: 'Frånvarande', people: [['Ada Justerare', 'ledamot']] },
  ],
  sections: [
    {
      heading: '§ 1 Nationellt vårdförlopp hjärtsvikt – införande',
      paragraphs: [
        'Ärende: KS-2026-0042',
        'Beslut: Kunskapsrådet ställer sig bakom införandet.',
        'På grund av jäv deltog inte i beslutet: Leo Ledamot',
        'Åtgärd: Ta fram införandeplan – ansvarig Märta Ådahl, klart senast 2027-04-30',
      ],
    },
    {
      heading: '§ 2 Läkemedelsgenomgångar för äldre',
      paragraphs: ['Beslut: Läkemedelsgenomgångarna ska följas upp i läkemedelskommittén.'],
    },
    { heading: '§ 3 Information om uppföljningsrapporten', paragraphs: ['Informationsärende: Rådet tar del av informationen.'] },
  ],
  footer: [
    'Justerare: Märta Ådahl (justerat 2027-02-09), Örjan Åkesson (justerat på papper 2027-02-10, registrerat av Sara Sekreterare)',
  ],
  signatures: [
    { name: 'Sara Sekreterare', title: 'Sekreterare (vid protokollet)', date: null },
    { name: 'Märta Ådahl', title: 'Justerare', date: '2027-02-09' },
    { name: 'Örjan Åkesson', title: 'Justerare', date: '2027-02-10' },
  ],
  fileBase: 'protokoll-Kunskapsrådet-2027-02-03',
  settledAt: '2027-02-10T09:30:00.000Z',
};

const PERIODS = Array.from({ length: 18 }, (_, i) => `${2025 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`);

function area(code: string, name: string, values: number[]): AreaSeries {
  const points = PERIODS.map((period, i) => ({ period, value: values[i] ?? null }));
  const analysis = analyseOnce(points);
  const signals = [
    ...analysis.run.signals.map((s) => ({ chart: 'run' as const, s })),
    ...analysis.control.signals.map((s) => ({ chart: 'control' as const, s })),
  ].map(({ chart, s }) => ({
    chart,
    rule: s.rule,
    periods: s.indices.map((i) => PERIODS[i]!),
    side: s.side,
    meaning: 'improvement',
  }));
  const last = values.length - 1;
  return {
    area: code,
    name,
    level: code === '00' ? 'country' : 'region',
    values: points.map((p) => p.value),
    latest: { period: PERIODS[last]!, value: values[last]! },
    meetsTarget: values[last]! >= 80,
    analysis,
    signals,
  };
}

const OWN = area('07', 'Region Kronoberg', [68, 71, 69, 72, 70, 67, 71, 70, 73, 69, 72, 76, 78, 77, 79, 81, 80, 82]);
const NATION = area('SE', 'Riket', [74, 75, 74, 76, 75, 75, 76, 77, 76, 77, 78, 77, 78, 79, 78, 79, 80, 79]);

export const REPORT: FollowupReport = {
  organisation: 'Region Kronoberg',
  title: 'Uppföljningsrapport – LPO Hjärt- och kärlsjukdomar',
  facts: [
    ['Region', 'Region Kronoberg'],
    ['Grupp', 'LPO Hjärt- och kärlsjukdomar'],
    ['Datum', '2026-12-31'],
  ],
  sections: [
    {
      heading: 'Införande av kunskapsstöd',
      paragraphs: ['1 av 2 kunskapsstöd är införda eller uppföljda.'],
      table: {
        caption: 'Införandestatus',
        widths: [0.27, 0.09, 0.15, 0.12, 0.19, 0.18],
        headers: ['Kunskapsstöd', 'Version', 'Status', 'Planerat klart', 'Beslut', 'Anteckning'],
        rows: [
          [
            'Vårdförlopp hjärtsvikt – nydebuterad',
            '2.0',
            'Infört',
            '2026-06-30',
            '2026-02-03, Kunskapsrådet, § 1',
            'Följs upp kvartalsvis.',
          ],
          [
            'Förmaksflimmer – behandling med antikoagulantia',
            '1.1',
            'Planerad',
            '2027-03-31',
            '–',
            'Väntar på utbildningsinsats i primärvården.',
          ],
        ],
      },
    },
    {
      heading: 'Verksamhetsplan 2026–2027',
      paragraphs: ['Planen är beslutad (beslut Kunskapsrådet 2025-12-10 § 4). 1 av 3 insatsområden är klara.'],
      table: {
        caption: 'Insatsområden',
        widths: [0.08, 0.42, 0.2, 0.18, 0.12],
        headers: ['Prio', 'Insatsområde', 'Ansvarig', 'Tid', 'Läge'],
        rows: [
          ['1', 'Ekokardiografi inom fyra veckor', 'Märta Ådahl', '2026-01-01 – 2026-12-31', 'Pågår'],
          ['2', 'Titrering av läkemedel i primärvården', 'Örjan Åkesson', '2026-03-01 – 2027-06-30', 'Pågår'],
          ['3', 'Patientutbildning efter utskrivning', 'Åsa Öberg', '2026-01-01 – 2026-06-30', 'Klar'],
        ],
      },
    },
    {
      heading: 'Indikatorer mot mål och riket',
      paragraphs: ['Senaste period per indikator; signaler enligt styrdiagram (XmR), se Navets dokumentation.'],
      table: {
        caption: 'Indikatorer',
        widths: [0.27, 0.1, 0.13, 0.12, 0.16, 0.22],
        headers: ['Indikator', 'Period', 'Region Kronoberg', 'Riket', 'Målnivå', 'Signaler'],
        rows: [['Ekokardiografi inom fyra veckor', '2026-06', '82 %', '79 %', '80 (uppnått)', 'förskjutning (förbättring)']],
      },
    },
    {
      heading: 'Serie- och styrdiagram',
      paragraphs: [
        'Seriediagrammet visar regionens värden mot medianen, styrdiagrammet (XmR) mot medelvärdet och styrgränserna.',
      ],
      figures: [
        {
          heading: 'Ekokardiografi inom fyra veckor',
          charts: indicatorCharts('Ekokardiografi inom fyra veckor', '%', 80, PERIODS, OWN, NATION),
        },
      ],
    },
    {
      heading: 'Controllerns kommentarer',
      paragraphs: ['Ekokardiografi inom fyra veckor, 2026-03 (Åsa Öberg): Bemanningen på mottagningen påverkar.'],
    },
  ],
};
