import autocannon from 'autocannon';

export interface LoadSettings {
  /** Seconds of measured load per endpoint. */
  durationS: number;
  /** Seconds of unmeasured load first (JIT, pool, caches). */
  warmupS: number;
  connections: number;
  /** Seconds before autocannon counts a request as an error (default 10). */
  timeoutS?: number;
}

export interface Measured {
  rps: number;
  p50Ms: number;
  p99Ms: number;
  requests: number;
  /** Answers other than 2xx (e.g. 503 when the pool had no connection in time) and connection errors. */
  failed: number;
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
async function run(url: string, headers: Record<string, string>, durationS: number, connections: number, timeoutS = 10) {
  if (!/^http:\/\/127\.0\.0\.1:\d+\//.test(url)) throw new Error(`the bench only loads 127.0.0.1, not ${url}`);
  const latencies: number[] = [];
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon({ url, headers, duration: durationS, connections, pipelining: 1, timeout: timeoutS }, (err, r) =>
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
 * Warm up, then measure. Only 2xx responses count in rps and the percentiles: an endpoint
 * answering 401 or 503 fast is not fast. The others are counted in `failed`, and the run
 * (bench/run.ts) fails at the end when any endpoint has one, after writing every figure.
 */
export async function measure(url: string, headers: Record<string, string>, s: LoadSettings): Promise<Measured> {
  if (s.warmupS > 0) await run(url, headers, s.warmupS, s.connections, s.timeoutS);
  const { result: r, p50, p99 } = await run(url, headers, s.durationS, s.connections, s.timeoutS);
  return {
    rps: round(r['2xx'] / r.duration, 0),
    p50Ms: round(p50, 2),
    p99Ms: round(p99, 2),
    requests: r['2xx'],
    failed: r.non2xx + r.errors,
  };
}
