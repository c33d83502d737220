import { describe, expect, it } from 'vitest';
import {
  appointmentBreaks,
  checkComposition,
  defaultEndDate,
  type CompositionRule,
  type GroupForRules,
  type RegionMap,
  type Seat,
} from './composition.js';
import { checkRotation, periodAt, rotationSchedule } from './rotation.js';
import { checkDecision, nominationLifecycle } from './nomination.js';
import { checkAction } from '../../../platform/lifecycle/lifecycle.js';
import { checkRuleInput } from '../manage-rules.js';

// The real geography of the regions these rules concern (reference/sjukvardsregioner.csv).
const MAP: RegionMap = {
  healthcareRegionsOf: new Map<string, string[]>([
    ['05', ['sydostra']],
    ['06', ['sydostra']],
    ['08', ['sydostra']],
    ['07', ['sodra']],
    ['10', ['sodra']],
    ['12', ['sodra']],
    ['13', ['sodra', 'vastra']],
    ['14', ['vastra']],
    ['01', ['stockholm-gotland']],
  ]),
  healthcareRegionIds: ['mellansverige', 'norra', 'sodra', 'stockholm-gotland', 'sydostra', 'vastra'],
  names: new Map([
    ['07', 'Region Kronoberg'],
    ['10', 'Region Blekinge'],
    ['12', 'Region Skåne'],
    ['13', 'Region Halland'],
    ['05', 'Region Östergötland'],
    ['06', 'Region Jönköpings län'],
    ['08', 'Region Kalmar län'],
  ]),
};

const rule = (r: Partial<CompositionRule> & Pick<CompositionRule, 'ruleType'>): CompositionRule => ({
  id: r.description ?? r.ruleType,
  groupKind: null,
  groupLevel: null,
  groupOwner: null,
  groupKey: null,
  roles: [],
  minCount: null,
  maxCount: null,
  regionCounts: {},
  years: null,
  regionOrder: [],
  anchorDate: null,
  description: 'regel',
  ...r,
});

// Seed 000: LPO staffing; seed 002: Södra regionvårdsnämnden; seed 004: NPO.
const LPO_RULES = [
  rule({
    ruleType: 'role-count',
    groupKind: 'program-area',
    groupLevel: 'region',
    roles: ['ordforande'],
    minCount: 1,
    maxCount: 2,
    description: 'chair',
  }),
  rule({
    ruleType: 'role-count',
    groupKind: 'program-area',
    groupLevel: 'region',
    roles: ['processtod'],
    minCount: 1,
    description: 'ps',
  }),
  rule({
    ruleType: 'role-count',
    groupKind: 'program-area',
    groupLevel: 'region',
    roles: ['patientforetradare'],
    minCount: 1,
    description: 'pat',
  }),
  rule({ ruleType: 'mandate-years', groupKind: 'program-area', groupLevel: 'region', years: 3, description: 'years' }),
];
const SODRA = rule({
  ruleType: 'per-region',
  groupKey: 'sodra:namnd:sodra-regionvardsnamnden',
  roles: ['ledamot', 'ordforande'],
  minCount: 2,
  maxCount: 2,
  regionCounts: { '12': 6 },
  description: 'sodra',
});
const NPO = rule({
  ruleType: 'per-healthcare-region',
  groupKind: 'program-area',
  groupLevel: 'national',
  roles: ['ledamot'],
  minCount: 1,
  maxCount: 1,
  description: 'npo',
});
const ROTATION = rule({
  ruleType: 'rotation',
  groupKey: 'sydostra:namnd:samverkansnamnden',
  roles: ['ordforande', 'sekreterare'],
  years: 2,
  regionOrder: ['05', '06', '08'],
  anchorDate: '2023-01-01',
  description: 'rot',
});

const LPO: GroupForRules = { kind: 'program-area', level: 'region', owner: '07', referenceKey: null };
const NAMND: GroupForRules = {
  kind: 'political-body',
  level: 'healthcare-region',
  owner: 'sodra',
  referenceKey: 'sodra:namnd:sodra-regionvardsnamnden',
};
let n = 0;
const seat = (
  role: string,
  represents: string | null = null,
  startDate = '2025-01-01',
  endDate: string | null = '2027-12-31',
): Seat => ({
  id: `s${++n}`,
  personId: `p${n}`,
  role,
  represents,
  startDate,
  endDate,
});

describe('checkComposition', () => {
  it('finds a missing chair and a missing person with patient experience in an LPO, not on the days outside the seats', () => {
    const seats = [seat('processtod', '07'), seat('ledamot', '07')];
    const gaps = checkComposition(LPO, LPO_RULES, seats, '2026-11-26', MAP);
    expect(gaps.map((g) => [g.kind, g.roles[0], g.actual])).toEqual([
      ['role-missing', 'ordforande', 0],
      ['role-missing', 'patientforetradare', 0],
    ]);
    expect(gaps[0]!.message).toBe('Ordförande saknas (regeln kräver 1–2).');
    expect(gaps[1]!.message).toContain('Person med patienterfarenhet saknas');
    // After the processtöd's seat ended (31 December 2027), it is a gap too.
    expect(checkComposition(LPO, LPO_RULES, seats, '2028-01-01', MAP).map((g) => g.roles[0])).toContain('processtod');
  });

  it('Södra regionvårdsnämnden: Kronoberg with one seat filled of two, Skåne six, Halland (also in Västra) counted', () => {
    const seats = [
      seat('ledamot', '07'),
      seat('ledamot', '10'),
      seat('ordforande', '10'),
      seat('ledamot', '13'),
      seat('ledamot', '13'),
      ...Array.from({ length: 6 }, () => seat('ledamot', '12')),
    ];
    const gaps = checkComposition(NAMND, [SODRA], seats, '2026-11-26', MAP);
    expect(gaps.map((g) => g.message)).toEqual(['Region Kronoberg har 1 av 2 ledamöter.']);
    expect(gaps[0]).toMatchObject({ kind: 'region-missing', region: '07', min: 2, max: 2, actual: 1 });
    // A rule for another group does not apply.
    expect(checkComposition({ ...NAMND, referenceKey: 'annat' }, [SODRA], [], '2026-11-26', MAP)).toEqual([]);
  });

  it('a seat without a stated region is reported, and an NPO counts one per healthcare region', () => {
    const npo: GroupForRules = { kind: 'program-area', level: 'national', owner: 'national', referenceKey: null };
    const seats = [seat('ledamot', 'sodra'), seat('ledamot', '06'), seat('ledamot', '14'), seat('ledamot', null)];
    const gaps = checkComposition(npo, [NPO], seats, '2026-11-26', MAP);
    expect(gaps.filter((g) => g.kind === 'region-missing').map((g) => g.region)).toEqual([
      'mellansverige',
      'norra',
      'stockholm-gotland',
    ]);
    expect(gaps.find((g) => g.kind === 'region-unknown')?.actual).toBe(1);
    // A second member for Sydöstra is an excess the appointment would create.
    const breaks = appointmentBreaks(npo, [NPO], seats, seat('ledamot', '08', '2026-12-01'), MAP);
    expect(breaks).toHaveLength(1);
    expect(breaks[0]).toMatchObject({ kind: 'region-excess', region: 'sydostra', actual: 2, max: 1 });
  });

  it('appointmentBreaks: a third Kronoberg member breaks the rule; filling the second seat does not', () => {
    const seats = [seat('ledamot', '07')];
    expect(appointmentBreaks(NAMND, [SODRA], seats, seat('ledamot', '07', '2026-01-01'), MAP)).toEqual([]);
    const two = [...seats, seat('ledamot', '07')];
    const third = appointmentBreaks(NAMND, [SODRA], two, seat('ledamot', '07', '2026-01-01'), MAP);
    expect(third.map((g) => g.message)).toEqual(['Region Kronoberg har 3 ledamöter, men regeln tillåter högst 2.']);
    // A seat that starts after one of the two has ended is not an excess.
    expect(appointmentBreaks(NAMND, [SODRA], two, seat('ledamot', '07', '2028-01-01', null), MAP)).toEqual([]);
  });

  it('defaultEndDate: three-year LPO mandates end the day before the third anniversary, also from a leap day', () => {
    expect(defaultEndDate(LPO, LPO_RULES, 'ordforande', '2027-01-01')).toBe('2029-12-31');
    expect(defaultEndDate(LPO, LPO_RULES, 'ledamot', '2028-02-29')).toBe('2031-02-27');
    expect(defaultEndDate(NAMND, LPO_RULES, 'ordforande', '2027-01-01')).toBeNull();
    const chairOnly = [rule({ ruleType: 'mandate-years', roles: ['ordforande'], years: 4, description: 'c' }), ...LPO_RULES];
    expect(defaultEndDate(LPO, chairOnly, 'ordforande', '2027-01-01')).toBe('2030-12-31');
  });
});

describe('rotation', () => {
  it('generates two-year periods in the order Östergötland, Jönköping, Kalmar and around again', () => {
    expect(rotationSchedule(ROTATION, '2025-06-01', '2031-01-01').map((p) => [p.startDate, p.endDate, p.region])).toEqual([
      ['2025-01-01', '2026-12-31', '06'],
      ['2027-01-01', '2028-12-31', '08'],
      ['2029-01-01', '2030-12-31', '05'],
      ['2031-01-01', '2032-12-31', '06'],
    ]);
    expect(periodAt(ROTATION, '2022-12-31')).toMatchObject({ startDate: '2021-01-01', region: '08', index: -1 });
    expect(periodAt(ROTATION, '2026-12-31')?.region).toBe('06');
    expect(periodAt(ROTATION, '2027-01-01')?.region).toBe('08');
  });

  it('works with an anchor that is not 1 January (a leap day)', () => {
    const r = { ...ROTATION, anchorDate: '2024-02-29' };
    expect(rotationSchedule(r, '2024-03-01', '2028-03-01').map((p) => [p.startDate, p.endDate])).toEqual([
      ['2024-02-29', '2026-02-27'],
      ['2026-02-28', '2028-02-28'],
      ['2028-02-29', '2030-02-27'],
    ]);
  });

  it('refuses a chair from the wrong region or past the end of the turn; other roles are free', () => {
    const names = new Map([
      ['08', 'Region Kalmar län'],
      ['05', 'Region Östergötland'],
    ]);
    expect(
      checkRotation(ROTATION, { role: 'ordforande', represents: '08', startDate: '2027-01-01', endDate: '2028-12-31' }),
    ).toEqual([]);
    const wrong = checkRotation(
      ROTATION,
      { role: 'sekreterare', represents: '05', startDate: '2027-03-01', endDate: '2028-12-31' },
      names,
    );
    expect(wrong).toEqual([
      {
        path: 'represents',
        message: 'Rotationen: perioden 2027-01-01–2028-12-31 är det Region Kalmar läns tur, inte Region Östergötlands.',
      },
    ]);
    expect(
      checkRotation(ROTATION, { role: 'ordforande', represents: '08', startDate: '2027-01-01', endDate: null })[0]?.path,
    ).toBe('endDate');
    expect(checkRotation(ROTATION, { role: 'ledamot', represents: '05', startDate: '2027-01-01', endDate: null })).toEqual([]);
  });
});

describe('nomination lifecycle', () => {
  it('an open nomination can be approved, refused or withdrawn; a decided one cannot change', () => {
    expect(checkAction(nominationLifecycle, 'open', 'approve', {})).toMatchObject({ ok: true, to: 'approved' });
    expect(checkAction(nominationLifecycle, 'open', 'refuse', {})).toMatchObject({ ok: true, to: 'refused' });
    expect(checkAction(nominationLifecycle, 'open', 'withdraw', {})).toMatchObject({ ok: true, to: 'withdrawn' });
    for (const s of ['approved', 'refused', 'withdrawn'] as const) {
      for (const a of ['approve', 'refuse', 'withdraw'] as const)
        expect(checkAction(nominationLifecycle, s, a, {}).ok).toBe(false);
    }
    expect(checkAction(nominationLifecycle, 'refused', 'approve', {})).toMatchObject({
      ok: false,
      kind: 'conflict',
      message: 'Nomineringen är redan avslagen och kan inte ändras.',
    });
  });

  it('a decision is checked by the guard: the first broken rule names its field', () => {
    const decision = {
      input: { decision: 'approved' as const, decisionDate: '2026-11-27', reference: ' ' },
      today: '2026-11-26',
    };
    expect(checkAction(nominationLifecycle, 'open', 'approve', { decision })).toMatchObject({
      ok: false,
      kind: 'rule',
      path: 'decisionDate',
      message: 'Beslutsdatum kan inte ligga i framtiden. Ange beslutets diarienummer eller paragraf.',
    });
  });

  it('a decision needs a reference and a date not in the future; a refusal needs a reason', () => {
    expect(
      checkDecision({ decision: 'approved', decisionDate: '2026-11-26', reference: 'RVN 2026/14 § 3' }, '2026-11-26'),
    ).toEqual([]);
    expect(
      checkDecision({ decision: 'approved', decisionDate: '2026-11-27', reference: ' ' }, '2026-11-26').map((e) => e.path),
    ).toEqual(['decisionDate', 'reference']);
    expect(checkDecision({ decision: 'refused', decisionDate: '2026-11-01', reference: 'x' }, '2026-11-26')[0]?.path).toBe(
      'reason',
    );
  });
});

describe('checkRuleInput', () => {
  const places = new Set(['07', '10', '12', '13', 'sodra']);
  const base = {
    groupKind: 'forum',
    groupLevel: null,
    groupOwner: null,
    groupKey: null,
    programAreaIds: [],
    ruleType: 'role-count' as const,
    roles: ['ordforande'],
    minCount: 1,
    maxCount: 2,
    regionCounts: {},
    years: null,
    regionOrder: [],
    anchorDate: null,
    relatedGroupKey: null,
    followsRuleId: null,
    description: 'x',
    sourceId: null,
  };
  it('accepts a complete rule and names each missing or contradictory part', () => {
    expect(checkRuleInput(base, places)).toEqual([]);
    expect(checkRuleInput({ ...base, groupKind: null }, places).map((e) => e.path)).toEqual(['groupKind']);
    expect(checkRuleInput({ ...base, roles: [], minCount: 3 }, places).map((e) => e.path)).toEqual(['roles', 'maxCount']);
    expect(checkRuleInput({ ...base, minCount: null, maxCount: null }, places).map((e) => e.path)).toEqual(['minCount']);
    expect(checkRuleInput({ ...base, ruleType: 'mandate-years', roles: [] }, places).map((e) => e.path)).toEqual(['years']);
    const rotation = { ...base, ruleType: 'rotation' as const, years: 2, regionOrder: ['07'], anchorDate: null };
    expect(checkRuleInput(rotation, places).map((e) => e.path)).toEqual(['regionOrder', 'anchorDate']);
    expect(checkRuleInput({ ...rotation, regionOrder: ['07', '99'], anchorDate: '2027-01-01' }, places)).toEqual([
      { path: 'regionOrder', message: 'Okänd region "99".' },
    ]);
  });
});

describe('the councils’ rules (issue 21 items 4–7), pure', () => {
  const seat = (id: string, personId: string, role: string, represents: string | null = null, o: Partial<Seat> = {}): Seat => ({
    id,
    personId,
    role,
    represents,
    startDate: '2026-01-01',
    endDate: null,
    ...o,
  });
  const council: GroupForRules = { kind: 'council', level: 'healthcare-region', owner: 'sydostra', referenceKey: null };
  const rmpo = (name: string, seats: Seat[]) => ({ id: name, name, seats });

  it('child-chairs and appoints-child-chairs: a chair not in the council, a chair not from a decided nomination', () => {
    const rules = [
      rule({ ruleType: 'child-chairs', roles: ['ordforande'], description: 'chairs' }),
      rule({ ruleType: 'appoints-child-chairs', roles: ['ordforande'], description: 'appoints' }),
    ];
    const children = [
      rmpo('RMPO Primärvård', [seat('a', 'p1', 'ordforande', '05', { nominationId: 'n1' })]),
      rmpo('RMPO Psykisk hälsa', [seat('b', 'p2', 'ordforande', '06')]),
    ];
    const gaps = checkComposition(council, rules, [seat('c', 'p1', 'deltagare')], '2026-11-26', MAP, { children });
    expect(gaps.map((g) => g.message)).toEqual([
      'Ordförande i RMPO Psykisk hälsa ingår inte i gruppen.',
      'Ordförande i RMPO Psykisk hälsa är inte utsedd genom en nominering som gruppen har beslutat.',
    ]);
  });

  it('in-council: no parent, or a parent that is not a council, is a gap', () => {
    const rules = [rule({ ruleType: 'in-council' })];
    const g: GroupForRules = { kind: 'program-area', level: 'healthcare-region', owner: 'sydostra', referenceKey: null };
    expect(checkComposition(g, rules, [], '2026-11-26', MAP, { parent: null }).map((x) => x.kind)).toEqual(['no-council']);
    const rsl = { id: 'r', name: 'RSL', kind: 'steering-group', status: 'active', seats: [] };
    expect(checkComposition(g, rules, [], '2026-11-26', MAP, { parent: rsl }).map((x) => x.kind)).toEqual(['no-council']);
    const kr = { ...rsl, kind: 'council' };
    expect(checkComposition(g, rules, [], '2026-11-26', MAP, { parent: kr })).toEqual([]);
  });

  it('seats-above: one or two of the RPO’s members in the NPO', () => {
    const rules = [rule({ ruleType: 'seats-above', minCount: 1, maxCount: 2 })];
    const g: GroupForRules = { kind: 'program-area', level: 'healthcare-region', owner: 'sydostra', referenceKey: null };
    const mine = [seat('a', 'p1', 'ledamot', '05'), seat('b', 'p2', 'ledamot', '06'), seat('c', 'p3', 'ledamot', '08')];
    const npo = (ids: string[]) => ({ id: 'npo', name: 'NPO Akut vård', seats: ids.map((p, i) => seat(`n${i}`, p, 'ledamot')) });
    expect(checkComposition(g, rules, mine, '2026-11-26', MAP, { above: npo([]) }).map((x) => x.kind)).toEqual(['above-missing']);
    expect(checkComposition(g, rules, mine, '2026-11-26', MAP, { above: npo(['p1', 'p2']) })).toEqual([]);
    expect(checkComposition(g, rules, mine, '2026-11-26', MAP, { above: npo(['p1', 'p2', 'p3']) }).map((x) => x.kind)).toEqual([
      'above-excess',
    ]);
    // No group above linked: nothing to measure.
    expect(checkComposition(g, rules, mine, '2026-11-26', MAP, {})).toEqual([]);
  });

  it('per-body counts seats held for a body; such seats are not "region unknown" in a per-healthcare-region rule', () => {
    const map: RegionMap = { ...MAP, names: new Map([...MAP.names, ['skr', 'SKR']]), bodies: new Set(['skr']) };
    const sks: GroupForRules = {
      kind: 'steering-group',
      level: 'national',
      owner: 'national',
      referenceKey: 'national:styrgrupp:sks',
    };
    const rules = [
      rule({ ruleType: 'per-body', roles: ['ledamot'], regionCounts: { skr: 1 }, description: 'body' }),
      rule({ ruleType: 'per-healthcare-region', roles: ['ledamot'], minCount: 1, description: 'hr' }),
    ];
    const gaps = checkComposition(
      sks,
      rules,
      [seat('a', 'p1', 'ledamot', 'skr'), seat('b', 'p2', 'ledamot', 'sodra')],
      '2026-11-26',
      map,
    );
    expect(gaps.map((g) => g.kind)).not.toContain('region-unknown');
    expect(gaps.filter((g) => g.region === 'skr' || g.region === 'sodra')).toEqual([]);
    expect(gaps.filter((g) => g.kind === 'region-missing').map((g) => g.region)).toEqual([
      'mellansverige',
      'norra',
      'stockholm-gotland',
      'sydostra',
      'vastra',
    ]);
  });

  it('a rotation without an order is a gap', () => {
    const gaps = checkComposition(
      council,
      [rule({ ruleType: 'rotation', roles: ['ordforande'], years: 2 })],
      [],
      '2026-11-26',
      MAP,
    );
    expect(gaps.map((g) => g.kind)).toEqual(['rotation-unset']);
  });
});

describe('the rotation order (seed 001 leaves it to the healthcare region)', () => {
  it('every region of the healthcare region once; a following rotation has no order of its own', async () => {
    const { checkRotationOrder } = await import('../set-rotation-order.js');
    const known = new Set(['05', '06', '08', '07']);
    const r = { ruleType: 'rotation' as const, followsRuleId: null };
    const sydostra = ['05', '06', '08'];
    expect(checkRotationOrder({ regionOrder: ['06', '08', '05'], anchorDate: '2025-01-01' }, r, sydostra, known)).toEqual([]);
    expect(checkRotationOrder({ regionOrder: ['06', '08'], anchorDate: '2025-01-01' }, r, sydostra, known)[0]?.path).toBe(
      'regionOrder',
    );
    expect(checkRotationOrder({ regionOrder: ['06', '06', '05'], anchorDate: '2025-01-01' }, r, sydostra, known)).toHaveLength(1);
    expect(
      checkRotationOrder(
        { regionOrder: ['06', '08', '05'], anchorDate: '2025-01-01' },
        { ...r, followsRuleId: 'x' },
        sydostra,
        known,
      ),
    ).toHaveLength(1);
  });
});
