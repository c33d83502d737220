/**
 * The code lists of the catalogue (reference/kunskapsstod.md §1, seed 002). One source for
 * the database checks, the API schemas and the UI.
 */
export const SUPPORT_TYPES = [
  'kliniskt-kunskapsstod',
  'vardforlopp',
  'vardprogram',
  'vardriktlinje',
  'standardiserat-vardforlopp',
  'vard-och-insatsprogram',
  'nationella-riktlinjer',
  'regionalt-vardprogram',
  'regional-riktlinje',
  'rutin',
] as const;
export type SupportType = (typeof SUPPORT_TYPES)[number];

export const SUPPORT_TYPE_LABELS: Record<SupportType, string> = {
  'kliniskt-kunskapsstod': 'Kliniskt kunskapsstöd (primärvårdsrekommendation)',
  vardforlopp: 'Personcentrerat och sammanhållet vårdförlopp',
  vardprogram: 'Nationellt vårdprogram',
  vardriktlinje: 'Vårdriktlinje',
  'standardiserat-vardforlopp': 'Standardiserat vårdförlopp (SVF)',
  'vard-och-insatsprogram': 'Nationellt vård- och insatsprogram',
  'nationella-riktlinjer': 'Socialstyrelsens nationella riktlinjer',
  'regionalt-vardprogram': 'Regionalt vårdprogram',
  'regional-riktlinje': 'Regional riktlinje',
  rutin: 'Rutin',
};

/**
 * The types a region or healthcare region authors for itself (owner ≠ national); the other
 * types are the national catalogue's, owned by the nation and written by national roles.
 */
export const REGIONAL_SUPPORT_TYPES = [
  'regionalt-vardprogram',
  'regional-riktlinje',
  'rutin',
] as const satisfies readonly SupportType[];
export const NATIONAL_OWNER = 'national';

/** Whether a support of this type may have this owner: regional types belong to a region, the others to the nation. */
export function typeFitsOwner(type: string, owner: string): boolean {
  const regional = (REGIONAL_SUPPORT_TYPES as readonly string[]).includes(type);
  return owner === NATIONAL_OWNER ? !regional : regional;
}

export const PRODUCER_KINDS = ['npo', 'nag', 'rcc', 'agency', 'other'] as const;
export type ProducerKind = (typeof PRODUCER_KINDS)[number];

export const CONSEQUENCE_DIMENSIONS = [
  'population',
  'resources',
  'organisation',
  'competence',
  'patient-safety',
  'ethics',
] as const;
export type ConsequenceDimension = (typeof CONSEQUENCE_DIMENSIONS)[number];

export const SIGNIFICANCES = ['none', 'minor', 'significant'] as const;
export type Significance = (typeof SIGNIFICANCES)[number];

export const RECOMMENDATION_GRADES = ['prioritet', 'icke-gora', 'fou'] as const;
export type RecommendationGrade = (typeof RECOMMENDATION_GRADES)[number];

export const LOCAL_ADDITION_KINDS = ['regionalt-tillagg', 'lokal-rutin'] as const;
export const LOCAL_ADDITION_STATUSES = ['utkast', 'publicerad', 'arkiverad'] as const;
export type LocalAdditionKind = (typeof LOCAL_ADDITION_KINDS)[number];
export type LocalAdditionStatus = (typeof LOCAL_ADDITION_STATUSES)[number];

export type { DocumentKind, RoundTrack } from '../../../shared/round-vocabulary.js';
