import { describe, expect, it } from 'vitest';
import { ownerCovers, ownerGeographyOf, ownerHoldsArea, ownerKind, scopeOwner, type OwnerGeography } from './owners.js';

// Kronoberg (07) and Blekinge (10) in Södra sjukvårdsregionen; Växjö (0780) in Kronoberg; Halland (13) in two.
const geo: OwnerGeography = {
  healthcareRegionIds: new Set(['sodra', 'sydostra', 'vastra']),
  regionHealthcareRegions: new Map<string, string[]>([
    ['07', ['sodra']],
    ['10', ['sodra']],
    ['05', ['sydostra']],
    ['13', ['sodra', 'vastra']],
  ]),
  municipalityRegion: new Map([
    ['0780', '07'],
    ['1080', '10'],
  ]),
};

describe('indicator and goal owners', () => {
  it('names what an owner is, and nothing for an owner the country does not have', () => {
    expect(['national', 'sodra', '07', '0780'].map((o) => ownerKind(o, geo))).toEqual([
      'national',
      'healthcare-region',
      'region',
      'municipality',
    ]);
    expect(['99', '9999', 'norra-x', ''].map((o) => ownerKind(o, geo))).toEqual([undefined, undefined, undefined, undefined]);
  });

  it("a municipality's scope is its region's; every other owner is its own", () => {
    expect(scopeOwner('0780', geo)).toBe('07');
    expect(scopeOwner('07', geo)).toBe('07');
    expect(scopeOwner('sodra', geo)).toBe('sodra');
    expect(scopeOwner('national', geo)).toBe('national');
  });

  it('a goal carries indicators of its owner and of the owners below it, never of a neighbour', () => {
    expect(ownerCovers('national', '0780', geo)).toBe(true);
    expect(ownerCovers('sodra', '07', geo)).toBe(true);
    expect(ownerCovers('sodra', '0780', geo)).toBe(true);
    expect(ownerCovers('07', '0780', geo)).toBe(true);
    expect(ownerCovers('vastra', '13', geo)).toBe(true);
    expect(ownerCovers('10', '07', geo)).toBe(false);
    expect(ownerCovers('10', '0780', geo)).toBe(false);
    expect(ownerCovers('sydostra', '07', geo)).toBe(false);
    expect(ownerCovers('07', 'national', geo)).toBe(false);
    expect(ownerCovers('0780', '07', geo)).toBe(false);
  });

  it("a region's indicator holds its own region's values and its comparisons (healthcare region, country); a healthcare region's its regions'; national any", () => {
    const areas = ['SE', '07', '10', '05', '13', 'sodra', 'vastra'];
    const held = (owner: string) => areas.filter((a) => ownerHoldsArea(owner, a, geo));
    expect(held('national')).toEqual(areas);
    expect(held('07')).toEqual(['SE', '07', 'sodra']);
    expect(held('0780')).toEqual(['SE', '07', 'sodra']);
    expect(held('sodra')).toEqual(['SE', '07', '10', '13', 'sodra']);
    expect(held('99')).toEqual(['SE']);
  });

  it("the worker's owners come from the reference tables", () => {
    const g = ownerGeographyOf(
      [{ code: '07', healthcareRegionIds: ['sodra'] }],
      [{ code: '0780', regionCode: '07' }],
      [{ id: 'sodra' }],
    );
    expect(ownerHoldsArea('sodra', '07', g)).toBe(true);
    expect(ownerHoldsArea('0780', '07', g)).toBe(true);
    expect(ownerHoldsArea('0780', '10', g)).toBe(false);
  });
});
