import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/platform/config.js';
import { openPglite } from '../src/platform/db/pglite.js';
import { DataDirLockedError } from '../src/platform/db/lock.js';
import { openAndPrepare } from '../src/server.js';
import { buildUser } from '../src/testing/builders.js';

const tmp = () => mkdtempSync(join(tmpdir(), 'navet-embedded-'));

describe.skipIf(Boolean(process.env.TEST_DATABASE_URL))('embedded PGlite database in NAVET_DATA_DIR', () => {
  it('keeps all data across a restart', async () => {
    const dataDir = tmp();
    const config = { ...loadConfig({ NAVET_DATA_DIR: dataDir, NAVET_DEMO: '0' }), logLevel: 'silent' };
    const first = await openAndPrepare(config);
    const u = await buildUser(first, { name: 'Överlever Omstart' });
    await first.close();
    const second = await openAndPrepare(config);
    const rows = await second.query<{ name: string }>('SELECT name FROM users WHERE id = $1', [u.id]);
    expect(rows).toEqual([{ name: 'Överlever Omstart' }]);
    const { n } = (await second.query<{ n: number }>('SELECT count(*) AS n FROM municipalities'))[0]!;
    expect(n).toBe(290);
    await second.close();
  });

  it('refuses a second process on the same data directory with a clear message', async () => {
    const dataDir = tmp();
    const db = await openPglite({ dataDir });
    try {
      const child = spawnSync(
        process.execPath,
        [
          '--import',
          'tsx',
          '-e',
          `import('${new URL('../src/platform/db/pglite.ts', import.meta.url).pathname}').then(m => m.openPglite({ dataDir: ${JSON.stringify(dataDir)} })).then(() => process.exit(0), e => { console.error(e.message); process.exit(3); })`,
        ],
        { encoding: 'utf8', timeout: 30_000 },
      );
      expect(child.status).toBe(3);
      expect(child.stderr).toContain('används redan av en annan Navet-process');
      expect(child.stderr).toContain(String(process.pid));
    } finally {
      await db.close();
    }
    const again = await openPglite({ dataDir });
    await again.close();
  });

  it('takes over a lock file left by a process that no longer runs', async () => {
    const dataDir = tmp();
    writeFileSync(join(dataDir, 'navet.lock'), JSON.stringify({ pid: 2 ** 22 + 12345 }));
    const db = await openPglite({ dataDir });
    await db.close();
  });

  it('refuses the same directory within one process too', async () => {
    const dataDir = tmp();
    const db = await openPglite({ dataDir });
    try {
      await expect(openPglite({ dataDir })).rejects.toBeInstanceOf(DataDirLockedError);
    } finally {
      await db.close();
    }
  });
});
