import { authorize, can, type Permission, type TargetScope } from '../../platform/auth/policy.js';
import { requestScope } from '../../platform/auth/scope.js';
import type { Actor, Ctx } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/index.js';
import { notFound } from '../../platform/errors.js';
import { allowedActions, isLocked } from '../../platform/lifecycle/index.js';
import { maskCase } from './presenter.js';
import {
  caseLifecycle,
  ESCALATABLE,
  isClosed,
  SYSTEM_ACTIONS,
  targetOf,
  TRIAGEABLE,
  type CaseAction,
  type CaseFacts,
  type CaseStatus,
  type PersonCaseAction,
} from './rules/lifecycle.js';

/**
 * The one answer to "may this caller do this with this case?". A case belongs to its region:
 * roles held in the region, its healthcare region or system-wide cover it (read through the
 * request's scope, resolved once per request). Every case use case asks here.
 *
 * - read: `cases.read` in the region, else 404 so the case's existence does not leak;
 * - handle (edit, move in the lifecycle, action items, links, documents, escalate): `cases.handle`;
 * - triage and bundle: `cases.triage`, while the case is still being prepared;
 * - the region's klassificeringsstruktur: read with `cases.read`, kept with `cases.classification`
 *   (admin, samordnare); a case is classified by whoever handles it (`cases.handle`);
 * - secret-marked particulars: a role held in the region itself (not inherited), see canReadSecret.
 */

/** The policy scope of a case: its region. */
export async function caseScope(db: Queryable, ctx: Ctx, regionCode: string): Promise<TargetScope> {
  return requestScope(ctx, db).of(regionCode);
}

/** 404 (not 403) for a case the caller cannot read, so its existence does not leak. */
export async function assertCanRead(db: Queryable, ctx: Ctx, regionCode: string): Promise<TargetScope> {
  const scope = await caseScope(db, ctx, regionCode);
  if (!can(ctx.actor, 'cases.read', scope)) throw notFound('Ärendet');
  return scope;
}

/** 401/403 unless the caller holds the permission in the case's region. */
export async function assertMay(
  db: Queryable,
  ctx: Ctx,
  permission: 'cases.handle' | 'cases.triage' | 'cases.register' | 'cases.classification',
  regionCode: string,
): Promise<Actor> {
  const actor = ctx.actor;
  authorize(actor, permission, await caseScope(db, ctx, regionCode));
  return actor;
}

/** Whether the caller holds the permission in the region (no error). */
export async function may(db: Queryable, ctx: Ctx, permission: Permission, regionCode: string): Promise<boolean> {
  return requestScope(ctx, db).may(permission, regionCode);
}

/** Regions where the caller holds a permission (for the lists). */
export async function regionsWith(db: Queryable, ctx: Ctx, permission: 'cases.read' | 'cases.triage'): Promise<string[]> {
  return requestScope(ctx, db).regionsWith(permission);
}

/**
 * Secret-marked material is for those who read cases in the region itself: a role held in the
 * region (or system-wide), not one inherited from the healthcare region.
 */
export function canReadSecret(actor: Actor | undefined, regionCode: string, permission: Permission = 'cases.read'): boolean {
  if (!actor) return false;
  return can(
    {
      ...actor,
      roles: actor.roles.filter((r) => r.scopeType === 'system' || (r.scopeType === 'region' && r.scopeId === regionCode)),
    },
    permission,
    { type: 'region', code: regionCode, healthcareRegionIds: [] },
  );
}

/** A secret case's particulars are shown only to those who read secret material in its region. */
export const showsSecret = (c: { secret: boolean; region: string }, actor: Actor | undefined): boolean =>
  !c.secret || canReadSecret(actor, c.region);

/** A case row with its subject and sender masked for a caller who may not see them. */
export const masked = <T extends { subject: string; sender: string }>(
  row: T & { secret: boolean; region: string },
  actor: Actor | undefined,
) => maskCase(row, showsSecret(row, actor));

/** Whether the caller may run a lifecycle action: a person with `cases.handle`; the system's actions are never offered. */
export const mayRunAction = (canHandle: boolean, action: CaseAction): boolean => canHandle && !SYSTEM_ACTIONS.includes(action);

/** What the case page needs to know about the caller: their permissions and the actions offered now. */
export async function permissionsOn(
  db: Queryable,
  ctx: Ctx,
  c: { status: string; region: string; mainCaseId: string | null; secret?: boolean },
) {
  const scope = await caseScope(db, ctx, c.region);
  const canHandle = can(ctx.actor, 'cases.handle', scope);
  const canTriage = can(ctx.actor, 'cases.triage', scope);
  const status = c.status as CaseStatus;
  // Closing stays offered while action items are open: the page says why it cannot be done yet,
  // and the server's refusal names how many are open. The guard is asked when the action runs.
  const facts: CaseFacts = { openActions: 0, bundledInto: c.mainCaseId };
  const actions = allowedActions(caseLifecycle, status, facts, (a) => mayRunAction(canHandle, a)).filter(
    (a): a is PersonCaseAction => !SYSTEM_ACTIONS.includes(a),
  );
  return {
    allowedActions: actions,
    allowedTransitions: actions.map((a) => targetOf(a, status, facts)),
    locked: isLocked(caseLifecycle, status),
    canHandle,
    canTriage: canTriage && TRIAGEABLE.includes(status),
    canEscalate: canHandle && ESCALATABLE.includes(status) && !c.mainCaseId,
    // The rule of updateCase: the marking changes only with the right to read secret material in the region.
    canChangeSecrecy: canHandle && canReadSecret(ctx.actor, c.region),
    // The e-archive package (records/export-archive-package.ts asks the same).
    canArchive:
      isClosed(status) &&
      can(ctx.actor, 'records.archive', scope) &&
      (!c.secret || canReadSecret(ctx.actor, c.region, 'records.archive')),
  };
}
