import type { Queryable } from '../../platform/db/index.js';
import type { FieldError } from '../../platform/errors.js';
import { getGroup } from '../organisation/index.js';

/** The groups a status names (its LPO, the responsible group) must be the region's own. */
export async function checkGroups(
  tx: Queryable,
  region: string,
  groupId: string | null,
  responsible: string | null,
): Promise<FieldError[]> {
  const errors: FieldError[] = [];
  for (const [path, id] of [
    ['/groupId', groupId],
    ['/responsibleGroupId', responsible],
  ] as const) {
    if (!id) continue;
    const g = await getGroup(tx, id);
    if (!g || g.owner !== region) errors.push({ path, message: 'Gruppen finns inte i regionen.' });
  }
  return errors;
}
