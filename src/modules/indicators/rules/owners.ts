/**
 * Who owns an indicator or a goal, as the country's shape says: the nation ('national'), a
 * healthcare region (its id, 'sodra'), a region (länskod, '07') or a municipality (kommunkod,
 * '0780'). Pure: the geography comes in.
 */
export type OwnerKind = 'national' | 'healthcare-region' | 'region' | 'municipality';

export interface OwnerGeography {
  healthcareRegionIds: ReadonlySet<string>;
  /** county code → the healthcare regions it belongs to */
  regionHealthcareRegions: ReadonlyMap<string, readonly string[]>;
  /** kommunkod → county code */
  municipalityRegion: ReadonlyMap<string, string>;
}

export const NATIONAL = 'national';
/** The country's area code on values. */
const COUNTRY = 'SE';

/** What the owner is; undefined when it names nothing in the country. */
export function ownerKind(owner: string, geo: OwnerGeography): OwnerKind | undefined {
  if (owner === NATIONAL) return 'national';
  if (geo.healthcareRegionIds.has(owner)) return 'healthcare-region';
  if (/^[0-9]{2}$/.test(owner) && geo.regionHealthcareRegions.has(owner)) return 'region';
  if (/^[0-9]{4}$/.test(owner) && geo.municipalityRegion.has(owner)) return 'municipality';
  return undefined;
}

/**
 * The owner whose scope the policy checks: a municipality has no roles of its own in Navet, so
 * its indicators and goals are kept by its region (the region's samordnare, as for the region's
 * own); every other owner is its own scope.
 */
export function scopeOwner(owner: string, geo: OwnerGeography): string {
  return ownerKind(owner, geo) === 'municipality' ? geo.municipalityRegion.get(owner)! : owner;
}

/**
 * Whether a goal of `goalOwner` may carry an indicator of `owner`: the goal's owner is the
 * indicator's, or above it (the nation above all; a healthcare region above its regions and their
 * municipalities; a region above its municipalities). A region's indicator may measure a
 * national goal or its own, never another region's; a national indicator only national goals.
 */
export function ownerCovers(goalOwner: string, owner: string, geo: OwnerGeography): boolean {
  if (goalOwner === owner || goalOwner === NATIONAL) return true;
  const kind = ownerKind(owner, geo);
  const region = kind === 'municipality' ? geo.municipalityRegion.get(owner) : kind === 'region' ? owner : undefined;
  if (!region) return false;
  if (goalOwner === region) return true;
  return (geo.regionHealthcareRegions.get(region) ?? []).includes(goalOwner);
}

/**
 * Whether a value of `area` (a value's area: 'SE', a county code, a healthcare region id) belongs
 * to an indicator of `owner`: any area for a national indicator; a region's indicator holds its
 * own region's values (its municipalities and units are under it), a municipality's its region's,
 * a healthcare region's its own and its regions'. The levels the chart compares with — the
 * owner's healthcare region and the country — are held too (issue 18: region vs healthcare region
 * vs country); another region's values never.
 */
export function ownerHoldsArea(owner: string, area: string, geo: OwnerGeography): boolean {
  if (owner === NATIONAL || area === COUNTRY) return true;
  const kind = ownerKind(owner, geo);
  if (kind === 'healthcare-region') return area === owner || (geo.regionHealthcareRegions.get(area) ?? []).includes(owner);
  const region = kind === 'municipality' ? geo.municipalityRegion.get(owner) : kind === 'region' ? owner : undefined;
  if (region === undefined) return false;
  return area === region || (geo.regionHealthcareRegions.get(region) ?? []).includes(area);
}

/** The country's owners from the reference tables (the worker's, which has no request to ask). */
export function ownerGeographyOf(
  regions: readonly { code: string; healthcareRegionIds: readonly string[] }[],
  municipalities: readonly { code: string; regionCode: string }[],
  healthcareRegions: readonly { id: string }[],
): OwnerGeography {
  return {
    healthcareRegionIds: new Set(healthcareRegions.map((h) => h.id)),
    regionHealthcareRegions: new Map(regions.map((r) => [r.code, r.healthcareRegionIds])),
    municipalityRegion: new Map(municipalities.map((m) => [m.code, m.regionCode])),
  };
}
