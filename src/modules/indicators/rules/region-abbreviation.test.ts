import { describe, expect, it } from 'vitest';
import { regionAbbreviation } from './region-abbreviation.js';

describe('regionAbbreviation', () => {
  it('gives every one of the 21 regions five letters at most, each different', async () => {
    const { readFileSync } = await import('node:fs');
    const rows = readFileSync(new URL('../../../../reference/regioner.csv', import.meta.url), 'utf8')
      .trim()
      .split('\n')
      .slice(1)
      .map((l) => l.split(','));
    expect(rows).toHaveLength(21);
    const abbreviations = rows.map(([code, , short]) => regionAbbreviation(code!, short!));
    expect(new Set(abbreviations).size).toBe(21);
    for (const a of abbreviations) expect(a.length).toBeLessThanOrEqual(5);
    expect(regionAbbreviation('14', 'Västra Götaland')).toBe('VGR');
    expect(regionAbbreviation('99', 'Okändland')).toBe('Okänd');
  });
});
