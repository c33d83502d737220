/**
 * One outgoing GET or POST to an outside source (Kolada, the national quality indicators, a
 * catalogue feed) with a timeout and retries: network errors, timeouts, 429 and 5xx are tried
 * again with a short exponential backoff (200 ms, 400 ms, … at most 2 s); 404 and other 4xx are
 * answered at once. Failures are a `SourceError` whose message is Swedish, for people, and names
 * the source, so a source that is down or refuses says so clearly.
 */

/** The source could not be read, or answered in a shape Navet does not know: the message is Swedish, for people. */
export class SourceError extends Error {
  constructor(
    message: string,
    readonly kind: 'unavailable' | 'shape' | 'not-found',
  ) {
    super(message);
    this.name = 'SourceError';
  }
}

export interface RetrySettings {
  timeoutMs: number;
  /** Further attempts after the first. */
  retries: number;
}

export interface SourceNames {
  /** The source as it answers ("Kolada svarade 400 på /v3/kpi"). */
  name: string;
  /** The source as it cannot be reached ("Kolada går inte att nå just nu …"). */
  unreachable: string;
  /** Said on 404. */
  notFound: string;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The backoff before attempt n (n ≥ 1). */
export const backoffMs = (attempt: number) => Math.min(2000, 200 * 2 ** (attempt - 1));

export async function fetchWithRetries(
  url: string,
  init: RequestInit & { accept: string },
  settings: RetrySettings,
  source: SourceNames,
  fetchImpl: typeof fetch = fetch,
): Promise<Response> {
  const { accept, ...rest } = init;
  let last = '';
  for (let attempt = 0; attempt <= settings.retries; attempt++) {
    if (attempt > 0) await sleep(backoffMs(attempt));
    let res: Response;
    try {
      res = await fetchImpl(url, {
        ...rest,
        headers: { accept, ...(rest.body ? { 'content-type': 'application/json' } : {}) },
        signal: AbortSignal.timeout(settings.timeoutMs),
      });
    } catch (err) {
      last =
        err instanceof Error && (err.name === 'TimeoutError' || err.name === 'AbortError')
          ? `inget svar inom ${Math.round(settings.timeoutMs / 1000)} sekunder`
          : 'ingen förbindelse';
      continue;
    }
    if (res.status === 404) {
      await res.body?.cancel();
      throw new SourceError(source.notFound, 'not-found');
    }
    if (res.status === 429 || res.status >= 500) {
      last = `svarade ${res.status}`;
      await res.body?.cancel();
      continue;
    }
    if (!res.ok) {
      await res.body?.cancel();
      throw new SourceError(`${source.name} svarade ${res.status} på ${new URL(url).pathname}.`, 'unavailable');
    }
    return res;
  }
  throw new SourceError(
    `${source.unreachable} går inte att nå just nu (${last}, ${settings.retries + 1} försök). Försök igen senare.`,
    'unavailable',
  );
}
