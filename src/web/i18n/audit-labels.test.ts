import { describe, expect, it } from 'vitest';
import { AUDIT_KINDS } from '../../shared/audit-kinds';
import { en } from './en';
import { sv } from './sv';

/**
 * The audit page names every kind of event (AUDIT_KINDS, the server's vocabulary) in Swedish and
 * English: a kind added without its labels would show its code, as `execute` once did.
 */
describe('the audit vocabulary', () => {
  const entities = Object.keys(AUDIT_KINDS);
  const actions = [...new Set(Object.values(AUDIT_KINDS).flat())];

  it.each([
    ['sv', sv as Record<string, string>],
    ['en', en as Record<string, string>],
  ])('has a label for every entity and action in %s', (_lang, catalogue) => {
    expect(entities.filter((e) => !catalogue[`audit.entity.${e}`])).toEqual([]);
    expect(actions.filter((a) => !catalogue[`audit.action.${a}`])).toEqual([]);
  });
});
