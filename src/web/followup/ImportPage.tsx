/**
 * The import wizard: choose a CSV/XLSX file, map its columns, see the check report row by
 * row, and import — nothing from a file with errors unless "only the valid rows" is chosen.
 * Large files are imported by the worker; the page follows the progress. A CSV file too large
 * for the check in the browser's request (LARGE_FILE_BYTES) is sent as it is, as the request
 * body (never base64): its header row is read here for the mapping, the worker checks the rows,
 * and the page shows rows read, errors so far, a cancel and the result report.
 */
import { useEffect, useRef, useState } from 'react';
import { ApiError } from '../api';
import { ErrorAlert } from '../components/Alerts';
import { Page } from '../components/Page';
import { RequireUser } from '../components/RequireUser';
import { call, client, $api, invalidate } from '../client';
import { useI18n } from '../i18n';
import { IMPORT_PENDING } from '../../modules/indicators/rules/import';
import { FOLLOWUP_PATH, indicatorHref } from './FollowupHomePage';
import { ConfirmImportForm, type ImportMode } from './ImportConfirmForm';
import { guess, LARGE_FILE_BYTES, readHeader, toBase64, type Mapping } from './importFile';
import { ImportMapping } from './ImportMapping';
import { ImportProgress } from './ImportProgress';
import { ImportReport } from './ImportReport';
import { UploadImportForm } from './ImportUploadForm';
import type { ImportStatus, ValidationReport } from './types';

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
  const setCol = (k: keyof Mapping, v: string) => {
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
      {mapping && header.length > 0 && <ImportMapping header={header} mapping={mapping} onChange={setCol} />}
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
        <ImportReport report={report} reportRef={reportRef}>
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
        </ImportReport>
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
