/**
 * The import wizard: choose a CSV/XLSX file, map its columns, see the check report row by
 * row, and import — nothing from a file with errors unless "only the valid rows" is chosen.
 * Large files are imported by the worker; the page follows the progress.
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

type Mapping = { area: string; period: string; value: string; subArea: string };

function guess(header: string[]): Mapping {
  const find = (re: RegExp, fallback: number) => header.find((h) => re.test(h)) ?? header[fallback] ?? '';
  return {
    area: find(/region|län|lan|område|area/i, 0),
    period: find(/period|månad|manad|kvartal|år|ar|month|year/i, 1),
    value: find(/värde|varde|andel|value|antal|%/i, 2),
    subArea: '',
  };
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
    mapping: { area: m.area, period: m.period, value: m.value, ...(m.subArea ? { subArea: m.subArea } : {}) },
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
        r = await dryRun({ area: used.area, period: used.period, value: used.value });
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
  const header = report?.header ?? [];
  const setCol = (k: keyof Mapping) => (v: string) => {
    const m = { ...mapping!, [k]: v };
    setMapping(m);
    void check(m);
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
            {(['area', 'period', 'value', 'subArea'] as const).map((k) => (
              <SelectField key={k} id={`map-${k}`} label={t(`followup.import.col.${k}`)} value={mapping[k]} onChange={setCol(k)}>
                {k === 'subArea' && <option value="">{t('followup.import.none')}</option>}
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
          {IMPORT_PENDING.has(result.status) ? (
            <>
              <p>{t('followup.import.queued')}</p>
              <progress max={result.validRows} value={result.processedRows} aria-labelledby="result-heading">
                {result.processedRows} / {result.validRows}
              </progress>
            </>
          ) : (
            <p className="alert alert-success" role="status">
              {t('followup.import.done', { count: result.importedRows, periods: result.periods.length })}{' '}
              <Link to={indicatorHref(id)}>{t('followup.import.toChart')}</Link>
            </p>
          )}
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
