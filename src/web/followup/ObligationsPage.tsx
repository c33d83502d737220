/**
 * Årsrapporter och återkommande åtaganden: the program areas' annual reports with their state
 * (seed 001), and the obligations that recur twice a year (seeds 000, 002) with this year's
 * occurrences; one that passed its day without a record is a gap. Who may record one is the
 * server's answer (mayRecord).
 */
import { useForm } from 'react-hook-form';
import { RecordOccurrenceBody } from '../../modules/planning/obligation-schemas';
import { $api, invalidate, type ApiBody } from '../client';
import { ErrorAlert, Loading } from '../components/Alerts';
import { TextField } from '../components/Fields';
import { bind } from '../components/form-fields';
import { Page } from '../components/Page';
import { RequireUser } from '../components/RequireUser';
import { TableScroll } from '../components/TableScroll';
import { schemaResolver } from '../forms';
import { useI18n } from '../i18n';
import { AnnualReportActions } from './AnnualReportActions';
import { FOLLOWUP_PATH } from './FollowupHomePage';
import { FORM_OPTIONS, FormProblem, useFormProblem, useProblemSubmit } from './form';

export const OBLIGATIONS_PATH = `${FOLLOWUP_PATH}/arsrapporter-och-ataganden`;

export function ObligationsPage() {
  const { t } = useI18n();
  return (
    <RequireUser title={t('followup.obligations.title')} crumbs={[{ to: FOLLOWUP_PATH, label: t('followup.home.title') }]}>
      <Obligations />
    </RequireUser>
  );
}

function Obligations() {
  const { t } = useI18n();
  const reports = $api.useQuery('get', '/annual-reports');
  const obligations = $api.useQuery('get', '/obligations');
  return (
    <Page
      title={t('followup.obligations.title')}
      crumbs={[{ to: FOLLOWUP_PATH, label: t('followup.home.title') }]}
      lead={<p>{t('followup.obligations.lead')}</p>}
    >
      <h2>{t('followup.reports.heading')}</h2>
      {reports.error && <ErrorAlert error={reports.error} />}
      {reports.isPending && <Loading />}
      {reports.data && reports.data.items.length === 0 && <p>{t('followup.reports.none')}</p>}
      {reports.data && reports.data.items.length > 0 && (
        <TableScroll labelledBy="reports-caption">
          <table>
            <caption id="reports-caption">{t('followup.reports.heading')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('followup.reports.group')}</th>
                <th scope="col">{t('followup.reports.year')}</th>
                <th scope="col">{t('followup.reports.state')}</th>
                <th scope="col">{t('followup.reports.noted')}</th>
                <th scope="col">{t('followup.reports.next')}</th>
              </tr>
            </thead>
            <tbody>
              {reports.data.items.map((r) => (
                <tr key={r.id}>
                  <th scope="row">{r.groupName}</th>
                  <td>{r.year}</td>
                  <td>
                    {t(`followup.reports.state.${r.state}`)}
                    {r.submittedOn ? ` (${r.submittedOn})` : ''}
                  </td>
                  <td>{r.notedOn ? `${r.notedByGroupName ?? ''} ${r.notedOn}, ${r.notedRef ?? ''}` : '–'}</td>
                  <td>
                    <AnnualReportActions reportId={r.id} groupName={r.groupName} year={r.year} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}

      <h2>{t('followup.obligations.heading')}</h2>
      {obligations.error && <ErrorAlert error={obligations.error} />}
      {obligations.isPending && <Loading />}
      {obligations.data && obligations.data.items.length === 0 && <p>{t('followup.obligations.none')}</p>}
      {obligations.data?.items.map((o) => (
        <section key={o.id} aria-labelledby={`obligation-${o.id}`}>
          <h3 id={`obligation-${o.id}`}>
            {o.groupName}: {o.title}
          </h3>
          <p>
            {t('followup.obligations.cadence', { times: String(o.timesPerYear) })}
            {o.gaps > 0 && (
              <>
                {' '}
                <strong>{t('followup.obligations.gaps', { count: String(o.gaps) })}</strong>
              </>
            )}
            {o.sourceQuote && (
              <>
                {' '}
                <q>{o.sourceQuote}</q>
              </>
            )}
          </p>
          <TableScroll labelledBy={`obligation-${o.id}`}>
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('followup.obligations.occurrence')}</th>
                  <th scope="col">{t('followup.obligations.dueOn')}</th>
                  <th scope="col">{t('followup.obligations.status')}</th>
                  <th scope="col">{t('followup.obligations.held')}</th>
                </tr>
              </thead>
              <tbody>
                {o.occurrences.map((c) => (
                  <tr key={c.ordinal}>
                    <th scope="row">
                      {c.ordinal}/{o.timesPerYear} {c.year}
                    </th>
                    <td>{c.dueOn}</td>
                    <td>{t(`followup.obligations.status.${c.status}`)}</td>
                    <td>{c.heldOn ? `${c.heldOn}${c.note ? ` – ${c.note}` : ''}` : '–'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
          {o.mayRecord && o.occurrences.some((c) => c.status !== 'held' && c.status !== 'upcoming') && (
            <RecordForm
              obligationId={o.id}
              occurrence={o.occurrences.find((c) => c.status !== 'held' && c.status !== 'upcoming')!}
            />
          )}
        </section>
      ))}
    </Page>
  );
}

interface Values {
  heldOn: string;
  note: string;
}

/** Records that an occurrence happened: the date and what was done. */
function RecordForm({ obligationId, occurrence }: { obligationId: string; occurrence: { year: number; ordinal: number } }) {
  const i18n = useI18n();
  const { t } = i18n;
  const label = (k: string) => i18n.tMaybe(`followup.obligations.form.${k}`) ?? k;
  const prefix = `record-${obligationId}`;
  const problem = useFormProblem(prefix, label);
  const toBody = (v: Values): ApiBody<'/obligations/{id}/occurrences', 'post'> => ({
    year: occurrence.year,
    ordinal: occurrence.ordinal,
    heldOn: v.heldOn,
    note: v.note.trim(),
  });
  const form = useForm<Values>({
    ...FORM_OPTIONS,
    resolver: schemaResolver(RecordOccurrenceBody, toBody),
    defaultValues: { heldOn: '', note: '' },
  });
  const record = $api.useMutation('post', '/obligations/{id}/occurrences');
  const submit = useProblemSubmit(form, problem, async (v) => {
    await record.mutateAsync({ params: { path: { id: obligationId } }, body: toBody(v) });
    await invalidate('/obligations');
    form.reset();
  });
  return (
    <form className="form" onSubmit={submit} noValidate aria-labelledby={`${prefix}-heading`}>
      <h4 id={`${prefix}-heading`}>
        {t('followup.obligations.form.heading', { occurrence: `${occurrence.ordinal} ${occurrence.year}` })}
      </h4>
      <FormProblem state={problem} />
      <TextField id={`${prefix}-heldOn`} label={label('heldOn')} type="date" {...bind(form, 'heldOn')} />
      <TextField id={`${prefix}-note`} label={label('note')} {...bind(form, 'note')} />
      <p className="button-row">
        <button type="submit" disabled={form.formState.isSubmitting}>
          {t('followup.obligations.form.submit')}
        </button>
      </p>
    </form>
  );
}
