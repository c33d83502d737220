/**
 * What the signed-in person may do in follow-up, from GET /api/v1/me `permissions` (the
 * server's policy table read through their roles). The pages only offer those actions; the
 * server still decides on every request. Scopes are matched as the server does: a system
 * grant covers everything, a healthcare-region grant covers its regions, a group grant its group.
 */
import { api, type Grant, type MeResponse, type Region } from '../api';
import { useSession } from '../auth/session';
import { useAsync } from '../components/useAsync';
import { loadRegions } from '../organisation/reference';

export type Target =
  | { type: 'system' }
  | { type: 'owner'; owner: string }
  | { type: 'region'; code: string }
  | { type: 'group'; id: string; owner: string };

export interface Access {
  ready: boolean;
  can: (permission: string, target: Target) => boolean;
  /** Region codes where the person holds the permission (for pick lists). */
  regionsWith: (permission: string) => string[];
}

export function grantCovers(g: Pick<Grant, 'scopeType' | 'scopeId'>, target: Target, regions: Region[]): boolean {
  if (g.scopeType === 'system') return true;
  switch (target.type) {
    case 'system':
      return false;
    case 'group':
      return (
        (g.scopeType === 'group' && g.scopeId === target.id) || grantCovers(g, { type: 'owner', owner: target.owner }, regions)
      );
    case 'owner':
      if (target.owner === 'national') return false;
      if (/^[0-9]{2}$/.test(target.owner)) return grantCovers(g, { type: 'region', code: target.owner }, regions);
      return g.scopeType === 'healthcare-region' && g.scopeId === target.owner;
    case 'region': {
      if (g.scopeType === 'region') return g.scopeId === target.code;
      if (g.scopeType !== 'healthcare-region') return false;
      return regions.find((r) => r.code === target.code)?.healthcareRegionIds.includes(g.scopeId) ?? false;
    }
  }
}

export function useAccess(): Access {
  const { session } = useSession();
  const signedIn = session.status === 'signed-in';
  const data = useAsync(
    async (signal) => {
      if (!signedIn) return { grants: [] as Grant[], regions: [] as Region[] };
      const [me, regions] = await Promise.all([api.get<MeResponse>('/api/v1/me', undefined, signal), loadRegions()]);
      return { grants: me.permissions ?? [], regions };
    },
    [signedIn],
  );
  const grants = data.data?.grants ?? [];
  const regions = data.data?.regions ?? [];
  return {
    ready: data.data !== undefined,
    can: (permission, target) => grants.some((g) => g.permission === permission && grantCovers(g, target, regions)),
    regionsWith: (permission) =>
      regions
        .filter((r) =>
          grants.some((g) => g.permission === permission && grantCovers(g, { type: 'region', code: r.code }, regions)),
        )
        .map((r) => r.code),
  };
}
