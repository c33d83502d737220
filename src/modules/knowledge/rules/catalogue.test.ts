import { describe, expect, it } from 'vitest';
import { isoDate, mapColumns, planCatalogue, producerKindOf, readCatalogueRows, typeOf, type KnownSupport } from './catalogue.js';

const HEADER = ['Identifierare', 'Titel', 'Typ', 'Producent', 'Publiceringsdatum', 'Version', 'Nästa revision', 'Länk'];
const known = (o: Partial<KnownSupport> = {}): KnownSupport => ({
  id: 'k1',
  catalogueId: 'A',
  title: 'Vårdförlopp A',
  type: 'vardforlopp',
  status: 'publicerad',
  producerName: 'NPO X',
  producerKind: 'npo',
  url: null,
  nextRevisionDate: null,
  versions: [{ label: '1.0', status: 'publicerad' }],
  ...o,
});

describe('reading the catalogue file', () => {
  it('maps Swedish and English headings, folding case and å/ä/ö', () => {
    expect(mapColumns(HEADER).missing).toEqual([]);
    expect(mapColumns(['identifier', 'TITLE', 'type', 'next revision date']).columns).toMatchObject({ nextRevisionDate: 3 });
    expect(mapColumns(['namn']).missing).toHaveLength(2);
  });

  it('reads types by code or Swedish name, producers by their name, dates strictly', () => {
    expect(typeOf('Nationellt vårdprogram')).toBe('vardprogram');
    expect(typeOf('SVF')).toBe('standardiserat-vardforlopp');
    expect(typeOf('rutin')).toBeUndefined(); // regional types are not the national catalogue's
    expect(producerKindOf('NPO psykisk hälsa', null)).toBe('npo');
    expect(producerKindOf('Regionala cancercentrum i samverkan', null)).toBe('rcc');
    expect(producerKindOf('Socialstyrelsen', null)).toBe('agency');
    expect(producerKindOf('Någon annan', null)).toBe('other');
    expect(producerKindOf('x', 'bogus')).toBeUndefined();
    expect(isoDate('2024-02-29')).toBe('2024-02-29');
    expect(isoDate('2023-02-29')).toBeUndefined();
    expect(isoDate('1/2/2024')).toBeUndefined();
    expect(isoDate(new Date(Date.UTC(2024, 0, 5)))).toBe('2024-01-05');
    expect(isoDate('')).toBeNull();
  });

  it('reports each bad row with its row number and keeps the good ones', () => {
    const r = readCatalogueRows(HEADER, [
      ['A', 'Vårdförlopp A', 'vardforlopp', 'NPO X', '2024-01-01', '1.0', '', ''],
      ['', '', '', '', '', '', '', ''],
      ['A', 'Igen', 'vardforlopp', '', '', '', '', ''],
    ]);
    expect(r.entries.map((e) => e.row)).toEqual([2]);
    expect(r.errors.map((e) => e.row)).toEqual([3, 4]);
    expect(r.errors[1]!.message).toContain('finns redan på rad 2');
  });
});

describe('planning an import', () => {
  const entry = (o: Record<string, string> = {}) =>
    readCatalogueRows(HEADER, [
      [o.id ?? 'A', o.title ?? 'Vårdförlopp A', 'vardforlopp', 'NPO X', '', o.version ?? '1.0', o.next ?? '', ''],
    ]);

  it('new, unchanged, updated facts and a new version', () => {
    expect(planCatalogue(entry(), [], { full: false })[0]!.outcome).toBe('new');
    expect(planCatalogue(entry(), [known()], { full: false })[0]!.outcome).toBe('unchanged');
    const facts = planCatalogue(entry({ title: 'Nytt namn' }), [known()], { full: false })[0]!;
    expect(facts).toMatchObject({ outcome: 'updated', newVersion: false, changes: ['titel: Vårdförlopp A → Nytt namn'] });
    const version = planCatalogue(entry({ version: '2.0' }), [known()], { full: false })[0]!;
    expect(version).toMatchObject({ outcome: 'updated', newVersion: true, changes: ['version: 1.0 → 2.0'] });
  });

  it('withdraws only with a full file, and never a final support', () => {
    const other = known({ id: 'k2', catalogueId: 'B' });
    expect(planCatalogue(entry(), [known(), other], { full: false }).map((p) => p.outcome)).toEqual(['unchanged']);
    expect(planCatalogue(entry(), [known(), other], { full: true }).map((p) => p.outcome)).toEqual(['unchanged', 'withdrawn']);
    const gone = known({ id: 'k3', catalogueId: 'C', status: 'upphavd' });
    expect(planCatalogue(entry(), [known(), gone], { full: true }).map((p) => p.outcome)).toEqual(['unchanged']);
    expect(planCatalogue(entry({ id: 'C' }), [gone], { full: false })[0]!.outcome).toBe('error');
  });

  it('an older version than the one in force is an error', () => {
    const k = known({
      versions: [
        { label: '1.0', status: 'ersatt' },
        { label: '2.0', status: 'publicerad' },
      ],
    });
    expect(planCatalogue(entry({ version: '1.0' }), [k], { full: false })[0]!.outcome).toBe('error');
  });
});
