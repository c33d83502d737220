/**
 * `npm run bench [-- --quick | --national] [-- --postgres]`: load Navet's key read endpoints on
 * a generated dataset and compare each with the ceiling (bench/ceiling.ts) on the same machine
 * and database kind. See docs/benchmarks.md for how to read the figures.
 */
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import { gunzipSync } from 'node:zlib';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { queryOnOwnConnection } from '../src/platform/db/postgres.js';
import { hashPassword } from '../src/platform/auth/passwords.js';
import { loadConfig } from '../src/platform/config.js';
import { openDatabase, pgliteDir } from '../src/platform/db/index.js';
import { SCHEMAS_COMPILED } from '../src/platform/http/lazy-serializers.js';
import { projectRoot } from '../src/platform/version.js';
import { FULL, generateDataset, QUICK } from './dataset.js';
import { FOLLOWUP_FULL, FOLLOWUP_QUICK, followupEndpoints, generateFollowupDataset } from './followup.js';
import { generateNationalDataset } from './national.js';
import {
  buildCoordinator,
  COORDINATOR,
  generateReadsDataset,
  READS_FULL,
  READS_QUICK,
  readEndpoints,
  type Auth,
} from './reads.js';
import { measure, type LoadSettings, type Measured } from './load.js';
import { freePort, killAllChildrenNow, nodeArgsFor, startChild, stopAllChildren, type Child } from './processes.js';

const USAGE = 'usage: npm run bench [-- --quick | --national] [-- --postgres] [-- --identity] [-- --only=<part of a path>]';
const args = process.argv.slice(2);
for (const a of args) {
  if (!['--quick', '--postgres', '--national', '--identity'].includes(a) && !a.startsWith('--only=')) {
    console.error(`unknown option ${a}\n${USAGE}`);
    process.exit(2);
  }
}
const quick = args.includes('--quick');
const national = args.includes('--national');
const usePostgres = args.includes('--postgres');
/**
 * The load client asks as a browser does, taking gzip (what the UI's pages send); with
 * --identity it asks as a client that takes only plain bytes (curl without --compressed).
 */
const identity = args.includes('--identity');
const ACCEPT_ENCODING = identity ? 'identity' : 'gzip, deflate, br';
/** Measure only the endpoints whose path holds this text (the ceiling is always measured). */
const only = args.find((a) => a.startsWith('--only='))?.slice('--only='.length);
/**
 * For working on one endpoint: a named database on the local server that is kept after the
 * run and reused by the next (its dataset is generated only once). Never set in a real run.
 */
const keptDatabase = process.env.BENCH_KEEP_DATABASE ?? '';
if (keptDatabase && (!usePostgres || !/^[a-z_][a-z0-9_]*$/.test(keptDatabase))) {
  console.error(`BENCH_KEEP_DATABASE needs --postgres and a plain lower-case name\n${USAGE}`);
  process.exit(2);
}
if (quick && national) {
  console.error(`--quick and --national exclude each other\n${USAGE}`);
  process.exit(2);
}
// The national dataset is the whole country on one server: the embedded database is one
// process for one region's installation, so measuring it there would only say that.
if (national && !usePostgres) {
  console.error(`--national is for PostgreSQL: run npm run bench -- --national --postgres\n${USAGE}`);
  process.exit(2);
}

const load: LoadSettings = quick
  ? { durationS: 3, warmupS: 1, connections: 10 }
  : national
    ? { durationS: 10, warmupS: 3, connections: 50, timeoutS: 30 }
    : { durationS: 15, warmupS: 3, connections: 10 };
const size = quick ? QUICK : FULL;
const mode = quick ? 'quick' : national ? 'national' : 'full';
/** A hard bound on the whole run, whatever hangs. */
const WATCHDOG_MS = quick ? 900_000 : national ? 2_700_000 : 1_800_000;
const CEILING_CODE = '1480'; // Göteborg

interface Endpoint {
  path: string;
  auth?: Auth;
  /** What a correct answer looks like; checked once before loading, so we never time errors. */
  expect: (body: Record<string, unknown>) => boolean;
}

const items = (min: number) => (b: Record<string, unknown>) => Array.isArray(b.items) && b.items.length >= min;
const ALL_ENDPOINTS: Endpoint[] = [
  { path: '/api/health', expect: (b) => b.status === 'ok' },
  { path: '/api/v1/regions', expect: items(21) },
  { path: '/api/v1/municipalities?limit=50', expect: items(50) },
  { path: '/api/v1/municipalities?region=14', expect: items(49) },
  { path: '/api/v1/program-areas', expect: items(20) },
  { path: '/api/v1/groups?limit=50', expect: items(50) },
  { path: '/api/v1/audit?limit=50', auth: 'admin', expect: items(50) },
  ...followupEndpoints<Endpoint>((path, expect) => ({ path, expect })),
  ...readEndpoints<Endpoint>((path, expect, auth) => ({ path, expect, ...(auth ? { auth } : {}) })),
];
const ENDPOINTS = only ? ALL_ENDPOINTS.filter((e) => e.path.includes(only)) : ALL_ENDPOINTS;

const started = Date.now();
const log = (msg: string) => process.stderr.write(`[bench ${((Date.now() - started) / 1000).toFixed(1)}s] ${msg}\n`);

// Cleanup runs once, in reverse order of registration: on success, on error and on signals.
const cleanups: (() => Promise<void> | void)[] = [];
let cleaning: Promise<void> | undefined;
function cleanup(): Promise<void> {
  cleaning ??= (async () => {
    await stopAllChildren();
    for (const fn of cleanups.reverse()) {
      try {
        await fn();
      } catch (err) {
        log(`cleanup step failed: ${String(err)}`);
      }
    }
  })();
  return cleaning;
}
process.on('exit', killAllChildrenNow);
// A closed pipe on our output (bench | head) must not skip the cleanup.
process.stdout.on('error', () => {});
process.stderr.on('error', () => {});
for (const event of ['uncaughtException', 'unhandledRejection'] as const) {
  process.on(event, (err: unknown) => {
    log(`${event}: ${String(err)}`);
    void cleanup().finally(() => process.exit(1));
  });
}
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.once(signal, () => {
    log(`${signal}: stopping`);
    void cleanup().finally(() => process.exit(130));
  });
}
const watchdog = setTimeout(() => {
  log(`still running after ${WATCHDOG_MS / 1000} s: giving up`);
  void cleanup().finally(() => process.exit(1));
}, WATCHDOG_MS);

/**
 * A fresh database on the local server, dropped afterwards; or the kept one (BENCH_KEEP_DATABASE),
 * created when missing. Returns its URL and whether it already held a dataset.
 */
async function createBenchDatabase(): Promise<{ url: string; reused: boolean }> {
  const adminUrl = process.env.BENCH_POSTGRES_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
  const u = new URL(adminUrl);
  if (!['127.0.0.1', 'localhost', '[::1]'].includes(u.hostname))
    throw new Error(`--postgres only uses a local server, not ${u.hostname}`);
  const name = keptDatabase || `navet_bench_${process.pid}_${randomBytes(3).toString('hex')}`;
  let reused = false;
  if (keptDatabase) {
    const c = new pg.Client({ connectionString: adminUrl });
    await c.connect();
    try {
      reused = (await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount === 1;
    } finally {
      await c.end();
    }
  }
  if (!reused) await queryOnOwnConnection(adminUrl, `CREATE DATABASE ${name}`);
  if (!keptDatabase) {
    cleanups.push(async () => {
      await queryOnOwnConnection(adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      log(`dropped database ${name}`);
    });
  } else log(`${reused ? 'reusing' : 'keeping'} database ${name}`);
  u.pathname = `/${name}`;
  return { url: u.toString(), reused };
}

/**
 * One request alone after every cached read has been made stale (read-cache.ts): what a caller
 * waits for the first time after a write. The median of three, in milliseconds. PostgreSQL
 * only: the embedded database belongs to the server process.
 */
async function coldRequest(databaseUrl: string, url: string, headers: Record<string, string>): Promise<number> {
  const c = new pg.Client({ connectionString: databaseUrl });
  await c.connect();
  const times: number[] = [];
  try {
    for (let i = 0; i < 3; i++) {
      await c.query('UPDATE read_versions SET version = version + 1');
      const t = performance.now();
      const res = await fetch(url, { headers });
      await res.arrayBuffer();
      times.push(performance.now() - t);
    }
  } finally {
    await c.end();
  }
  return Math.round(times.sort((a, b) => a - b)[1]! * 10) / 10;
}

async function login(server: Child, email: string, password: string): Promise<string> {
  // The session cookie is what the load sends; the login itself is not measured.
  const res = await fetch(`${server.url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (res.status !== 200) throw new Error(`bench admin login failed: ${res.status} ${await res.text()}`);
  const cookie = res.headers.getSetCookie()[0]?.split(';')[0];
  if (!cookie) throw new Error('login answered without a session cookie');
  return cookie;
}

/** An endpoint's answer as it went over the wire (gzipped when the server chose to), and its plain size. */
interface Answer {
  wire: Buffer;
  type: string;
  encoding?: string;
  plainBytes: number;
}

/** Asks once and checks the answer; keeps the bytes as sent (fetch would unpack them). */
async function check(url: string, headers: Record<string, string>, e: Endpoint): Promise<Answer> {
  const { status, wire, type, encoding } = await new Promise<{ status: number; wire: Buffer; type: string; encoding?: string }>(
    (resolve, reject) => {
      http
        .get(url, { headers }, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () =>
            resolve({
              status: res.statusCode ?? 0,
              wire: Buffer.concat(chunks),
              type: res.headers['content-type'] ?? 'application/octet-stream',
              ...(res.headers['content-encoding'] ? { encoding: res.headers['content-encoding'] } : {}),
            }),
          );
          res.on('error', reject);
        })
        .on('error', reject);
    },
  );
  if (encoding && encoding !== 'gzip') throw new Error(`${e.path} answered in ${encoding}, which the bench does not unpack`);
  const plain = encoding === 'gzip' ? gunzipSync(wire) : wire;
  const body = JSON.parse(plain.toString('utf8')) as Record<string, unknown>;
  if (status !== 200 || !e.expect(body)) {
    throw new Error(`${e.path} answered ${status} with an unexpected body: ${JSON.stringify(body).slice(0, 300)}`);
  }
  return { wire, type, ...(encoding ? { encoding } : {}), plainBytes: plain.length };
}

/** Gives the ceiling server an answer to send as it is (bench/ceiling.ts, /bodies/:id). */
async function lendBody(ceilingUrl: string, id: number, a: Answer): Promise<string> {
  const res = await fetch(`${ceilingUrl}/bodies/${id}`, {
    method: 'PUT',
    headers: {
      'content-type': 'application/octet-stream',
      'x-body-type': a.type,
      ...(a.encoding ? { 'x-body-encoding': a.encoding } : {}),
    },
    body: a.wire,
  });
  if (res.status !== 204) throw new Error(`the ceiling did not take body ${id}: ${res.status}`);
  return `${ceilingUrl}/bodies/${id}`;
}

/** From this size on, an answer is also set against the ceiling server sending the same bytes. */
const SIZED_CEILING_BYTES = 8192;

function printTable(
  rows: {
    name: string;
    rps: number;
    p50Ms: number;
    p99Ms: number;
    coldMs: number | null;
    ceilingRps: number;
    ratio: number;
    bytes: number;
    sentBytes: number;
    sizedRatio: number | null;
    failed?: number;
  }[],
) {
  const header = [
    'endpoint',
    'rps',
    'p50 ms',
    'p99 ms',
    'cold ms',
    'ceiling rps',
    'ratio',
    'kB',
    'sent kB',
    'sized ratio',
    'failed',
  ];
  const cells = rows.map((r) => [
    r.name,
    String(r.rps),
    Number.isFinite(r.p50Ms) ? r.p50Ms.toFixed(2) : '–',
    Number.isFinite(r.p99Ms) ? r.p99Ms.toFixed(2) : '–',
    r.coldMs === null ? '–' : r.coldMs.toFixed(1),
    String(r.ceilingRps),
    r.ratio.toFixed(2),
    (r.bytes / 1024).toFixed(1),
    (r.sentBytes / 1024).toFixed(1),
    r.sizedRatio === null ? '–' : r.sizedRatio.toFixed(2),
    String(r.failed ?? 0),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (c: string[]) => c.map((v, i) => (i === 0 ? v.padEnd(widths[i]!) : v.padStart(widths[i]!))).join('  ');
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const c of cells) console.log(line(c));
}

async function main(): Promise<void> {
  const database = usePostgres ? 'postgresql' : 'pglite';
  log(
    `${mode} run on ${database}: ${load.durationS} s per endpoint after ${load.warmupS} s warm-up, ${load.connections} connections`,
  );
  // Other work on the machine moves every figure; the load average is kept with the results.
  const loadBefore = loadavg()[0]!;
  if (loadBefore > cpus().length)
    log(`warning: load average ${loadBefore.toFixed(1)} on ${cpus().length} CPUs; figures will be low`);

  const tmp = mkdtempSync(join(tmpdir(), 'navet-bench-'));
  cleanups.push(() => rmSync(tmp, { recursive: true, force: true }));
  const serverDir = join(tmp, 'server');
  const ceilingDir = join(tmp, 'ceiling');
  const { url: databaseUrl, reused } = usePostgres ? await createBenchDatabase() : { url: '', reused: false };

  const config = loadConfig({ NAVET_DATA_DIR: serverDir, DATABASE_URL: databaseUrl, NAVET_DEMO: '0', LOG_LEVEL: 'warn' });
  const db = await openDatabase(config);
  const coordinatorPassword = randomBytes(18).toString('base64url');
  const admin = { email: 'bench-admin@example.se', password: randomBytes(18).toString('base64url') };
  let dataset: Record<string, number | string> | typeof size = size;
  const generation = Date.now();
  try {
    if (reused) {
      // The kept dataset stays as it is (its sizes are those of the run that made it); only the passwords are this run's.
      dataset = { keptDatabase };
      for (const [email, password] of [
        [COORDINATOR.email, coordinatorPassword],
        [admin.email, admin.password],
      ] as const)
        await db.query('UPDATE users SET password_hash = $2 WHERE email = $1', [email, await hashPassword(password)]);
    } else if (national) {
      dataset = await generateNationalDataset(db, config, log);
    } else {
      await generateDataset(db, config, size, log);
      await generateFollowupDataset(db, quick ? FOLLOWUP_QUICK : FOLLOWUP_FULL, log);
      await generateReadsDataset(db, quick ? READS_QUICK : READS_FULL, log);
    }
    if (!reused) await buildCoordinator(db, coordinatorPassword);
  } finally {
    await db.close();
  }
  const generationS = Math.round((Date.now() - generation) / 1000);
  log(`dataset generated in ${generationS} s: ${JSON.stringify(dataset)}`);
  // PGlite allows one process per data directory: the ceiling gets its own copy.
  if (!usePostgres) cpSync(pgliteDir(serverDir), pgliteDir(ceilingDir), { recursive: true });

  const [serverPort, ceilingPort] = [await freePort(), await freePort()];
  const common = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    // A benchmark database on a development server belongs to its superuser; production refuses that.
    NAVET_DB_ALLOW_OWNER: '1',
    NAVET_DEMO: '0',
    NAVET_PUBLIC_STRUCTURE: '1',
    LOG_LEVEL: 'warn',
    SMTP_HOST: '',
    // The limits stay on (each search and open-data request still counts its hit) but high
    // enough that the load measures the endpoint, not 429 answers.
    NAVET_RATE_LIMIT_SEARCH: '10000000/60',
    NAVET_RATE_LIMIT_OPEN_DATA: '10000000/60',
  };
  const [server, ceiling] = await Promise.all([
    startChild({
      name: 'navet',
      args: nodeArgsFor('src/main.ts'),
      env: {
        ...common,
        NAVET_DATA_DIR: serverDir,
        NAVET_PUBLIC_URL: `http://127.0.0.1:${serverPort}`,
        NAVET_BOOTSTRAP_ADMIN_EMAIL: admin.email,
        NAVET_BOOTSTRAP_ADMIN_PASSWORD: admin.password,
      },
      port: serverPort,
      readyPath: '/api/health',
      // No figure while the server still compiles its schemas beside the load (main.ts).
      readyMessage: SCHEMAS_COMPILED,
      timeoutMs: 600_000,
    }),
    startChild({
      name: 'ceiling',
      args: nodeArgsFor('bench/ceiling.ts'),
      env: { ...common, NAVET_DATA_DIR: ceilingDir },
      port: ceilingPort,
      readyPath: `/municipalities/${CEILING_CODE}`,
      timeoutMs: 600_000,
    }),
  ]);
  log(`navet on ${server.url} (pid ${server.process.pid}, node ${nodeArgsFor('src/main.ts').join(' ')})`);
  log(`ceiling on ${ceiling.url} (pid ${ceiling.process.pid})`);

  const cookies: Record<Auth, string> = {
    admin: await login(server, admin.email, admin.password),
    coordinator: await login(server, COORDINATOR.email, coordinatorPassword),
  };
  const headersFor = (e: Endpoint): Record<string, string> => ({
    accept: 'application/json',
    'accept-encoding': ACCEPT_ENCODING,
    ...(e.auth ? { cookie: cookies[e.auth] } : {}),
  });
  const answers = new Map<Endpoint, Answer>();
  for (const e of ENDPOINTS) answers.set(e, await check(server.url + e.path, headersFor(e), e));

  // The ceiling is measured at the start, in the middle and at the end; the median resists
  // a burst of other work on the machine better than one measurement does.
  const ceilingUrl = `${ceiling.url}/municipalities/${CEILING_CODE}`;
  const ceilings: Measured[] = [];
  const measureCeiling = async () => {
    const m = await measure(ceilingUrl, {}, load);
    log(`ceiling: ${m.rps} rps${m.failed ? `, ${m.failed} FAILED` : ''}`);
    ceilings.push(m);
  };
  // A slow endpoint leaves requests the server is still working on when the load stops (the
  // client has gone, the handler has not); they must not be counted against the next endpoint.
  const settle = async () => {
    const t = Date.now();
    for (let quick = 0; quick < 3 && Date.now() - t < 60_000;) {
      const s = performance.now();
      await fetch(`${server.url}/api/health`).then((r) => r.arrayBuffer());
      quick = performance.now() - s < 50 ? quick + 1 : 0;
      await sleep(100);
    }
    if (Date.now() - t > 1000) log(`waited ${((Date.now() - t) / 1000).toFixed(1)} s for the server to finish earlier requests`);
  };
  await measureCeiling();
  const measured = [];
  for (const [i, e] of ENDPOINTS.entries()) {
    if (i === Math.floor(ENDPOINTS.length / 2)) await measureCeiling();
    await settle();
    const coldMs = databaseUrl ? await coldRequest(databaseUrl, server.url + e.path, headersFor(e)) : null;
    const m = { ...(await measure(server.url + e.path, headersFor(e), load)), coldMs };
    log(`GET ${e.path}: ${m.rps} rps, p50 ${m.p50Ms} ms, p99 ${m.p99Ms} ms${m.failed ? `, ${m.failed} FAILED` : ''}`);
    // A large answer is also set against the bare server sending the very same bytes (no query,
    // no hook): what the machine, the HTTP stack and the load client give for that answer, beside
    // the one-row ceiling. The same bytes, not as many: the load client decodes every body as
    // UTF-8 text, and Swedish text costs it more than ASCII does.
    const answer = answers.get(e)!;
    const sized =
      answer.wire.length >= SIZED_CEILING_BYTES ? await measure(await lendBody(ceiling.url, i, answer), {}, load) : null;
    if (sized) log(`ceiling sending the same ${answer.wire.length} bytes: ${sized.rps} rps`);
    measured.push({
      name: `GET ${e.path}`,
      ...m,
      bytes: answer.plainBytes,
      sentBytes: answer.wire.length,
      sizedCeilingRps: sized?.rps ?? null,
    });
  }
  await measureCeiling();
  const ceilingRps = [...ceilings].map((c) => c.rps).sort((a, b) => a - b)[1]!;

  const endpoints = measured.map((m) => ({
    name: m.name,
    rps: m.rps,
    p50Ms: m.p50Ms,
    p99Ms: m.p99Ms,
    coldMs: m.coldMs,
    ceilingRps,
    ratio: Math.round((m.rps / ceilingRps) * 100) / 100,
    bytes: m.bytes,
    sentBytes: m.sentBytes,
    sizedCeilingRps: m.sizedCeilingRps,
    sizedRatio: m.sizedCeilingRps ? Math.round((m.rps / m.sizedCeilingRps) * 100) / 100 : null,
    // Present only when some answers were not 2xx: the row's figures count the 2xx ones.
    ...(m.failed ? { failed: m.failed } : {}),
  }));
  const result = {
    machine: {
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model.trim() ?? 'unknown',
      memGb: Math.round((totalmem() / 2 ** 30) * 10) / 10,
      node: process.version,
    },
    database,
    endpoints,
    // Context for reading the figures; not needed to compare runs.
    run: {
      at: new Date().toISOString(),
      mode,
      acceptEncoding: ACCEPT_ENCODING,
      ...load,
      dataset,
      generationS,
      ceilingRuns: ceilings.map((c) => ({ rps: c.rps, p50Ms: c.p50Ms, p99Ms: c.p99Ms })),
      loadAverage1m: { before: Math.round(loadBefore * 100) / 100, after: Math.round(loadavg()[0]! * 100) / 100 },
    },
  };
  const out = join(projectRoot, 'bench', 'results');
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, 'latest.json'), JSON.stringify(result, null, 2) + '\n');

  console.log(
    `\nNavet on ${database}, ${result.machine.cpus} × ${result.machine.cpuModel}, ${result.machine.memGb} GB, Node ${result.machine.node}`,
  );
  console.log(
    `ceiling (bare Fastify + one indexed SELECT), median of ${ceilings.map((c) => c.rps).join(' / ')}: ${ceilingRps} rps\n`,
  );
  printTable(endpoints);
  console.log('\nwritten to bench/results/latest.json');
  const failing = [...endpoints.filter((e) => e.failed), ...ceilings.filter((c) => c.failed).map(() => ({ name: 'ceiling' }))];
  if (failing.length) throw new Error(`answers other than 2xx from ${failing.map((e) => e.name).join(', ')} (see "failed")`);
}

let exitCode = 0;
try {
  await main();
} catch (err) {
  exitCode = 1;
  log(`failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
} finally {
  await cleanup();
  clearTimeout(watchdog);
  log(`done in ${((Date.now() - started) / 1000).toFixed(0)} s`);
}
process.exit(exitCode);
