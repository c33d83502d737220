import { describe, expect, it } from 'vitest';
import type { Actor, RoleAssignment } from '../context.js';
import { authorize, can, grantsOf } from './policy.js';

const actor = (...roles: RoleAssignment[]): Actor => ({ userId: 'u', email: 'u@example.se', name: 'U', roles, via: 'session' });
const kronoberg = { type: 'region', code: '07', healthcareRegionIds: ['sodra'] } as const;
const halland = { type: 'region', code: '13', healthcareRegionIds: ['sodra', 'vastra'] } as const;
const blekinge = { type: 'region', code: '10', healthcareRegionIds: ['sodra'] } as const;

describe('policy: roles held at a scope', () => {
  it('denies everything to anonymous callers', () => {
    expect(can(undefined, 'groups.write', kronoberg)).toBe(false);
    expect(() => authorize(undefined, 'users.manage')).toThrow(expect.objectContaining({ status: 401 }));
  });

  it('a system administrator may do everything everywhere', () => {
    const a = actor({ role: 'admin', scopeType: 'system', scopeId: '' });
    expect(can(a, 'users.manage')).toBe(true);
    expect(can(a, 'groups.write', halland)).toBe(true);
  });

  it('a region coordinator writes in their own region only', () => {
    const c = actor({ role: 'samordnare', scopeType: 'region', scopeId: '07' });
    expect(can(c, 'groups.write', kronoberg)).toBe(true);
    expect(can(c, 'groups.write', blekinge)).toBe(false);
    expect(can(c, 'users.manage')).toBe(false);
    expect(() => authorize(c, 'groups.write', blekinge)).toThrow(expect.objectContaining({ status: 403 }));
  });

  it('a healthcare-region role covers its member regions, and Halland from both sides', () => {
    const vastra = actor({ role: 'samordnare', scopeType: 'healthcare-region', scopeId: 'vastra' });
    expect(can(vastra, 'groups.write', halland)).toBe(true);
    expect(can(vastra, 'groups.write', kronoberg)).toBe(false);
    expect(can(vastra, 'groups.write', { type: 'healthcare-region', id: 'vastra' })).toBe(true);
    expect(can(vastra, 'groups.write', { type: 'healthcare-region', id: 'sodra' })).toBe(false);
  });

  it('a group role covers that group; a region role covers the groups the region owns', () => {
    const group = { type: 'group', id: 'g1', owner: kronoberg } as const;
    expect(can(actor({ role: 'samordnare', scopeType: 'group', scopeId: 'g1' }), 'groups.write', group)).toBe(true);
    expect(can(actor({ role: 'samordnare', scopeType: 'group', scopeId: 'g2' }), 'groups.write', group)).toBe(false);
    expect(can(actor({ role: 'samordnare', scopeType: 'region', scopeId: '07' }), 'groups.write', group)).toBe(true);
  });

  it('a role without the permission grants nothing, whatever its scope', () => {
    expect(can(actor({ role: 'lasare', scopeType: 'system', scopeId: '' }), 'users.manage')).toBe(false);
  });
});

describe('grants: the policy table through a user’s roles', () => {
  it('lists each permission once per scope where a role gives it', () => {
    const grants = grantsOf([
      { role: 'registrator', scopeType: 'region', scopeId: '10' },
      { role: 'samordnare', scopeType: 'region', scopeId: '10' },
      { role: 'lasare', scopeType: 'healthcare-region', scopeId: 'sodra' },
    ]);
    const register = grants.filter((g) => g.permission === 'cases.register');
    expect(register).toEqual([{ permission: 'cases.register', scopeType: 'region', scopeId: '10' }]);
    expect(grants).toContainEqual({ permission: 'cases.read', scopeType: 'healthcare-region', scopeId: 'sodra' });
    expect(grants.some((g) => g.permission === 'users.manage')).toBe(false);
    expect(grantsOf([])).toEqual([]);
  });
});
