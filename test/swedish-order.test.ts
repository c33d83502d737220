import { describe, expect, it } from 'vitest';
import { listMunicipalities } from '../src/modules/reference/repository.js';
import { useTestDb } from './helpers/db.js';

const t = useTestDb();

const swedish = new Intl.Collator('sv');

describe('Swedish alphabetical order without ICU (sv_key)', () => {
  it('puts Å Ä Ö after Z, in that order', async () => {
    const names = ['Örebro', 'Ale', 'Åre', 'Zinkgruvan', 'Älvdalen', 'Östersund', 'ängelholm', 'Ystad', 'åtvidaberg', 'Xylofon'];
    const rows = await t.db.query<{ n: string }>(`SELECT n FROM unnest($1::text[]) AS n ORDER BY sv_key(n) COLLATE "C", n`, [
      names,
    ]);
    expect(rows.map((r) => r.n)).toEqual([...names].sort(swedish.compare));
    expect(rows.map((r) => r.n).slice(-6)).toEqual(['Åre', 'åtvidaberg', 'Älvdalen', 'ängelholm', 'Örebro', 'Östersund']);
  });

  it('orders all 290 real municipality names exactly as a Swedish ICU collator does', async () => {
    const rows = await listMunicipalities(t.db, { limit: 500 });
    expect(rows).toHaveLength(290);
    const names = rows.map((r) => r.name);
    expect(names).toEqual([...names].sort(swedish.compare));
    expect(names.at(-1)).toBe('Övertorneå');
    expect(names.indexOf('Ystad')).toBeLessThan(names.indexOf('Åmål'));
    expect(names.indexOf('Åmål')).toBeLessThan(names.indexOf('Älmhult'));
    expect(names.indexOf('Älmhult')).toBeLessThan(names.indexOf('Öckerö'));
  });

  it('treats é as e and ü as y, as Swedish does', async () => {
    const rows = await t.db.query<{ n: string }>(`SELECT n FROM unnest($1::text[]) AS n ORDER BY sv_key(n) COLLATE "C", n`, [
      ['Eda', 'Édb', 'Edc', 'Yxa', 'Über', 'Yzz'],
    ]);
    expect(rows.map((r) => r.n)).toEqual(['Eda', 'Édb', 'Edc', 'Über', 'Yxa', 'Yzz']);
  });
});
