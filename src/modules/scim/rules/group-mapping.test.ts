import { describe, expect, it } from 'vitest';
import { parseGroupFilter } from './filter.js';
import { desiredGroupFromScim, grantRefusal, GROUP_SCHEMA, mappingMatches, membersExcluded } from './group-mapping.js';

describe('what a client may give through a group', () => {
  const region = ['10'];
  const sodra = ['sodra', '06', '07', '08', '10'];
  it('never admin; a scope inside the register only; the whole country only for a national client', () => {
    expect(grantRefusal(undefined, { role: 'admin', scopeType: 'system', scopeId: '' })).toMatch(/admin/);
    expect(grantRefusal(region, { role: 'registrator', scopeType: 'region', scopeId: '10' })).toBeNull();
    expect(grantRefusal(region, { role: 'registrator', scopeType: 'region', scopeId: '08' })).toMatch(/utanför/);
    expect(grantRefusal(region, { role: 'registrator', scopeType: 'healthcare-region', scopeId: 'sodra' })).toMatch(/utanför/);
    expect(grantRefusal(sodra, { role: 'samordnare', scopeType: 'healthcare-region', scopeId: 'sodra' })).toBeNull();
    expect(grantRefusal(sodra, { role: 'lasare', scopeType: 'system', scopeId: '' })).toMatch(/utanför/);
    expect(grantRefusal(undefined, { role: 'lasare', scopeType: 'system', scopeId: '' })).toBeNull();
    expect(grantRefusal(undefined, { role: 'kung', scopeType: 'system', scopeId: '' })).toMatch(/Okänd roll/);
  });
});

describe('reading a group', () => {
  it('takes displayName, externalId and each member once; refuses a group without a name or schema', () => {
    expect(
      desiredGroupFromScim({
        schemas: [GROUP_SCHEMA],
        DisplayName: ' Navet ',
        externalId: 'abc',
        members: [{ value: 'u1' }, { value: 'u1', display: 'x' }, { value: 'u2' }],
      }),
    ).toEqual({ displayName: 'Navet', externalId: 'abc', members: ['u1', 'u2'] });
    expect(() => desiredGroupFromScim({ schemas: [GROUP_SCHEMA] })).toThrow(/displayName krävs/);
    expect(() => desiredGroupFromScim({ displayName: 'x' })).toThrow(/schemas/);
    expect(() => desiredGroupFromScim({ schemas: [GROUP_SCHEMA], displayName: 'x', members: [{}] })).toThrow(/value/);
  });

  it('matches a mapping by displayName (any case) or by externalId (exactly)', () => {
    const g = { displayName: 'Navet Läsare', externalId: 'Obj-1' };
    expect(mappingMatches({ group: 'navet läsare' }, g)).toBe(true);
    expect(mappingMatches({ group: 'Obj-1' }, g)).toBe(true);
    expect(mappingMatches({ group: 'obj-1' }, g)).toBe(false);
  });

  it('leaves members out for excludedAttributes=members or attributes without members', () => {
    expect(membersExcluded({ excludedAttributes: 'members' })).toBe(true);
    expect(membersExcluded({ attributes: 'displayName' })).toBe(true);
    expect(membersExcluded({ attributes: 'displayName,members' })).toBe(false);
    expect(membersExcluded({})).toBe(false);
  });

  it('parses the group filters identity systems send, and refuses the rest', () => {
    expect(parseGroupFilter('displayName eq "Navet"')).toEqual([{ attr: 'displayName', value: 'Navet' }]);
    expect(parseGroupFilter('externalId eq "x" and members[value eq "u1"]')).toEqual([
      { attr: 'externalId', value: 'x' },
      { attr: 'member', value: 'u1' },
    ]);
    expect(() => parseGroupFilter('displayName sw "N"')).toThrow(/stöds inte/);
  });
});
