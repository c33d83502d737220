import { systemCtx } from '../../src/platform/context.js';
import { createGoal } from '../../src/modules/indicators/create-goal.js';
import { createPdsa } from '../../src/modules/planning/create-pdsa.js';
import { createAnnualReport } from '../../src/modules/planning/create-annual-report.js';
import { createObligation } from '../../src/modules/planning/create-obligation.js';
import { createPlan } from '../../src/modules/planning/create-plan.js';
import { buildGroup, buildImplementationStatus, buildIndicator, buildLpo } from '../../src/testing/builders.js';
import type { AccessModule } from './types.js';

const csv = (rows: string[][]) => Buffer.from(rows.map((r) => r.join(';')).join('\n')).toString('base64');
const importBody = {
  fileName: 'blekinge.csv',
  format: 'csv',
  contentBase64: csv([
    ['Region', 'Period', 'Värde'],
    ['10', '2026-01', '71,5'],
  ]),
  mapping: { area: 'Region', period: 'Period', value: 'Värde' },
};

/** Fixtures in Region Blekinge ("10"): an indicator, a forum with a plan, a status, a PDSA cycle, an import. */
async function setupFollowup({ db, newUser, request }: Parameters<AccessModule['setup'] & object>[0]) {
  const ctx = systemCtx('matrix');
  const indicator = await buildIndicator(db);
  const group = await buildGroup(db, { kind: 'forum', level: 'region', owner: '10', name: 'Matrisens uppföljningsforum' });
  const status = await buildImplementationStatus(db, { region: '10', status: 'planerad' });
  const plan = await createPlan(db, ctx, { groupId: group.id, startYear: 2027, title: 'Matrisplan', items: [] });
  const pdsa = await createPdsa(db, ctx, {
    indicatorId: indicator.id,
    regionCode: '10',
    groupId: null,
    title: 'Matris-PDSA',
    plan: null,
    startedOn: null,
  });
  const goal = await createGoal(db, ctx, { parentId: null, owner: '10', title: 'Matrisens löfte', description: null });
  const lpo = await buildLpo(db, { region: '10', programAreaId: 'hud-och-konssjukdomar', name: 'Matrisens LPO' });
  const report = await createAnnualReport(db, ctx, {
    groupId: lpo.id,
    year: 2025,
    summary: 'Matrisens årsrapport',
    goalFulfilment: null,
    improvementNeeds: null,
  });
  const obligation = await createObligation(db, ctx, {
    groupId: group.id,
    title: 'Matrisens skyldighet',
    description: null,
    timesPerYear: 2,
    remindDaysBefore: 30,
    sourceId: null,
    sourceQuote: null,
  });
  const admin = await newUser([{ role: 'admin', scopeType: 'system', scopeId: '' }]);
  const imp = (
    await request({ method: 'POST', url: `/api/v1/indicators/${indicator.id}/imports`, as: admin, payload: importBody })
  ).json();
  return {
    followupIndicatorId: indicator.id,
    followupGroupId: group.id,
    followupStatusId: status.id,
    followupSupportVersionId: status.supportVersionId,
    followupPlanId: plan.id,
    followupPdsaId: pdsa.id,
    followupImportId: String(imp.id),
    followupGoalId: goal.id,
    followupLpoId: lpo.id,
    followupReportId: report.id,
    followupObligationId: obligation.id,
  };
}

export const followupAccess: AccessModule = {
  setup: setupFollowup,
  routes: {
    'GET /api/v1/goals': ['public', () => ({ url: '/api/v1/goals' })],
    'POST /api/v1/goals': ['scoped', () => ({ url: '/api/v1/goals', payload: { owner: '10', title: 'Matrislöfte' } })],
    // Goals are edited and removed with the permission that creates them: followup.goals.write on the goal's owner.
    'GET /api/v1/goals/{id}': ['public', (f) => ({ url: `/api/v1/goals/${f.followupGoalId}` })],
    'PATCH /api/v1/goals/{id}': [
      'scoped',
      (f) => ({ url: `/api/v1/goals/${f.followupGoalId}`, payload: { title: 'Ändrat löfte', version: 1 } }),
    ],
    'DELETE /api/v1/goals/{id}': ['scoped', (f) => ({ url: `/api/v1/goals/${f.followupGoalId}?version=1` })],
    'GET /api/v1/implementation-statuses/{id}/history': [
      'scoped',
      (f) => ({ url: `/api/v1/implementation-statuses/${f.followupStatusId}/history` }),
    ],
    'GET /api/v1/indicators': ['public', () => ({ url: '/api/v1/indicators' })],
    // A region's own indicator (Blekinge's): its samordnare and controllers define it (policy.ts).
    'POST /api/v1/indicators': [
      'scoped',
      () => ({
        url: '/api/v1/indicators',
        payload: {
          code: `M-${Date.now()}`,
          owner: '10',
          name: 'Matris',
          definition: 'x',
          unit: '%',
          direction: 'higher',
          periodicity: 'month',
          source: 'own-measurement',
        },
      }),
    ],
    'GET /api/v1/indicators/{id}': ['public', (f) => ({ url: `/api/v1/indicators/${f.followupIndicatorId}` })],
    'PATCH /api/v1/indicators/{id}': [
      'admin',
      (f) => ({ url: `/api/v1/indicators/${f.followupIndicatorId}`, payload: { name: 'Ändrad', version: 1 } }),
    ],
    'GET /api/v1/indicators/{id}/series': [
      'public',
      (f) => ({ url: `/api/v1/indicators/${f.followupIndicatorId}/series?regions=10` }),
    ],
    'GET /api/v1/indicators/{id}/units': [
      'public',
      (f) => ({ url: `/api/v1/indicators/${f.followupIndicatorId}/units?region=10` }),
    ],
    'GET /api/v1/indicators/{id}/unit-series': [
      'public',
      (f) => ({ url: `/api/v1/indicators/${f.followupIndicatorId}/unit-series?units=SE2321000081-E000000000123` }),
    ],
    'POST /api/v1/indicators/{id}/imports': [
      'scoped',
      (f) => ({ url: `/api/v1/indicators/${f.followupIndicatorId}/imports`, payload: importBody }),
    ],
    // National data from Kolada: the indicator administrators. Without network (the tests) Kolada answers 503.
    'POST /api/v1/indicator-sources/kolada/imports': [
      'admin',
      () => ({ url: '/api/v1/indicator-sources/kolada/imports', payload: { kpiId: 'N79999' } }),
      [503],
    ],
    'GET /api/v1/indicator-sources/kolada/kpis': [
      'admin',
      () => ({ url: '/api/v1/indicator-sources/kolada/kpis?q=vård' }),
      [503],
    ],
    // The national quality indicators: the same administrators; the matrix's app has the fake source on.
    'POST /api/v1/indicator-sources/quality-indicators/imports': [
      'admin',
      () => ({
        url: '/api/v1/indicator-sources/quality-indicators/imports',
        payload: { measureId: 'c0ffee00-1a2b-4c3d-8e9f-000000000042' },
      }),
      [503],
    ],
    'GET /api/v1/indicator-sources/quality-indicators/measures': [
      'admin',
      () => ({ url: '/api/v1/indicator-sources/quality-indicators/measures?q=uppföljning' }),
      [503],
    ],
    'GET /api/v1/indicator-imports/{id}': ['signed-in', (f) => ({ url: `/api/v1/indicator-imports/${f.followupImportId}` })],
    // A file sent as the body (raw CSV): the same importers as the base64 route.
    'POST /api/v1/indicators/{id}/imports/upload': [
      'scoped',
      (f) => ({
        url: `/api/v1/indicators/${f.followupIndicatorId}/imports/upload?fileName=blekinge.csv&area=Region&period=Period&value=V%C3%A4rde`,
        headers: { 'content-type': 'text/csv' },
        payload: 'Region;Period;Värde\n10;2026-01;71,5\n' as unknown as Record<string, unknown>,
      }),
    ],
    // The person who started it, or an indicator administrator; the fixture's import is done (409).
    'POST /api/v1/indicator-imports/{id}/cancel': [
      'admin',
      (f) => ({ url: `/api/v1/indicator-imports/${f.followupImportId}/cancel` }),
      [409],
    ],
    'GET /api/v1/indicator-imports/{id}/report.csv': [
      'signed-in',
      (f) => ({ url: `/api/v1/indicator-imports/${f.followupImportId}/report.csv` }),
    ],
    'GET /api/v1/indicators/{id}/pdsa-cycles': [
      'signed-in',
      (f) => ({ url: `/api/v1/indicators/${f.followupIndicatorId}/pdsa-cycles` }),
    ],
    'POST /api/v1/pdsa-cycles': [
      'scoped',
      (f) => ({
        url: '/api/v1/pdsa-cycles',
        payload: { indicatorId: f.followupIndicatorId, regionCode: '10', title: 'Ny cykel' },
      }),
    ],
    'PATCH /api/v1/pdsa-cycles/{id}': [
      'scoped',
      (f) => ({ url: `/api/v1/pdsa-cycles/${f.followupPdsaId}`, payload: { phase: 'do', version: 1 } }),
    ],
    'PUT /api/v1/groups/{id}/followup-comments': [
      'scoped',
      (f) => ({
        url: `/api/v1/groups/${f.followupGroupId}/followup-comments`,
        payload: { indicatorId: f.followupIndicatorId, period: '2026-01', text: 'Kommentar' },
      }),
    ],
    'GET /api/v1/groups/{id}/consolidated-followup-report': [
      'scoped',
      (f) => ({ url: `/api/v1/groups/${f.followupGroupId}/consolidated-followup-report?format=docx` }),
    ],
    'GET /api/v1/groups/{id}/followup-report': [
      'scoped',
      (f) => ({ url: `/api/v1/groups/${f.followupGroupId}/followup-report?format=docx` }),
    ],
    'GET /api/v1/implementation-statuses': ['signed-in', () => ({ url: '/api/v1/implementation-statuses?region=10' })],
    'GET /api/v1/implementation-statuses/{id}': [
      'scoped',
      (f) => ({ url: `/api/v1/implementation-statuses/${f.followupStatusId}` }),
    ],
    'POST /api/v1/implementation-statuses': [
      'scoped',
      (f) => ({
        url: '/api/v1/implementation-statuses',
        payload: {
          supportVersionId: f.followupSupportVersionId,
          regionCode: '10',
          groupId: f.followupGroupId,
          status: 'gap-analys',
        },
      }),
    ],
    'PATCH /api/v1/implementation-statuses/{id}': [
      'scoped',
      (f) => ({ url: `/api/v1/implementation-statuses/${f.followupStatusId}`, payload: { status: 'pagaende', version: 1 } }),
    ],
    'GET /api/v1/implementation/heatmap': ['public', () => ({ url: '/api/v1/implementation/heatmap' })],
    'GET /api/v1/implementation/heatmap/export': ['public', () => ({ url: '/api/v1/implementation/heatmap/export?format=csv' })],
    'GET /api/v1/implementation/regions/{code}': ['public', () => ({ url: '/api/v1/implementation/regions/10' })],
    'GET /api/v1/plans': ['signed-in', () => ({ url: '/api/v1/plans?region=10' })],
    'GET /api/v1/implementation/permissions': ['signed-in', () => ({ url: '/api/v1/implementation/permissions' })],
    'GET /api/v1/planning/permissions': ['signed-in', () => ({ url: '/api/v1/planning/permissions' })],
    'POST /api/v1/plans': [
      'scoped',
      (f) => ({ url: '/api/v1/plans', payload: { groupId: f.followupGroupId, startYear: 2028, title: 'Ny plan', items: [] } }),
    ],
    'GET /api/v1/plans/{id}': ['scoped', (f) => ({ url: `/api/v1/plans/${f.followupPlanId}` })],
    'PATCH /api/v1/plans/{id}': [
      'scoped',
      (f) => ({ url: `/api/v1/plans/${f.followupPlanId}`, payload: { title: 'Ändrad plan', version: 1 } }),
    ],
    'POST /api/v1/plans/{id}/transition': [
      'scoped',
      (f) => ({
        url: `/api/v1/plans/${f.followupPlanId}/transition`,
        payload: { to: 'agreed', agreedWith: 'Verksamhetschefer', version: 1 },
      }),
    ],
    'GET /api/v1/annual-reports': ['signed-in', () => ({ url: '/api/v1/annual-reports?year=2025' })],
    'POST /api/v1/annual-reports': [
      'scoped',
      (f) => ({ url: '/api/v1/annual-reports', payload: { groupId: f.followupLpoId, year: 2026, summary: 'Ny årsrapport' } }),
    ],
    'GET /api/v1/annual-reports/{id}': ['scoped', (f) => ({ url: `/api/v1/annual-reports/${f.followupReportId}` })],
    'PATCH /api/v1/annual-reports/{id}': [
      'scoped',
      (f) => ({ url: `/api/v1/annual-reports/${f.followupReportId}`, payload: { summary: 'Ändrad', version: 1 } }),
    ],
    'POST /api/v1/annual-reports/{id}/transition': [
      'scoped',
      (f) => ({
        url: `/api/v1/annual-reports/${f.followupReportId}/transition`,
        payload: { to: 'submitted', on: '2026-01-15', version: 1 },
      }),
    ],
    'GET /api/v1/obligations': ['signed-in', () => ({ url: '/api/v1/obligations?owner=10' })],
    'POST /api/v1/obligations': [
      'scoped',
      (f) => ({ url: '/api/v1/obligations', payload: { groupId: f.followupGroupId, title: 'Ny skyldighet', timesPerYear: 2 } }),
    ],
    'GET /api/v1/obligations/{id}': ['scoped', (f) => ({ url: `/api/v1/obligations/${f.followupObligationId}` })],
    'POST /api/v1/obligations/{id}/occurrences': [
      'scoped',
      (f) => ({
        url: `/api/v1/obligations/${f.followupObligationId}/occurrences`,
        payload: { year: 2026, ordinal: 1, heldOn: '2026-03-02', note: 'Genomfört' },
      }),
    ],
    'GET /api/v1/open-data/implementation-statuses': ['public', () => ({ url: '/api/v1/open-data/implementation-statuses' })],
    'GET /api/v1/open-data/indicator-values': ['public', () => ({ url: '/api/v1/open-data/indicator-values?format=csv' })],
  },
};
