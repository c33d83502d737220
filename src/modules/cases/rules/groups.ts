/** Which groups a case may be assigned to or decided by (pure rules over a group's kind, owner and status). */

interface GroupFacts {
  kind: string;
  owner: string;
  status: string;
}

/** Group kinds that can own a decision on a case. */
export const DECISION_KINDS: readonly string[] = ['forum', 'council', 'steering-group', 'political-body'];

/** Group kinds that carry work out or prepare it (LPO, LSG, LAG …) or own it (forums, councils). */
export const ASSIGNABLE_KINDS: readonly string[] = [
  'program-area',
  'collaboration-group',
  'working-group',
  'council',
  'forum',
  'steering-group',
];

const active = (g: GroupFacts) => g.status === 'active';

/** A forum or council of the case's region that may decide it; `anyStatus` when a closed one may still be named (a past decision). */
export const isDecisionForum = (g: GroupFacts | undefined, region: string, opts: { anyStatus?: boolean } = {}): boolean =>
  !!g && (opts.anyStatus || active(g)) && g.owner === region && DECISION_KINDS.includes(g.kind);

/** A group that may be given the case to prepare or carry out (its region is checked apart, with its own message). */
export const isAssignableGroup = (g: GroupFacts | undefined): boolean => !!g && active(g) && ASSIGNABLE_KINDS.includes(g.kind);
