/**
 * The signed-in person's regions, remembered from where their roles are held (the server's
 * Min översikt uses the same rule): a person with one region never has to pick it. Region
 * pickers start on `homeRegion` when there is exactly one; a person who works in several starts
 * on the region they chose last (kept in this browser), `preferredRegion`.
 */
import { useSession } from './session';

const LAST_REGION = 'navet.lastRegion';

export function useMyRegions(): {
  regions: string[];
  homeRegion: string | undefined;
  preferredRegion: string | undefined;
} {
  const { user } = useSession();
  const regions = user
    ? [...new Set(user.roles.filter((r) => r.scopeType === 'region' && r.scopeId).map((r) => r.scopeId))].sort()
    : [];
  const wider = !!user?.roles.some((r) => r.scopeType === 'system' || r.scopeType === 'healthcare-region');
  const homeRegion = regions.length === 1 && !wider ? regions[0] : undefined;
  return { regions, homeRegion, preferredRegion: homeRegion ?? lastRegion() };
}

/** The region last chosen in a region picker in this browser. */
export function lastRegion(): string | undefined {
  try {
    return /^[0-9]{2}$/.exec(localStorage.getItem(LAST_REGION) ?? '')?.[0];
  } catch {
    return undefined;
  }
}

export function rememberRegion(code: string): void {
  try {
    if (/^[0-9]{2}$/.test(code)) localStorage.setItem(LAST_REGION, code);
  } catch {
    // storage may be off (private mode); the picker just starts empty next time
  }
}
