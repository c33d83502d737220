/**
 * Open data in pages (issue 20): every row once, in key order, each page saying where the next
 * one is (`next` in JSON, a Link header in CSV too), the last page saying there is none; never
 * a silent cut-off.
 */
import { describe, expect, it } from 'vitest';
import { buildIndicator } from '../src/testing/builders.js';
import { useTestApp } from './helpers/app.js';

const t = useTestApp();

const linkOf = (header: unknown) => /^<([^>]+)>; rel="next"$/.exec(typeof header === 'string' ? header : '')?.[1] ?? null;

describe('open data pages', () => {
  it('indicator values: JSON and CSV pages follow their next links to every row, and stop', async () => {
    const ind = await buildIndicator(t.db, { code: 'PAGES-1' });
    await t.db.query(
      `INSERT INTO followup_indicator_values (indicator_id, area, level, period, value)
       SELECT $1, a, CASE WHEN a = 'SE' THEN 'country' ELSE 'region' END, '2026-' || lpad(m::text, 2, '0'), m FROM unnest(ARRAY['01', '14', 'SE']) a, generate_series(1, 9) m`,
      [ind.id],
    );
    const seen: string[] = [];
    let url: string | null = '/api/v1/open-data/indicator-values?indicator=PAGES-1&limit=10';
    let pages = 0;
    while (url && pages < 10) {
      const res = await t.request({ method: 'GET', url });
      expect(res.statusCode, res.body).toBe(200);
      const body = res.json<{ items: { area: string; period: string }[]; next: string | null }>();
      expect(body.items.length).toBeLessThanOrEqual(10);
      seen.push(...body.items.map((i) => `${i.area} ${i.period}`));
      expect(linkOf(res.headers.link)).toBe(body.next);
      url = body.next;
      pages++;
    }
    expect(pages).toBe(3);
    const all = ['01', '14', 'SE'].flatMap((a) => Array.from({ length: 9 }, (_, m) => `${a} 2026-0${m + 1}`));
    expect(seen).toEqual(all);

    // CSV: the same pages, the next one named in the Link header.
    const lines: string[] = [];
    url = '/api/v1/open-data/indicator-values?indicator=PAGES-1&format=csv&limit=10';
    pages = 0;
    while (url && pages < 10) {
      const res = await t.request({ method: 'GET', url });
      expect(res.statusCode).toBe(200);
      lines.push(...res.body.trim().split(/\r?\n/).slice(1));
      url = linkOf(res.headers.link);
      if (url) expect(url).toContain('format=csv');
      pages++;
    }
    expect(pages).toBe(3);
    expect(lines).toHaveLength(27);
  });

  it('implementation statuses: a page no larger than asked, with a next link while rows remain', async () => {
    await t.db.query(
      `INSERT INTO knowledge_supports (type, title, status, producer_name) VALUES ('vardprogram', 'Sidstöd', 'publicerad', 'Test')`,
    );
    await t.db.query(
      `INSERT INTO knowledge_support_versions (support_id, label, status) SELECT id, '1.0', 'publicerad' FROM knowledge_supports WHERE title = 'Sidstöd'`,
    );
    await t.db.query(
      `INSERT INTO implementation_statuses (support_id, support_version_id, region_code, unit_key, status, updated_by)
       SELECT v.support_id, v.id, r.code, '', 'planerad', 'test' FROM knowledge_support_versions v
       JOIN knowledge_supports k ON k.id = v.support_id AND k.title = 'Sidstöd' CROSS JOIN regions r`,
    );
    const total = Number((await t.db.query<{ n: number }>('SELECT count(*) AS n FROM implementation_statuses'))[0]!.n);
    const keys = new Set<string>();
    let url: string | null = '/api/v1/open-data/implementation-statuses?limit=8';
    let pages = 0;
    while (url && pages < 20) {
      const res = await t.request({ method: 'GET', url });
      expect(res.statusCode, res.body).toBe(200);
      const body = res.json<{
        items: { supportId: string; version: string; region: string; lpo: string | null }[];
        next: string | null;
      }>();
      expect(body.items.length).toBeLessThanOrEqual(8);
      for (const i of body.items) keys.add(`${i.supportId} ${i.version} ${i.region} ${i.lpo}`);
      url = body.next;
      pages++;
    }
    expect(keys.size).toBe(total);
    expect(pages).toBe(Math.ceil(total / 8));
  });
});
