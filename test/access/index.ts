import { coreAccess } from './core.js';
import { mandatesAccess } from './mandates.js';
import { compensationAccess } from './compensation.js';
import { recordsAccess } from './records.js';
import { casesAccess } from './cases.js';
import { meetingsAccess } from './meetings.js';
import { knowledgeAccess } from './knowledge.js';
import { consultationsAccess } from './consultations.js';
import { followupAccess } from './followup.js';
import { trustAccess } from './trust.js';
import type { AccessModule } from './types.js';

/** Every module's access entries; each module keeps its own file. */
export const ACCESS_MODULES: AccessModule[] = [
  coreAccess,
  mandatesAccess,
  compensationAccess,
  recordsAccess,
  casesAccess,
  meetingsAccess,
  knowledgeAccess,
  consultationsAccess,
  followupAccess,
  trustAccess,
];
