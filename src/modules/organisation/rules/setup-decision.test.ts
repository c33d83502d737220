import { describe, expect, it } from 'vitest';
import { checkSetupDecision, type SetupRule } from './setup-decision.js';

const blekinge: SetupRule = {
  owner: '10',
  groupKind: 'working-group',
  deciders: [
    { id: 'kr', name: 'Kunskapsrådet' },
    { id: 'lsvo', name: 'Styrgrupp Nära vård – LSVO' },
  ],
  decidedByParent: false,
  hostConsultation: false,
  sourceId: 'seed-002',
  quote: 'Efter beslut i Kunskapsråd/ Styrgrupp – LSVO …',
};
const jonkoping: SetupRule = { ...blekinge, owner: '06', deciders: [], decidedByParent: true, hostConsultation: true };
const none = { paragraph: null, paragraphMissing: false, elsewhere: null, hostConsultation: null };
const paths = (e: { path: string }[]) => e.map((x) => x.path);

describe('checkSetupDecision', () => {
  it('asks nothing where no rule applies, but still refuses a § and a text together or unjusterade minutes', () => {
    expect(checkSetupDecision(undefined, null, none)).toEqual([]);
    expect(
      paths(checkSetupDecision(undefined, null, { ...none, paragraph: { groupId: 'x', approved: true }, elsewhere: 'X' })),
    ).toEqual(['setupElsewhere']);
    expect(paths(checkSetupDecision(undefined, null, { ...none, paragraph: { groupId: 'x', approved: false } }))).toEqual([
      'setupParagraphId',
    ]);
  });

  it('seed 002: a § of Kunskapsrådet or the LSVO steering group, or a decision taken elsewhere', () => {
    expect(checkSetupDecision(blekinge, null, none)[0]!.message).toContain('Kunskapsrådet eller Styrgrupp Nära vård – LSVO');
    expect(checkSetupDecision(blekinge, null, { ...none, paragraph: { groupId: 'kr', approved: true } })).toEqual([]);
    expect(checkSetupDecision(blekinge, null, { ...none, paragraph: { groupId: 'lsvo', approved: true } })).toEqual([]);
    expect(checkSetupDecision(blekinge, null, { ...none, elsewhere: 'LSVO 2026-10-02 § 14' })).toEqual([]);
    expect(checkSetupDecision(blekinge, null, { ...none, paragraph: { groupId: 'other', approved: true } })[0]!.message).toBe(
      'Paragrafen är inte ett beslut av Kunskapsrådet eller Styrgrupp Nära vård – LSVO.',
    );
  });

  it('seed 000: the group it reports to decides, and the samråd with the värdskap is recorded', () => {
    const lpo = { id: 'lpo', name: 'LPO Akut vård' };
    expect(paths(checkSetupDecision(jonkoping, null, { ...none, elsewhere: 'X', hostConsultation: 'Y' }))).toEqual([
      'parentGroupId',
    ]);
    expect(paths(checkSetupDecision(jonkoping, lpo, none))).toEqual(['setupParagraphId', 'hostConsultation']);
    expect(
      checkSetupDecision(jonkoping, lpo, { ...none, paragraph: { groupId: 'lpo', approved: true }, hostConsultation: 'Y' }),
    ).toEqual([]);
  });
});
