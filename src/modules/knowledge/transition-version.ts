import type { Static } from 'typebox';
import type { Ctx } from '../../platform/context.js';
import type { Db, Queryable } from '../../platform/db/index.js';
import { todayInSweden } from '../../platform/clock.js';
import { unprocessable } from '../../platform/errors.js';
import { runTransition } from '../../platform/lifecycle/index.js';
import { knowledgePolicy } from './policy.js';
import * as repo from './repository.js';
import type { TransitionVersionBody } from './schemas.js';
import {
  actionTo,
  checkTransition,
  IN_FORCE,
  supportFollows,
  supportLifecycle,
  VERSION_DATES,
  VERSION_MOVES,
  versionLifecycle,
  type LifecycleAction,
  type LifecycleState,
} from './rules/lifecycle.js';

/** Moves a version along the lifecycle at the caller's request (If-Match), by status or action. */
export async function transitionVersion(
  db: Db,
  ctx: Ctx,
  versionId: string,
  version: number,
  input: Omit<Static<typeof TransitionVersionBody>, 'version'>,
) {
  return db.transaction(async (tx) => {
    await knowledgePolicy(ctx, tx).assertWrite();
    return moveVersion(tx, ctx, versionId, { ...input, version, date: input.date ?? todayInSweden() });
  });
}

/**
 * Shared by the version transition and by rounds (a new round puts its version on remiss, a
 * cancelled one takes it back): the caller has authorised the move.
 */
export async function applyVersionTransition(tx: Queryable, ctx: Ctx, before: repo.VersionRow, to: LifecycleState, date: string) {
  return moveVersion(tx, ctx, before.id, { status: to, date });
}

/**
 * One version's move, and what moves with it (VERSION_MOVES): publishing a version replaces the
 * version in force before it, and the support follows its version when its own lifecycle allows.
 */
async function moveVersion(
  tx: Queryable,
  ctx: Ctx,
  versionId: string,
  input: { status?: LifecycleState; action?: LifecycleAction; date: string; version?: number },
): Promise<repo.VersionRow> {
  const action = input.action ?? (input.status ? actionTo(input.status) : undefined);
  if (!action) throw unprocessable('Ange vart versionen ska.', [{ path: '/status', message: 'Välj en ny status.' }]);
  const dateField = VERSION_DATES[action];
  let after: repo.VersionRow | undefined;
  const moved = await runTransition(tx, ctx, versionLifecycle, {
    id: versionId,
    action,
    ...(input.version !== undefined ? { version: input.version } : {}),
    lock: (q) => repo.getVersion(q, versionId, { forUpdate: true }),
    authorize: () => undefined,
    facts: async (_q, row) => {
      if (input.status && !input.action) {
        const check = checkTransition(row.status, input.status);
        if (!check.ok) throw unprocessable(check.message, [{ path: '/status', message: check.message }]);
      }
      return {};
    },
    apply: async (q, _row, to) => {
      after = await repo.setVersionStatus(q, versionId, to, dateField ? { [dateField]: input.date } : {});
      return after;
    },
  });
  const label = moved.row.label;
  const supportId = moved.row.supportId;
  const move = VERSION_MOVES[action];
  if (move?.replacesVersionInForce) {
    for (const other of await repo.versionsOf(tx, supportId)) {
      if (other.id === versionId || other.status !== IN_FORCE) continue;
      await runTransition(tx, ctx, versionLifecycle, {
        id: other.id,
        action: 'replace',
        lock: (q) => repo.getVersion(q, other.id, { forUpdate: true }),
        authorize: () => undefined,
        apply: (q, _row, to) => repo.setVersionStatus(q, other.id, to),
        auditDetails: { replacedByVersionId: versionId },
      });
    }
  }
  const support = (await repo.getSupport(tx, supportId, { forUpdate: true }))!;
  const others = await repo.versionsOf(tx, supportId);
  const anotherVersionInForce = others.some((v) => v.id !== versionId && v.status === IN_FORCE);
  const supportAction = supportFollows(support.status, action, { anotherVersionInForce });
  if (supportAction) {
    await runTransition(tx, ctx, supportLifecycle, {
      id: support.id,
      action: supportAction,
      lock: async () => support,
      authorize: () => undefined,
      apply: (q, _row, to) => repo.setSupportStatus(q, support.id, to),
      auditDetails: { because: `version ${label}` },
    });
  }
  return after!;
}
