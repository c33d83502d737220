/**
 * The import wizard: choose a CSV/XLSX file, map its columns, see the check report row by
 * row, and import — nothing from a file with errors unless "only the valid rows" is chosen.
 * Large files are imported by the worker; the page follows the progress. A CSV file too large
 * for the check in the browser's request (LARGE_FILE_BYTES) is sent as it is, as the request
 * body (never base64): its header row is read here for the mapping, the worker checks the rows,
 * and the page shows rows read, errors so far, a cancel and the result report.
 */
import { useEffect, useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import { ApiError } from '../api';
import { Link } from '../app/router';
import { ErrorAlert } from '../components/Alerts';
import { Checkbox, SelectField } from '../components/Fields';
import { Page } from '../components/Page';
import { RequireUser } from '../components/RequireUser';
import { TableScroll } from '../components/TableScroll';
import { call, client, $api, invalidate, type ApiBody } from '../client';
import { SubmitError, useFormSubmit } from '../form-submit';
import { useI18n } from '../i18n';
import { IMPORT_PENDING } from '../../modules/indicators/rules/import';
import { FOLLOWUP_PATH, indicatorHref } from './FollowupHomePage';
import type { ImportStatus, ValidationReport } from './types';

type Mapping = { area: string; period: string; value: string; subArea: string; gender: string };

function guess(header: string[]): Mapping {
  const find = (re: RegExp, fallback: number) => header.find((h) => re.test(h)) ?? header[fallback] ?? '';
  return {
    area: find(/region|län|lan|område|area/i, 0),
    period: find(/period|månad|manad|kvartal|år|ar|month|year/i, 1),
    value: find(/värde|varde|andel|value|antal|%/i, 2),
    subArea: '',
    gender: header.find((h) => /^(kön|kon|gender|sex)$/i.test(h.trim())) ?? '',
  };
}

/** Above this a file goes as the request body (base64 in JSON is capped near 1 MB). */
const LARGE_FILE_BYTES = 700 * 1024;

/** The header row of a large CSV file, read from its first 64 kB (UTF-8, else Windows-1252), as the server reads it. */
async function readHeader(file: File): Promise<string[]> {
  const bytes = new Uint8Array(await file.slice(0, 64 * 1024).arrayBuffer());
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    text = new TextDecoder('windows-1252').decode(bytes);
  }
  const first = (text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '').trim();
  const delimiter = [';', ',', '\t'].map((d) => [d, first.split(d).length - 1] as const).sort((a, b) => b[1] - a[1])[0]![0];
  return first.split(delimiter).map((h) => h.trim().replace(/^"(.*)"$/, '$1'));
}

async function toBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

export function ImportPage({ id }: { id: string }) {
  const { t } = useI18n();
  return (
    <RequireUser title={t('followup.indicator.import')} crumbs={[{ to: FOLLOWUP_PATH, label: t('followup.home.title') }]}>
      <ImportWizard id={id} />
    </RequireUser>
  );
}

function ImportWizard({ id }: { id: string }) {
  const { t } = useI18n();
  const ind = $api.useQuery('get', '/indicators/{id}', { params: { path: { id } } });
  const [file, setFile] = useState<{ name: string; format: 'csv' | 'xlsx'; content: string } | null>(null);
  const [large, setLarge] = useState<{ file: File; header: string[] } | null>(null);
  const [mapping, setMapping] = useState<Mapping | null>(null);
  const [report, setReport] = useState<ValidationReport | null>(null);
  const [result, setResult] = useState<ImportStatus | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const reportRef = useRef<HTMLElement>(null);

  const body = (m: Mapping, mode: ImportMode) => ({
    fileName: file!.name,
    format: file!.format,
    contentBase64: file!.content,
    mapping: {
      area: m.area,
      period: m.period,
      value: m.value,
      ...(m.subArea ? { subArea: m.subArea } : {}),
      ...(m.gender ? { gender: m.gender } : {}),
    },
    mode,
  });

  async function check(m: Mapping | null, f = file) {
    if (!f) return;
    setBusy(true);
    setError(null);
    setResult(null);
    try {
      const dryRun = (cols: { area: string; period: string; value: string }) =>
        call(
          client.POST('/indicators/{id}/imports', {
            params: { path: { id } },
            body: { fileName: f.name, format: f.format, contentBase64: f.content, mapping: cols, dryRun: true },
          }),
        ) as Promise<ValidationReport>;
      const first = await dryRun(m ?? { area: '-', period: '-', value: '-' });
      let used = m;
      let r = first;
      if (!m) {
        used = guess(first.header);
        r = await dryRun({
          area: used.area,
          period: used.period,
          value: used.value,
          ...(used.gender ? { gender: used.gender } : {}),
        });
      }
      setMapping(used);
      setReport(r);
      setTimeout(() => reportRef.current?.focus(), 0);
    } catch (err) {
      setError(err instanceof ApiError ? err : new ApiError({ status: 0, title: 'network' }));
    } finally {
      setBusy(false);
    }
  }

  async function choose(e: React.ChangeEvent<HTMLInputElement>) {
    const f = e.target.files?.[0];
    if (!f) return;
    setError(null);
    setResult(null);
    setReport(null);
    setLarge(null);
    if (f.size > LARGE_FILE_BYTES) {
      setFile(null);
      if (/\.xlsx$/i.test(f.name)) {
        setError(new ApiError({ status: 413, title: t('followup.import.xlsxTooLarge') }));
        return;
      }
      const header = await readHeader(f);
      setLarge({ file: f, header });
      setMapping(guess(header));
      return;
    }
    const loaded = {
      name: f.name,
      format: /\.xlsx$/i.test(f.name) ? ('xlsx' as const) : ('csv' as const),
      content: await toBase64(f),
    };
    setFile(loaded);
    setReport(null);
    setMapping(null);
    await check(null, loaded);
  }

  // A queued import: follow its progress until done; then the indicator's series has new values.
  useEffect(() => {
    if (!result) return;
    if (!IMPORT_PENDING.has(result.status)) {
      void invalidate('/indicators/{id}/series');
      return;
    }
    const timer = setTimeout(() => {
      void call(client.GET('/indicator-imports/{id}', { params: { path: { id: result.id } } })).then(setResult, () => undefined);
    }, 1000);
    return () => clearTimeout(timer);
  }, [result]);

  const name = ind.data?.name ?? '';
  const bad = report ? report.problems.length : 0;
  const header = large?.header ?? report?.header ?? [];
  const setCol = (k: keyof Mapping) => (v: string) => {
    const m = { ...mapping!, [k]: v };
    setMapping(m);
    if (!large) void check(m);
  };

  return (
    <Page
      title={t('followup.import.title', { name })}
      crumbs={[
        { to: FOLLOWUP_PATH, label: t('followup.home.title') },
        { to: indicatorHref(id), label: name || t('followup.indicator.name') },
      ]}
      lead={<p>{t('followup.import.lead')}</p>}
    >
      <div className="field">
        <label htmlFor="import-file">{t('followup.import.file')}</label>
        <input
          id="import-file"
          type="file"
          accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          onChange={(e) => void choose(e)}
        />
      </div>
      {error && <ErrorAlert error={error} />}
      {mapping && header.length > 0 && (
        <fieldset className="form">
          <legend>{t('followup.import.mapping')}</legend>
          <div className="filter-grid">
            {(['area', 'period', 'value', 'subArea', 'gender'] as const).map((k) => (
              <SelectField key={k} id={`map-${k}`} label={t(`followup.import.col.${k}`)} value={mapping[k]} onChange={setCol(k)}>
                {(k === 'subArea' || k === 'gender') && <option value="">{t('followup.import.none')}</option>}
                {header.map((h) => (
                  <option key={h} value={h}>
                    {h}
                  </option>
                ))}
              </SelectField>
            ))}
          </div>
        </fieldset>
      )}
      {large && mapping && !result && (
        <section aria-labelledby="large-heading">
          <h2 id="large-heading">{large.file.name}</h2>
          <p>
            {t('followup.import.large', {
              size: (large.file.size / (1024 * 1024)).toLocaleString('sv-SE', { maximumFractionDigits: 1 }),
            })}
          </p>
          <UploadImportForm id={id} file={large.file} mapping={mapping} onStarted={setResult} />
        </section>
      )}
      {report && (
        <section aria-labelledby="report-heading" ref={reportRef} tabIndex={-1}>
          <h2 id="report-heading">{t('followup.import.report')}</h2>
          {report.fileProblems.map((p) => (
            <p key={p} className="alert alert-error">
              {p}
            </p>
          ))}
          <p role="status">
            {t('followup.import.summary', { total: report.totalRows, valid: report.validRows, bad })}{' '}
            {bad === 0 && report.fileProblems.length === 0 && t('followup.import.allGood')}
          </p>
          {bad > 0 && (
            <TableScroll labelledBy="problems-caption">
              <table>
                <caption id="problems-caption">{t('followup.import.problemsCaption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('followup.import.row')}</th>
                    <th scope="col">{t('followup.import.column')}</th>
                    <th scope="col">{t('followup.import.value')}</th>
                    <th scope="col">{t('followup.import.message')}</th>
                  </tr>
                </thead>
                <tbody>
                  {report.problems.slice(0, 500).map((p) => (
                    <tr key={`${p.row}-${p.column}-${p.message}`}>
                      <th scope="row">{p.row}</th>
                      <td>{p.column}</td>
                      <td>{p.value}</td>
                      <td>{p.message}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          )}
          {report.fileProblems.length === 0 && report.validRows > 0 && (
            <ConfirmImportForm
              key={`${file?.name}:${mapping?.area}:${mapping?.period}:${mapping?.value}:${mapping?.subArea}`}
              id={id}
              bad={bad}
              checking={busy}
              body={(mode) => body(mapping!, mode)}
              onStarted={setResult}
            />
          )}
        </section>
      )}
      {result && (
        <section aria-labelledby="result-heading">
          <h2 id="result-heading">{t('followup.import.progress')}</h2>
          <ImportProgress id={id} result={result} onChanged={setResult} />
        </section>
      )}
    </Page>
  );
}

type ImportMode = 'valid-only' | 'all-or-nothing';

/**
 * The import's confirm step: a file with wrong rows imports only when "only the valid rows" is
 * chosen. The body is the file the dry run has just checked (ImportBody's schema is not bound
 * here: the indicators' schemas reach the implementation module's server code, which the web
 * build does not compile); the server's refusal still lands on the form.
 */
function ConfirmImportForm({
  id,
  bad,
  checking,
  body,
  onStarted,
}: {
  id: string;
  bad: number;
  /** A dry run of a changed mapping is under way: its report decides, so wait for it. */
  checking: boolean;
  body: (mode: ImportMode) => ApiBody<'/indicators/{id}/imports', 'post'>;
  onStarted: (status: ImportStatus) => void;
}) {
  const { t } = useI18n();
  const toBody = (v: { validOnly: boolean }) => body(v.validOnly ? 'valid-only' : 'all-or-nothing');
  const form = useForm<{ validOnly: boolean }>({ defaultValues: { validOnly: false } });
  const start = $api.useMutation('post', '/indicators/{id}/imports');
  const submit = useFormSubmit(form, async (v) =>
    onStarted((await start.mutateAsync({ params: { path: { id } }, body: toBody(v) })) as ImportStatus),
  );
  const validOnly = form.watch('validOnly');
  return (
    <form className="form" noValidate onSubmit={submit}>
      <SubmitError error={start.error} />
      {bad > 0 && <p className="alert alert-warning">{t('followup.import.blocked')}</p>}
      {bad > 0 && (
        <Checkbox
          id="import-valid-only"
          label={t('followup.import.validOnly')}
          checked={validOnly}
          onChange={(checked) => form.setValue('validOnly', checked, { shouldDirty: true })}
        />
      )}
      <button type="submit" disabled={checking || form.formState.isSubmitting || start.isSuccess || (bad > 0 && !validOnly)}>
        {t('followup.import.submit')}
      </button>
    </form>
  );
}

/** A large CSV file sent as the request body (the browser streams the file; nothing is read into memory here). */
function UploadImportForm({
  id,
  file,
  mapping,
  onStarted,
}: {
  id: string;
  file: File;
  mapping: Mapping;
  onStarted: (status: ImportStatus) => void;
}) {
  const { t } = useI18n();
  const form = useForm<{ validOnly: boolean }>({ defaultValues: { validOnly: false } });
  const [error, setError] = useState<ApiError | null>(null);
  const submit = useFormSubmit(form, async (v) => {
    setError(null);
    try {
      const started = await call(
        client.POST('/indicators/{id}/imports/upload', {
          params: {
            path: { id },
            query: {
              fileName: file.name,
              area: mapping.area,
              period: mapping.period,
              value: mapping.value,
              ...(mapping.subArea ? { subArea: mapping.subArea } : {}),
              ...(mapping.gender ? { gender: mapping.gender } : {}),
              mode: v.validOnly ? 'valid-only' : 'all-or-nothing',
            },
          },
          body: file as never,
          bodySerializer: (b: unknown) => b as BodyInit,
          headers: { 'Content-Type': 'text/csv' },
        }),
      );
      onStarted(started);
    } catch (err) {
      setError(err instanceof ApiError ? err : new ApiError({ status: 0, title: 'network' }));
    }
  });
  const validOnly = form.watch('validOnly');
  return (
    <form className="form" noValidate onSubmit={submit}>
      {error && <ErrorAlert error={error} />}
      <Checkbox
        id="upload-valid-only"
        label={t('followup.import.validOnly')}
        checked={validOnly}
        onChange={(checked) => form.setValue('validOnly', checked, { shouldDirty: true })}
      />
      <button type="submit" disabled={form.formState.isSubmitting}>
        {t('followup.import.uploadSubmit')}
      </button>
    </form>
  );
}

/** An import under way or ended: rows read and errors so far, a cancel with confirmation, the result and its report. */
function ImportProgress({ id, result, onChanged }: { id: string; result: ImportStatus; onChanged: (s: ImportStatus) => void }) {
  const { t } = useI18n();
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const pending = IMPORT_PENDING.has(result.status);
  async function cancel() {
    setError(null);
    try {
      onChanged(await call(client.POST('/indicator-imports/{id}/cancel', { params: { path: { id: result.id } } })));
    } catch (err) {
      setError(err instanceof ApiError ? err : new ApiError({ status: 0, title: 'network' }));
    } finally {
      setConfirming(false);
    }
  }
  const reportLink = (
    <p>
      <a href={`/api/v1/indicator-imports/${result.id}/report.csv`} download>
        {t('followup.import.reportLink')}
      </a>
    </p>
  );
  if (!pending)
    return (
      <>
        {result.status === 'done' && (
          <p className="alert alert-success" role="status">
            {t('followup.import.done', { count: result.importedRows, periods: result.periods.length })}{' '}
            <Link to={indicatorHref(id)}>{t('followup.import.toChart')}</Link>
          </p>
        )}
        {result.status === 'cancelled' && (
          <p className="alert alert-warning" role="status">
            {t('followup.import.cancelled', {
              count: result.importedRows,
              periods: result.importedRows ? result.periods.length : 0,
            })}
          </p>
        )}
        {result.status === 'rejected' && (
          <p className="alert alert-error" role="status">
            {t('followup.import.rejected', { reason: result.error ?? '' })}
          </p>
        )}
        {result.status === 'failed' && (
          <p className="alert alert-error" role="status">
            {t('followup.import.failed', { reason: result.error ?? '' })}
          </p>
        )}
        {reportLink}
      </>
    );
  const streamed = result.sizeBytes !== null;
  return (
    <>
      {error && <ErrorAlert error={error} />}
      {!streamed || result.status === 'queued' ? (
        <>
          <p>{t('followup.import.queued')}</p>
          <progress max={result.validRows || 1} value={result.processedRows} aria-labelledby="result-heading">
            {result.processedRows} / {result.validRows}
          </progress>
        </>
      ) : result.phase === 'writing' ? (
        <>
          <p role="status">{t('followup.import.writing', { done: result.processedRows, total: result.validRows })}</p>
          <progress max={result.validRows || 1} value={result.processedRows} aria-labelledby="result-heading" />
        </>
      ) : (
        <>
          <p role="status">{t('followup.import.reading', { rows: result.processedRows, errors: result.problemCount })}</p>
          <progress max={result.sizeBytes || 1} value={result.bytesRead} aria-labelledby="result-heading" />
        </>
      )}
      {streamed &&
        (result.cancelRequested ? (
          <p role="status">{t('followup.import.cancelRequested')}</p>
        ) : confirming ? (
          <div className="button-row">
            <p>{t('followup.import.cancelQuestion')}</p>
            <button type="button" className="button-danger" onClick={() => void cancel()} autoFocus>
              {t('followup.import.cancelConfirm')}
            </button>
            <button type="button" className="button-secondary" onClick={() => setConfirming(false)}>
              {t('followup.import.cancelKeep')}
            </button>
          </div>
        ) : (
          <button type="button" className="button-secondary" onClick={() => setConfirming(true)}>
            {t('followup.import.cancel')}
          </button>
        ))}
    </>
  );
}
