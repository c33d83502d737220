/**
 * What the signed-in person may write in follow-up, as the server's policy answers it
 * (GET /implementation/permissions, /planning/permissions; the goal tree carries its own
 * writable owners, each status, plan and cycle its `mayEdit` and `allowedActions`). The pages
 * offer only those; the server still decides on every request. Nothing here matches scopes.
 */
import { useSession } from '../auth/session';
import { $api } from '../client';

/** The regions where the person registers and changes implementation statuses; [] until known. */
export function useStatusRegions(): { ready: boolean; regions: string[] } {
  const signedIn = useSession().user !== null;
  const q = $api.useQuery('get', '/implementation/permissions', {}, { enabled: signedIn });
  return { ready: !signedIn || q.data !== undefined, regions: q.data?.writeRegions ?? [] };
}

/** The groups whose plans, and the regions whose PDSA cycles, the person writes; [] until known. */
export function usePlanningPermissions(): { ready: boolean; planGroupIds: string[]; pdsaRegions: string[] } {
  const signedIn = useSession().user !== null;
  const q = $api.useQuery('get', '/planning/permissions', {}, { enabled: signedIn });
  return {
    ready: !signedIn || q.data !== undefined,
    planGroupIds: q.data?.planGroupIds ?? [],
    pdsaRegions: q.data?.pdsaRegions ?? [],
  };
}
