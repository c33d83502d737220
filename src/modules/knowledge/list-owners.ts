import type { Ctx } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/index.js';
import { knowledgePolicy } from './policy.js';
import * as repo from './repository.js';
import { NATIONAL_OWNER } from './rules/vocabulary.js';

export interface SupportOwner {
  owner: string;
  kind: 'national' | 'healthcare-region' | 'region';
  name: string;
}

/**
 * The owners the caller may author supports for (the new-support form's owner picker): the
 * nation for national roles, then the healthcare regions and regions where they hold
 * `knowledge.regional.write`, each in Swedish order. Empty for a reader.
 */
export async function listOwners(db: Queryable, ctx: Ctx): Promise<SupportOwner[]> {
  const mine = await knowledgePolicy(ctx, db).authorOwners();
  const national = mine.includes(NATIONAL_OWNER);
  const regional = mine.filter((o) => o !== NATIONAL_OWNER);
  const names = regional.length ? await repo.ownerNames(db) : new Map<string, never>();
  const byName = (a: SupportOwner, b: SupportOwner) => a.name.localeCompare(b.name, 'sv');
  const own = regional.flatMap((o): SupportOwner[] => {
    const n = names.get(o);
    return n ? [{ owner: o, kind: n.kind, name: n.name }] : [];
  });
  return [
    ...(national ? [{ owner: NATIONAL_OWNER, kind: 'national' as const, name: 'Nationellt' }] : []),
    ...own.filter((o) => o.kind === 'healthcare-region').sort(byName),
    ...own.filter((o) => o.kind === 'region').sort(byName),
  ];
}
