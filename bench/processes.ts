import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { projectRoot } from '../src/platform/version.js';

/**
 * The bench's child processes: the real server, the ceiling server, a job worker. Each is started as
 * one node process (no npx/sh in between), so killing its pid stops it.
 */
const children = new Set<ChildProcess>();

/** A port that was free a moment ago on the loopback interface. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const addr = s.address();
      s.close(() => (addr && typeof addr === 'object' ? resolve(addr.port) : reject(new Error('no port'))));
    });
  });
}

/** How to run a TypeScript entrypoint: the compiled file when built, else through tsx's loader. */
export function nodeArgsFor(tsEntry: string): string[] {
  const compiled = join(projectRoot, 'dist', tsEntry.replace(/\.ts$/, '.js'));
  if (existsSync(compiled)) return [compiled];
  return ['--import', 'tsx', join(projectRoot, tsEntry)];
}

export interface Child {
  name: string;
  url: string;
  process: ChildProcess;
}

/**
 * Start a child process listening on 127.0.0.1:port and wait until `readyPath` answers 200.
 * The child's output is forwarded to our stderr with a prefix; we stop waiting if it exits.
 */
export async function startChild(opts: {
  name: string;
  args: string[];
  env: NodeJS.ProcessEnv;
  port: number;
  readyPath: string;
  /** Also wait for this message on an IPC channel (the server's schema warm-up, main.ts). */
  readyMessage?: string;
  timeoutMs: number;
}): Promise<Child> {
  const child = spawn(process.execPath, opts.args, {
    cwd: projectRoot,
    env: { ...opts.env, HOST: '127.0.0.1', PORT: String(opts.port) },
    stdio: ['ignore', 'pipe', 'pipe', ...(opts.readyMessage ? (['ipc'] as const) : [])],
  });
  let messageSeen = !opts.readyMessage;
  child.on('message', (m: unknown) => {
    if ((m as { type?: unknown } | null)?.type === opts.readyMessage) messageSeen = true;
  });
  children.add(child);
  child.once('exit', () => children.delete(child));
  const forward = (chunk: Buffer) => {
    for (const line of chunk.toString('utf8').split('\n')) if (line.trim()) process.stderr.write(`[${opts.name}] ${line}\n`);
  };
  child.stdout?.on('data', forward);
  child.stderr?.on('data', forward);

  const url = `http://127.0.0.1:${opts.port}`;
  const deadline = Date.now() + opts.timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`${opts.name} exited during start-up (code ${child.exitCode ?? child.signalCode})`);
    }
    try {
      const res = await fetch(url + opts.readyPath, { signal: AbortSignal.timeout(2000) });
      if (res.status === 200 && messageSeen) {
        // The channel would keep this process alive after the bench ends.
        if (opts.readyMessage) child.disconnect();
        return { name: opts.name, url, process: child };
      }
    } catch {
      // not listening yet
    }
    await sleep(200);
  }
  throw new Error(`${opts.name} did not answer ${opts.readyPath} within ${opts.timeoutMs / 1000} s`);
}

/**
 * A child that listens on no port (the job worker, `navet worker`); its output is forwarded like
 * startChild's. Resolves once a line of its output matches `ready`.
 */
export async function startBackground(opts: {
  name: string;
  args: string[];
  env: NodeJS.ProcessEnv;
  ready: RegExp;
  timeoutMs: number;
}): Promise<ChildProcess> {
  const child = spawn(process.execPath, opts.args, { cwd: projectRoot, env: opts.env, stdio: ['ignore', 'pipe', 'pipe'] });
  children.add(child);
  child.once('exit', () => children.delete(child));
  let isReady: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => (isReady = resolve));
  const forward = (chunk: Buffer) => {
    for (const line of chunk.toString('utf8').split('\n')) {
      if (opts.ready.test(line)) isReady();
      if (line.trim()) process.stderr.write(`[${opts.name}] ${line}\n`);
    }
  };
  child.stdout?.on('data', forward);
  child.stderr?.on('data', forward);
  const exited = new Promise<never>((_, reject) =>
    child.once('exit', (code) => reject(new Error(`${opts.name} exited during start-up (code ${code})`))),
  );
  const stopWaiting = new AbortController();
  const late = sleep(opts.timeoutMs, undefined, { signal: stopWaiting.signal }).then(() => {
    throw new Error(`${opts.name} was not ready within ${opts.timeoutMs / 1000} s`);
  });
  // Both settle later (the exit at the bench's end, the aborted timer): not unhandled.
  exited.catch(() => undefined);
  late.catch(() => undefined);
  try {
    await Promise.race([ready, exited, late]);
  } finally {
    stopWaiting.abort();
  }
  return child;
}

/** SIGTERM, then SIGKILL if it has not exited within graceMs. */
export async function stopChild(child: ChildProcess, graceMs = 5000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
}

export async function stopAllChildren(): Promise<void> {
  await Promise.all([...children].map((c) => stopChild(c)));
}

/** Last resort when the bench process itself is exiting: no waiting is possible here. */
export function killAllChildrenNow(): void {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
}
