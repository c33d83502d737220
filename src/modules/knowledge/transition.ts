import { recordAudit } from '../../platform/audit/record.js';
import { authorize } from '../../platform/auth/policy.js';
import type { Ctx } from '../../platform/context.js';
import type { Db, Queryable } from '../../platform/db/index.js';
import { todayInSweden } from '../../platform/clock.js';
import { notFound, staleVersion, unprocessable } from '../../platform/errors.js';
import { supportCore } from './presenter.js';
import { assertVisible } from '../visible.js';
import * as repo from './repository.js';
import { checkTransition, needsReason, supportFollows, type LifecycleState } from './rules/lifecycle.js';

/** Moves a support along its lifecycle; only the state machine's transitions, audited. */
export async function transitionSupport(
  db: Db,
  ctx: Ctx,
  id: string,
  version: number,
  input: { status: LifecycleState; reason?: string | null; replacedBySupportId?: string | null },
) {
  return db.transaction(async (tx) => {
    authorize(ctx.actor, 'knowledge.write');
    const before = await repo.getSupport(tx, id, { forUpdate: true });
    if (!before) throw notFound('Kunskapsstödet');
    if (before.version !== version) throw staleVersion(before.version);
    const check = checkTransition(before.status, input.status);
    if (!check.ok) throw unprocessable(check.message, [{ path: '/status', message: check.message }]);
    const reason = input.reason?.trim() || null;
    if (needsReason(input.status) && !reason) {
      throw unprocessable('Ange skäl.', [{ path: '/reason', message: 'Ange skäl när ett kunskapsstöd ersätts eller upphävs.' }]);
    }
    await assertVisible(tx, ctx, { support: input.replacedBySupportId });
    if (input.replacedBySupportId) {
      if (input.status !== 'ersatt') {
        throw unprocessable('Bara ett ersatt kunskapsstöd har en efterträdare.', [
          { path: '/replacedBySupportId', message: 'Anges bara när statusen blir ersatt.' },
        ]);
      }
      if (input.replacedBySupportId === id || !(await repo.getSupport(tx, input.replacedBySupportId))) {
        throw unprocessable('Efterträdaren finns inte.', [
          { path: '/replacedBySupportId', message: 'Välj ett annat kunskapsstöd.' },
        ]);
      }
    }
    await repo.setSupportStatus(tx, id, input.status, { reason, replacedBy: input.replacedBySupportId ?? null });
    const after = (await repo.getSupport(tx, id))!;
    await recordAudit(tx, ctx, {
      entityType: 'knowledge-support',
      entityId: id,
      action: 'transition',
      before: supportCore(before),
      after: { ...supportCore(after), reason },
    });
    return after;
  });
}

/**
 * Moves a version along the lifecycle. Publishing a version replaces the version published
 * before it (ersatt) and publishes the support when its own state allows it.
 */
export async function transitionVersion(
  db: Db,
  ctx: Ctx,
  versionId: string,
  version: number,
  input: { status: LifecycleState; date?: string | null },
) {
  return db.transaction(async (tx) => {
    authorize(ctx.actor, 'knowledge.write');
    const before = await repo.getVersion(tx, versionId, { forUpdate: true });
    if (!before) throw notFound('Versionen');
    if (before.version !== version) throw staleVersion(before.version);
    return applyVersionTransition(tx, ctx, before, input.status, input.date ?? todayInSweden());
  });
}

/** Shared by the version transition and by rounds (a new round puts its version on remiss). */
export async function applyVersionTransition(tx: Queryable, ctx: Ctx, before: repo.VersionRow, to: LifecycleState, date: string) {
  const check = checkTransition(before.status, to);
  if (!check.ok) throw unprocessable(check.message, [{ path: '/status', message: check.message }]);
  const after = await repo.setVersionStatus(tx, before.id, to, {
    ...(to === 'beslutad' ? { decidedOn: date } : {}),
    ...(to === 'publicerad' ? { publishedOn: date } : {}),
  });
  await recordAudit(tx, ctx, {
    entityType: 'knowledge-support-version',
    entityId: before.id,
    action: 'transition',
    before: { status: before.status, label: before.label },
    after: { status: after.status, label: after.label },
  });
  const support = (await repo.getSupport(tx, before.support_id, { forUpdate: true }))!;
  if (to === 'publicerad') {
    for (const other of await repo.versionsOf(tx, before.support_id)) {
      if (other.id !== before.id && other.status === 'publicerad') {
        await repo.setVersionStatus(tx, other.id, 'ersatt');
        await recordAudit(tx, ctx, {
          entityType: 'knowledge-support-version',
          entityId: other.id,
          action: 'transition',
          before: { status: other.status, label: other.label },
          after: { status: 'ersatt', label: other.label, replacedByVersionId: before.id },
        });
      }
    }
  }
  const others = await repo.versionsOf(tx, before.support_id);
  const anotherVersionInForce = others.some((v) => v.id !== before.id && v.status === 'publicerad');
  const supportTo = supportFollows(support.status, to, { anotherVersionInForce });
  if (supportTo) {
    await repo.setSupportStatus(tx, support.id, supportTo);
    await recordAudit(tx, ctx, {
      entityType: 'knowledge-support',
      entityId: support.id,
      action: 'transition',
      before: supportCore(support),
      after: { ...supportCore((await repo.getSupport(tx, support.id))!), because: `version ${before.label}` },
    });
  }
  return after;
}
