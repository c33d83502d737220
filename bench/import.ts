/**
 * How long one national indicator file takes to import (issue 20: 10⁶ rows in ≤ 60 s), and what
 * a read answers meanwhile. Standalone (bench/run.ts measures the reads):
 *
 *   npx tsx bench/import.ts [--postgres [--worker-process]] [--rows 1000000] [--again] [--out result.json] [--cpu-prof DIR]
 *
 * It generates a Kolada-shaped CSV (UTF-8 with BOM, semicolons, decimal comma, a gender
 * column T/K/M, one row per unit × gender × month), starts the real server (its worker in the
 * same process, the default) on a fresh PGlite directory or a fresh database on the local
 * PostgreSQL server, creates an indicator, uploads the file as the request body
 * (POST /api/v1/indicators/{id}/imports/upload), and follows the import until it has finished.
 * It reports the upload time, the wall time until done (upload included), the rows, and the
 * latency of a small read (GET /api/v1/indicators/{id}) sampled every 100 ms for 10 s before the
 * upload (alone) and during the import,
 * and the time spent in each phase (queued, reading, writing) as the import reports it, with rows
 * per second. --out also writes the figures to a file; --cpu-prof writes the server's CPU profile
 * to DIR when it stops. --worker-process runs the job worker as its own process (`navet worker`
 * beside a web process started with NAVET_IN_PROCESS_WORKER=0), so the file is parsed off the
 * web process' event loop; PostgreSQL only (an embedded database has one process). --again
 * imports the same file a second time, replacing every value the first wrote, and reports both.
 */
import { randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { once } from 'node:events';
import { setTimeout as sleep } from 'node:timers/promises';
import { queryOnOwnConnection } from '../src/platform/db/postgres.js';
import { SCHEMAS_COMPILED } from '../src/platform/http/lazy-serializers.js';
import { freePort, killAllChildrenNow, nodeArgsFor, startBackground, startChild, stopAllChildren } from './processes.js';

const args = process.argv.slice(2);
const usePostgres = args.includes('--postgres');
const rowsArg = args.indexOf('--rows');
const targetRows = rowsArg >= 0 ? Number(args[rowsArg + 1]) : 1_000_000;
if (!Number.isInteger(targetRows) || targetRows < 1) throw new Error('--rows takes a positive whole number');
const argValue = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const outFile = argValue('--out');
const cpuProfDir = argValue('--cpu-prof');
const workerProcess = args.includes('--worker-process');
const again = args.includes('--again');
if (workerProcess && !usePostgres) throw new Error('--worker-process needs --postgres');

const log = (m: string) => process.stderr.write(`[bench:import] ${m}\n`);
const cleanups: (() => Promise<void> | void)[] = [];
process.on('SIGINT', () => {
  killAllChildrenNow();
  process.exit(130);
});

const REGIONS = [
  '01',
  '03',
  '04',
  '05',
  '06',
  '07',
  '08',
  '09',
  '10',
  '12',
  '13',
  '14',
  '17',
  '18',
  '19',
  '20',
  '21',
  '22',
  '23',
  '24',
  '25',
];
const GENDERS = ['T', 'K', 'M'];
const MONTHS = Array.from({ length: 24 }, (_, i) => `${2024 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`);

/** Writes the file: region (Kolada's id "0010"), unit, gender, month, value with a decimal comma. */
async function writeFile(path: string, rows: number): Promise<number> {
  const out = createWriteStream(path);
  const write = async (s: string) => {
    if (!out.write(s)) await once(out, 'drain');
  };
  await write('\uFEFFRegion;Enhet;Kön;Period;Värde\r\n');
  const perUnit = GENDERS.length * MONTHS.length;
  const units = Math.ceil(rows / perUnit / REGIONS.length);
  let n = 0;
  let buf = '';
  outer: for (let u = 1; u <= units; u++)
    for (const r of REGIONS)
      for (const g of GENDERS)
        for (const [pi, p] of MONTHS.entries()) {
          if (n >= rows) break outer;
          const v = ((u * 31 + pi * 7 + g.charCodeAt(0)) % 1000) / 10;
          buf += `00${r};Vårdcentral ${u};${g};${p};${v.toFixed(1).replace('.', ',')}\r\n`;
          n++;
          if (buf.length > 1 << 16) {
            await write(buf);
            buf = '';
          }
        }
  await write(buf);
  out.end();
  await once(out, 'finish');
  return n;
}

async function createDatabase(): Promise<string> {
  const adminUrl = process.env.BENCH_POSTGRES_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
  const u = new URL(adminUrl);
  if (!['127.0.0.1', 'localhost', '[::1]'].includes(u.hostname)) throw new Error(`--postgres only uses a local server`);
  const name = `navet_bench_import_${process.pid}_${randomBytes(3).toString('hex')}`;
  await queryOnOwnConnection(adminUrl, `CREATE DATABASE ${name}`);
  cleanups.push(async () => queryOnOwnConnection(adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
  u.pathname = `/${name}`;
  return u.toString();
}

const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.floor(q * s.length))]! : NaN;
};

async function main() {
  const tmp = mkdtempSync(join(tmpdir(), 'navet-bench-import-'));
  cleanups.push(() => rmSync(tmp, { recursive: true, force: true }));
  const file = join(tmp, 'kolada-1e6.csv');
  const t0 = performance.now();
  const rows = await writeFile(file, targetRows);
  const size = statSync(file).size;
  log(`file: ${rows} rows, ${(size / 1024 / 1024).toFixed(1)} MB, written in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

  const databaseUrl = usePostgres ? await createDatabase() : '';
  const admin = { email: 'bench-import@example.se', password: randomBytes(18).toString('base64url') };
  const port = await freePort();
  const profile = cpuProfDir ? ['--cpu-prof', `--cpu-prof-dir=${cpuProfDir}`] : [];
  const env = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    NAVET_DB_ALLOW_OWNER: '1',
    NAVET_DATA_DIR: join(tmp, 'data'),
    NAVET_DEMO: '0',
    LOG_LEVEL: 'warn',
    SMTP_HOST: '',
    NAVET_IN_PROCESS_WORKER: workerProcess ? '0' : '1',
  };
  const server = await startChild({
    name: 'navet',
    args: [...profile, ...nodeArgsFor('src/main.ts')],
    env: {
      ...env,
      NAVET_PUBLIC_URL: `http://127.0.0.1:${port}`,
      NAVET_BOOTSTRAP_ADMIN_EMAIL: admin.email,
      NAVET_BOOTSTRAP_ADMIN_PASSWORD: admin.password,
    },
    port,
    readyPath: '/api/health',
    // Reads are sampled once the server has compiled its schemas (main.ts), not during it.
    readyMessage: SCHEMAS_COMPILED,
    timeoutMs: 240_000,
  });
  // The worker says it runs at info level (its start is not part of the import's time).
  if (workerProcess)
    await startBackground({
      name: 'worker',
      args: [...profile, ...nodeArgsFor('src/worker.ts')],
      env: { ...env, LOG_LEVEL: 'info' },
      ready: /Jobbkön körs/,
      timeoutMs: 240_000,
    });
  const login = await fetch(`${server.url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(admin),
  });
  if (login.status !== 200) throw new Error(`login: ${login.status}`);
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const cookie = login.headers.getSetCookie()[0]!.split(';')[0]!;
  const headers = { cookie, 'x-csrf-token': csrfToken };

  const created = await fetch(`${server.url}/api/v1/indicators`, {
    method: 'POST',
    headers: { ...headers, 'content-type': 'application/json' },
    body: JSON.stringify({
      code: `BENCH-IMPORT-${randomBytes(3).toString('hex')}`,
      periodicity: 'month',
      name: 'Andel besök inom vårdgarantin (bänk)',
      definition: 'Bänkens indikator för en nationell fil.',
      unit: '%',
      direction: 'higher',
      source: 'own-measurement',
    }),
  });
  if (created.status !== 201) throw new Error(`create indicator: ${created.status} ${await created.text()}`);
  const indicator = (await created.json()) as { id: string };

  const query = new URLSearchParams({
    fileName: 'kolada-1e6.csv',
    area: 'Region',
    subArea: 'Enhet',
    gender: 'Kön',
    period: 'Period',
    value: 'Värde',
  });
  // One import of the file, followed to its end: its figures.
  // A small read every 100 ms (how the web process answers), alone first, then during the import.
  const sampleReads = async (going: () => boolean, into: number[]) => {
    while (going()) {
      const r0 = performance.now();
      await (await fetch(`${server.url}/api/v1/indicators/${indicator.id}`, { headers })).arrayBuffer();
      into.push(performance.now() - r0);
      await sleep(100);
    }
  };
  const stats = (reads: number[]) => ({
    count: reads.length,
    p50Ms: Number(quantile(reads, 0.5).toFixed(1)),
    p99Ms: Number(quantile(reads, 0.99).toFixed(1)),
  });
  const importOnce = async () => {
    const alone: number[] = [];
    const until = performance.now() + 10_000;
    await sampleReads(() => performance.now() < until, alone);
    const load = loadavg()[0]!;
    const t = performance.now();
    const upload = await fetch(`${server.url}/api/v1/indicators/${indicator.id}/imports/upload?${query.toString()}`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'text/csv', 'content-length': String(size) },
      body: Readable.toWeb(createReadStream(file)),
      duplex: 'half',
    });
    const uploadS = (performance.now() - t) / 1000;
    if (upload.status !== 202) throw new Error(`upload: ${upload.status} ${await upload.text()}`);
    const imp = (await upload.json()) as { id: string };
    log(`uploaded in ${uploadS.toFixed(1)} s`);

    const reads: number[] = [];
    let importing = true;
    const reader = sampleReads(() => importing, reads);

    let status: Record<string, unknown>;
    let lastLog = 0;
    // Seconds in each phase as the import reports it (sampled every 250 ms).
    const phases: Record<string, number> = {};
    let phaseAt = performance.now();
    let phase = 'queued';
    for (;;) {
      status = (await (await fetch(`${server.url}/api/v1/indicator-imports/${imp.id}`, { headers })).json()) as Record<
        string,
        unknown
      >;
      // The phase while running (reading, writing), else the status (queued, running before a phase, done).
      const now = typeof status.phase === 'string' ? status.phase : String(status.status);
      if (now !== phase) {
        phases[phase] = (phases[phase] ?? 0) + (performance.now() - phaseAt) / 1000;
        phase = now;
        phaseAt = performance.now();
      }
      if (!['queued', 'running'].includes(String(status.status))) break;
      if (performance.now() - lastLog > 5000) {
        lastLog = performance.now();
        log(
          `${((performance.now() - t) / 1000).toFixed(0)} s: ${String(status.phase)} ${String(status.processedRows)} rows, ${String(status.problemCount)} problems`,
        );
      }
      await sleep(250);
    }
    const wallS = (performance.now() - t) / 1000;
    phases[phase] = (phases[phase] ?? 0) + (performance.now() - phaseAt) / 1000;
    importing = false;
    await reader;
    return {
      database: usePostgres ? 'postgresql' : 'pglite',
      worker: workerProcess ? 'own process' : 'in the web process',
      rows,
      fileMB: Number((size / 1024 / 1024).toFixed(1)),
      status: status.status,
      error: status.error,
      importedRows: status.importedRows,
      uploadS: Number(uploadS.toFixed(1)),
      wallS: Number(wallS.toFixed(1)),
      rowsPerSecond: Math.round(rows / wallS),
      phasesS: Object.fromEntries(Object.entries(phases).map(([k, v]) => [k, Number(v.toFixed(1))])),
      readsAlone: stats(alone),
      readsDuringImport: stats(reads),
      loadAverageAtStart: Number(load.toFixed(1)),
      cpus: cpus().length,
    };
  };
  const first = await importOnce();
  // --again: the same file a second time, replacing every value the first wrote (a monthly refresh).
  const result = again && first.status === 'done' ? { first, again: await importOnce() } : first;
  console.log(JSON.stringify(result, null, 2));
  if (outFile) writeFileSync(outFile, JSON.stringify(result, null, 2) + '\n');
  for (const r of 'again' in result ? [result.first, result.again] : [result])
    if (r.status !== 'done') throw new Error(`the import ended ${String(r.status)}: ${String(r.error)}`);
}

main()
  .catch((err: unknown) => {
    console.error(err);
    process.exitCode = 1;
  })
  .finally(async () => {
    await stopAllChildren();
    for (const c of cleanups.reverse()) await c();
  });
