/** A support's owner (the nation, a region or a healthcare region) as the catalogue shows it. */
import { useQuery } from '@tanstack/react-query';
import { $api } from '../client';
import type { I18n } from '../i18n';
import { loadHealthcareRegions, loadRegions } from '../organisation/reference';

export const NATIONAL_OWNER = 'national';
export const REGIONAL_TYPES = ['regionalt-vardprogram', 'regional-riktlinje', 'rutin'] as const;

/** Whether a support of this type may have this owner (as the API's typeFitsOwner). */
export const typeFitsOwner = (type: string, owner: string): boolean =>
  owner === NATIONAL_OWNER
    ? !(REGIONAL_TYPES as readonly string[]).includes(type)
    : (REGIONAL_TYPES as readonly string[]).includes(type);

/** The owners the signed-in caller may author supports for (empty for a reader). */
export const useWritableOwners = (enabled: boolean) =>
  $api.useQuery('get', '/knowledge-supports/owners', {}, { enabled, staleTime: 60_000 });

/** Names of the regions and healthcare regions, by owner id (loaded once; empty until loaded). */
export function useOwnerNames(): Map<string, string> {
  const q = useQuery({
    queryKey: ['knowledge', 'owner-names'],
    queryFn: async () => {
      const [hrs, regions] = await Promise.all([loadHealthcareRegions(), loadRegions()]);
      return new Map<string, string>([
        ...hrs.map((h) => [h.id, h.name] as const),
        ...regions.map((r) => [r.code, r.name] as const),
      ]);
    },
    staleTime: Infinity,
  });
  return q.data ?? new Map<string, string>();
}

/** "Nationellt" or "Regional: Region Kronoberg". */
export const ownerLabel = (i18n: I18n, owner: string, names: Map<string, string>): string =>
  owner === NATIONAL_OWNER
    ? i18n.t('knowledge.owner.national')
    : i18n.t('knowledge.owner.regional', { name: names.get(owner) ?? owner });
