/**
 * Open data in pages (issue 20): every row once, in key order, each page saying where the next
 * one is (`next` in JSON, a Link header in CSV too), the last page saying there is none; never
 * a silent cut-off.
 */
import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it, vi } from 'vitest';
import { OPEN_DATA_BATCH, OPEN_DATA_MAX_PAGE, OPEN_DATA_PAGE } from '../src/platform/http/open-data.js';
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

  it('indicator values: every gender of a period once, also where a page ends between them', async () => {
    const ind = await buildIndicator(t.db, { code: 'PAGES-G' });
    await t.db.query(
      `INSERT INTO followup_indicator_values (indicator_id, area, level, period, gender, value)
       SELECT $1, '14', 'region', '2026-0' || m, g, m FROM generate_series(1, 3) m, unnest(ARRAY['K', 'M', 'T']) g`,
      [ind.id],
    );
    const seen: string[] = [];
    let url: string | null = '/api/v1/open-data/indicator-values?indicator=PAGES-G&limit=2';
    for (let pages = 0; url && pages < 10; pages++) {
      const body: { items: { period: string; gender: string }[]; next: string | null } = (
        await t.request({ method: 'GET', url })
      ).json();
      seen.push(...body.items.map((i) => `${i.period} ${i.gender}`));
      url = body.next;
    }
    expect(seen).toEqual(['2026-01', '2026-02', '2026-03'].flatMap((p) => ['K', 'M', 'T'].map((g) => `${p} ${g}`)));
    // An unknown indicator code is an empty set, not an error.
    const none = await t.request({ method: 'GET', url: '/api/v1/open-data/indicator-values?indicator=FINNS-EJ' });
    expect(none.statusCode).toBe(200);
    expect(none.json()).toEqual({ items: [], license: 'CC0-1.0', next: null });
  });

  it('indicator values: a page of several batches is one JSON document and one CSV file, in key order', async () => {
    const ind = await buildIndicator(t.db, { code: 'PAGES-B' });
    const n = 2 * OPEN_DATA_BATCH + 500;
    await t.db.query(
      `INSERT INTO followup_indicator_values (indicator_id, area, level, sub_area, period, value)
       SELECT $1, '14', 'unit', 'enhet-' || lpad(k::text, 5, '0'), '2026-01', k + 0.5 FROM generate_series(1, $2::int) k`,
      [ind.id, n],
    );
    const limit = 2 * OPEN_DATA_BATCH + 100;
    const first = await t.request({ method: 'GET', url: `/api/v1/open-data/indicator-values?indicator=PAGES-B&limit=${limit}` });
    expect(first.headers['content-type']).toContain('application/json');
    const body = first.json<{ items: { subArea: string; value: number }[]; license: string; next: string | null }>();
    expect(body.items).toHaveLength(limit);
    expect(body.items.map((i) => i.subArea)).toEqual(
      Array.from({ length: limit }, (_, k) => `enhet-${String(k + 1).padStart(5, '0')}`),
    );
    expect(body.license).toBe('CC0-1.0');
    const rest = (await t.request({ method: 'GET', url: body.next! })).json<{ items: unknown[]; next: string | null }>();
    expect(rest.items).toHaveLength(n - limit);
    expect(rest.next).toBeNull();

    // Streamed gzipped to a client that takes it: the same document once unpacked.
    const zipped = await t.request({
      method: 'GET',
      url: `/api/v1/open-data/indicator-values?indicator=PAGES-B&limit=${limit}`,
      headers: { 'accept-encoding': 'gzip, deflate' },
    });
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(zipped.headers.vary).toMatch(/Accept-Encoding/);
    expect(first.headers.vary).toMatch(/Accept-Encoding/);
    expect(first.headers['content-encoding']).toBeUndefined();
    expect(gunzipSync(zipped.rawPayload).toString('utf8')).toBe(first.body);
    expect(zipped.rawPayload.length).toBeLessThan(first.rawPayload.length / 4);

    const csv = await t.request({
      method: 'GET',
      url: `/api/v1/open-data/indicator-values?indicator=PAGES-B&format=csv&limit=${limit}`,
    });
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.headers['content-disposition']).toContain('indikatorvarden.csv');
    const lines = csv.body.split('\r\n');
    expect(lines[0]).toBe('\uFEFFindicator;name;unit;area;subArea;period;value;gender');
    expect(lines).toHaveLength(limit + 2); // the header, the rows, and the empty string after the last CRLF
    expect(lines[1]).toMatch(/;14;enhet-00001;2026-01;1,5;T$/);

    // Without a limit, the default page (1,000 rows) and a next link that keeps it.
    const byDefault = await t.request({ method: 'GET', url: '/api/v1/open-data/indicator-values?indicator=PAGES-B' });
    const page = byDefault.json<{ items: unknown[]; next: string | null }>();
    expect(OPEN_DATA_PAGE).toBe(1000);
    expect(page.items).toHaveLength(OPEN_DATA_PAGE);
    expect(page.next).toContain(`limit=${OPEN_DATA_PAGE}`);
    expect(linkOf(byDefault.headers['link'])).toBe(page.next);
    // More than the maximum is refused with a problem, not cut.
    const tooMany = await t.request({
      method: 'GET',
      url: `/api/v1/open-data/indicator-values?indicator=PAGES-B&limit=${OPEN_DATA_MAX_PAGE + 1}`,
    });
    expect([400, 422]).toContain(tooMany.statusCode);
    expect(tooMany.headers['content-type']).toContain('application/problem+json');
  });

  it.each([
    ['plain', 'PAGES-GONE', {}],
    ['gzipped', 'PAGES-GONE-GZ', { 'accept-encoding': 'gzip' }],
  ])('stops reading when the client goes away (%s)', async (_coding, code, headers: Record<string, string>) => {
    const ind = await buildIndicator(t.db, { code });
    const n = OPEN_DATA_MAX_PAGE;
    await t.db.query(
      `INSERT INTO followup_indicator_values (indicator_id, area, level, sub_area, period, value)
       SELECT $1, '14', 'unit', 'enhet-' || lpad(k::text, 5, '0'), '2026-01', k FROM generate_series(1, $2::int) k`,
      [ind.id, n],
    );
    if (!t.app.server.listening) await t.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = t.app.server.address() as AddressInfo;
    const query = vi.spyOn(t.db, 'query');
    const batches = () =>
      query.mock.calls.filter(([sql]) => /FROM followup_indicator_values v JOIN followup_indicators/.test(String(sql))).length;
    try {
      // Read the first bytes of the largest page there is, then hang up.
      await new Promise<void>((resolve, reject) => {
        const req = httpRequest(
          {
            host: '127.0.0.1',
            port,
            path: `/api/v1/open-data/indicator-values?indicator=${code}&limit=${OPEN_DATA_MAX_PAGE}`,
            headers,
          },
          (res) => {
            expect(res.statusCode).toBe(200);
            expect(res.headers['content-encoding']).toBe(headers['accept-encoding']);
            res.once('data', () => {
              req.destroy();
              resolve();
            });
          },
        );
        req.on('error', reject);
        req.end();
      });
      // Give the server time to notice, then see that no more batches are read.
      await new Promise((r) => setTimeout(r, 500));
      const afterHangUp = batches();
      await new Promise((r) => setTimeout(r, 500));
      expect(batches()).toBe(afterHangUp);
      expect(afterHangUp).toBeLessThan(OPEN_DATA_MAX_PAGE / OPEN_DATA_BATCH);
      // The server still answers.
      expect((await t.request({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
    } finally {
      query.mockRestore();
    }
  });
});
