import autocannon from 'autocannon';

export interface LoadSettings {
  /** Seconds of measured load per endpoint. */
  durationS: number;
  /** Seconds of unmeasured load first (JIT, pool, caches). */
  warmupS: number;
  connections: number;
}

export interface Measured {
  rps: number;
  p50Ms: number;
  p99Ms: number;
  requests: number;
}

const round = (v: number, digits: number) => Math.round(v * 10 ** digits) / 10 ** digits;

/** The value below which a fraction q of the sorted samples lie (nearest rank). */
function percentile(sorted: Float64Array, q: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
}

/**
 * One autocannon run. Latencies are collected from the per-response event because
 * autocannon's own histogram keeps whole milliseconds, which reads 0 for fast endpoints.
 */
async function run(url: string, headers: Record<string, string>, durationS: number, connections: number) {
  if (!/^http:\/\/127\.0\.0\.1:\d+\//.test(url)) throw new Error(`the bench only loads 127.0.0.1, not ${url}`);
  const latencies: number[] = [];
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon({ url, headers, duration: durationS, connections, pipelining: 1, timeout: 10 }, (err, r) =>
      err ? reject(err instanceof Error ? err : new Error(String(err))) : resolve(r),
    );
    // autocannon 9 emits (client, statusCode, resBytes, responseTimeMs); its typings omit the client.
    instance.on('response', (...args: unknown[]) => {
      const [, status, , ms] = args as [unknown, number, number, number];
      if (status >= 200 && status < 300) latencies.push(ms);
    });
  });
  const sorted = Float64Array.from(latencies).sort();
  return { result, p50: percentile(sorted, 0.5), p99: percentile(sorted, 0.99) };
}

/**
 * Warm up, then measure. Only 2xx responses count: an endpoint answering 401 or 500 fast is
 * not fast, so any non-2xx answer or connection error fails the run instead of flattering it.
 */
export async function measure(url: string, headers: Record<string, string>, s: LoadSettings): Promise<Measured> {
  if (s.warmupS > 0) await run(url, headers, s.warmupS, s.connections);
  const { result: r, p50, p99 } = await run(url, headers, s.durationS, s.connections);
  if (r.non2xx > 0 || r.errors > 0) {
    throw new Error(`${url}: ${r.non2xx} non-2xx responses and ${r.errors} errors during the run`);
  }
  return { rps: round(r['2xx'] / r.duration, 0), p50Ms: round(p50, 2), p99Ms: round(p99, 2), requests: r['2xx'] };
}
