/**
 * Läs in personer: choose a CSV file and a register, see the dry run's report row by row (new,
 * already in Navet, error), and confirm to register the new ones. Persons already in Navet are
 * never changed.
 */
import { useId, useState, type ChangeEvent } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { Link } from '../app/router';
import { $api, invalidate, type Schema } from '../client';
import { ErrorAlert, Notice } from '../components/Alerts';
import { Page } from '../components/Page';
import { RequireUser } from '../components/RequireUser';
import { TableScroll } from '../components/TableScroll';
import { useT, type MessageKey } from '../i18n';
import { useGeo } from '../organisation/groups';
import { usePeopleCrumbs } from './PeoplePage';
import { personHref } from './people';
import { RegisterOwnerSelect } from './RegisterOwnerSelect';

type Report = Schema<'PersonImportReport'>;

async function toBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

const OUTCOME: Record<string, { label: MessageKey; badge: string }> = {
  new: { label: 'personImport.outcome.new', badge: 'badge-ok' },
  existing: { label: 'personImport.outcome.existing', badge: 'badge-old' },
  error: { label: 'personImport.outcome.error', badge: 'badge-weak' },
};

export function PersonImportPage() {
  const t = useT();
  const crumbs = usePeopleCrumbs();
  return (
    <RequireUser title={t('personImport.title')} crumbs={crumbs}>
      <PersonImport />
    </RequireUser>
  );
}

function PersonImport() {
  const t = useT();
  const crumbs = usePeopleCrumbs();
  const geo = useGeo(t);
  const run = $api.useMutation('post', '/people/imports');
  const [file, setFile] = useState<{ fileName: string; contentBase64: string } | null>(null);
  const [homeOwner, setHomeOwner] = useState('');
  const [report, setReport] = useState<Report | null>(null);
  const [error, setError] = useState<unknown>(null);
  const captionId = useId();
  const form = useForm<{ confirmed: boolean }>({ defaultValues: { confirmed: false } });

  const body = (dryRun: boolean) => ({ ...file!, ...(homeOwner ? { homeOwner } : {}), dryRun });

  async function preview(f = file, owner = homeOwner) {
    if (!f) return;
    setError(null);
    form.reset({ confirmed: false });
    try {
      setReport(await run.mutateAsync({ body: { ...f, ...(owner ? { homeOwner: owner } : {}), dryRun: true } }));
    } catch (err) {
      setReport(null);
      setError(err);
    }
  }

  async function choose(e: ChangeEvent<HTMLInputElement>) {
    const f = e.target.files?.[0];
    setReport(null);
    if (!f) return setFile(null);
    const next = { fileName: f.name, contentBase64: await toBase64(f) };
    setFile(next);
    await preview(next);
  }

  const confirm = form.handleSubmit(async ({ confirmed }) => {
    if (!confirmed) {
      form.setError('confirmed', { message: t('personImport.confirm.required') });
      return;
    }
    setError(null);
    try {
      setReport(await run.mutateAsync({ body: body(false) }));
      void invalidate('/people');
    } catch (err) {
      setError(err);
    }
  });

  const s = report?.summary;
  return (
    <Page title={t('personImport.title')} crumbs={crumbs} lead={<p>{t('personImport.lead')}</p>}>
      <details>
        <summary>{t('personImport.format.summary')}</summary>
        <p>{t('personImport.format.text')}</p>
        <pre>
          {
            'namn;e-post;hsa-id;yrke/titel;arbetsgivare\nAnna Andersson;anna.andersson@example.se;SE2321000065-1234;Läkare;Region Östergötland'
          }
        </pre>
      </details>
      <div className="form">
        <div className="field">
          <label htmlFor="import-file">{t('personImport.file')}</label>
          <input id="import-file" type="file" accept=".csv,text/csv" onChange={(e) => void choose(e)} />
        </div>
        <RegisterOwnerSelect
          id="import-homeOwner"
          geo={geo.data}
          value={homeOwner}
          onChange={(v) => {
            setHomeOwner(v);
            void preview(file, v);
          }}
        />
      </div>
      {error !== null && <ErrorAlert error={error} />}
      {report && s && (
        <section aria-labelledby="person-import-report">
          <h2 id="person-import-report">{report.dryRun ? t('personImport.report.dryRun') : t('personImport.report.done')}</h2>
          <Notice kind={report.dryRun ? 'info' : 'success'} live>
            <p>
              {report.dryRun
                ? t('personImport.summary.dryRun', { new: s.new, existing: s.existing, errors: s.errors })
                : t('personImport.summary.done', { created: s.created, existing: s.existing, errors: s.errors })}
            </p>
            {s.existing > 0 && <p>{t('personImport.existingUnchanged')}</p>}
          </Notice>
          <TableScroll labelledBy={captionId}>
            <table className="data-table">
              <caption id={captionId}>{t('personImport.caption', { file: report.fileName })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('personImport.col.row')}</th>
                  <th scope="col">{t('person.field.name')}</th>
                  <th scope="col">{t('person.field.email')}</th>
                  <th scope="col">{t('person.field.hsaId')}</th>
                  <th scope="col">{t('personImport.col.outcome')}</th>
                  <th scope="col">{t('personImport.col.messages')}</th>
                </tr>
              </thead>
              <tbody>
                {report.rows.map((r) => (
                  <tr key={r.row}>
                    <th scope="row">{r.row}</th>
                    <td>{r.personId ? <Link to={personHref(r.personId)}>{r.name}</Link> : r.name}</td>
                    <td>{r.email}</td>
                    <td>{r.hsaId}</td>
                    <td>
                      <span className={`badge ${OUTCOME[r.outcome]?.badge ?? ''}`}>
                        {OUTCOME[r.outcome] ? t(OUTCOME[r.outcome]!.label) : r.outcome}
                      </span>
                    </td>
                    <td>{r.messages.join(' ')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
          {report.dryRun && s.new > 0 && (
            <form className="form" onSubmit={(e) => void confirm(e)} noValidate>
              <Controller
                control={form.control}
                name="confirmed"
                render={({ field, fieldState }) => (
                  <div className={`field field-checkbox${fieldState.error ? ' field-invalid' : ''}`}>
                    <input
                      id="import-confirmed"
                      type="checkbox"
                      checked={field.value}
                      onChange={(e) => field.onChange(e.target.checked)}
                      aria-describedby={fieldState.error ? 'import-confirmed-error' : undefined}
                    />
                    <label htmlFor="import-confirmed">{t('personImport.confirm.label', { count: s.new })}</label>
                    {fieldState.error && (
                      <p id="import-confirmed-error" className="field-error">
                        {fieldState.error.message}
                      </p>
                    )}
                  </div>
                )}
              />
              <button type="submit" disabled={form.formState.isSubmitting || run.isPending}>
                {t('personImport.confirm.submit', { count: s.new })}
              </button>
            </form>
          )}
        </section>
      )}
    </Page>
  );
}
