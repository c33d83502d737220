/**
 * Kolada, RKA's open API, version 3 (https://api.kolada.se/v3, Swagger at /v3/docs; free, no
 * agreement, "Källa: Kolada" where the data is shown). What Navet reads:
 *
 * - `GET /kpi/{id}` and `GET /kpi?title=…`: KPI metadata (`id`, `title`, `description`,
 *   `is_divided_by_gender`, `municipality_type`, `operating_area`, …);
 * - `GET /data/kpi/{kpi}/municipality/{ids}/year/{years}`: values per KPI × municipality or
 *   region × year, each with `values: [{ gender: 'T'|'K'|'M', count, status, value }]`.
 *
 * Every answer is `{ count, values: [...], next_page?, previous_page? }`; a further page is
 * fetched from `next_page` (some v3 answers name it `next_url`: both are followed). Answers are
 * checked against the shape below: a source that changes shape is a clear error, not bad data.
 * Requests time out, and network errors, 429 and 5xx are tried again with a short backoff.
 */
import { Type, type Static } from 'typebox';
import { Value } from 'typebox/value';
import { fetchWithRetries, SourceError } from '../../../platform/http/fetch-with-retries.js';

export interface KoladaSettings {
  baseUrl: string;
  timeoutMs: number;
  retries: number;
}

const KOLADA = {
  name: 'Kolada',
  unreachable: 'Kolada',
  notFound: 'Kolada känner inte till det efterfrågade nyckeltalet.',
};

export { SourceError };

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);

export const KoladaKpi = Type.Object({
  id: Type.String(),
  title: Type.String(),
  description: Type.Optional(Nullable(Type.String())),
  is_divided_by_gender: Type.Optional(Type.Union([Type.Boolean(), Type.Integer()])),
  municipality_type: Type.Optional(Nullable(Type.String())),
  operating_area: Type.Optional(Nullable(Type.String())),
  publication_date: Type.Optional(Nullable(Type.String())),
});
export type KoladaKpi = Static<typeof KoladaKpi>;

export const KoladaValue = Type.Object({
  gender: Type.Union([Type.Literal('T'), Type.Literal('K'), Type.Literal('M')]),
  count: Type.Optional(Nullable(Type.Number())),
  status: Type.Optional(Nullable(Type.String())),
  value: Nullable(Type.Number()),
});
export const KoladaDataPoint = Type.Object({
  kpi: Type.String(),
  municipality: Type.String(),
  period: Type.Union([Type.Integer(), Type.String()]),
  values: Type.Array(KoladaValue),
});
export type KoladaDataPoint = Static<typeof KoladaDataPoint>;

const Page = <T extends Parameters<typeof Type.Array>[0]>(item: T) =>
  Type.Object({
    count: Type.Optional(Type.Integer()),
    values: Type.Array(item),
    next_page: Type.Optional(Nullable(Type.String())),
    next_url: Type.Optional(Nullable(Type.String())),
  });
const KpiPage = Page(KoladaKpi);
const DataPage = Page(KoladaDataPoint);

const MAX_PAGES = 200;

export class KoladaClient {
  constructor(
    private readonly settings: KoladaSettings,
    private readonly fetchImpl: typeof fetch = fetch,
  ) {}

  /** One GET with timeout and retries (platform/http/fetch-with-retries.ts); the parsed JSON. */
  private async get(url: string): Promise<unknown> {
    const res = await fetchWithRetries(url, { accept: 'application/json' }, this.settings, KOLADA, this.fetchImpl);
    try {
      return await res.json();
    } catch {
      throw new SourceError('Kolada svarade med något som inte är JSON.', 'shape');
    }
  }

  /** Every page of a listing, following next_page. */
  private async pages<T>(first: string, schema: typeof KpiPage | typeof DataPage, what: string): Promise<T[]> {
    const out: T[] = [];
    let url: string | null | undefined = first;
    for (let n = 0; url && n < MAX_PAGES; n++) {
      const body = await this.get(url);
      if (!Value.Check(schema, body)) {
        const e = [...Value.Errors(schema, body)][0];
        throw new SourceError(
          `Kolada svarade i ett oväntat format för ${what}${e ? ` (${e.instancePath || '/'}: ${e.message})` : ''}. Källan kan ha ändrats; ingenting lästes in.`,
          'shape',
        );
      }
      out.push(...(body.values as T[]));
      url = body.next_page ?? body.next_url;
    }
    return out;
  }

  private url(path: string, query: Record<string, string> = {}): string {
    const u = new URL(`${this.settings.baseUrl}${path}`);
    for (const [k, v] of Object.entries(query)) u.searchParams.set(k, v);
    return u.toString();
  }

  /** A KPI's metadata by its id ("N07403"). */
  async kpi(id: string): Promise<KoladaKpi> {
    const found = await this.pages<KoladaKpi>(this.url(`/kpi/${encodeURIComponent(id)}`), KpiPage, `nyckeltal ${id}`);
    const kpi = found.find((k) => k.id === id);
    if (!kpi) throw new SourceError(`Kolada har inget nyckeltal ${id}.`, 'not-found');
    return kpi;
  }

  /** KPIs whose title contains the words. */
  searchKpis(title: string): Promise<KoladaKpi[]> {
    return this.pages<KoladaKpi>(this.url('/kpi', { title }), KpiPage, 'sökningen');
  }

  /** Values of one KPI for the given Kolada municipality/region ids and years, all pages. */
  data(kpi: string, ids: readonly string[], years: readonly number[]): Promise<KoladaDataPoint[]> {
    const path = `/data/kpi/${encodeURIComponent(kpi)}/municipality/${ids.join(',')}/year/${years.join(',')}`;
    return this.pages<KoladaDataPoint>(this.url(path), DataPage, `värdena för ${kpi}`);
  }
}
