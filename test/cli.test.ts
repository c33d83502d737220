import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';

import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { verifyPassword } from '../src/platform/auth/passwords.js';
import { findUserByEmail, findUserIdByToken } from '../src/platform/auth/repository.js';
import { sha256 } from '../src/platform/auth/secrets.js';
import { openDatabase, type Db } from '../src/platform/db/index.js';
import { createEmptyTestDatabaseUrl, dropTestDatabases, usingPostgres } from './helpers/db.js';

/** The real command, as a child process: `node bin/navet.js …`, always from the sources. */
const BIN = fileURLToPath(new URL('../bin/navet.js', import.meta.url));

interface Installation {
  env: Record<string, string>;
  dataDir: string;
  databaseUrl: string | undefined;
}

interface Result {
  status: number | null;
  stdout: string;
  stderr: string;
}

const baseEnv = (): Record<string, string> => {
  const env: Record<string, string> = {
    ...(process.env as Record<string, string>),
    NAVET_CLI_FROM_SOURCE: '1',
    LOG_LEVEL: 'info',
  };
  for (const k of [
    'DATABASE_URL',
    'NAVET_DATA_DIR',
    'NAVET_PASSWORD',
    'NAVET_BOOTSTRAP_ADMIN_EMAIL',
    'NAVET_BOOTSTRAP_ADMIN_PASSWORD',
  ]) {
    delete env[k];
  }
  return env;
};

function start(
  args: string[],
  env: Record<string, string> = baseEnv(),
  input = '',
): { child: ChildProcessWithoutNullStreams; done: Promise<Result> } {
  const child = spawn(process.execPath, [BIN, ...args], { env });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  child.stdin.end(input);
  const done = new Promise<Result>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
  return { child, done };
}

const navet = (args: string[], env?: Record<string, string>, input?: string) => start(args, env, input).done;

/** A few at a time: each child compiles the sources with tsx. */
async function inBatches<T, R>(items: T[], size: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += size) out.push(...(await Promise.all(items.slice(i, i + size).map(fn))));
  return out;
}

/** An empty installation: a new data directory, or a new database on the server when TEST_DATABASE_URL is set. */
async function installation(): Promise<Installation> {
  const dataDir = mkdtempSync(join(tmpdir(), 'navet-cli-'));
  let databaseUrl: string | undefined;
  if (usingPostgres) {
    databaseUrl = await createEmptyTestDatabaseUrl('navet_cli');
  }
  return {
    env: { ...baseEnv(), NAVET_DATA_DIR: dataDir, ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}) },
    dataDir,
    databaseUrl,
  };
}

async function withDb<T>(inst: Installation, fn: (db: Db) => Promise<T>): Promise<T> {
  const db = await openDatabase(inst);
  try {
    return await fn(db);
  } finally {
    await db.close();
  }
}

/** Rows of the tables a restore must bring back, in text form. */
const contents = (inst: Installation) =>
  withDb(inst, async (db) => {
    const out: Record<string, string[]> = {};
    for (const t of ['users', 'role_assignments', 'api_tokens', 'audit_events', 'groups', 'municipalities']) {
      out[t] = (await db.query<{ r: string }>(`SELECT x::text AS r FROM ${t} x`)).map((r) => r.r).sort();
    }
    return out;
  });

afterAll(async () => {
  await dropTestDatabases();
});

describe('navet --help', () => {
  it('explains every command in Swedish and exits 0', async () => {
    const commands = [
      [],
      ['migrate'],
      ['seed'],
      ['user'],
      ['user', 'create'],
      ['user', 'set-password'],
      ['token'],
      ['token', 'create'],
      ['scim-client'],
      ['scim-client', 'create'],
      ['scim-client', 'rotate'],
      ['scim-client', 'revoke'],
      ['backup'],
      ['restore'],
      ['worker'],
    ];
    const results = await inBatches(commands, 4, (c) => navet([...c, '--help']));
    for (const [i, r] of results.entries()) {
      expect(r.status, commands[i]!.join(' ')).toBe(0);
      expect(r.stdout).toContain('Användning: navet');
      expect(r.stdout).toContain('visa hjälp för kommandot');
    }
    const top = results[0]!.stdout;
    expect(top).toContain('Kommandon:');
    for (const c of ['migrate', 'seed', 'user', 'token', 'scim-client', 'backup', 'restore', 'worker'])
      expect(top).toMatch(new RegExp(`\\n  ${c}\\b`));
    expect(top).toContain('säkerhetskopiera hela databasen');
    expect(results[4]!.stdout).toContain('--role <roll:omfångstyp:id>');
  }, 60_000);
});

describe('usage errors', () => {
  it('exit 2 with a Swedish message and a pointer to the help', async () => {
    const cases: [string[], RegExp][] = [
      [['user', 'create', '--email', 'a@example.se'], /flaggan '--name <namn>' måste anges\nSe 'navet user create --help'/],
      [['nonsense'], /okänt kommando 'nonsense'/],
      [['restore'], /argumentet 'fil' saknas/],
      [['user', 'create', '--email', 'a@example.se', '--name', 'A', '--role', 'fel'], /ogiltigt värde för '--role/],
      [['user', 'create', '--email', 'a@example.se', '--name', 'A'], /inget lösenord/],
      [[], /Användning: navet/],
    ];
    const results = await inBatches(cases, 3, ([args]) => navet(args));
    for (const [i, r] of results.entries()) {
      expect(r.status, cases[i]![0].join(' ')).toBe(2);
      expect(r.stderr).toMatch(cases[i]![1]);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
  }, 60_000);
});

describe('an installation from the command line', () => {
  it('migrates, seeds, creates a user and a working token, sets a password, backs up and restores', async () => {
    const inst = await installation();
    const migrated = await navet(['migrate'], inst.env);
    expect(migrated).toMatchObject({ status: 0 });
    expect(migrated.stdout).toContain('0001_platform.sql');

    const seeded = await navet(['seed', '--no-demo'], inst.env);
    expect(seeded.status).toBe(0);
    expect(seeded.stderr).not.toContain('navet:');
    expect(seeded.stdout).toContain('Referensdata: 21 regioner, 290 kommuner');

    const email = 'Anna.Admin@Example.se';
    const created = await navet(
      ['user', 'create', '--email', email, '--name', 'Anna Åkesson', '--admin', '--role', 'samordnare:region:07'],
      { ...inst.env, NAVET_PASSWORD: 'första-långa-lösenordet' },
    );
    expect(created.stderr).toBe('');
    expect(created.stdout).toContain('Användaren Anna Åkesson <anna.admin@example.se> är skapad');

    const token = await navet(['token', 'create', '--email', email, '--name', 'Export'], inst.env);
    expect(token.status).toBe(0);
    expect(token.stdout).toMatch(/^nvt_\S+\n$/);
    expect(token.stderr).toContain('visas bara nu');

    const scim = await navet(['scim-client', 'create', '--name', 'Entra ID', '--owner', '07'], inst.env);
    expect(scim.status).toBe(0);
    expect(scim.stdout).toMatch(/^nvscim_\S+\n$/);
    expect(scim.stderr).toContain('registret 07');
    const unknown = await navet(['scim-client', 'create', '--name', 'Fel', '--owner', '99'], inst.env);
    expect(unknown.status).not.toBe(0);
    expect(unknown.stderr).toContain('Okänd ägare "99"');

    const reset = await navet(['user', 'set-password', '--email', email], inst.env, 'andra-långa-lösenordet\n');
    expect(reset).toMatchObject({ status: 0, stderr: '' });

    await withDb(inst, async (db) => {
      const user = (await findUserByEmail(db, email))!;
      expect(user.roles.map((r) => `${r.role}:${r.scopeType}:${r.scopeId}`).sort()).toEqual([
        'admin:system:',
        'samordnare:region:07',
      ]);
      // The new password revoked the token made under the old one.
      expect(await findUserIdByToken(db, sha256(token.stdout.trim()))).toBeUndefined();
      expect(await verifyPassword(user.password_hash, 'andra-långa-lösenordet')).toBe(true);
      const audit = await db.query<{ action: string; entity_type: string; actor_user_id: string | null; request_id: string }>(
        `SELECT action, entity_type, actor_user_id, request_id FROM audit_events WHERE request_id = 'cli' ORDER BY id`,
      );
      expect(audit).toEqual([
        { action: 'create', entity_type: 'user', actor_user_id: null, request_id: 'cli' },
        { action: 'create', entity_type: 'api-token', actor_user_id: user.id, request_id: 'cli' },
        { action: 'create', entity_type: 'scim-client', actor_user_id: null, request_id: 'cli' },
        { action: 'revoke', entity_type: 'api-token', actor_user_id: null, request_id: 'cli' },
        { action: 'set-password', entity_type: 'user', actor_user_id: null, request_id: 'cli' },
      ]);
    });

    const file = join(inst.dataDir, 'navet.jsonl.gz');
    const backedUp = await navet(['backup', '--out', file], inst.env);
    expect(backedUp.status).toBe(0);
    expect(backedUp.stderr).toContain(`skriven till ${file}`);

    const copy = await installation();
    const restored = await navet(['restore', file], copy.env);
    expect(restored.stderr).toContain('är återställd');
    expect(restored.status).toBe(0);
    expect(await contents(copy)).toEqual(await contents(inst));
  }, 120_000);
});

describe('the embedded database in one process at a time', () => {
  it('refuses a second process while `navet worker` runs, and the worker stops cleanly on SIGTERM', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'navet-cli-lock-'));
    const env = { ...baseEnv(), NAVET_DATA_DIR: dataDir };
    const worker = start(['worker'], env);
    let output = '';
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`worker did not start: ${output}`)), 45_000);
      const seen = (d: Buffer | string) => {
        output += String(d);
        if (output.includes('Jobbkön körs')) {
          clearTimeout(timer);
          resolve();
        }
      };
      worker.child.stdout.on('data', seen);
      worker.child.stderr.on('data', seen);
      void worker.done.then((r) => reject(new Error(`worker exited ${r.status}: ${r.stderr}`)));
    });

    const second = await navet(['migrate'], env);
    expect(second.status).toBe(1);
    expect(second.stderr).toContain('används redan av en annan Navet-process');
    expect(second.stderr).toContain(`pid ${worker.child.pid}`);
    expect(second.stderr).not.toMatch(/\n\s+at /);

    worker.child.kill('SIGTERM');
    const stopped = await worker.done;
    expect(stopped.status).toBe(0);
    expect(stopped.stdout).toContain('Jobbkön har stoppats');
    expect(existsSync(join(dataDir, 'pglite', 'navet.lock'))).toBe(false);
  }, 90_000);
});
