import type { Static } from 'typebox';
import { recordAudit } from '../../platform/audit/record.js';
import type { Ctx } from '../../platform/context.js';
import type { Db, Queryable } from '../../platform/db/index.js';
import { notFound, unauthorized, unprocessable, type FieldError } from '../../platform/errors.js';
import { isGroupActive } from '../organisation/index.js';
import { assertVisible } from '../visible.js';
import { checkAddition } from './check.js';
import * as additions from './local-addition-repository.js';
import { knowledgePolicy } from './policy.js';
import { localAdditionAudit } from './presenter.js';
import * as repo from './repository.js';
import type { CreateLocalAdditionBody } from './schemas.js';

async function ownerGroup(tx: Queryable, groupId: string) {
  const g = await repo.groupFacts(tx, groupId);
  const errors: FieldError[] = [];
  if (!g) errors.push({ path: '/ownerGroupId', message: 'Gruppen finns inte.' });
  else if (g.kind !== 'program-area' || g.level !== 'region') {
    errors.push({
      path: '/ownerGroupId',
      message: 'Ett regionalt tillägg eller en lokal rutin ägs av ett lokalt programområde (LPO).',
    });
  } else if (!isGroupActive(g.status)) errors.push({ path: '/ownerGroupId', message: 'Gruppen är stängd.' });
  if (errors.length) throw unprocessable('Ägaren kunde inte användas.', errors);
  return g!;
}

/** A regional addition or local routine, owned by an LPO and written by its editors (policy.ts). */
export async function createLocalAddition(
  db: Db,
  ctx: Ctx,
  supportId: string,
  input: Static<typeof CreateLocalAdditionBody> & { isDemo?: boolean },
) {
  return db.transaction(async (tx) => {
    if (!ctx.actor) throw unauthorized();
    const policy = knowledgePolicy(ctx, tx);
    const support = await repo.getSupport(tx, supportId);
    if (!support) throw notFound('Kunskapsstödet');
    // A webbredaktör seated in the LPO (a membership, no policy role) reaches their own group.
    const facts = await repo.groupFacts(tx, input.ownerGroupId);
    if (!facts || !(await policy.mayEditForGroup(facts))) await assertVisible(tx, ctx, { group: input.ownerGroupId });
    const group = await ownerGroup(tx, input.ownerGroupId);
    await policy.assertEditForGroup(group, 'Bara LPO:ns webbredaktörer och regionens samordnare kan skriva tillägg.');
    const checked = checkAddition({
      kind: input.kind,
      title: input.title,
      body: input.body ?? null,
      url: input.url ?? null,
      status: input.status ?? 'utkast',
      reviewDate: input.reviewDate ?? null,
    });
    const id = await additions.insertLocalAddition(tx, {
      ...checked,
      supportId,
      ownerGroupId: group.id,
      regionCode: group.owner,
      isDemo: input.isDemo ?? false,
    });
    const row = (await additions.getLocalAddition(tx, id))!;
    await recordAudit(tx, ctx, {
      entityType: 'knowledge-local-addition',
      entityId: id,
      action: 'create',
      after: localAdditionAudit(row),
    });
    return row;
  });
}
