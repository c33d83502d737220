import type { FieldError } from '../../../platform/errors.js';

/**
 * Groups set up by decision (issue 21, item 11), without I/O. A rule for an owner and a kind of
 * group (table group_setup_rules) names who must have decided: named groups (seed 002: Region
 * Blekinge's Kunskapsråd or Styrgrupp LSVO for an LAG) or the group the new one reports to (seed
 * 000: the program area, in samråd with the värdskap, which is then recorded too).
 */
export interface SetupRule {
  owner: string;
  groupKind: string;
  deciders: { id: string; name: string }[];
  decidedByParent: boolean;
  hostConsultation: boolean;
  sourceId: string;
  quote: string;
}

export interface SetupDecision {
  /** The § picked, as found: the group whose minutes hold it and whether they are justerade. */
  paragraph: { groupId: string; approved: boolean } | null;
  paragraphMissing: boolean;
  elsewhere: string | null;
  hostConsultation: string | null;
}

export function checkSetupDecision(
  rule: SetupRule | undefined,
  parent: { id: string; name: string } | null,
  d: SetupDecision,
): FieldError[] {
  const errors: FieldError[] = [];
  if (d.paragraphMissing) errors.push({ path: 'setupParagraphId', message: 'Paragrafen finns inte.' });
  if (d.paragraph && d.elsewhere) {
    errors.push({
      path: 'setupElsewhere',
      message: 'Välj antingen en § i Navet eller ett beslut fattat utanför Navet, inte båda.',
    });
  }
  if (d.paragraph && !d.paragraph.approved) {
    errors.push({ path: 'setupParagraphId', message: 'Paragrafen finns inte i ett justerat protokoll.' });
  }
  if (!rule) return errors;
  if (rule.decidedByParent && !parent) {
    errors.push({ path: 'parentGroupId', message: 'Ange den grupp som tillsätter arbetsgruppen (den rapporterar till).' });
  }
  const deciders = decidersOf(rule, parent);
  if (!d.paragraph && !d.elsewhere && !d.paragraphMissing) {
    errors.push({
      path: 'setupParagraphId',
      message: `Gruppen får bara inrättas efter beslut av ${deciderNames(deciders, rule)}. Välj beslutets § i ett justerat protokoll, eller ange ett beslut fattat utanför Navet.`,
    });
  } else if (d.paragraph && !deciders.some((g) => g.id === d.paragraph!.groupId)) {
    errors.push({
      path: 'setupParagraphId',
      message: `Paragrafen är inte ett beslut av ${deciderNames(deciders, rule)}.`,
    });
  }
  if (rule.hostConsultation && !d.hostConsultation) {
    errors.push({
      path: 'hostConsultation',
      message: 'Arbetsgruppen tillsätts i samråd med värdskapet: ange med vem och när samrådet skedde.',
    });
  }
  return errors;
}

function decidersOf(rule: SetupRule, parent: { id: string; name: string } | null) {
  return rule.decidedByParent && parent ? [...rule.deciders, parent] : rule.deciders;
}

function deciderNames(deciders: { name: string }[], rule: SetupRule): string {
  if (deciders.length === 0) return rule.decidedByParent ? 'den grupp den rapporterar till' : 'beslutande organ';
  const names = deciders.map((g) => g.name);
  return names.length === 1 ? names[0]! : `${names.slice(0, -1).join(', ')} eller ${names.at(-1)!}`;
}
