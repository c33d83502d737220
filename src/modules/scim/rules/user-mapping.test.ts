import { describe, expect, it } from 'vitest';
import { desiredFromScim, ifMatchVersion, scimBoolean, toScimUser, USER_SCHEMA } from './user-mapping.js';

const base = { schemas: [USER_SCHEMA], userName: 'anna.berg@region.se' };

describe('a SCIM User read into what Navet keeps', () => {
  it('takes the work e-mail, the display name and the HSA-id', () => {
    expect(
      desiredFromScim({
        ...base,
        externalId: 'SE2321000081-A1',
        displayName: 'Anna Berg',
        name: { givenName: 'Anna', familyName: 'Berg' },
        emails: [
          { type: 'home', value: 'anna@hem.se', primary: true },
          { type: 'work', value: 'Anna.Berg@Region.se' },
        ],
        active: 'False',
      }),
    ).toEqual({
      userName: 'anna.berg@region.se',
      email: 'anna.berg@region.se',
      displayName: 'Anna Berg',
      givenName: 'Anna',
      familyName: 'Berg',
      hsaId: 'SE2321000081-A1',
      active: false,
    });
  });

  it('falls back to the name parts and to the userName as e-mail; active by default', () => {
    expect(desiredFromScim({ ...base, name: { givenName: 'Anna', familyName: 'Berg' } })).toMatchObject({
      displayName: 'Anna Berg',
      email: 'anna.berg@region.se',
      hsaId: null,
      active: true,
    });
  });

  it('refuses what it cannot keep, as invalidValue or invalidSyntax', () => {
    expect(() => desiredFromScim({ userName: 'x@y.se' })).toThrow(expect.objectContaining({ scimType: 'invalidSyntax' }));
    expect(() => desiredFromScim({ ...base, userName: 'anna' })).toThrow(expect.objectContaining({ scimType: 'invalidValue' }));
    expect(() => desiredFromScim({ ...base, externalId: 'anna' })).toThrow(expect.objectContaining({ scimType: 'invalidValue' }));
    expect(() => desiredFromScim({ ...base, active: 'kanske' })).toThrow(expect.objectContaining({ status: 400 }));
    expect(() => scimBoolean(1, 'active')).toThrow();
  });

  it('reads If-Match as a version; * and none mean no condition; a foreign tag never matches', () => {
    expect(ifMatchVersion('W/"3"')).toBe(3);
    expect(ifMatchVersion('"3"')).toBe(3);
    expect(ifMatchVersion('*')).toBeUndefined();
    expect(ifMatchVersion(undefined)).toBeUndefined();
    expect(() => ifMatchVersion('"abc"')).toThrow(expect.objectContaining({ status: 412 }));
  });

  it('shows a user as a SCIM User with a weak version ETag', () => {
    const u = toScimUser(
      {
        id: 'u1',
        email: 'a@b.se',
        name: 'Anna Berg',
        hsaId: null,
        disabled: true,
        version: 4,
        createdAt: new Date('2026-01-01T00:00:00Z'),
        updatedAt: new Date('2026-01-02T00:00:00Z'),
        userName: 'a@b.se',
        givenName: 'Anna',
        familyName: null,
        owner: '10',
        personId: null,
        deleted: false,
      },
      'https://navet.example/scim/v2',
    );
    expect(u).toMatchObject({ active: false, meta: { version: 'W/"4"', location: 'https://navet.example/scim/v2/Users/u1' } });
    expect(u).not.toHaveProperty('externalId');
    expect(u.name).toEqual({ formatted: 'Anna Berg', givenName: 'Anna' });
  });
});
