/**
 * National reference data changes only when an administrator reloads it, so one fetch per
 * page load is enough. Failed loads are forgotten so the next page tries again.
 */
import type { HealthcareRegion, Municipality, ProgramArea, Region } from '../api';
import { call, client } from '../client';
import { allPages } from './pages';

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

export const loadHealthcareRegions = (): Promise<HealthcareRegion[]> => cached('hr', () => allPages('/healthcare-regions'));
export const loadRegions = (): Promise<Region[]> => cached('regions', () => allPages('/regions'));
export const loadProgramAreas = (): Promise<ProgramArea[]> => cached('npo', () => allPages('/program-areas'));
export const loadAllMunicipalities = (): Promise<Municipality[]> => cached('municipalities', () => allPages('/municipalities'));

export function loadMunicipalities(region: string, q: string, signal?: AbortSignal): Promise<Municipality[]> {
  return allPages('/municipalities', { region, q: q.trim() || undefined }, signal);
}

export function loadRegion(code: string): Promise<Region> {
  return call(client.GET('/regions/{code}', { params: { path: { code } } }));
}

export function loadHealthcareRegion(id: string): Promise<HealthcareRegion> {
  return call(client.GET('/healthcare-regions/{id}', { params: { path: { id } } }));
}

export function byKey<T, K extends keyof T>(items: T[], key: K): Map<T[K], T> {
  return new Map(items.map((item) => [item[key], item]));
}
