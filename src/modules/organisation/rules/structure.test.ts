import { describe, expect, it } from 'vitest';
import { readReferenceFiles } from '../../reference/load-reference.js';
import { parseReference } from '../../reference/rules/parse.js';
import {
  checkDuplicateArea,
  checkMirror,
  checkParent,
  checkPlacement,
  findMirror,
  levelOfOwner,
  counterpartState,
  expectedCount,
  mirroredAreas,
  mirrorStates,
  ownersAbove,
  processTeamGaps,
  type Geography,
  type GroupFacts,
} from './structure.js';
import { agreementState } from './agreement.js';

const ref = parseReference(readReferenceFiles());
const geo: Geography = {
  healthcareRegionIds: new Set(ref.healthcareRegions.map((h) => h.id)),
  regionHealthcareRegions: new Map(ref.regions.map((r) => [r.code, r.healthcareRegionIds])),
  programAreaIds: new Set(ref.programAreas.map((p) => p.id)),
};

let n = 0;
const group = (o: Partial<GroupFacts> & Pick<GroupFacts, 'level' | 'owner'>): GroupFacts => ({
  id: `g${n++}`,
  kind: 'program-area',
  name: 'Grupp',
  programAreaIds: ['akut-vard'],
  status: 'active',
  isSubGroup: false,
  ...o,
});
const npo = group({ level: 'national', owner: 'national', name: 'NPO Akut vård' });
const rpoSodra = group({ level: 'healthcare-region', owner: 'sodra', name: 'RPO Akut vård' });
const rpoVastra = group({ level: 'healthcare-region', owner: 'vastra', name: 'RPO Akut vård' });
const rpoSydostra = group({ level: 'healthcare-region', owner: 'sydostra', name: 'RMPO Akut vård' });

describe('placement', () => {
  it('accepts an LPO owned by a region and refuses unknown owners and areas', () => {
    expect(checkPlacement({ kind: 'program-area', level: 'region', owner: '10', programAreaIds: ['akut-vard'] }, geo)).toEqual(
      [],
    );
    expect(
      checkPlacement({ kind: 'program-area', level: 'region', owner: '99', programAreaIds: ['akut-vard'] }, geo)[0]?.path,
    ).toBe('owner');
    expect(
      checkPlacement({ kind: 'program-area', level: 'healthcare-region', owner: '10', programAreaIds: ['akut-vard'] }, geo)[0]
        ?.path,
    ).toBe('owner');
    expect(
      checkPlacement({ kind: 'program-area', level: 'national', owner: 'sodra', programAreaIds: ['akut-vard'] }, geo)[0]?.path,
    ).toBe('owner');
    expect(
      checkPlacement({ kind: 'program-area', level: 'region', owner: '10', programAreaIds: ['ogonssjukdomar'] }, geo),
    ).toEqual([{ path: 'programAreaIds.0', message: 'Okänt programområde "ogonssjukdomar".' }]);
    expect(checkPlacement({ kind: 'program-area', level: 'region', owner: '10', programAreaIds: [] }, geo)[0]?.path).toBe(
      'programAreaIds',
    );
    expect(checkPlacement({ kind: 'forum', level: 'region', owner: '10', programAreaIds: [] }, geo)).toEqual([]);
  });

  it('knows the level of every owner', () => {
    expect(['national', 'sodra', '13', 'x'].map((o) => levelOfOwner(o, geo))).toEqual([
      'national',
      'healthcare-region',
      'region',
      undefined,
    ]);
  });
});

describe('mirroring', () => {
  it('an RPO mirrors the NPO covering its area', () => {
    expect(checkMirror(rpoSodra, npo, geo)).toEqual([]);
    expect(findMirror(rpoSodra, [npo, rpoVastra], geo)).toBe(npo);
  });

  it('an LPO mirrors an RPO of its own healthcare region; Halland may mirror Södra or Västra', () => {
    const lpoBlekinge = group({ level: 'region', owner: '10' });
    expect(checkMirror(lpoBlekinge, rpoSodra, geo)).toEqual([]);
    expect(checkMirror(lpoBlekinge, rpoSydostra, geo)[0]?.message).toMatch(/egen sjukvårdsregion \(sodra\)/);
    const lpoHalland = group({ level: 'region', owner: '13' });
    expect(ownersAbove(lpoHalland, geo)).toEqual(['sodra', 'vastra']);
    expect(checkMirror(lpoHalland, rpoSodra, geo)).toEqual([]);
    expect(checkMirror(lpoHalland, rpoVastra, geo)).toEqual([]);
    expect(findMirror(lpoHalland, [rpoSodra, rpoVastra], geo)).toBeUndefined();
  });

  it('refuses skipping a level, a different area, and a closed mirror', () => {
    const lpo = group({ level: 'region', owner: '06' });
    expect(checkMirror(lpo, npo, geo)[0]?.message).toMatch(/sjukvårdsregional nivå/);
    const rpoOther = group({ level: 'healthcare-region', owner: 'sydostra', programAreaIds: ['psykisk-halsa'] });
    expect(checkMirror(lpo, rpoOther, geo)[0]?.message).toMatch(/samma programområde/);
    expect(checkMirror(lpo, { ...rpoSydostra, status: 'closed' }, geo)[0]?.message).toMatch(/stängd/);
    expect(checkMirror(npo, npo, geo)).toHaveLength(1);
  });

  it('a multi-area local council mirrors by any of its areas', () => {
    const lpo = group({ level: 'region', owner: '06', programAreaIds: ['psykisk-halsa', 'akut-vard'] });
    expect(findMirror(lpo, [rpoSydostra], geo)).toBe(rpoSydostra);
  });
});

describe('one active program-area group per area and owner', () => {
  it('refuses a second one unless marked as a sub-group, and ignores closed ones', () => {
    const existing = group({ level: 'region', owner: '10', name: 'LPO Akut vård' });
    const second = group({ level: 'region', owner: '10' });
    expect(checkDuplicateArea(second, [existing])[0]?.message).toContain('LPO Akut vård');
    expect(checkDuplicateArea({ ...second, isSubGroup: true }, [existing])).toEqual([]);
    expect(checkDuplicateArea(second, [{ ...existing, status: 'closed' }])).toEqual([]);
    expect(checkDuplicateArea(second, [{ ...existing, programAreaIds: ['psykisk-halsa'] }])).toEqual([]);
  });
});

describe('mirror states for the matrix and the gaps: one definition, the explicit mirror link', () => {
  it('says mirrored only when the group links to a group above covering the area; unlinked when it covers but mirrors nothing', () => {
    const rpo = group({ level: 'healthcare-region', owner: 'sodra', programAreaIds: ['akut-vard'] });
    const lpo = {
      ...group({ level: 'region', owner: '10', programAreaIds: ['akut-vard', 'psykisk-halsa'] }),
      mirrorsGroupId: rpo.id,
    };
    const unlinked = group({ level: 'region', owner: '10', programAreaIds: ['hjart-och-karlsjukdomar'] });
    const closed = group({ level: 'region', owner: '10', programAreaIds: ['tandvard'], status: 'closed' });
    const council = group({ level: 'region', owner: '10', kind: 'council', programAreaIds: ['levnadsvanor'] });
    const states = mirrorStates(
      ['akut-vard', 'psykisk-halsa', 'hjart-och-karlsjukdomar', 'tandvard', 'levnadsvanor', 'ogonsjukdomar'],
      [lpo, unlinked, closed, council],
      new Map([['ogonsjukdomar', council.id]]),
      new Map([[rpo.id, rpo]]),
    );
    expect(Object.fromEntries([...states].map(([k, v]) => [k, v.state]))).toEqual({
      'akut-vard': 'mirrored',
      // the LPO covers it, but the RPO it mirrors does not: not mirrored
      'psykisk-halsa': 'unlinked',
      'hjart-och-karlsjukdomar': 'unlinked',
      tandvard: 'missing',
      levnadsvanor: 'missing',
      ogonsjukdomar: 'covered',
    });
    expect(mirroredAreas(lpo, rpo)).toEqual(['akut-vard']);
    expect(mirroredAreas(lpo, { ...rpo, status: 'closed' })).toEqual([]);
    expect(mirroredAreas(unlinked, undefined)).toEqual([]);
  });

  it('an RSG mirrors its NSG; one its source says has no counterpart is not a gap (seed 001)', () => {
    expect(counterpartState({ mirrorsGroupId: 'nsg', noCounterpartReason: null }, { status: 'active' })).toBe('mirrored');
    const reason =
      'Samverkansgrupperna för upphandling, hållbar utveckling och eSpir saknar motsvarighet i det nationella systemet.';
    expect(counterpartState({ mirrorsGroupId: null, noCounterpartReason: reason }, undefined)).toBe('no-counterpart');
    expect(counterpartState({ mirrorsGroupId: null, noCounterpartReason: null }, undefined)).toBe('unlinked');
  });

  it('Västra (seed 003): each RPO needs a regional processteam, each processteam a local one', () => {
    const rad = {
      ...group({ level: 'healthcare-region', owner: 'vastra', name: 'Primärvårdsrådet' }),
      parentGroupId: null,
      mirrorsGroupId: null,
    };
    const rpo = {
      ...group({ level: 'healthcare-region', owner: 'vastra', name: 'RPO' }),
      parentGroupId: null,
      mirrorsGroupId: null,
    };
    const team = {
      ...group({ level: 'healthcare-region', owner: 'vastra', kind: 'process-team', name: 'Regionalt processteam' }),
      parentGroupId: rpo.id,
      mirrorsGroupId: null,
    };
    expect(processTeamGaps([rad, rpo, team], [])).toEqual([
      { groupId: rad.id, name: 'Primärvårdsrådet', missing: 'regional-process-team' },
      { groupId: team.id, name: 'Regionalt processteam', missing: 'local-process-team' },
    ]);
    expect(processTeamGaps([rpo, team], [{ status: 'active', kind: 'process-team', mirrorsGroupId: team.id }])).toEqual([]);
  });

  it('counts program-area groups against the count a rule names (Blekinge: 26 LPO, seed 002)', () => {
    const lpos = [group({ level: 'region', owner: '10' }), group({ level: 'region', owner: '10', isSubGroup: true })];
    expect(expectedCount({ expectedCount: 26 }, lpos)).toEqual({ expected: 26, recorded: 1 });
    expect(expectedCount({ expectedCount: null }, lpos)).toBeUndefined();
  });
});

describe('checkParent', () => {
  it('allows a parent of the same owner or of the body just above, nothing else', () => {
    const blekinge = { level: 'region' as const, owner: '10' };
    expect(checkParent(blekinge, { owner: '10' }, geo)).toEqual([]);
    expect(checkParent(blekinge, { owner: 'sodra' }, geo)).toEqual([]);
    expect(checkParent(blekinge, { owner: '08' }, geo)[0]?.path).toBe('parentGroupId');
    expect(checkParent(blekinge, { owner: 'sydostra' }, geo)).toHaveLength(1);
    expect(checkParent(blekinge, { owner: 'national' }, geo)).toHaveLength(1);
    const halland = { level: 'region' as const, owner: '13' };
    expect(checkParent(halland, { owner: 'sodra' }, geo)).toEqual([]);
    expect(checkParent(halland, { owner: 'vastra' }, geo)).toEqual([]);
    const sodra = { level: 'healthcare-region' as const, owner: 'sodra' };
    expect(checkParent(sodra, { owner: 'national' }, geo)).toEqual([]);
    expect(checkParent(sodra, { owner: '10' }, geo)).toHaveLength(1);
    expect(checkParent({ level: 'national', owner: 'national' }, { owner: 'sodra' }, geo)).toHaveLength(1);
  });
});

describe('a time-limited agreement (seed 002: LSVO, decided 2024-05-24, three years)', () => {
  it('is valid, then ending soon inside the reminder window, then ended', () => {
    expect(agreementState('2027-05-24', '2026-12-31', 90)).toEqual({ state: 'valid', daysLeft: 144 });
    expect(agreementState('2027-05-24', '2027-02-23', 90)).toEqual({ state: 'ending-soon', daysLeft: 90 });
    expect(agreementState('2027-05-24', '2027-05-24', 90)).toEqual({ state: 'ending-soon', daysLeft: 0 });
    expect(agreementState('2027-05-24', '2027-05-25', 90)).toEqual({ state: 'ended', daysLeft: -1 });
  });
});
