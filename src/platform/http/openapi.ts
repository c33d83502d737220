import { loadConfig } from '../config.js';
import type { Db } from '../db/index.js';
import { createApp } from '../../server.js';

/** Registering routes touches no database; the document needs none. */
const noDatabase: Db = {
  kind: 'pglite',
  query: () => Promise.reject(new Error('no database while generating OpenAPI')),
  exec: () => Promise.reject(new Error('no database while generating OpenAPI')),
  transaction: () => Promise.reject(new Error('no database while generating OpenAPI')),
  ping: () => Promise.resolve(false),
  close: () => Promise.resolve(),
};

/** The OpenAPI document as the app serves it, made from the route schemas alone. */
export async function generateOpenApi(): Promise<unknown> {
  const app = await createApp(noDatabase, { ...loadConfig({}), logLevel: 'silent' }, false);
  await app.ready();
  const doc = app.swagger();
  await app.close();
  return JSON.parse(JSON.stringify(doc)) as unknown;
}
