/**
 * Who may do what with goals, indicators, their values, comments and the follow-up report.
 * - Goals: `followup.goals.write` on the goal's owner (national, a healthcare region, a region, or
 *   a municipality, whose scope is its region's: municipalities hold no roles in Navet).
 * - Indicators have an owner too (INDICATOR_WRITE below, as data): national indicators (and those
 *   fetched from Kolada and the national quality indicators) are defined by national roles
 *   (`followup.indicators.manage`, system-wide: administrators); an organisation's own indicators
 *   by those who hold `followup.indicators.regional.write` at the owner's scope — the region's
 *   samordnare and controllers, a healthcare region's for its regions too. An indicator's targets
 *   (target and alert levels, the goal it measures) are steering decisions: for an organisation's
 *   indicator they need `followup.goals.write` there (the samordnare, not the controller). An
 *   indicator measures a goal of its own owner or of an owner above it (rules/owners.ts).
 * - Values: whoever may import somewhere validates a file; writing needs
 *   `followup.values.import` at each area in it (the nation's values: system-wide), and an
 *   organisation's indicator holds only its owner's areas (a region's: the region's; a healthcare
 *   region's: its own and its regions'), whoever imports: `deniedAreas` names each refused area.
 * - A controller's comment: `followup.comment` at the group.
 * - The group's follow-up report holds its plan, statuses and comments: the same readers as
 *   those (implementation's rule for a region's follow-up work); others get 404.
 * The national views (goal tree, indicators, series, heatmap) are read by everyone signed in,
 * and by anyone when the public view (insyn) is on: the routes say so.
 * The scope comes from `requestScope`, so the geography is read once per request.
 */
import { authorize, can, PERMISSIONS, requireActor, type Permission, type TargetScope } from '../../platform/auth/policy.js';
import { requestScope } from '../../platform/auth/scope.js';
import type { Ctx } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/index.js';
import { forbidden, notFound, unprocessable, type Problem } from '../../platform/errors.js';
import { mayReadRegionWork } from '../implementation/index.js';
import { getGroup } from '../organisation/index.js';
import { municipalities } from './repository.js';
import { NATIONAL, ownerCovers, ownerHoldsArea, ownerKind, scopeOwner, type OwnerGeography } from './rules/owners.js';

/** What writing an indicator of each kind of owner takes: its definition, and its targets. */
export const INDICATOR_WRITE = {
  national: { definition: 'followup.indicators.manage', targets: 'followup.indicators.manage' },
  organisation: { definition: 'followup.indicators.regional.write', targets: 'followup.goals.write' },
} as const satisfies Record<string, { definition: Permission; targets: Permission }>;
export type IndicatorWriteKind = keyof (typeof INDICATOR_WRITE)['national'];

const owners = new WeakMap<Ctx, Promise<OwnerGeography>>();

/** The country's owners for one request: the policy's geography and the municipalities' regions. */
export function ownerGeography(ctx: Ctx, db: Queryable): Promise<OwnerGeography> {
  let known = owners.get(ctx);
  if (!known) {
    known = Promise.all([requestScope(ctx, db).geography(), municipalities(db)]).then(([geo, ms]) => ({
      healthcareRegionIds: geo.healthcareRegionIds,
      regionHealthcareRegions: geo.regionHealthcareRegions,
      municipalityRegion: new Map(ms.map((m) => [m.code, m.regionCode])),
    }));
    owners.set(ctx, known);
  }
  return known;
}

/** 422 unless the owner named in the body is the nation, a healthcare region, a region or a municipality. */
async function assertOwnerExists(ctx: Ctx, db: Queryable, owner: string): Promise<void> {
  if (!ownerKind(owner, await ownerGeography(ctx, db))) {
    throw unprocessable('Ägaren finns inte.', [
      {
        path: '/owner',
        message: 'Ange national, en sjukvårdsregion, en regionkod (två siffror) eller en kommunkod (fyra siffror).',
      },
    ]);
  }
}

/** Whether the caller holds the permission at the owner's scope (a municipality's: its region's). */
async function mayAt(ctx: Ctx, db: Queryable, permission: Permission, owner: string): Promise<boolean> {
  if (!ctx.actor) return false;
  return requestScope(ctx, db).may(permission, scopeOwner(owner, await ownerGeography(ctx, db)));
}

/** 403 unless the caller writes the owner's goals. */
export async function authorizeGoalWrite(ctx: Ctx, db: Queryable, owner: string): Promise<void> {
  requireActor(ctx.actor);
  if (!(await mayAt(ctx, db, 'followup.goals.write', owner))) throw forbidden();
}

/** As authorizeGoalWrite, for an owner named in the body: 422 when there is no such owner. */
export async function authorizeGoalWriteForNewOwner(ctx: Ctx, db: Queryable, owner: string): Promise<void> {
  await assertOwnerExists(ctx, db, owner);
  await authorizeGoalWrite(ctx, db, owner);
}

/** Whether the caller writes the owner's goals (for the goal tree's offers). */
export const mayWriteGoals = (ctx: Ctx, db: Queryable, owner: string): Promise<boolean> =>
  mayAt(ctx, db, 'followup.goals.write', owner);

/** Whether the caller writes an indicator of this owner: its definition, or its targets. */
export function mayWriteIndicator(ctx: Ctx, db: Queryable, owner: string, what: IndicatorWriteKind): Promise<boolean> {
  return mayAt(ctx, db, INDICATOR_WRITE[owner === NATIONAL ? 'national' : 'organisation'][what], owner);
}

/**
 * 401/403 unless the caller writes an indicator of this owner (`targets` too when the write sets
 * its target or alert level or its goal); `isNew`: 422 first when the owner names nothing.
 */
export async function authorizeIndicatorWrite(
  ctx: Ctx,
  db: Queryable,
  owner: string,
  what: readonly IndicatorWriteKind[],
  opts: { isNew?: boolean } = {},
): Promise<void> {
  requireActor(ctx.actor);
  if (opts.isNew) await assertOwnerExists(ctx, db, owner);
  for (const w of what) {
    if (await mayWriteIndicator(ctx, db, owner, w)) continue;
    if (owner === NATIONAL) throw forbidden('Nationella indikatorer skrivs bara av nationella roller.');
    throw forbidden(
      w === 'definition'
        ? 'Du får inte skriva indikatorer för den här ägaren.'
        : 'Målnivåer och målkoppling för regionens indikatorer sätts av den som skriver regionens mål (samordnaren).',
    );
  }
}

/** The owners (national, healthcare regions, regions) whose indicators the caller defines: the page's owner picker. */
export async function indicatorOwnersWritable(ctx: Ctx, db: Queryable): Promise<string[]> {
  if (!ctx.actor) return [];
  const geo = await ownerGeography(ctx, db);
  const out: string[] = [];
  for (const o of [NATIONAL, ...geo.healthcareRegionIds, ...geo.regionHealthcareRegions.keys()]) {
    if (await mayWriteIndicator(ctx, db, o, 'definition')) out.push(o);
  }
  return out;
}

/** 422 unless the goal may carry an indicator of this owner (its own owner's goal, or one above it). */
export async function assertGoalFitsOwner(ctx: Ctx, db: Queryable, goalOwner: string, owner: string): Promise<void> {
  if (!ownerCovers(goalOwner, owner, await ownerGeography(ctx, db))) {
    throw unprocessable('Indikatorn kan inte mäta det målet.', [
      {
        path: '/goalId',
        message:
          'En indikator mäter ett mål som ägs av indikatorns ägare eller av någon ovanför den (nationellt, sjukvårdsregionen, regionen).',
      },
    ]);
  }
}

/** The owners (national, healthcare regions, regions) whose goals the caller writes: what the goal tree offers. */
export async function goalOwnersWritable(ctx: Ctx, db: Queryable): Promise<string[]> {
  if (!ctx.actor) return [];
  const scope = requestScope(ctx, db);
  const geo = await scope.geography();
  const candidates = ['national', ...geo.healthcareRegionIds, ...geo.regionHealthcareRegions.keys()];
  const out: string[] = [];
  for (const o of candidates) if (await scope.may('followup.goals.write', o)) out.push(o);
  return out;
}

/** 403 unless the caller defines national indicators. */
export function authorizeIndicatorManage(ctx: Ctx): void {
  authorize(ctx.actor, 'followup.indicators.manage');
}

/** 403 unless the caller may import values somewhere (to validate a file). */
export function authorizeSomeImport(ctx: Ctx): void {
  requireActor(ctx.actor);
  const importers: readonly string[] = PERMISSIONS['followup.values.import'];
  if (!ctx.actor.roles.some((r) => importers.includes(r.role)))
    throw forbidden('Du har inte behörighet att läsa in indikatorvärden.');
}

/** A value's area in a message: the country, a healthcare region or a region (by its code). */
function areaName(area: string, geo: OwnerGeography): string {
  if (area === 'SE') return 'riket';
  return geo.healthcareRegionIds.has(area) ? `sjukvårdsregion ${area}` : `region ${area}`;
}

/** An organisation as an indicator's owner in a message: "region 07", "kommun 0780", "sjukvårdsregion sodra". */
function ownerName(owner: string, geo: OwnerGeography): string {
  const kind = ownerKind(owner, geo);
  return `${kind === 'municipality' ? 'kommun' : kind === 'healthcare-region' ? 'sjukvårdsregion' : 'region'} ${owner}`;
}

/**
 * Why a value of `area` is not written into an indicator of `owner` (for a row of the report):
 * a region's indicator holds only its owner's values (rules/owners.ts) whoever imports; otherwise
 * the caller lacks `followup.values.import` there. Pure: the worker asks it too.
 */
export function valueAreaDenial(area: string, owner: string, geo: OwnerGeography): string {
  if (!ownerHoldsArea(owner, area, geo))
    return `Värden för ${areaName(area, geo)} läses inte in i ${ownerName(owner, geo)}:s egen indikator.`;
  return area === 'SE' ? 'Du får inte läsa in riksvärden.' : `Du får inte läsa in värden för region ${area}.`;
}

/** The areas of a file that are not written into an indicator of this owner, each with why. */
export interface AreaDenials {
  /** area → the row's message (Swedish, naming the area) */
  messages: ReadonlyMap<string, string>;
  /** The whole request's 403 when only these areas were sent (`where` adds e.g. "filens första rad"). */
  refusal: (areas: readonly string[], where?: string) => Problem;
}

/**
 * The areas of a file (region codes, healthcare region ids, SE for the nation) whose values the
 * caller may not write into an indicator of `owner`: those outside a region's own indicator
 * (its owner's areas and comparisons only, whoever imports), and those where the caller lacks
 * `followup.values.import` (at the owner for an own indicator; at the area for a national one).
 */
export async function deniedAreas(ctx: Ctx, db: Queryable, owner: string, areas: readonly string[]): Promise<AreaDenials> {
  const scope = requestScope(ctx, db);
  const geo = await ownerGeography(ctx, db);
  const messages = new Map<string, string>();
  // An organisation's own indicator is written where it is owned (its comparison values with it);
  // a national indicator's values where each value's area is.
  const ownTarget = owner === NATIONAL ? undefined : await scope.of(scopeOwner(owner, geo));
  for (const a of [...new Set(areas)].sort()) {
    const target: TargetScope = ownTarget ?? (a === 'SE' ? { type: 'system' } : await scope.of(a));
    if (!ownerHoldsArea(owner, a, geo) || !can(ctx.actor, 'followup.values.import', target))
      messages.set(a, valueAreaDenial(a, owner, geo));
  }
  return {
    messages,
    refusal: (refused, where) => {
      const list = [...new Set(refused)].sort();
      const foreign = list.filter((a) => !ownerHoldsArea(owner, a, geo));
      const unpermitted = list.filter((a) => ownerHoldsArea(owner, a, geo));
      const names = (as: string[]) => as.map((a) => areaName(a, geo)).join(', ');
      const suffix = where ? ` (${where})` : '';
      const parts = [
        ...(foreign.length
          ? [`Värden för ${names(foreign)} läses inte in i ${ownerName(owner, geo)}:s egen indikator${suffix}.`]
          : []),
        ...(unpermitted.length ? [`Du har inte behörighet att läsa in värden för ${names(unpermitted)}${suffix}.`] : []),
      ];
      return forbidden(parts.join(' '));
    },
  };
}

/** 403 unless the caller comments the group's follow-up (404 for an unknown group). */
export async function authorizeComment(ctx: Ctx, db: Queryable, groupId: string): Promise<void> {
  const group = await getGroup(db, groupId);
  if (!group) throw notFound('Gruppen');
  authorize(ctx.actor, 'followup.comment', { type: 'group', id: group.id, owner: await requestScope(ctx, db).of(group.owner) });
}

/** 404 unless the caller reads the group's follow-up report. */
export async function assertMayReadReport(ctx: Ctx, db: Queryable, groupId: string): Promise<void> {
  const group = await getGroup(db, groupId);
  if (!group || !(await mayReadRegionWork(ctx, db, { regionCode: group.owner, groupId: group.id }))) throw notFound('Gruppen');
}

/**
 * 403 unless the caller may cancel the import: the person who started it, or an indicator
 * administrator (who answers for every import of the national indicators).
 */
export function authorizeImportCancel(ctx: Ctx, imp: { createdBy: string | null }): void {
  requireActor(ctx.actor);
  if (ctx.actor.via !== 'system' && imp.createdBy !== null && imp.createdBy === ctx.actor.userId) return;
  if (can(ctx.actor, 'followup.indicators.manage', { type: 'system' })) return;
  throw forbidden('Bara den som startade inläsningen, eller en indikatoradministratör, kan avbryta den.');
}
