import { describe, expect, it } from 'vitest';
import type { Region } from '../api';
import { allowedNext as serverAllowedNext } from '../../modules/implementation/rules/implementation';
import { grantCovers } from './access';
import { allowedNext, STATUSES } from './types';

const regions = [
  { code: '10', name: 'Region Blekinge', healthcareRegionIds: ['sodra'] },
  { code: '08', name: 'Region Kalmar län', healthcareRegionIds: ['sydostra'] },
] as Region[];

describe('follow-up access in the UI', () => {
  it('matches scopes as the server policy does', () => {
    const blekinge = { scopeType: 'region', scopeId: '10' };
    const sodra = { scopeType: 'healthcare-region', scopeId: 'sodra' };
    const system = { scopeType: 'system', scopeId: '' };
    expect(grantCovers(blekinge, { type: 'region', code: '10' }, regions)).toBe(true);
    expect(grantCovers(blekinge, { type: 'region', code: '08' }, regions)).toBe(false);
    expect(grantCovers(sodra, { type: 'region', code: '10' }, regions)).toBe(true);
    expect(grantCovers(sodra, { type: 'region', code: '08' }, regions)).toBe(false);
    expect(grantCovers(blekinge, { type: 'owner', owner: 'national' }, regions)).toBe(false);
    expect(grantCovers(system, { type: 'owner', owner: 'national' }, regions)).toBe(true);
    expect(grantCovers(sodra, { type: 'owner', owner: 'sodra' }, regions)).toBe(true);
    expect(grantCovers(blekinge, { type: 'owner', owner: 'sodra' }, regions)).toBe(false);
    expect(grantCovers(blekinge, { type: 'group', id: 'g1', owner: '10' }, regions)).toBe(true);
    expect(grantCovers({ scopeType: 'group', scopeId: 'g1' }, { type: 'group', id: 'g1', owner: '08' }, regions)).toBe(true);
    expect(grantCovers({ scopeType: 'group', scopeId: 'g2' }, { type: 'group', id: 'g1', owner: '08' }, regions)).toBe(false);
  });

  it("offers exactly the server's next states for every status", () => {
    for (const s of STATUSES) expect(allowedNext(s), s).toEqual(serverAllowedNext(s));
  });
});
