/**
 * The consolidated follow-up report of a kunskapsråd (seed 002: "En sammanhållen
 * uppföljningsrapport presenteras vid varje möte och utgör grunden till rådets beslut"), beside
 * the report per LPO: one row per program area that reports to the council (LPO, RMPO) with
 * its implementation, its current plan and its latest annual report, and the council's own
 * recurring obligations with their gaps. Same data model as the LPO's report, so it renders
 * through the same DOCX/PDF layout.
 */
import type { Queryable } from '../../platform/db/index.js';
import { notFound } from '../../platform/errors.js';
import { IMPLEMENTED, statusesForGroupReport } from '../implementation/index.js';
import { getGroup } from '../organisation/index.js';
import { councilObligations, latestAnnualReport, listPlans, planLifecycle, REPORT_LABELS } from '../planning/index.js';
import type { FollowupReport, ReportSection } from './report.js';

export async function buildConsolidatedReport(db: Queryable, councilId: string, today: string): Promise<FollowupReport> {
  const council = await getGroup(db, councilId);
  if (!council) throw notFound('Gruppen');
  const organisation =
    (
      await db.query<{ name: string }>(
        'SELECT name FROM regions WHERE code = $1 UNION ALL SELECT name FROM healthcare_regions WHERE id = $1',
        [council.owner],
      )
    )[0]?.name ?? council.owner;
  const year = Number(today.slice(0, 4));
  const children = await db.query<{ id: string }>(
    `SELECT id FROM groups WHERE parent_group_id = $1 AND kind = 'program-area' AND status = 'active' ORDER BY sv_key(name) COLLATE "C"`,
    [councilId],
  );
  const rows: string[][] = [];
  let implemented = 0;
  let total = 0;
  for (const { id } of children) {
    const g = (await getGroup(db, id))!;
    const statuses = await statusesForGroupReport(db, g);
    const done = statuses.filter((s) => IMPLEMENTED.has(s.status)).length;
    implemented += done;
    total += statuses.length;
    const plan = (await listPlans(db, { groupId: id })).find((p) => p.startYear <= year);
    const report = await latestAnnualReport(db, id);
    rows.push([
      g.name,
      statuses.length ? `${done} av ${statuses.length}` : '–',
      plan ? `${plan.startYear}–${plan.endYear}: ${planLifecycle.labels[plan.state]}` : 'Saknas',
      report ? `${report.year}: ${REPORT_LABELS[report.state]}` : 'Saknas',
    ]);
  }
  const sections: ReportSection[] = [
    {
      heading: 'Programområdena',
      paragraphs: [
        children.length
          ? `${children.length} programområden rapporterar till ${council.name}. ${implemented} av ${total} kunskapsstöd är införda eller uppföljda.`
          : `Inga programområden rapporterar till ${council.name}.`,
        'Varje programområdes egen uppföljningsrapport har detaljerna.',
      ],
      ...(rows.length
        ? {
            table: {
              caption: 'Läget per programområde',
              widths: [0.34, 0.16, 0.26, 0.24],
              headers: ['Programområde', 'Införda kunskapsstöd', 'Verksamhetsplan', 'Årsrapport'],
              rows,
            },
          }
        : {}),
    },
  ];
  const obligations = await councilObligations(db, councilId, year, today);
  if (obligations.length) {
    sections.push({
      heading: 'Återkommande åtaganden',
      paragraphs: [`${obligations.reduce((n, o) => n + o.gaps, 0)} försenade tillfällen ${year}.`],
      table: {
        caption: `Åtaganden ${year}`,
        widths: [0.5, 0.2, 0.3],
        headers: ['Åtagande', 'Genomförda', 'Försenade'],
        rows: obligations.map((o) => [o.title, `${o.held} av ${o.times}`, String(o.gaps)]),
      },
    });
  }
  return {
    organisation,
    title: `Sammanhållen uppföljningsrapport – ${council.name}`,
    facts: [
      ['Råd', council.name],
      ['Datum', today],
      ['Programområden', String(children.length)],
    ],
    sections,
  };
}
