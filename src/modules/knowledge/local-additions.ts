import { recordAudit } from '../../platform/audit/record.js';
import { can } from '../../platform/auth/policy.js';
import { todayInSweden } from '../../platform/clock.js';
import type { Actor, Ctx } from '../../platform/context.js';
import type { Db, Queryable } from '../../platform/db/index.js';
import { forbidden, notFound, staleVersion, unauthorized, unprocessable, type FieldError } from '../../platform/errors.js';
import { ownerScope } from '../organisation/check-group.js';
import { geography } from '../organisation/repository.js';
import { presentLocalAddition } from './presenter.js';
import { assertVisible } from '../visible.js';
import * as repo from './repository.js';

/**
 * Regional additions and local routines belong to an LPO and are edited by its web editors:
 * a seat as webbredaktör in the LPO (membership), the role webbredaktör held at the group, or
 * the region's samordnare; system administrators always.
 */
export async function mayEditForGroup(
  db: Queryable,
  actor: Actor | undefined,
  group: { id: string; owner: string },
): Promise<boolean> {
  if (!actor) return false;
  const geo = await geography(db);
  const scope = { type: 'group' as const, id: group.id, owner: ownerScope(group.owner, geo) };
  if (can(actor, 'knowledge.local.write', scope)) return true;
  return actor.via !== 'system' && repo.isWebEditor(db, actor.email, group.id, todayInSweden());
}

async function ownerGroup(tx: Queryable, groupId: string) {
  const g = await repo.groupFacts(tx, groupId);
  const errors: FieldError[] = [];
  if (!g) errors.push({ path: '/ownerGroupId', message: 'Gruppen finns inte.' });
  else if (g.kind !== 'program-area' || g.level !== 'region') {
    errors.push({
      path: '/ownerGroupId',
      message: 'Ett regionalt tillägg eller en lokal rutin ägs av ett lokalt programområde (LPO).',
    });
  } else if (g.status !== 'active') errors.push({ path: '/ownerGroupId', message: 'Gruppen är stängd.' });
  if (errors.length) throw unprocessable('Ägaren kunde inte användas.', errors);
  return g!;
}

function checkAddition(a: repo.LocalAdditionWrite): repo.LocalAdditionWrite {
  const title = a.title.trim();
  const errors: FieldError[] = [];
  if (!title) errors.push({ path: '/title', message: 'Ange en rubrik.' });
  if (!a.body?.trim() && !a.url) errors.push({ path: '/body', message: 'Skriv texten eller länka till den.' });
  if (errors.length) throw unprocessable('Tillägget kunde inte sparas.', errors);
  return { ...a, title, body: a.body?.trim() || null };
}

export async function createLocalAddition(
  db: Db,
  ctx: Ctx,
  supportId: string,
  input: repo.LocalAdditionWrite & { ownerGroupId: string; isDemo?: boolean },
) {
  return db.transaction(async (tx) => {
    if (!ctx.actor) throw unauthorized();
    const support = await repo.getSupport(tx, supportId);
    if (!support) throw notFound('Kunskapsstödet');
    // A webbredaktör seated in the LPO (a membership, no policy role) reaches their own group.
    const facts = await repo.groupFacts(tx, input.ownerGroupId);
    if (!facts || !(await mayEditForGroup(tx, ctx.actor, facts))) await assertVisible(tx, ctx, { group: input.ownerGroupId });
    const group = await ownerGroup(tx, input.ownerGroupId);
    if (!(await mayEditForGroup(tx, ctx.actor, group)))
      throw forbidden('Bara LPO:ns webbredaktörer och regionens samordnare kan skriva tillägg.');
    const checked = checkAddition(input);
    const id = await repo.insertLocalAddition(tx, {
      ...checked,
      supportId,
      ownerGroupId: group.id,
      regionCode: group.owner,
      isDemo: input.isDemo ?? false,
    });
    const row = (await repo.getLocalAddition(tx, id))!;
    await recordAudit(tx, ctx, {
      entityType: 'knowledge-local-addition',
      entityId: id,
      action: 'create',
      after: presentLocalAddition(row, ctx.actor, true),
    });
    return row;
  });
}

export async function updateLocalAddition(
  db: Db,
  ctx: Ctx,
  id: string,
  version: number,
  patch: Partial<repo.LocalAdditionWrite>,
) {
  return db.transaction(async (tx) => {
    if (!ctx.actor) throw unauthorized();
    const before = await repo.getLocalAddition(tx, id, { forUpdate: true });
    if (!before) throw notFound('Tillägget');
    if (!(await mayEditForGroup(tx, ctx.actor, { id: before.owner_group_id, owner: before.region_code }))) {
      throw forbidden('Bara LPO:ns webbredaktörer och regionens samordnare kan ändra tillägget.');
    }
    if (before.version !== version) throw staleVersion(before.version);
    const checked = checkAddition({
      kind: patch.kind ?? before.kind,
      title: patch.title ?? before.title,
      body: patch.body !== undefined ? patch.body : before.body,
      url: patch.url !== undefined ? patch.url : before.url,
      status: patch.status ?? before.status,
      reviewDate: patch.reviewDate !== undefined ? patch.reviewDate : before.review_date,
    });
    if (!(await repo.updateLocalAdditionRow(tx, id, version, checked))) throw staleVersion(before.version);
    const after = (await repo.getLocalAddition(tx, id))!;
    await recordAudit(tx, ctx, {
      entityType: 'knowledge-local-addition',
      entityId: id,
      action: 'update',
      before: presentLocalAddition(before, ctx.actor, true),
      after: presentLocalAddition(after, ctx.actor, true),
    });
    return after;
  });
}
