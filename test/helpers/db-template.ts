import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { openPglite } from '../../src/platform/db/pglite.js';
import { openPostgres } from '../../src/platform/db/postgres.js';
import { adminQuery, prepareTestDatabase, serverUrl, usingPostgres } from './db.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The migrated template database on the server every test file copies ('' on PGlite). */
    pgTemplateDatabase: string;
    /** A PGlite data directory tarball, migrated and loaded, every test file starts from ('' on PostgreSQL). */
    pgliteTemplateFile: string;
  }
}

/**
 * Global setup of the suite: migrate and load the reference data once for the whole run, not
 * once per test file (each file runs in its own process, so a module-level template was made
 * again for every file: about 5 s of a 115-file suite's every file).
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  if (usingPostgres) {
    const name = `navet_tpl_${process.pid}_${randomBytes(3).toString('hex')}`;
    await adminQuery(`CREATE DATABASE ${name}`);
    const db = await openPostgres(serverUrl(name), { max: 2 });
    try {
      await prepareTestDatabase(db);
    } finally {
      await db.close();
    }
    project.provide('pgTemplateDatabase', name);
    project.provide('pgliteTemplateFile', '');
    return async () => {
      await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    };
  }
  const db = await openPglite({});
  let dump: Blob;
  try {
    await prepareTestDatabase(db);
    dump = await db.dump();
  } finally {
    await db.close();
  }
  const dir = mkdtempSync(join(tmpdir(), 'navet-test-template-'));
  const file = join(dir, 'template.tar');
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  project.provide('pgTemplateDatabase', '');
  project.provide('pgliteTemplateFile', file);
  return async () => {
    rmSync(dir, { recursive: true, force: true });
  };
}
