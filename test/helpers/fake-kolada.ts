/**
 * A local stand-in for Kolada v3 answering from the recorded fixtures (test/fixtures/kolada), for
 * suites that need the connector switched on without the network (the access matrix: a permitted
 * caller's request must succeed). test/indicator-kolada.test.ts has its own, with failure modes.
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/kolada/${name}`, import.meta.url), 'utf8');

export async function startFakeKolada(): Promise<{ baseUrl: string; timeoutMs: number; retries: number }> {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v3`;
    const send = (status: number, body: string) => {
      res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
      res.end(body.replaceAll('{base}', base));
    };
    if (url.pathname === '/v3/kpi/N79999') return send(200, fixture('kpi-N79999.json'));
    if (url.pathname === '/v3/kpi') return send(200, fixture('kpi-search-fast.json'));
    if (url.pathname.startsWith('/v3/data/kpi/N79999/municipality/')) {
      return send(200, fixture(`data-N79999-page-${url.searchParams.get('page') === '2' ? 2 : 1}.json`));
    }
    send(404, '{"message":"Not found"}');
  });
  server.unref();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v3`, timeoutMs: 5000, retries: 0 };
}
