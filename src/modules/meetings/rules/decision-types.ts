/**
 * The samverkansnämnd's four kinds of decision (seed 001, Sydöstra sjukvårdsregionen):
 * "Samverkansnämnden beslutar om: vilken sjukvård som ska vara regiongemensam och till vilken
 * enhet den ska samordnas; vilken vård som inte ska bedrivas i sjukvårdsregionen; fördelning av
 * tilldelad budget från respektive region; priser för såld vård." A paragraph of a healthcare
 * region's political body (its samverkansnämnd) carries one of them when it is a decision.
 */
export const DECISION_TYPES = ['shared-care', 'care-not-provided', 'budget-split', 'sold-care-prices'] as const;
export type DecisionType = (typeof DECISION_TYPES)[number];

export const DECISION_TYPE_LABELS: Record<DecisionType, string> = {
  'shared-care': 'Regiongemensam vård och till vilken enhet den samordnas',
  'care-not-provided': 'Vård som inte ska bedrivas i sjukvårdsregionen',
  'budget-split': 'Fördelning av tilldelad budget från respektive region',
  'sold-care-prices': 'Priser för såld vård',
};

/** Why the paragraph may not carry the type (null when it may). */
export function checkDecisionType(
  type: DecisionType | null,
  forum: { kind: string; level: string; name: string },
  decisionKind: string,
): string | null {
  if (type === null) return null;
  if (forum.kind !== 'political-body' || forum.level !== 'healthcare-region')
    return `Beslutstyperna gäller sjukvårdsregionens samverkansnämnd, inte ${forum.name}.`;
  if (decisionKind !== 'beslut') return 'Bara ett beslut har en beslutstyp.';
  return null;
}
