/** The kinds of gap the composition report names (rules/composition.ts); the API's schema lists the same. */
export const GAP_KINDS = [
  'role-missing',
  'role-excess',
  'region-missing',
  'region-excess',
  'region-unknown',
  'chair-sector',
  'rotation-unset',
  'child-chair-missing',
  'chair-not-appointed',
  'representative-missing',
  'no-council',
  'above-missing',
  'above-excess',
] as const;
export type GapKind = (typeof GAP_KINDS)[number];
