/**
 * National reference data changes only when an administrator reloads it, so one fetch per
 * page load is enough. Failed loads are forgotten so the next page tries again.
 */
import { api, getAll, type HealthcareRegion, type Municipality, type ProgramArea, type Region } from '../api';

const cache = new Map<string, Promise<unknown>>();

function cached<T>(key: string, load: () => Promise<T>): Promise<T> {
  let p = cache.get(key) as Promise<T> | undefined;
  if (!p) {
    p = load();
    cache.set(key, p);
    p.catch(() => cache.delete(key));
  }
  return p;
}

export const loadHealthcareRegions = () => cached('hr', () => getAll<HealthcareRegion>('/api/v1/healthcare-regions'));
export const loadRegions = () => cached('regions', () => getAll<Region>('/api/v1/regions'));
export const loadProgramAreas = () => cached('npo', () => getAll<ProgramArea>('/api/v1/program-areas'));
export const loadAllMunicipalities = () => cached('municipalities', () => getAll<Municipality>('/api/v1/municipalities'));

export function loadMunicipalities(region: string, q: string, signal?: AbortSignal): Promise<Municipality[]> {
  return getAll<Municipality>('/api/v1/municipalities', { region, q: q.trim() || undefined }, signal);
}

export function loadRegion(code: string): Promise<Region> {
  return api.get<Region>(`/api/v1/regions/${encodeURIComponent(code)}`);
}

export function loadHealthcareRegion(id: string): Promise<HealthcareRegion> {
  return api.get<HealthcareRegion>(`/api/v1/healthcare-regions/${encodeURIComponent(id)}`);
}

export function byKey<T, K extends keyof T>(items: T[], key: K): Map<T[K], T> {
  return new Map(items.map((item) => [item[key], item]));
}
