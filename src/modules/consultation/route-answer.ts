import type { Static } from 'typebox';
import type { Ctx } from '../../platform/context.js';
import type { Db, Queryable } from '../../platform/db/index.js';
import { unprocessable, type FieldError } from '../../platform/errors.js';
import { moveAnswer } from './answer-transition.js';
import { assertVisible } from '../visible.js';
import * as repo from './repository.js';
import type { RouteBody } from './schemas.js';

export type RouteInput = Static<typeof RouteBody>;

const WORKING_KINDS = new Set(['program-area', 'collaboration-group', 'working-group']);
const DECIDING_KINDS = new Set(['council', 'forum', 'steering-group', 'political-body']);

async function ownGroups(tx: Queryable, region: string, ids: (string | null)[]) {
  const list = [...new Set(ids.filter((x): x is string => !!x))];
  const found = new Map((await repo.groupsByIds(tx, list)).map((g) => [g.id, g]));
  return (id: string) => {
    const g = found.get(id);
    return g && g.owner === region && g.active ? g : undefined;
  };
}

/** The forums that prepare and decide: the region's own, active councils, forums or steering groups. */
export async function checkDecidingGroups(
  tx: Queryable,
  region: string,
  i: { beredningGroupId: string | null; decisionGroupId: string | null },
): Promise<FieldError[]> {
  const own = await ownGroups(tx, region, [i.beredningGroupId, i.decisionGroupId]);
  const errors: FieldError[] = [];
  for (const key of ['beredningGroupId', 'decisionGroupId'] as const) {
    const id = i[key];
    if (!id) continue;
    const g = own(id);
    if (!g) errors.push({ path: key, message: 'ingen aktiv grupp i regionen' });
    else if (!DECIDING_KINDS.has(g.kind))
      errors.push({ path: key, message: `${g.name} är inte ett råd, forum eller en styrgrupp` });
  }
  return errors;
}

/** Groups must be the region's own, active, and of the right kind for their part. */
async function checkGroups(
  tx: Queryable,
  region: string,
  i: { groupIds: string[]; leadGroupId: string; beredningGroupId: string | null; decisionGroupId: string | null },
): Promise<void> {
  const own = await ownGroups(tx, region, i.groupIds);
  const errors: FieldError[] = [];
  if (i.groupIds.length === 0) errors.push({ path: 'groupIds', message: 'välj minst en grupp' });
  i.groupIds.forEach((id, n) => {
    const g = own(id);
    if (!g) errors.push({ path: `groupIds.${n}`, message: 'ingen aktiv grupp i regionen' });
    else if (!WORKING_KINDS.has(g.kind))
      errors.push({ path: `groupIds.${n}`, message: `${g.name} är inte ett LPO, en LSG eller en arbetsgrupp` });
  });
  if (!i.groupIds.includes(i.leadGroupId))
    errors.push({ path: 'leadGroupId', message: 'den ledande gruppen ska vara en av de valda grupperna' });
  errors.push(...(await checkDecidingGroups(tx, region, i)));
  if (errors.length) throw unprocessable(errors.map((e) => e.message).join('; '), errors);
}

/** The coordinator routes the answer to the LPOs/LSGs concerned; one of them leads. */
export async function routeAnswer(db: Db, ctx: Ctx, id: string, input: RouteInput) {
  return db.transaction(async (tx) => {
    const groupIds = [...new Set(input.groupIds)];
    await moveAnswer(tx, ctx, id, 'route', {
      version: input.version,
      set: (_to, _reason, l) => ({
        leadGroupId: input.leadGroupId,
        beredningGroupId: input.beredningGroupId === undefined ? l.answer.beredningGroupId : input.beredningGroupId,
        decisionGroupId: input.decisionGroupId === undefined ? l.answer.decisionGroupId : input.decisionGroupId,
      }),
      then: async (q, l) => {
        await assertVisible(q, ctx, {
          group: [...input.groupIds, input.leadGroupId, input.beredningGroupId, input.decisionGroupId],
        });
        const beredningGroupId = input.beredningGroupId === undefined ? l.answer.beredningGroupId : input.beredningGroupId;
        const decisionGroupId = input.decisionGroupId === undefined ? l.answer.decisionGroupId : input.decisionGroupId;
        await checkGroups(q, l.answer.region, {
          groupIds,
          leadGroupId: input.leadGroupId,
          beredningGroupId,
          decisionGroupId,
        });
        await repo.setRouting(q, id, groupIds, input.leadGroupId);
      },
      auditDetails: {
        groupIds,
        leadGroupId: input.leadGroupId,
        ...(input.beredningGroupId !== undefined ? { beredningGroupId: input.beredningGroupId } : {}),
        ...(input.decisionGroupId !== undefined ? { decisionGroupId: input.decisionGroupId } : {}),
      },
    });
  });
}
