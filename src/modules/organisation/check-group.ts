import type { Queryable } from '../../platform/db/index.js';
import { unprocessable, type FieldError } from '../../platform/errors.js';
import * as repo from './repository.js';
import { isGroupActive } from './rules/group-lifecycle.js';
import {
  checkDuplicateArea,
  checkMirror,
  checkParent,
  checkPlacement,
  findMirror,
  type Geography,
  type GroupFacts,
} from './rules/structure.js';

export { ownerScope } from '../../platform/auth/scope.js';

/**
 * Checks a group about to be written against the structure's rules, and fills in the mirror
 * by program area when none was given. Throws 422 naming each broken rule.
 */
export async function checkGroup(
  tx: Queryable,
  geo: Geography,
  g: repo.GroupWrite,
  selfId: string | null,
): Promise<repo.GroupWrite> {
  const errors: FieldError[] = checkPlacement(g, geo);
  if (errors.length) throw unprocessable(errors.map((e) => e.message).join(' '), errors);
  const facts: GroupFacts = {
    id: selfId ?? 'new',
    kind: g.kind,
    level: g.level,
    owner: g.owner,
    name: g.name,
    programAreaIds: g.programAreaIds,
    status: 'active',
    isSubGroup: g.isSubGroup,
  };
  let mirrorsGroupId = g.mirrorsGroupId;
  if (mirrorsGroupId) {
    const mirror = await repo.getGroup(tx, mirrorsGroupId);
    if (!mirror) errors.push({ path: 'mirrorsGroupId', message: 'Gruppen som ska speglas finns inte.' });
    else errors.push(...checkMirror(facts, repo.facts(mirror), geo));
  } else if (g.kind === 'program-area' && g.level !== 'national') {
    const owners = g.level === 'healthcare-region' ? ['national'] : [...(geo.regionHealthcareRegions.get(g.owner) ?? [])];
    const found = findMirror(facts, (await repo.groupsAt(tx, owners)).map(repo.facts), geo);
    mirrorsGroupId = found?.id ?? null;
  }
  if (g.parentGroupId) {
    const parent = await repo.getGroup(tx, g.parentGroupId);
    if (!parent) errors.push({ path: 'parentGroupId', message: 'Den överordnade gruppen finns inte.' });
    else if (parent.id === selfId)
      errors.push({ path: 'parentGroupId', message: 'En grupp kan inte vara överordnad sig själv.' });
    else if (!isGroupActive(parent.status)) errors.push({ path: 'parentGroupId', message: 'Den överordnade gruppen är stängd.' });
    else if (checkParent(g, parent, geo).length) errors.push(...checkParent(g, parent, geo));
    else if (selfId && (await isBelow(tx, parent.id, selfId))) {
      errors.push({ path: 'parentGroupId', message: 'Rapporteringsvägen får inte gå i cirkel.' });
    }
  }
  errors.push(...checkDuplicateArea(facts, (await repo.groupsAt(tx, [g.owner])).map(repo.facts)));
  if (errors.length) throw unprocessable(errors.map((e) => e.message).join(' '), errors);
  return { ...g, mirrorsGroupId };
}

/** Whether `candidate` reports (directly or further up) to `ancestor`. */
async function isBelow(tx: Queryable, candidate: string, ancestor: string): Promise<boolean> {
  let current: string | null = candidate;
  for (let depth = 0; current && depth < 50; depth++) {
    if (current === ancestor) return true;
    current = (await repo.getGroup(tx, current))?.parentGroupId ?? null;
  }
  return false;
}
