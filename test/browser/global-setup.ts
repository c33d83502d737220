import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { startFakeKolada } from '../helpers/fake-kolada.js';

declare module 'vitest' {
  export interface ProvidedContext {
    baseURL: string;
    adminEmail: string;
    adminPassword: string;
    /** An origin the server lets read its public API (CORS), for cross-origin.test.ts; '' when unknown. */
    intranetOrigin: string;
  }
}

const root = fileURLToPath(new URL('../..', import.meta.url));
const ADMIN_EMAIL = 'admin@example.se';
const ADMIN_PASSWORD = 'webbtest-losenord-2026';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

async function waitForHealth(url: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`Navet exited with ${child.exitCode} before it was ready:\n${output()}`);
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`Navet did not answer /api/health within 180 s:\n${output()}`);
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  project.provide('adminEmail', ADMIN_EMAIL);
  project.provide('adminPassword', ADMIN_PASSWORD);

  // Point at a server you already run (with this admin) to skip the start-up.
  const external = process.env.NAVET_TEST_BASE_URL;
  if (external) {
    project.provide('baseURL', external.replace(/\/$/, ''));
    project.provide('intranetOrigin', process.env.NAVET_TEST_INTRANET_ORIGIN ?? '');
    return async () => {};
  }

  if (!existsSync(join(process.env.NAVET_WEB_ROOT || join(root, 'dist', 'web'), 'index.html'))) {
    throw new Error('dist/web is missing: run `vite build` first (npm run test:browser does).');
  }

  const port = await freePort();
  // On 127.0.0.1 like the server: Chromium lets a loopback page call a loopback server.
  const intranetOrigin = `http://127.0.0.1:${await freePort()}`;
  project.provide('intranetOrigin', intranetOrigin);
  // Kolada answers from the recorded fixtures, so a person can fetch a KPI (sources.test.ts).
  const kolada = await startFakeKolada();
  const dataDir = mkdtempSync(join(tmpdir(), 'navet-browser-'));
  let log = '';
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: root,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      NAVET_DATA_DIR: dataDir,
      NAVET_DEMO: '1',
      // Every browser test file signs in from 127.0.0.1; the default (30 per 5 min) is for people.
      NAVET_LOGIN_IP_LIMIT: '1000',
      // The intranet of cross-origin.test.ts, allowed to read the public API from the browser.
      NAVET_CORS_ORIGINS: intranetOrigin,
      NAVET_KOLADA_URL: kolada.baseUrl,
      NAVET_BOOTSTRAP_ADMIN_EMAIL: ADMIN_EMAIL,
      NAVET_BOOTSTRAP_ADMIN_PASSWORD: ADMIN_PASSWORD,
      LOG_LEVEL: 'warn',
      DATABASE_URL: '',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const keep = (chunk: Buffer) => {
    log = (log + chunk.toString()).slice(-20_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);

  const baseURL = `http://127.0.0.1:${port}`;
  try {
    await waitForHealth(baseURL, child, () => log);
  } catch (err) {
    child.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
    throw err;
  }
  project.provide('baseURL', baseURL);

  return async () => {
    if (child.exitCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
      if (child.exitCode === null) child.kill('SIGKILL');
    }
    rmSync(dataDir, { recursive: true, force: true });
  };
}
