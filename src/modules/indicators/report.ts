/**
 * The follow-up report of an LPO for a kunskapsråd meeting (seed 002): implementation status,
 * plan progress, indicators against targets and the nation with the controller's comments.
 * One data model, rendered as DOCX (for editing) and tagged PDF (for filing and the agenda).
 */
import type { Queryable } from '../../platform/db/index.js';
import { notFound } from '../../platform/errors.js';
import { getGroup } from '../organisation/index.js';
import { IMPLEMENTED, statusesForGroupReport, statusLabel } from '../implementation/index.js';
import { compareWithPrevious, getPlan, listPlans, planLifecycle } from '../planning/index.js';
import * as repo from './repository.js';
import { indicatorCharts, RULE_SV, type ReportChart } from './report-chart.js';
import { indicatorSeries } from './series.js';

const PROGRESS_SV: Record<string, string> = {
  'not-started': 'Ej startad',
  ongoing: 'Pågår',
  done: 'Klar',
  cancelled: 'Avbruten',
};

export interface ReportTable {
  caption: string;
  headers: string[];
  rows: string[][];
  /** Column widths as fractions of the text width. */
  widths?: number[];
}
export interface ReportSection {
  heading: string;
  paragraphs: string[];
  table?: ReportTable;
  /** Charts under sub-headings (one indicator each). */
  figures?: { heading: string; charts: ReportChart[] }[];
}
export interface FollowupReport {
  /** The region that owns the group: the letterhead. */
  organisation: string;
  title: string;
  facts: [string, string][];
  sections: ReportSection[];
}

const num = (n: number | null | undefined) =>
  n === null || n === undefined ? '–' : n.toLocaleString('sv-SE', { maximumFractionDigits: 2 });

export async function buildReport(db: Queryable, groupId: string, today: string): Promise<FollowupReport> {
  const group = await getGroup(db, groupId);
  if (!group) throw notFound('Gruppen');
  const region =
    (await db.query<{ name: string }>('SELECT name FROM regions WHERE code = $1', [group.owner]))[0]?.name ?? group.owner;
  const sections: ReportSection[] = [];

  // 1. Implementation status: the LPO's own rows and the region's rows it is responsible for.
  const uniq = await statusesForGroupReport(db, group);
  sections.push({
    heading: 'Införande av kunskapsstöd',
    paragraphs: uniq.length
      ? [`${uniq.filter((s) => IMPLEMENTED.has(s.status)).length} av ${uniq.length} kunskapsstöd är införda eller uppföljda.`]
      : ['Inga införandestatusar är registrerade för gruppen.'],
    ...(uniq.length
      ? {
          table: {
            caption: 'Införandestatus',
            widths: [0.27, 0.09, 0.15, 0.12, 0.19, 0.18],
            headers: ['Kunskapsstöd', 'Version', 'Status', 'Planerat klart', 'Beslut', 'Anteckning'],
            rows: uniq.map((s) => [
              `${s.supportTitle}${s.kind === 'phase-out' ? ' (utfasning)' : ''}`,
              s.versionLabel,
              statusLabel(s.status) + (s.notApplicableReason ? `: ${s.notApplicableReason}` : ''),
              s.plannedDone ?? '–',
              [s.decisionDate, s.decisionForum, s.decisionCaseRef].filter(Boolean).join(', ') || '–',
              s.notes ?? '',
            ]),
          },
        }
      : {}),
  });

  // 2. Plan progress: the current plan (the latest that has started).
  const year = Number(today.slice(0, 4));
  const plans = (await listPlans(db, { groupId })).filter((p) => p.startYear <= year);
  const plan = plans[0] ? await getPlan(db, plans[0].id) : undefined;
  if (plan) {
    const cmp = await compareWithPrevious(db, plan);
    const stateSv = planLifecycle.labels[plan.state];
    sections.push({
      heading: `Verksamhetsplan ${plan.startYear}–${plan.endYear}`,
      paragraphs: [
        `Planen är ${stateSv}${plan.decisionRef ? ` (beslut ${plan.decisionRef})` : ''}. ${plan.items.filter((i) => i.progress === 'done').length} av ${plan.items.length} insatsområden är klara.`,
        ...(cmp
          ? [
              `Jämfört med planen ${cmp.previousStartYear}–${cmp.previousStartYear + 1}: ${cmp.added.length} nya, ${cmp.removed.length} borttagna och ${cmp.reprioritised.length} omprioriterade insatsområden.`,
            ]
          : []),
      ],
      table: {
        caption: 'Insatsområden',
        widths: [0.08, 0.42, 0.2, 0.18, 0.12],
        headers: ['Prio', 'Insatsområde', 'Ansvarig', 'Tid', 'Läge'],
        rows: plan.items.map((i) => [
          String(i.priority),
          i.title,
          i.ownerName ?? '–',
          `${i.startsOn ?? '?'} – ${i.endsOn ?? '?'}`,
          PROGRESS_SV[i.progress] ?? i.progress,
        ]),
      },
    });
  } else {
    sections.push({ heading: 'Verksamhetsplan', paragraphs: ['Gruppen har ingen verksamhetsplan registrerad.'] });
  }

  // 3. Indicators of the group's program areas: the region's latest value against target and nation.
  const indicators = (await repo.listIndicators(db)).filter(
    (i) => !i.programAreaId || group.programAreaIds.includes(i.programAreaId),
  );
  const comments = await repo.commentsOf(db, groupId);
  const rows: string[][] = [];
  const paragraphs: string[] = [];
  const figures: NonNullable<ReportSection['figures']> = [];
  for (const ind of indicators) {
    const { periods, series } = await indicatorSeries(db, ind, { areas: [group.owner] });
    const own = series.find((s) => s.area === group.owner);
    const nation = series.find((s) => s.area === 'SE');
    if (!own?.latest && !nation?.latest) continue;
    const natAt = own?.latest ? nation?.values[periods.indexOf(own.latest.period)] : null;
    const signals = (own?.signals ?? []).filter((s) => s.chart === 'control');
    rows.push([
      ind.name,
      own?.latest?.period ?? '–',
      `${num(own?.latest?.value)} ${ind.unit}`,
      `${num(natAt)} ${ind.unit}`,
      ind.targetValue === null ? '–' : `${num(ind.targetValue)} (${own?.meetsTarget ? 'uppnått' : 'ej uppnått'})`,
      signals.length
        ? signals
            .map(
              (s) =>
                `${RULE_SV[s.rule]} (${s.meaning === 'improvement' ? 'förbättring' : s.meaning === 'deterioration' ? 'försämring' : 'oklart'})`,
            )
            .join('; ')
        : 'Ingen särskild orsak',
    ]);
    const charts = own ? indicatorCharts(ind.name, ind.unit, ind.targetValue, periods, own, nation) : [];
    if (charts.length) figures.push({ heading: ind.name, charts });
    for (const c of comments.filter((x) => x.indicatorId === ind.id))
      paragraphs.push(`${ind.name}, ${c.period} (${c.author}): ${c.text}`);
  }
  sections.push({
    heading: 'Indikatorer mot mål och riket',
    paragraphs: rows.length
      ? ['Senaste period per indikator; signaler enligt styrdiagram (XmR), se Navets dokumentation.']
      : ['Inga indikatorvärden finns för gruppens programområden.'],
    ...(rows.length
      ? {
          table: {
            caption: 'Indikatorer',
            widths: [0.27, 0.1, 0.13, 0.12, 0.16, 0.22],
            headers: ['Indikator', 'Period', region, 'Riket', 'Målnivå', 'Signaler'],
            rows,
          },
        }
      : {}),
  });
  if (figures.length)
    sections.push({
      heading: 'Serie- och styrdiagram',
      paragraphs: [
        'Seriediagrammet visar regionens värden mot medianen, styrdiagrammet (XmR) mot medelvärdet och styrgränserna. Särskilda orsaker är markerade.',
      ],
      figures,
    });
  sections.push({ heading: 'Controllerns kommentarer', paragraphs: paragraphs.length ? paragraphs : ['Inga kommentarer.'] });

  return {
    organisation: region,
    title: `Uppföljningsrapport – ${group.name}`,
    facts: [
      ['Region', region],
      ['Grupp', group.name],
      ['Datum', today],
    ],
    sections,
  };
}
