/**
 * Code lists the API accepts and the UI offers: one source for both (no imports here, so the
 * server and the Vite build can share the file). Labels live in the UI's i18n catalogue.
 */
export const MEMBERSHIP_ROLES = [
  'ordforande',
  'vice-ordforande',
  'processtod',
  'processledare',
  'processagare',
  'controller',
  'administrativt-stod',
  'sekreterare',
  'samordnare',
  'ledamot',
  'ersattare',
  'adjungerad',
  'deltagare',
  'patientforetradare',
  'kommunrepresentant',
  'webbredaktor',
  // Seed 002 (Region Blekinge): support roles at the tactical level, and the cancer area's roles.
  'superkodare',
  'superanvandare',
  'kvalitetssamordnare',
  'lokal-patientprocessledare',
  'kontaktsjukskoterska',
  'svf-koordinator',
  // Seed 001: a kunskapsråd has two "ledningspersoner" per region.
  'ledningsperson',
] as const;

/** Seed 000: a shared chair is held by one from primary care and one from specialised care. */
export const CARE_SECTORS = ['primarvard', 'specialiserad-vard'] as const;

export const JAV_CATEGORIES = [
  'employment',
  'assignment',
  'ownership',
  'research-funding',
  'industry-relation',
  'close-relation',
  'other',
] as const;

export const EMPLOYER_TYPES = [
  'region',
  'municipality',
  'private-care-provider',
  'patient-organisation',
  'professional-association',
  'agency',
  'other',
] as const;

/** Every kind of group, in the order they are listed everywhere (the structure page, selects, the chart legend). */
export const GROUP_KINDS = [
  'program-area',
  'collaboration-group',
  'working-group',
  'council',
  'forum',
  'steering-group',
  'political-body',
  'process-team',
  'support-function',
] as const;
export type GroupKind = (typeof GROUP_KINDS)[number];

/** The three levels of kunskapsstyrning a group belongs to. */
export const GROUP_LEVELS = ['national', 'healthcare-region', 'region'] as const;
