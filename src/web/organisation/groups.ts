/**
 * Shared words and look-ups for the group registry: kinds, levels and relations in words,
 * owner names (the nation, a healthcare region or a region), and who may edit what.
 */
import type { Group, GroupDetail, HealthcareRegion, Me, ProgramArea, Region } from '../api';
import { call, client } from '../client';
import { useAsync } from '../components/useAsync';
import type { I18n, MessageKey } from '../i18n';
import { allPages } from './pages';
import { loadHealthcareRegions, loadProgramAreas, loadRegions } from './reference';
import { GROUP_KINDS, GROUP_LEVELS } from '../../shared/vocabularies';

/** Whether a group still runs (not closed or merged): asked of the lifecycle's declaration, not by comparing statuses. */
export { isGroupActive } from '../../modules/organisation/rules/group-lifecycle';

/** The order kinds are listed in everywhere (the structure page, selects, the chart legend). */
export const KINDS = GROUP_KINDS;

export const LEVELS = GROUP_LEVELS;
export type Level = (typeof LEVELS)[number];

export const RELATIONS = ['reports-to', 'prepares-for', 'appointed-by', 'part-of'] as const;

export function kindLabel(i18n: Pick<I18n, 'tMaybe'>, kind: string): string {
  return i18n.tMaybe(`group.kind.${kind}`) ?? kind;
}

export function kindPlural(i18n: Pick<I18n, 'tMaybe'>, kind: string): string {
  return i18n.tMaybe(`group.kinds.${kind}`) ?? kind;
}

export function levelLabel(i18n: Pick<I18n, 'tMaybe'>, level: string): string {
  return i18n.tMaybe(`group.level.${level}`) ?? level;
}

/** "bereder åt", "rapporterar till", … */
export function relationLabel(i18n: Pick<I18n, 'tMaybe'>, relation: string | null): string {
  return i18n.tMaybe(`group.relation.${relation ?? 'reports-to'}`) ?? relation ?? '';
}

export const STATUS_BADGE: Record<string, string> = { active: 'badge-ok', closed: 'badge-old', merged: 'badge-old' };

export function statusLabel(i18n: Pick<I18n, 'tMaybe'>, status: string): string {
  return i18n.tMaybe(`group.status.${status}`) ?? status;
}

export interface Geo {
  hrs: HealthcareRegion[];
  regions: Region[];
  areas: ProgramArea[];
  ownerName: (owner: string) => string;
  levelOf: (owner: string) => Level | undefined;
  areaName: (id: string) => string;
  /** Owners of a level, in display order: the nation; the six healthcare regions; the 21 regions by code. */
  ownersOf: (level: string) => { owner: string; name: string }[];
}

export function makeGeo(hrs: HealthcareRegion[], regions: Region[], areas: ProgramArea[], t: (key: MessageKey) => string): Geo {
  const hrNames = new Map(hrs.map((h) => [h.id, h.name]));
  const regionNames = new Map(regions.map((r) => [r.code, r.name]));
  const areaNames = new Map(areas.map((a) => [a.id, a.name]));
  return {
    hrs,
    regions,
    areas,
    ownerName: (owner) =>
      owner === 'national' ? t('group.owner.national') : (hrNames.get(owner) ?? regionNames.get(owner) ?? owner),
    levelOf: (owner) =>
      owner === 'national'
        ? 'national'
        : hrNames.has(owner)
          ? 'healthcare-region'
          : regionNames.has(owner)
            ? 'region'
            : undefined,
    areaName: (id) => areaNames.get(id) ?? id,
    ownersOf: (level) => {
      if (level === 'national') return [{ owner: 'national', name: t('group.owner.national') }];
      if (level === 'healthcare-region') return hrs.map((h) => ({ owner: h.id, name: h.name }));
      if (level === 'region') return regions.map((r) => ({ owner: r.code, name: `${r.name} (${r.code})` }));
      return [];
    },
  };
}

/** Healthcare regions, regions and program areas, cached for the page load. */
export function useGeo(t: (key: MessageKey) => string) {
  return useAsync(async () => {
    const [hrs, regions, areas] = await Promise.all([loadHealthcareRegions(), loadRegions(), loadProgramAreas()]);
    return makeGeo(hrs, regions, areas, t);
    // t changes with the language; the names of owners follow it
  }, [t]);
}

export function loadGroups(query: Record<string, string | undefined>, signal?: AbortSignal): Promise<Group[]> {
  return allPages('/groups', query, signal);
}

export function loadGroup(id: string, signal?: AbortSignal): Promise<GroupDetail> {
  return call(client.GET('/groups/{id}', { params: { path: { id } }, ...(signal ? { signal } : {}) }));
}

/**
 * Whether the user holds a role that may write groups for this owner. Mirrors the server's
 * policy (admin or samordnare, with a scope covering the owner) only to decide which controls
 * to show; the server decides, and a 403 is shown as such.
 */
export function mayEditOwner(user: Me | null | undefined, owner: string, regions: Region[]): boolean {
  if (!user) return false;
  const writers = user.roles.filter((r) => r.role === 'admin' || r.role === 'samordnare');
  const regionHrs = regions.find((r) => r.code === owner)?.healthcareRegionIds ?? [];
  return writers.some(
    (r) =>
      r.scopeType === 'system' ||
      (owner !== 'national' && r.scopeId === owner) ||
      (r.scopeType === 'healthcare-region' && regionHrs.includes(r.scopeId ?? '')),
  );
}

/** Whether the user may write groups anywhere at all (to offer "Ny grupp"). */
export function mayCreateGroups(user: Me | null | undefined): boolean {
  return !!user?.roles.some((r) => r.role === 'admin' || r.role === 'samordnare');
}

/** Swedish alphabetical order, for lists built on the client. */
export function bySwedishName<T extends { name: string }>(a: T, b: T): number {
  return a.name.localeCompare(b.name, 'sv');
}

export function capitalize(s: string): string {
  return s.charAt(0).toLocaleUpperCase('sv') + s.slice(1);
}

/** The structure page for an owner. */
export function structureHref(owner: string): string {
  return `/organisation/struktur?agare=${encodeURIComponent(owner)}`;
}

export function groupHref(id: string): string {
  return `/organisation/grupper/${encodeURIComponent(id)}`;
}
