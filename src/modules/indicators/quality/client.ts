/**
 * The national quality indicators behind Vården i siffror (Inera/SKR's Kvalitetsrapportering).
 * Two parts, as the platform publishes them:
 *
 * - **Kvalitetsindikatorkatalogen** (the measures): its REST API at
 *   `https://kvalitetsindikatorkatalog.se/services/api/1.0` —
 *   `POST /measureversions/searchlatest/withparams` with `{ searchValue, index, pageSize, … }`
 *   answers `{ pageResults: [measure version] }` (`id` the version, `mId` the measure id
 *   (MeasureID), `title`, `measureDefinition`, `unitType` "Andel"/"Antal"/"Median"/…,
 *   `measuringFrequencies` and `organizationalLevels` as `[{ id, name }]`,
 *   `measurementSourceName`, `soughtValue` "Högt"/"Lågt", `versionNr`); and
 *   `GET /measureversions/{id}/submeasures/` the by-gender submeasures
 *   (`[{ id, gender: { codeValue: "1" man | "2" kvinna, displayName } }]`): each has its own
 *   MeasureID in the results.
 * - **The measurement results**, in Vården i siffror's file format (the "VIS file": one row per
 *   MeasureID × period × place with `MeasureID`, `PeriodReportedStartDate`,
 *   `PeriodReportedEndDate`, `RegionOrganisationId` (länskod), `UnitHSAID`/`UnitName`,
 *   `HospitalHSAID`, `MunicipalityOrganisationID`, `CountryName` "Riket", `Rate` (a share, 0–1)
 *   with `Numerator`/`Denominator`, or `Value`, and `ReasonCode` when masked), fetched as CSV from
 *   the configured results URL with `{measureId}` replaced.
 *
 * Requests time out; network errors, 429 and 5xx are tried again with a short backoff (one
 * fetch-with-retries for every source: platform/http/fetch-with-retries.ts). An answer in another
 * shape is a clear error, not bad data.
 */
import { Type, type Static, type TSchema } from 'typebox';
import { Value } from 'typebox/value';
import { readCsv, type Table } from '../../../platform/files/table.js';
import { fetchWithRetries, SourceError } from '../../../platform/http/fetch-with-retries.js';

export { SourceError };

export interface QualitySettings {
  baseUrl: string;
  /** The results' URL, `{measureId}` replaced by the MeasureID (and each submeasure's). */
  resultsUrl: string;
  timeoutMs: number;
  retries: number;
}

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);
const Named = Type.Object({ id: Type.Optional(Nullable(Type.String())), name: Type.String() });

export const MeasureVersion = Type.Object({
  id: Type.String(),
  mId: Type.String(),
  title: Type.String(),
  status: Type.Optional(Nullable(Type.String())),
  measureDefinition: Type.Optional(Nullable(Type.String())),
  description: Type.Optional(Nullable(Type.String())),
  unitType: Type.Optional(Nullable(Type.String())),
  soughtValue: Type.Optional(Nullable(Type.String())),
  measurementSourceName: Type.Optional(Nullable(Type.String())),
  measuringFrequencies: Type.Optional(Nullable(Type.Array(Named))),
  organizationalLevels: Type.Optional(Nullable(Type.Array(Named))),
  versionNr: Type.Optional(Nullable(Type.Integer())),
});
export type MeasureVersion = Static<typeof MeasureVersion>;

const SearchPage = Type.Object({ pageResults: Type.Array(MeasureVersion) });

export const Submeasure = Type.Object({
  id: Type.String(),
  gender: Type.Optional(Nullable(Type.Object({ codeValue: Type.String(), displayName: Type.Optional(Nullable(Type.String())) }))),
});
export type Submeasure = Static<typeof Submeasure>;
const Submeasures = Type.Array(Submeasure);

/** The columns a results file must have to be read at all. */
export const RESULT_COLUMNS = ['MeasureID', 'PeriodReportedStartDate', 'PeriodReportedEndDate', 'RegionOrganisationId'] as const;

const PAGE_SIZE = 50;
const MAX_PAGES = 20;
const NAME = 'Kvalitetsindikatorkatalogen';
const SOURCE = {
  name: NAME,
  unreachable: 'De nationella kvalitetsindikatorerna',
  notFound: 'Kvalitetsindikatorkatalogen känner inte till den efterfrågade indikatorn.',
};

export class QualityIndicatorsClient {
  constructor(
    private readonly settings: QualitySettings,
    private readonly fetchImpl: typeof fetch = fetch,
  ) {}

  private call(url: string, init: RequestInit, accept: string): Promise<Response> {
    return fetchWithRetries(url, { ...init, accept }, this.settings, SOURCE, this.fetchImpl);
  }

  private async json<T>(url: string, init: RequestInit, schema: TSchema, what: string): Promise<T> {
    const res = await this.call(url, init, 'application/json');
    let body: unknown;
    try {
      body = await res.json();
    } catch {
      throw new SourceError(`${NAME} svarade med något som inte är JSON.`, 'shape');
    }
    if (!Value.Check(schema, body)) {
      const e = [...Value.Errors(schema, body)][0];
      throw new SourceError(
        `${NAME} svarade i ett oväntat format för ${what}${e ? ` (${e.instancePath || '/'}: ${e.message})` : ''}. Källan kan ha ändrats; ingenting lästes in.`,
        'shape',
      );
    }
    return body as T;
  }

  /** Measures whose text matches (the latest version of each), every page. */
  async search(text: string): Promise<MeasureVersion[]> {
    const out: MeasureVersion[] = [];
    for (let index = 0; index < MAX_PAGES; index++) {
      const page = await this.json<Static<typeof SearchPage>>(
        `${this.settings.baseUrl}/measureversions/searchlatest/withparams`,
        {
          method: 'POST',
          body: JSON.stringify({
            searchValue: text,
            index,
            pageSize: PAGE_SIZE,
            keywords: [],
            measureOwner: '',
            measurementSource: '',
            measuringFrequencies: [],
            organizationalLevels: [],
            reportingSystem: '',
            sortDirection: 'ASCENDING',
            sortfield: 'TITLE',
            status: [],
            textSearchSubset: 'ALL',
          }),
        },
        SearchPage,
        'sökningen',
      );
      out.push(...page.pageResults);
      if (page.pageResults.length < PAGE_SIZE) break;
    }
    return out;
  }

  /** A measure's latest version by its MeasureID, with its by-gender submeasures. */
  async measure(measureId: string): Promise<{ measure: MeasureVersion; submeasures: Submeasure[] }> {
    const measure = (await this.search(measureId)).find((m) => m.mId === measureId);
    if (!measure) throw new SourceError(`${NAME} har ingen indikator ${measureId}.`, 'not-found');
    const submeasures = await this.json<Submeasure[]>(
      `${this.settings.baseUrl}/measureversions/${encodeURIComponent(measure.id)}/submeasures/`,
      { method: 'GET' },
      Submeasures,
      `delmåtten för ${measureId}`,
    );
    return { measure, submeasures };
  }

  /** The measurement results of one MeasureID, as a table in Vården i siffror's file format. */
  async results(measureId: string): Promise<Table> {
    const url = this.settings.resultsUrl.replaceAll('{measureId}', encodeURIComponent(measureId));
    const res = await this.call(url, { method: 'GET' }, 'text/csv, text/plain;q=0.9, */*;q=0.1');
    const table = readCsv(Buffer.from(await res.arrayBuffer()));
    const missing = RESULT_COLUMNS.filter((c) => !table.header.includes(c));
    if (missing.length) {
      throw new SourceError(
        `Mätresultaten för ${measureId} saknar kolumnerna ${missing.join(', ')}. Källan kan ha ändrats; ingenting lästes in.`,
        'shape',
      );
    }
    return table;
  }
}
