/**
 * Demo data for follow-up: the patient promises of Sydöstra sjukvårdsregionen (seed 001) with
 * measurable goals and indicators, monthly and quarterly values for all 21 regions and the
 * nation (Kronoberg improves visibly after its spring 2026 work: a special-cause shift),
 * implementation statuses of demo knowledge supports across the country, a two-year plan and
 * a PDSA cycle in Region Kronoberg. Values are generated deterministically, not real data.
 */
import type { Ctx } from '../../platform/context.js';
import type { Db } from '../../platform/db/index.js';
import { buildKnowledgeSupport } from '../../testing/builders.js';
import { createImplementationStatus, IMPLEMENTED, NOT_APPLICABLE, type ImplementationState } from '../implementation/index.js';
import { createPdsa, createPlan, transitionPlan } from '../planning/index.js';
import { createIndicator } from './create-indicator.js';
import * as repo from './repository.js';
import { periodRange } from './rules/periods.js';
import { setComment } from './set-comment.js';
import { demoDate, demoPeriod, demoYear } from '../demo/index.js';

const SUPPORTS: [
  string,
  'vardforlopp' | 'standardiserat-vardforlopp' | 'nationella-riktlinjer' | 'vardprogram' | 'kliniskt-kunskapsstod',
  string,
][] = [
  ['Personcentrerat och sammanhållet vårdförlopp sepsis', 'vardforlopp', 'infektionssjukdomar'],
  ['Standardiserat vårdförlopp bröstcancer', 'standardiserat-vardforlopp', 'cancersjukdomar'],
  ['Standardiserat vårdförlopp tjock- och ändtarmscancer', 'standardiserat-vardforlopp', 'cancersjukdomar'],
  ['Nationellt vårdprogram palliativ vård', 'vardprogram', 'aldres-halsa-och-palliativ-vard'],
  ['Vårdförlopp hjärtsvikt – nydebuterad', 'vardforlopp', 'hjart-och-karlsjukdomar'],
  ['Nationella riktlinjer för vård vid depression och ångestsyndrom', 'nationella-riktlinjer', 'psykisk-halsa'],
  ['Vårdförlopp stroke och TIA', 'vardforlopp', 'nervsystemets-sjukdomar'],
  ['Kliniskt kunskapsstöd levnadsvanor – ohälsosamma matvanor', 'kliniskt-kunskapsstod', 'levnadsvanor'],
];

/** A small deterministic generator, so the demo looks the same on every start. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const STATES: ImplementationState[] = ['ej-paborjad', 'gap-analys', 'planerad', 'pagaende', 'inford', 'uppfoljd'];

export async function loadFollowupDemo(db: Db, ctx: Ctx): Promise<void> {
  if ((await db.query('SELECT 1 FROM followup_indicators WHERE is_demo LIMIT 1')).length) return;
  const random = rng(7);
  const regions = (await repo.regionsWithHealthcareRegions(db)).map((r) => r.code);

  // The goals are the seed's (reference/followup.json): RMPO Cancersjukdomar's goals under Sydöstra's promises (seed 001).
  // The indicators measuring them are Sydöstra's own: an indicator measures its owner's goals or those above it.
  const goal = async (key: string) => {
    const [g] = await db.query<{ id: string }>('SELECT id FROM followup_goals WHERE reference_key = $1', [key]);
    if (!g) throw new Error(`reference goal ${key} is missing (reference/followup.json)`);
    return g;
  };
  const fourWeeks = await goal('sydostra:rmpo:cancersjukdomar:mal:behandling-inom-fyra-veckor');
  const palliative = await goal('sydostra:rmpo:cancersjukdomar:mal:god-palliativ-vard');
  const involved = await goal('sydostra:rmpo:cancersjukdomar:mal:valinformerade-och-delaktiga');

  const svf = await createIndicator(
    db,
    ctx,
    {
      code: 'DEMO-SVF-4V',
      owner: 'sydostra',
      goalId: fourWeeks.id,
      name: 'Behandlingsstart inom fyra veckor efter beslut',
      definition:
        'Andel patienter i standardiserade vårdförlopp som startat behandling inom 28 dagar från behandlingsbeslut (demo).',
      unit: '%',
      direction: 'higher',
      periodicity: 'month',
      source: 'waiting-time-database',
      sourceName: 'Väntetidsdatabasen (demo)',
      targetValue: 80,
      alertValue: 65,
      programAreaId: 'cancersjukdomar',
    },
    { isDemo: true },
  );
  const pal = await createIndicator(
    db,
    ctx,
    {
      code: 'DEMO-PAL-BRYT',
      owner: 'sydostra',
      goalId: palliative.id,
      name: 'Brytpunktssamtal dokumenterat',
      definition: 'Andel av förväntade dödsfall med dokumenterat brytpunktssamtal (demo).',
      unit: '%',
      direction: 'higher',
      periodicity: 'quarter',
      source: 'quality-register',
      sourceName: 'Svenska palliativregistret (demo)',
      targetValue: 98,
      alertValue: 85,
      programAreaId: 'aldres-halsa-och-palliativ-vard',
    },
    { isDemo: true },
  );
  const npe = await createIndicator(
    db,
    ctx,
    {
      code: 'DEMO-NPE-DELAKTIG',
      owner: 'sydostra',
      goalId: involved.id,
      name: 'Delaktighet och involvering',
      definition: 'Andel positiva svar i dimensionen delaktighet och involvering (demo).',
      unit: '%',
      direction: 'higher',
      periodicity: 'year',
      source: 'patient-survey',
      sourceName: 'Nationell patientenkät (demo)',
      targetValue: null,
      alertValue: null,
      programAreaId: null,
    },
    { isDemo: true },
  );

  const write = async (indicatorId: string, rows: { area: string; period: string; value: number }[]) => {
    const byPeriod = new Map<string, { area: string; subArea: string; value: number }[]>();
    for (const r of rows)
      byPeriod.set(r.period, [
        ...(byPeriod.get(r.period) ?? []),
        { area: r.area, subArea: '', value: Math.round(r.value * 10) / 10 },
      ]);
    await db.transaction(async (tx) => {
      for (const [period, pr] of byPeriod)
        await repo.replacePeriod(tx, indicatorId, period, pr, '00000000-0000-0000-0000-000000000000');
    });
  };
  const months = periodRange(demoPeriod('2025-01'), demoPeriod('2026-10'));
  const monthly: { area: string; period: string; value: number }[] = [];
  for (const code of regions) {
    const base = 62 + random() * 16;
    months.forEach((period, i) => {
      let v = base + (random() - 0.5) * 6;
      if (code === '07' && i >= 14) v += 7; // Kronoberg: new booking routine from March 2026
      if (code === '10' && period === demoPeriod('2025-11')) v -= 20; // Blekinge: one month outside the limits
      monthly.push({ area: code, period, value: Math.min(100, Math.max(0, v)) });
    });
  }
  months.forEach((period, i) => monthly.push({ area: 'SE', period, value: 70 + (i > 14 ? 1 : 0) + (random() - 0.5) * 1.5 }));
  await write(svf.id, monthly);

  const quarters = periodRange(demoPeriod('2023-Q1'), demoPeriod('2026-Q3'));
  const quarterly: { area: string; period: string; value: number }[] = [];
  for (const code of regions) {
    const base = 80 + random() * 12;
    quarters.forEach((period, i) =>
      quarterly.push({ area: code, period, value: Math.min(100, base + i * 0.4 + (random() - 0.5) * 4) }),
    );
  }
  quarters.forEach((period, i) => quarterly.push({ area: 'SE', period, value: 86 + i * 0.4 }));
  await write(pal.id, quarterly);
  const years = [2020, 2022, 2024].map((y) => String(demoYear(y)));
  await write(
    npe.id,
    regions
      .flatMap((code) => years.map((period, i) => ({ area: code, period, value: 75 + random() * 8 + i })))
      .concat(years.map((period, i) => ({ area: 'SE', period, value: 78 + i }))),
  );

  // Knowledge supports: the catalogue's demo supports, or a few of our own when it has none.
  let supports = await db.query<{ id: string; version_id: string }>(
    `SELECT k.id, (SELECT v.id FROM knowledge_support_versions v WHERE v.support_id = k.id ORDER BY v.created_at DESC LIMIT 1) AS version_id
     FROM knowledge_supports k WHERE k.is_demo AND k.status NOT IN ('under-framtagande', 'pa-remiss') ORDER BY k.created_at`,
  );
  supports = supports.filter((s) => s.version_id);
  if (supports.length < 4) {
    for (const [title, type, area] of SUPPORTS) {
      const s = await buildKnowledgeSupport(
        db,
        { title, type, programAreaIds: [area], status: 'publicerad', isDemo: true, validFrom: demoDate('2025-01-01') },
        ctx,
      );
      supports.push({ id: s.id, version_id: s.firstVersionId! });
    }
  }
  const lpos = await db.query<{ id: string; program_area_ids: string[] }>(
    `SELECT id, program_area_ids FROM groups WHERE owner = '07' AND kind = 'program-area' AND level = 'region' AND status = 'active' ORDER BY created_at`,
  );
  // The national picture in one statement (about 150 rows): same columns and rules as the use case.
  const rows: unknown[][] = [];
  for (const [si, s] of supports.entries()) {
    for (const code of regions) {
      const r = random();
      if (r < 0.08) continue; // not registered yet
      const reached = Math.min(5, Math.floor(random() * 6 + si / 4));
      const status: ImplementationState = r > 0.95 ? 'ej-aktuell' : STATES[reached]!;
      const done = IMPLEMENTED.has(status);
      rows.push([
        s.id,
        s.version_id,
        code,
        status,
        status === NOT_APPLICABLE ? 'Vården bedrivs inte i regionen; remitteras till universitetssjukhus.' : null,
        reached >= 2 && status !== NOT_APPLICABLE ? demoDate('2025-09-15') : null,
        reached >= 2 && status !== NOT_APPLICABLE ? `RK ${demoYear(2025)}/${100 + si}` : null,
        code === '07' ? (lpos[si % Math.max(1, lpos.length)]?.id ?? null) : null,
        reached >= 2 ? demoDate('2026-01-01') : null,
        reached >= 2 ? demoDate('2026-12-31') : null,
        reached >= 3 ? demoDate('2026-02-01') : null,
        done ? demoDate('2026-09-30') : null,
        done ? demoDate('2026-09-30') : demoDate('2026-03-01'),
      ]);
    }
  }
  const col = (k: number) => rows.map((r) => r[k]);
  await db.transaction(async (tx) => {
    await tx.query(
      `WITH t AS (
         SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::text[], $6::date[], $7::text[], $8::uuid[], $9::date[], $10::date[], $11::date[], $12::date[], $13::date[])
           AS t(support_id, version_id, region_code, status, reason, decision_date, case_ref, responsible, planned_start, planned_done, actual_start, actual_done, valid_from)),
       ins AS (
         INSERT INTO implementation_statuses (support_id, support_version_id, region_code, unit_key, kind, status, not_applicable_reason, decision_date, decision_forum,
           decision_case_ref, responsible_group_id, planned_start, planned_done, actual_start, actual_done, updated_by, is_demo)
         SELECT support_id, version_id, region_code, '', 'implement', status, reason, decision_date, CASE WHEN decision_date IS NULL THEN NULL ELSE 'Regionalt kunskapsråd' END,
           case_ref, responsible, planned_start, planned_done, actual_start, actual_done, 'Navet (demo)', true FROM t
         RETURNING id, support_version_id, region_code, status)
       INSERT INTO implementation_status_history (status_id, status, valid_from)
       SELECT ins.id, ins.status, t.valid_from FROM ins JOIN t ON t.version_id = ins.support_version_id AND t.region_code = ins.region_code`,
      [col(0), col(1), col(2), col(3), col(4), col(5), col(6), col(7), col(8), col(9), col(10), col(11), col(12)],
    );
  });
  for (const [i, lpo] of lpos.slice(0, 3).entries()) {
    const s = supports[i];
    if (!s) break;
    await createImplementationStatus(
      db,
      ctx,
      { supportVersionId: s.version_id, regionCode: '07', groupId: lpo.id },
      {
        kind: 'implement',
        status: STATES[i + 1]!,
        notApplicableReason: null,
        decisionDate: null,
        decisionForumId: null,
        decisionCaseId: null,
        decisionParagraphId: null,
        decisionElsewhere: null,
        legacyDecisionForum: null,
        legacyDecisionCaseRef: null,
        responsibleGroupId: null,
        plannedStart: null,
        plannedDone: null,
        actualStart: null,
        actualDone: null,
        notes: 'Arbetsgrupp utsedd.',
      },
      { isDemo: true },
    );
  }

  const lpo = lpos[0];
  if (lpo) {
    const item = (
      priority: number,
      title: string,
      rationaleKind: 'npo-plan' | 'local-need' | 'healthcare-region-decision' | 'low-value-care',
      extra: Partial<{
        startsOn: string;
        endsOn: string;
        workingGroupStartsOn: string;
        ownerName: string;
        progress: 'not-started' | 'ongoing' | 'done';
      }> = {},
    ) => ({
      priority,
      title,
      rationaleKind,
      rationale: null,
      ownerName: extra.ownerName ?? 'LPO:s ordförande',
      supportId: null,
      startsOn: extra.startsOn ?? null,
      endsOn: extra.endsOn ?? null,
      workingGroupStartsOn: extra.workingGroupStartsOn ?? null,
      progress: extra.progress ?? 'not-started',
    });
    const last = await createPlan(db, ctx, {
      groupId: lpo.id,
      startYear: demoYear(2025),
      title: `Verksamhetsplan ${demoYear(2025)}–${demoYear(2026)}`,
      items: [
        item(1, 'Införa vårdförlopp sepsis', 'npo-plan', { progress: 'done' }),
        item(2, 'Kortare väntetider till behandling', 'local-need', { progress: 'ongoing' }),
      ],
    });
    await transitionPlan(db, ctx, last.id, last.version, { to: 'agreed', agreedWith: 'Verksamhetschefer inom området' });
    await transitionPlan(db, ctx, last.id, last.version + 1, {
      to: 'established',
      decisionRef: `RK ${demoYear(2024)}/87`,
      establishedOn: demoDate('2024-12-10'),
    });
    const plan = await createPlan(db, ctx, {
      groupId: lpo.id,
      startYear: demoYear(2026),
      title: `Verksamhetsplan ${demoYear(2026)}–${demoYear(2027)}`,
      items: [
        item(1, 'Kortare väntetider till behandling', 'local-need', {
          startsOn: demoDate('2026-01-01'),
          endsOn: demoDate('2026-12-31'),
          workingGroupStartsOn: demoDate('2026-02-01'),
          progress: 'ongoing',
        }),
        item(2, 'Gemensamt vårdförlopp enligt sjukvårdsregionens beslut', 'healthcare-region-decision', {
          startsOn: demoDate('2026-03-01'),
          endsOn: demoDate('2027-06-30'),
          workingGroupStartsOn: demoDate('2026-04-01'),
        }),
        item(3, 'Fasa ut rutinmässig provtagning utan nytta (icke-göra)', 'low-value-care', {
          startsOn: demoDate('2026-09-01'),
          endsOn: demoDate('2027-12-31'),
        }),
      ],
    });
    await transitionPlan(db, ctx, plan.id, plan.version, { to: 'agreed', agreedWith: 'Verksamhetschefer inom området' });
    await setComment(db, ctx, lpo.id, {
      indicatorId: svf.id,
      period: demoPeriod('2026-10'),
      text: 'Förbättringen sedan mars håller i sig efter den nya bokningsrutinen.',
    });
    await createPdsa(
      db,
      ctx,
      {
        indicatorId: svf.id,
        regionCode: '07',
        groupId: lpo.id,
        title: 'Ny bokningsrutin för behandlingsstart',
        plan: 'Boka behandlingsstart redan vid beslutsbesöket.',
        startedOn: demoDate('2026-02-15'),
      },
      true,
    );
  }
}
