import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { baseURL, useBrowser } from './browser.js';

/**
 * An intranet page on another origin reads Navet's public catalogue from the browser: CORS lets
 * the allowed origin read it (without credentials), the ETag comes through, and asking again
 * with If-None-Match gets 304 while nothing has changed. A page on an origin that is not allowed
 * cannot read it. Both pages are served by small servers of the test on 127.0.0.1 (other ports
 * are other origins); the allowed one is the server's NAVET_CORS_ORIGINS (global-setup.ts).
 */
const PAGE = '<!doctype html><html lang="sv"><title>Intranät</title><h1>Kunskapsstöd från Navet</h1></html>';

function serve(port: number): Promise<Server> {
  const server = createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(PAGE));
  return new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve(server)));
}

describe('public reads from a page on another origin', () => {
  const suite = useBrowser();
  const intranet = inject('intranetOrigin');
  const servers: Server[] = [];
  let other = '';

  beforeAll(async () => {
    if (intranet) servers.push(await serve(Number(new URL(intranet).port)));
    const notAllowed = await serve(0);
    servers.push(notAllowed);
    other = `http://127.0.0.1:${(notAllowed.address() as { port: number }).port}`;
  });
  afterAll(async () => {
    await Promise.all(servers.map((s) => new Promise((r) => s.close(r))));
  });

  async function readFrom(origin: string, url: string) {
    const { page } = await suite.newPage();
    await page.goto(`${origin}/intranat.html`);
    return page.evaluate(async (u) => {
      // the browser's fetch: never from its cache, never with credentials (Node's types lack `cache`)
      const init = (headers: Record<string, string> = {}) =>
        ({ mode: 'cors', credentials: 'omit', cache: 'no-store', headers }) as RequestInit;
      try {
        const first = await fetch(u, init());
        const body = (await first.json()) as { items: { title: string }[] };
        const etag = first.headers.get('etag') ?? '';
        const again = await fetch(u, init({ 'if-none-match': etag }));
        return { status: first.status, etag, titles: body.items.map((i) => i.title), again: again.status };
      } catch (e) {
        return { refused: String(e) };
      }
    }, url);
  }

  it.skipIf(!intranet)('the allowed intranet reads the catalogue, gets the ETag and then 304', { timeout: 60_000 }, async () => {
    const result = await readFrom(intranet, `${baseURL()}/api/v1/knowledge-supports?limit=5`);
    expect(result).not.toHaveProperty('refused');
    expect(result).toMatchObject({ status: 200, again: 304 });
    expect((result as { titles: string[] }).titles.length).toBeGreaterThan(0);
    expect((result as { etag: string }).etag).toMatch(/^(W\/)?"/);
  });

  it('a page on an origin that is not allowed cannot read it', { timeout: 60_000 }, async () => {
    const result = await readFrom(other, `${baseURL()}/api/v1/knowledge-supports?limit=5`);
    expect(result).toMatchObject({ refused: expect.stringContaining('Failed to fetch') });
  });
});
