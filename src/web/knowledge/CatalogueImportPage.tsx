/**
 * Importing the national catalogue: choose the file, see the dry run's report row by row (new,
 * updated with a new version, unchanged, withdrawn, error with its Swedish message), and confirm.
 * The confirm sends the same file again with dryRun: false; the server applies it in one
 * transaction. National roles only (the route says 403 to others).
 */
import { useRef, useState } from 'react';
import { useForm, type Resolver, type ResolverResult } from 'react-hook-form';
import { $api, invalidate, type ApiBody } from '../client';
import { Checkbox } from '../components/Fields';
import { Page } from '../components/Page';
import { RequireUser } from '../components/RequireUser';
import { TableScroll } from '../components/TableScroll';
import { SubmitError, useFormSubmit } from '../form-submit';
import { useI18n } from '../i18n';
import { knowledgeCrumbs, supportHref } from './knowledge';
import { Link } from '../app/router';

type ImportBody = ApiBody<'/knowledge-catalogue/imports', 'post'>;

interface Values {
  file: File | null;
  full: boolean;
}

function toBase64(buffer: ArrayBuffer): string {
  const bytes = new Uint8Array(buffer);
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

const formatOf = (name: string): ImportBody['format'] =>
  /\.xlsx$/i.test(name) ? 'xlsx' : /\.json$/i.test(name) ? 'json' : 'csv';

export function CatalogueImportPage() {
  const i18n = useI18n();
  const { t } = i18n;
  return (
    <RequireUser title={t('knowledge.import.title')} crumbs={knowledgeCrumbs(i18n)}>
      <Page title={t('knowledge.import.title')} crumbs={knowledgeCrumbs(i18n)} lead={<p>{t('knowledge.import.lead')}</p>}>
        <CatalogueImportForm />
      </Page>
    </RequireUser>
  );
}

function CatalogueImportForm() {
  const { t } = useI18n();
  const reportRef = useRef<HTMLElement>(null);
  const [sent, setSent] = useState<ImportBody | null>(null);
  const requireFile: Resolver<Values> = (values) =>
    Promise.resolve<ResolverResult<Values>>(
      values.file
        ? { values, errors: {} }
        : { values: {}, errors: { file: { type: 'required', message: t('knowledge.import.file.required') } } },
    );
  const form = useForm<Values>({ resolver: requireFile, defaultValues: { file: null, full: true }, shouldFocusError: false });
  const check = $api.useMutation('post', '/knowledge-catalogue/imports', {
    onSuccess: () => setTimeout(() => reportRef.current?.focus(), 0),
  });
  const apply = $api.useMutation('post', '/knowledge-catalogue/imports', {
    onSuccess: () => void invalidate('/knowledge-supports'),
  });
  const submit = useFormSubmit(
    form,
    async (v) => {
      const file = v.file!;
      const body: ImportBody = {
        fileName: file.name,
        format: formatOf(file.name),
        contentBase64: toBase64(await file.arrayBuffer()),
        full: v.full,
        dryRun: true,
      };
      apply.reset();
      setSent(body);
      await check.mutateAsync({ body });
    },
    () => document.getElementById('catalogue-file')?.focus(),
  );
  const report = apply.data ?? check.data;
  const fileError = form.formState.errors.file?.message;
  const full = form.watch('full');

  return (
    <>
      <form className="form" onSubmit={submit} noValidate>
        <SubmitError error={check.error} />
        <div className={`field${fileError ? ' field-invalid' : ''}`}>
          <label htmlFor="catalogue-file">{t('knowledge.import.file')}</label>
          <p className="hint" id="catalogue-file-hint">
            {t('knowledge.import.file.hint')}
          </p>
          {fileError && (
            <p className="field-error" id="catalogue-file-error">
              {fileError}
            </p>
          )}
          <input
            id="catalogue-file"
            type="file"
            accept=".csv,.xlsx,.json,text/csv,application/json,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            aria-describedby={`catalogue-file-hint${fileError ? ' catalogue-file-error' : ''}`}
            aria-invalid={fileError ? true : undefined}
            onChange={(e) => {
              form.setValue('file', e.target.files?.[0] ?? null, { shouldDirty: true });
              check.reset();
              apply.reset();
            }}
          />
        </div>
        <Checkbox
          id="catalogue-full"
          label={t('knowledge.import.full')}
          checked={full}
          onChange={(v) => form.setValue('full', v, { shouldDirty: true })}
        />
        <button type="submit" disabled={form.formState.isSubmitting}>
          {t('knowledge.import.check')}
        </button>
      </form>
      {report && (
        <section aria-labelledby="catalogue-report-heading" ref={reportRef} tabIndex={-1}>
          <h2 id="catalogue-report-heading">{t('knowledge.import.report')}</h2>
          <p role="status">
            {report.applied
              ? t('knowledge.import.done', { ...report.counts })
              : t('knowledge.import.summary', { ...report.counts })}
          </p>
          {!report.applied && report.counts.error > 0 && <p>{t('knowledge.import.errorsSkipped')}</p>}
          <TableScroll labelledBy="catalogue-report-caption">
            <table>
              <caption id="catalogue-report-caption">{t('knowledge.import.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('knowledge.import.col.row')}</th>
                  <th scope="col">{t('knowledge.import.col.identifier')}</th>
                  <th scope="col">{t('knowledge.import.col.title')}</th>
                  <th scope="col">{t('knowledge.import.col.outcome')}</th>
                  <th scope="col">{t('knowledge.import.col.message')}</th>
                </tr>
              </thead>
              <tbody>
                {report.rows.map((r) => (
                  <tr key={`${r.row ?? 'x'}-${r.identifier}`} className={r.outcome === 'error' ? 'row-error' : undefined}>
                    <td>{r.row ?? t('knowledge.import.missing')}</td>
                    <td>{r.identifier}</td>
                    <td>{r.supportId ? <Link to={supportHref(r.supportId)}>{r.title}</Link> : r.title}</td>
                    <td>{t(`knowledge.import.outcome.${r.outcome}`)}</td>
                    <td>
                      {r.message}
                      {r.changes.length > 0 && (
                        <ul>
                          {r.changes.map((c) => (
                            <li key={c}>{c}</li>
                          ))}
                        </ul>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
          {!report.applied && sent && (
            <>
              <SubmitError error={apply.error} />
              <button
                type="button"
                disabled={apply.isPending}
                onClick={() => void apply.mutateAsync({ body: { ...sent, dryRun: false } }).catch(() => undefined)}
              >
                {t('knowledge.import.confirm')}
              </button>
            </>
          )}
        </section>
      )}
    </>
  );
}
