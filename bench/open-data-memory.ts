/**
 * Whether open data of any size streams with flat memory (issue 20): several clients walk every
 * page of the indicator values at the largest page size, following the `next` links, while the
 * server's resident memory is sampled every 100 ms. Standalone, on a database that holds the
 * national dataset (the one `BENCH_KEEP_DATABASE=nat npm run bench -- --national --postgres`
 * keeps):
 *
 *   npx tsx bench/open-data-memory.ts --database nat [--clients 5] [--gzip] [--rounds 1]
 *
 * It prints the memory before, at its peak and at the end, with the pages and bytes each client
 * read (every page but the last holds the largest number of rows). Clients ask for plain bytes unless --gzip.
 */
import http from 'node:http';
import { readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { SCHEMAS_COMPILED } from '../src/platform/http/lazy-serializers.js';
import { OPEN_DATA_MAX_PAGE } from '../src/platform/http/open-data.js';
import { freePort, killAllChildrenNow, nodeArgsFor, startChild, stopAllChildren } from './processes.js';

const args = process.argv.slice(2);
const argValue = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const database = argValue('--database');
const clients = Number(argValue('--clients') ?? 5);
const gzip = args.includes('--gzip');
/** Walks of every page by all clients, one after another: memory that only plateaus is not a leak. */
const rounds = Number(argValue('--rounds') ?? 1);
if (!database || !/^[a-z_][a-z0-9_]*$/.test(database) || !Number.isInteger(clients) || clients < 1) {
  console.error('usage: npx tsx bench/open-data-memory.ts --database <name> [--clients 5] [--gzip]');
  process.exit(2);
}
const log = (msg: string) => process.stderr.write(`[bench:open-data] ${msg}\n`);
process.on('exit', killAllChildrenNow);

/** The process's resident memory in MB (Linux). */
const rssMb = (pid: number) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;

/** One page read as it arrives and thrown away: its bytes and the next page's address. */
function readPage(base: string, path: string): Promise<{ bytes: number; next: string | null }> {
  return new Promise((resolve, reject) => {
    http
      .get(base + path, { headers: { accept: 'application/json', 'accept-encoding': gzip ? 'gzip' : 'identity' } }, (res) => {
        if (res.statusCode !== 200) return reject(new Error(`${path}: ${res.statusCode}`));
        let bytes = 0;
        res.on('data', (c: Buffer) => (bytes += c.length));
        res.on('end', () =>
          resolve({ bytes, next: /^<([^>]+)>; rel="next"$/.exec(String(res.headers.link ?? ''))?.[1] ?? null }),
        );
        res.on('error', reject);
      })
      .on('error', reject);
  });
}

async function main() {
  const port = await freePort();
  const server = await startChild({
    name: 'navet',
    args: nodeArgsFor('src/main.ts'),
    env: {
      ...process.env,
      DATABASE_URL: `postgres://postgres@127.0.0.1:5432/${database}`,
      NAVET_DB_ALLOW_OWNER: '1',
      NAVET_DEMO: '0',
      LOG_LEVEL: 'warn',
      SMTP_HOST: '',
      NAVET_RATE_LIMIT_OPEN_DATA: '10000000/60',
    },
    port,
    readyPath: '/api/health',
    readyMessage: SCHEMAS_COMPILED,
    timeoutMs: 240_000,
  });
  const pid = server.process.pid!;
  await sleep(2000);
  const before = rssMb(pid);
  let peak = before;
  let sampling = true;
  const sampler = (async () => {
    while (sampling) {
      peak = Math.max(peak, rssMb(pid));
      await sleep(100);
    }
  })();
  log(`server ${pid}: ${before.toFixed(0)} MB before; ${clients} clients walking every page of ${OPEN_DATA_MAX_PAGE} rows`);
  const t = performance.now();
  const afterRound: number[] = [];
  let walks: { pages: number; bytes: number }[] = [];
  for (let round = 0; round < rounds; round++) {
    walks = await Promise.all(
      Array.from({ length: clients }, async () => {
        let path: string | null = `/api/v1/open-data/indicator-values?limit=${OPEN_DATA_MAX_PAGE}`;
        const walked = { pages: 0, bytes: 0 };
        while (path) {
          const page = await readPage(server.url, path);
          walked.pages++;
          walked.bytes += page.bytes;
          path = page.next;
        }
        return walked;
      }),
    );
    afterRound.push(Math.round(rssMb(pid)));
  }
  const seconds = (performance.now() - t) / 1000;
  sampling = false;
  await sampler;
  const after = rssMb(pid);
  console.log(
    JSON.stringify(
      {
        clients,
        acceptEncoding: gzip ? 'gzip' : 'identity',
        seconds: Number(seconds.toFixed(1)),
        perClient: walks[0],
        totalMb: Number((walks.reduce((s, w) => s + w.bytes, 0) / 2 ** 20).toFixed(0)),
        rounds,
        rssMb: { before: Math.round(before), peak: Math.round(peak), afterEachRound: afterRound, after: Math.round(after) },
      },
      null,
      2,
    ),
  );
}

try {
  await main();
} finally {
  await stopAllChildren();
}
