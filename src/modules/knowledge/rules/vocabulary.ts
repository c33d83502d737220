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
};

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
