import { Type, type Static } from 'typebox';
import { requireActor } from '../../platform/auth/policy.js';
import { todayInSweden } from '../../platform/clock.js';
import type { Ctx } from '../../platform/context.js';
import type { Db } from '../../platform/db/index.js';
import { IsoDate, Uuid } from '../../platform/http/schemas.js';
import { peoplePolicy } from './policy.js';
import { heldMemberships, type HeldMembershipRecord } from './reminders/repository.js';
import { daysUntil, declarationState, type DeclarationState } from './reminders/rules.js';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);

export const ExpiringQuery = Type.Object(
  { days: Type.Optional(Type.Integer({ minimum: 0, maximum: 730, default: 90, description: 'Horisont i dagar (0–730)' })) },
  { additionalProperties: false },
);

export const Expiring = Type.Object({
  today: IsoDate,
  days: Type.Integer(),
  memberships: Type.Array(
    Type.Object({
      id: Uuid,
      groupId: Uuid,
      groupName: Type.String(),
      groupOwner: Type.String(),
      personId: Uuid,
      personName: Type.String(),
      role: Type.String(),
      startDate: IsoDate,
      endDate: Nullable(IsoDate),
      daysLeft: Nullable(Type.Integer()),
      endingSoon: Type.Boolean(),
      declarationLapsed: Type.Boolean(),
      version: Type.Integer(),
    }),
  ),
  declarations: Type.Array(
    Type.Object({
      personId: Uuid,
      personName: Type.String(),
      validUntil: Nullable(IsoDate),
      daysLeft: Nullable(Type.Integer()),
      lapsed: Type.Boolean(),
      reason: Nullable(
        Type.Union([Type.Literal('none'), Type.Literal('pending'), Type.Literal('returned'), Type.Literal('expired')]),
      ),
    }),
  ),
});
export type ExpiringResult = Static<typeof Expiring>;

const stateOf = (m: HeldMembershipRecord, today: string): DeclarationState =>
  declarationState(
    m.declarationId && m.declarationStatus && m.declarationSubmittedAt
      ? {
          id: m.declarationId,
          status: m.declarationStatus,
          submittedAt: new Date(m.declarationSubmittedAt),
          validUntil: m.declarationValidUntil,
        }
      : undefined,
    today,
  );

/**
 * What needs attention within `days`: seats that end, and people whose declaration lapses (or
 * has lapsed while they still hold seats — every such seat is flagged). Coordinators see their
 * scope's groups, administrators all; anyone else an empty list.
 */
export async function listExpiring(db: Db, ctx: Ctx, q: { days: number; today?: string }): Promise<ExpiringResult> {
  requireActor(ctx.actor);
  const today = q.today ?? todayInSweden();
  const owners = await peoplePolicy(ctx, db).registers(['people.manage']);
  const rows = owners?.length === 0 ? [] : await heldMemberships(db, { today, ...(owners ? { owners } : {}) });

  const memberships: ExpiringResult['memberships'] = [];
  const declarations = new Map<string, ExpiringResult['declarations'][number]>();
  for (const m of rows) {
    const daysLeft = m.endDate ? daysUntil(today, m.endDate) : null;
    const endingSoon = daysLeft !== null && daysLeft <= q.days;
    const decl = stateOf(m, today);
    const lapsed = decl.state === 'lapsed';
    if (lapsed || (decl.state === 'valid' && decl.daysLeft <= q.days)) {
      declarations.set(m.personId, {
        personId: m.personId,
        personName: m.personName,
        validUntil: decl.validUntil,
        daysLeft: decl.state === 'valid' ? decl.daysLeft : decl.validUntil ? daysUntil(today, decl.validUntil) : null,
        lapsed,
        reason: decl.state === 'lapsed' ? decl.reason : null,
      });
    }
    if (!endingSoon && !lapsed) continue;
    memberships.push({
      id: m.id,
      groupId: m.groupId,
      groupName: m.groupName,
      groupOwner: m.groupOwner,
      personId: m.personId,
      personName: m.personName,
      role: m.role,
      startDate: m.startDate,
      endDate: m.endDate,
      daysLeft,
      endingSoon,
      declarationLapsed: lapsed,
      version: m.version,
    });
  }
  return { today, days: q.days, memberships, declarations: [...declarations.values()] };
}
