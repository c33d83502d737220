/**
 * A local stand-in for the national quality indicators (Kvalitetsindikatorkatalogen's API and the
 * results files in Vården i siffror's format), answering from test/fixtures/quality-indicators.
 * `mode` makes it be down or answer in a changed shape.
 */
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/quality-indicators/${name}`, import.meta.url));

export interface FakeQuality {
  settings: { baseUrl: string; resultsUrl: string; timeoutMs: number; retries: number };
  mode: 'ok' | 'down' | 'changed';
  seen: string[];
  server: Server;
}

export async function startFakeQualityIndicators(): Promise<FakeQuality> {
  const fake = { mode: 'ok', seen: [] as string[] } as FakeQuality;
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    fake.seen.push(`${req.method} ${url.pathname}`);
    const send = (status: number, body: Buffer | string, type = 'application/json; charset=utf-8') => {
      res.writeHead(status, { 'content-type': type });
      res.end(body);
    };
    if (fake.mode === 'down') return send(503, '{"message":"Service Unavailable"}');
    if (req.method === 'POST' && url.pathname === '/services/api/1.0/measureversions/searchlatest/withparams') {
      let raw = '';
      req.on('data', (c: Buffer) => (raw += c.toString('utf8')));
      req.on('end', () => {
        const q = String((JSON.parse(raw || '{}') as { searchValue?: string }).searchValue ?? '');
        try {
          if (/uppf/i.test(q)) return send(200, fixture('search-uppfoljning.json'));
          return send(200, fixture(`search-${q}.json`));
        } catch {
          return send(200, '{"pageResults":[]}');
        }
      });
      return;
    }
    if (/^\/services\/api\/1\.0\/measureversions\/[^/]+\/submeasures\/$/.test(url.pathname)) {
      return send(200, fixture('submeasures.json'));
    }
    const results = /^\/results\/([0-9a-f-]+)\.csv$/.exec(url.pathname);
    if (results) {
      if (fake.mode === 'changed') return send(200, 'Indikator;År;Värde\r\nx;2024;1\r\n', 'text/csv');
      try {
        return send(200, fixture(`results-${results[1]}.csv`), 'text/csv');
      } catch {
        return send(404, 'Not found', 'text/plain');
      }
    }
    send(404, '{"message":"Not found"}');
  });
  server.unref();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  fake.server = server;
  fake.settings = {
    baseUrl: `${origin}/services/api/1.0`,
    resultsUrl: `${origin}/results/{measureId}.csv`,
    timeoutMs: 5000,
    retries: 0,
  };
  return fake;
}
