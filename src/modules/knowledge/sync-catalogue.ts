/**
 * The scheduled sync of the national catalogue from a configured URL (NAVET_CATALOGUE_URL),
 * run by the job worker. Each run asks conditionally (If-None-Match with the last ETag,
 * If-Modified-Since with the last Last-Modified): 304 means nothing changed and nothing is
 * written but the time of the check; 200 imports the file as the full catalogue through the
 * same use case as an upload (importCatalogue), audited as `knowledge-catalogue.sync` with the
 * diff. A failing source (timeout, network, a status other than 200/304, a file that cannot be
 * read) is remembered and thrown, so the job is retried with back-off.
 */
import type { Config } from '../../platform/config.js';
import { systemCtx } from '../../platform/context.js';
import type { Db } from '../../platform/db/index.js';
import { Problem } from '../../platform/errors.js';
import { getSyncState, saveSyncState } from './catalogue-sync-repository.js';
import { importCatalogue, type CatalogueReport } from './import-catalogue.js';

export const CATALOGUE_SYNC_QUEUE = 'knowledge.catalogue-sync';

type Settings = NonNullable<Config['catalogueSync']>;
export type SyncOutcome = { outcome: 'off' } | { outcome: 'not-modified' } | { outcome: 'imported'; report: CatalogueReport };

/** The file's format: the setting, else the URL's ending, else the answer's Content-Type. */
export function formatOf(settings: Settings, contentType: string | null): 'csv' | 'xlsx' | 'json' {
  if (settings.format) return settings.format;
  const path = new URL(settings.url).pathname.toLowerCase();
  if (path.endsWith('.xlsx')) return 'xlsx';
  if (path.endsWith('.json')) return 'json';
  if (path.endsWith('.csv')) return 'csv';
  const type = (contentType ?? '').toLowerCase();
  if (type.includes('json')) return 'json';
  if (type.includes('spreadsheetml')) return 'xlsx';
  return 'csv';
}

export async function syncCatalogue(
  db: Db,
  settings: Settings | undefined,
  fetchImpl: typeof fetch = fetch,
): Promise<SyncOutcome> {
  if (!settings) return { outcome: 'off' };
  const state = await getSyncState(db, settings.url);
  const headers: Record<string, string> = {};
  if (state?.etag) headers['if-none-match'] = state.etag;
  if (state?.lastModified) headers['if-modified-since'] = state.lastModified;
  const fail = async (message: string): Promise<never> => {
    await saveSyncState(db, settings.url, { outcome: 'failed', error: message });
    throw new Error(message);
  };
  let res: Response;
  try {
    res = await fetchImpl(settings.url, { headers, signal: AbortSignal.timeout(settings.timeoutMs), redirect: 'follow' });
  } catch (err) {
    return fail(`Katalogen kunde inte hämtas från ${settings.url}: ${err instanceof Error ? err.message : String(err)}`);
  }
  if (res.status === 304) {
    await saveSyncState(db, settings.url, { outcome: 'not-modified' });
    return { outcome: 'not-modified' };
  }
  if (res.status !== 200) return fail(`Katalogkällan svarade ${res.status} på ${settings.url}.`);
  const body = Buffer.from(await res.arrayBuffer());
  const fileName = decodeURIComponent(new URL(settings.url).pathname.split('/').pop() || 'katalog');
  let report: CatalogueReport;
  try {
    report = await importCatalogue(db, systemCtx('catalogue-sync'), {
      fileName,
      format: formatOf(settings, res.headers.get('content-type')),
      contentBase64: body.toString('base64'),
      full: true,
      dryRun: false,
      source: { url: settings.url },
    });
  } catch (err) {
    return fail(
      `Katalogen från ${settings.url} gick inte att läsa in: ${err instanceof Problem ? err.detail : err instanceof Error ? err.message : String(err)}`,
    );
  }
  await saveSyncState(db, settings.url, {
    outcome: 'imported',
    etag: res.headers.get('etag'),
    lastModified: res.headers.get('last-modified'),
  });
  return { outcome: 'imported', report };
}

/** The job worker's handler: one sync per scheduled run; a no-op while the sync is off. */
export function catalogueSyncHandler(db: Db, settings: Settings | undefined, fetchImpl: typeof fetch = fetch) {
  return async () => {
    await syncCatalogue(db, settings, fetchImpl);
  };
}
