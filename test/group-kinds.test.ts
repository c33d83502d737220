import { Value } from 'typebox/value';
import { describe, expect, it } from 'vitest';
import { GROUP_KINDS } from '../src/modules/organisation/rules/structure.js';
import { RuleBody } from '../src/modules/mandates/schemas.js';

describe('composition rules name every kind of group', () => {
  it('accepts each of the organisation’s kinds (the seeds’ processteam and stödfunktioner too) and no other', () => {
    const body = (groupKind: string) => ({
      groupKind,
      ruleType: 'role-count',
      roles: ['ordforande'],
      minCount: 1,
      description: 'Minst en ordförande.',
    });
    for (const kind of GROUP_KINDS) expect([kind, Value.Check(RuleBody, body(kind))]).toEqual([kind, true]);
    expect(Value.Check(RuleBody, body('lag'))).toBe(false);
  });
});
