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
import { integrationsAccess } from './integrations.js';
import { scimAccess } from './scim.js';
import type { AccessModule, Fixture, SetupContext } from './types.js';

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
  integrationsAccess,
  scimAccess,
];

/** All modules' routes in one table ("METHOD /path" → access, request[, other allowed statuses]). */
export const ACCESS: AccessModule['routes'] = {};
for (const m of ACCESS_MODULES) {
  for (const [key, entry] of Object.entries(m.routes)) {
    if (key in ACCESS) throw new Error(`${key} is declared twice in test/access/`);
    ACCESS[key] = entry;
  }
}

/** Runs every module's setup in order and merges their fixtures (keys must not clash). */
export async function setupFixtures(ctx: Omit<SetupContext, 'fixture'>): Promise<Fixture> {
  const f: Fixture = {};
  for (const m of ACCESS_MODULES) {
    if (!m.setup) continue;
    const made = await m.setup({ ...ctx, fixture: f });
    for (const k of Object.keys(made)) if (k in f) throw new Error(`fixture key ${k} is made twice`);
    Object.assign(f, made);
  }
  return f;
}
