import { describe, expect, it } from 'vitest';
import { readReferenceFiles } from '../load-reference.js';
import { checkReference, parseReference, parseSources } from './parse.js';

const files = readReferenceFiles();

describe('national reference data files', () => {
  const d = parseReference(files);

  it('hold 6 healthcare regions, 21 regions, 290 municipalities, 26 program areas', () => {
    expect(d.healthcareRegions.map((h) => h.id)).toEqual(['norra', 'mellansverige', 'stockholm-gotland', 'sydostra', 'sodra', 'vastra']);
    expect(d.regions).toHaveLength(21);
    expect(d.municipalities).toHaveLength(290);
    expect(d.programAreas).toHaveLength(26);
    expect(d.programAreas.filter((p) => p.kind === 'primarvardsrad').map((p) => p.id)).toEqual(['nationellt-primarvardsrad']);
  });

  it('keep every rule: codes, memberships both ways, Halland split per municipality, known sources', () => {
    expect(checkReference(d)).toEqual([]);
    expect(d.regions.find((r) => r.code === '13')?.healthcareRegionIds).toEqual(['sodra', 'vastra']);
    expect(d.municipalitySplits.map((s) => `${s.code}:${s.healthcareRegionId}`).sort()).toEqual([
      '1315:sodra', '1380:sodra', '1381:sodra', '1382:vastra', '1383:vastra', '1384:vastra',
    ]);
  });

  it('publish no placeholder as an NSG name: the row without a confirmed name is left out', () => {
    expect(files['nsg.csv']).toContain('(exact name not found)');
    expect(d.collaborationGroups.map((g) => g.slug)).not.toContain('utveckling');
    expect(d.collaborationGroups.filter((g) => /exact name not found/i.test(g.name))).toEqual([]);
    expect(d.collaborationGroups.find((g) => g.slug === 'stod-for-utveckling')?.name).toBe(
      'Nationell samverkansgrupp stöd för utveckling',
    );
    expect(
      d.collaborationGroups
        .filter((g) => g.historical)
        .map((g) => g.slug)
        .sort(),
    ).toEqual(['kvalitetsregister', 'uppfoljning-och-analys']);
  });

  it('per-county municipality counts match NOTES.md', () => {
    const count = (c: string) => d.municipalities.filter((m) => m.regionCode === c).length;
    expect([count('01'), count('09'), count('12'), count('14'), count('25')]).toEqual([26, 1, 33, 49, 14]);
  });

  it('detects a municipality whose code does not start with its county code', () => {
    const broken = { ...d, municipalities: [...d.municipalities, { code: '0199', name: 'Fel', regionCode: '03' }] };
    expect(checkReference(broken)).toContain('kommun 0199: koden börjar inte med länskoden 03');
  });

  it('detects a split region whose municipalities are not all assigned', () => {
    const broken = { ...d, municipalitySplits: d.municipalitySplits.filter((s) => s.code !== '1384') };
    expect(checkReference(broken).join('\n')).toMatch(/region 13 delas .* 1384/);
  });

  it('detects one-sided memberships and unknown sources', () => {
    const regions = d.regions.map((r) => (r.code === '07' ? { ...r, healthcareRegionIds: ['sodra', 'norra'] } : r));
    expect(checkReference({ ...d, regions })).toContain('sjukvårdsregion norra listar inte region 07');
    const programAreas = d.programAreas.map((p) => (p.id === 'akut-vard' ? { ...p, sourceIds: ['S999'] } : p));
    expect(checkReference({ ...d, programAreas })).toContain('programområde akut-vard: okänd källa S999');
  });
});

describe('parseSources', () => {
  it('reads ids, sections, continuation lines and the first URL', () => {
    const s = parseSources('## Lag\n\n- **S57** Förordning (1982:777)\n  ändrad https://example.se/a (sida)\n- **S58** Utan länk\n');
    expect(s.slice(0, 2)).toEqual([
      { id: 'S57', section: 'Lag', description: 'Förordning (1982:777) ändrad https://example.se/a (sida)', url: 'https://example.se/a' },
      { id: 'S58', section: 'Lag', description: 'Utan länk', url: null },
    ]);
  });
});
