/** The kinds of composition rule: one list for the schema, the checks (composition-checks.ts) and the rules page. */
export const RULE_TYPES = [
  'role-count',
  'per-region',
  'per-healthcare-region',
  'mandate-years',
  'rotation',
  'shared-chair',
  'per-body',
  'child-chairs',
  'group-representative',
  'appoints-child-chairs',
  'in-council',
  'seats-above',
] as const;
export type RuleType = (typeof RULE_TYPES)[number];
