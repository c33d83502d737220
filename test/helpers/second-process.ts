import type { Config } from '../../src/platform/config.js';
import type { Db } from '../../src/platform/db/index.js';
import type { App } from '../../src/platform/http/app.js';
import { createApp } from '../../src/server.js';

/**
 * Another app process on the same database, for tests of what must hold across processes (cached
 * reads, rate limits). What a process keeps in memory (its read cache, its batched rate-limit
 * hits, its geography) is kept per database handle, so the second app gets a handle of its own:
 * a proxy that is another object to those per-handle stores and runs every query on the same
 * database (PGlite allows one handle per data directory).
 */
export async function secondProcess(db: Db, config: Config): Promise<App> {
  const handle = new Proxy(db, {});
  const app = await createApp(handle, config, false);
  await app.ready();
  return app;
}
