/**
 * The signed-in person's regions, remembered from where their roles are held (the server's
 * Min översikt uses the same rule): a person with one region never has to pick it. Region
 * pickers start on `homeRegion` when there is exactly one.
 */
import { useSession } from './session';

export function useMyRegions(): { regions: string[]; homeRegion: string | undefined } {
  const { user } = useSession();
  const regions = user
    ? [...new Set(user.roles.filter((r) => r.scopeType === 'region' && r.scopeId).map((r) => r.scopeId))].sort()
    : [];
  const wider = !!user?.roles.some((r) => r.scopeType === 'system' || r.scopeType === 'healthcare-region');
  return { regions, homeRegion: regions.length === 1 && !wider ? regions[0] : undefined };
}
