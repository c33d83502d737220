import { describe, expect, it } from 'vitest';
import { hsaIdProblem, isHsaId } from './hsa-id.js';

describe('HSA-id', () => {
  it("is SE, the catalogue owner's organisationsnummer in ten digits, a hyphen and letters or digits", () => {
    expect(
      ['SE2321000131-E000000011111', 'SE2321000081-E000000000123', 'SE2321000016-15CQ', 'SE2321000000-TESTREG'].every(isHsaId),
    ).toBe(true);
  });

  it('refuses the rest, saying why in Swedish', () => {
    expect(hsaIdProblem('2321000131-E0001')).toMatch(/börjar med SE/);
    expect(hsaIdProblem('SE232100-0131-E0001')).toMatch(/tio siffror och ett bindestreck/);
    expect(hsaIdProblem('SE2321000131E0001')).toMatch(/tio siffror och ett bindestreck/);
    expect(hsaIdProblem('SE2321000131-')).toMatch(/bara bokstäver/);
    expect(hsaIdProblem('SE2321000131-Vårdcentral')).toMatch(/bara bokstäver/);
    expect(hsaIdProblem('SE2321000131-E@1')).toMatch(/bara bokstäver/);
    expect(hsaIdProblem('SE2321000131-E0000000000000000001')).toMatch(/högst 31 tecken/);
    expect(hsaIdProblem('SE2321000131-E00000000000000001')).toBeUndefined(); // 31 characters
  });
});
