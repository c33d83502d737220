/**
 * The next step of one annual report (seed 001: the kunskapsråd follows the RMPOs' work "genom
 * verksamhetsplan och årsrapport"): the program area submits it, the council it reports to notes
 * it with its decision. Which step the caller may take is the server's answer (allowedActions).
 */
import { useForm } from 'react-hook-form';
import { TransitionAnnualReportBody } from '../../modules/planning/annual-report-schemas';
import { $api, invalidate, type ApiBody } from '../client';
import { TextField } from '../components/Fields';
import { bind } from '../components/form-fields';
import { schemaResolver } from '../forms';
import { useI18n } from '../i18n';
import { FORM_OPTIONS, FormProblem, useFormProblem, useProblemSubmit } from './form';

interface Values {
  on: string;
  decisionRef: string;
}

export function AnnualReportActions({ reportId, groupName, year }: { reportId: string; groupName: string; year: number }) {
  const report = $api.useQuery('get', '/annual-reports/{id}', { params: { path: { id: reportId } } });
  const action = report.data?.allowedActions[0];
  if (!report.data || !action) return null;
  return (
    <ReportStepForm
      reportId={reportId}
      version={report.data.version}
      action={action}
      title={`${groupName} ${year}`}
      onDone={() => void report.refetch()}
    />
  );
}

function ReportStepForm({
  reportId,
  version,
  action,
  title,
  onDone,
}: {
  reportId: string;
  version: number;
  action: 'submit' | 'note';
  title: string;
  onDone: () => void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const label = (k: string) => i18n.tMaybe(`followup.reports.form.${k}`) ?? k;
  const prefix = `report-${reportId}`;
  const problem = useFormProblem(prefix, label);
  const toBody = (v: Values): ApiBody<'/annual-reports/{id}/transition', 'post'> => ({
    to: action === 'submit' ? 'submitted' : 'noted',
    on: v.on,
    ...(action === 'note' ? { decisionRef: v.decisionRef.trim() } : {}),
    version,
  });
  const form = useForm<Values>({
    ...FORM_OPTIONS,
    resolver: schemaResolver(TransitionAnnualReportBody, toBody),
    defaultValues: { on: '', decisionRef: '' },
  });
  const move = $api.useMutation('post', '/annual-reports/{id}/transition');
  const submit = useProblemSubmit(form, problem, async (v) => {
    await move.mutateAsync({
      params: { path: { id: reportId }, header: { 'if-match': `"${version}"` } },
      body: toBody(v),
    });
    await invalidate('/annual-reports');
    onDone();
  });
  return (
    <form className="form form-inline" onSubmit={submit} noValidate aria-label={t(`followup.reports.form.${action}`, { title })}>
      <FormProblem state={problem} />
      <TextField
        id={`${prefix}-on`}
        label={label(action === 'submit' ? 'submittedOn' : 'notedOn')}
        type="date"
        {...bind(form, 'on')}
      />
      {action === 'note' && (
        <TextField
          id={`${prefix}-decisionRef`}
          label={label('decisionRef')}
          hint={t('followup.reports.form.decisionRefHint')}
          {...bind(form, 'decisionRef')}
        />
      )}
      <button type="submit" disabled={form.formState.isSubmitting}>
        {t(`followup.reports.form.${action}`, { title })}
      </button>
    </form>
  );
}
