import { describe, expect, it } from 'vitest';
import { parseUserFilter } from './filter.js';

describe('SCIM user filters', () => {
  it('reads the lookups identity systems send', () => {
    expect(parseUserFilter('userName eq "anna@region.se"')).toEqual([{ attr: 'userName', value: 'anna@region.se' }]);
    expect(parseUserFilter('externalId eq "SE2321000081-A1"')).toEqual([{ attr: 'externalId', value: 'SE2321000081-A1' }]);
    expect(parseUserFilter('USERNAME eq "a" and active eq true')).toEqual([
      { attr: 'userName', value: 'a' },
      { attr: 'active', value: true },
    ]);
    expect(parseUserFilter('emails[type eq "work" and value eq "a@b.se"]')).toEqual([{ attr: 'email', value: 'a@b.se' }]);
    expect(parseUserFilter('emails.value eq "a@b.se"')).toEqual([{ attr: 'email', value: 'a@b.se' }]);
    expect(parseUserFilter('urn:ietf:params:scim:schemas:core:2.0:User:userName eq "a"')).toEqual([
      { attr: 'userName', value: 'a' },
    ]);
  });

  it('refuses what it cannot answer exactly, as invalidFilter', () => {
    for (const f of [
      'userName co "a"',
      'userName eq "a" or userName eq "b"',
      'title eq "x"',
      'not (userName eq "a")',
      'userName eq',
      'active eq "yes"',
    ]) {
      expect(() => parseUserFilter(f), f).toThrow(expect.objectContaining({ status: 400, scimType: 'invalidFilter' }));
    }
  });
});
