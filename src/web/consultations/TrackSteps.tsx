/**
 * A round's track, step by step (issue 21 item 12, seed 002): who acts and when. The round's own
 * days come from the round; the days the seed leaves open are entered by a person (the round's
 * administrator), never computed. Shown on the answer page and with the round in the catalogue.
 */
import { useForm } from 'react-hook-form';
import { StepBody } from '../../modules/consultation/rounds/schemas';
import { ErrorAlert } from '../components/Alerts';
import { FormTextField } from '../components/FormFields';
import { $api, invalidate, type ApiResponse } from '../client';
import { SubmitError, useFormSubmit } from '../form-submit';
import { schemaResolver } from '../forms';
import { useI18n } from '../i18n';

type Step = ApiResponse<'/consultation-rounds/{id}'>['steps'][number];

export function TrackSteps({ roundId }: { roundId: string }) {
  const i18n = useI18n();
  const { t, formatDate } = i18n;
  const round = $api.useQuery('get', '/consultation-rounds/{id}', { params: { path: { id: roundId } } });
  if (round.error) return <ErrorAlert error={round.error} />;
  if (!round.data) return null;
  const r = round.data;
  return (
    <section className="panel" aria-labelledby={`steps-${roundId}`}>
      <h2 id={`steps-${roundId}`}>{t('consultations.track-steps.heading', { track: r.trackLabel })}</h2>
      <p className="hint">{t('consultations.track-steps.agency', { agency: r.trackAgency })}</p>
      <ol className="steps">
        {r.steps.map((s) => (
          <li key={s.code}>
            <strong>{s.label}</strong>
            <div className="muted">
              {t('consultations.track-steps.actor', { actor: s.actor })} ·{' '}
              {s.dueOn ? formatDate(s.dueOn) : t('consultations.track-steps.noDate')}
              {s.doneOn && ` · ${t('consultations.track-steps.done', { date: formatDate(s.doneOn) })}`}
              {s.late && <span className="badge badge-weak"> {t('consultations.late')}</span>}
            </div>
            {s.note && <div>{s.note}</div>}
            {r.mayEdit && s.date === 'entered' && <StepForm roundId={roundId} step={s} />}
          </li>
        ))}
      </ol>
    </section>
  );
}

type StepValues = { dueOn: string; doneOn: string; note: string };

function StepForm({ roundId, step }: { roundId: string; step: Step }) {
  const { t, lang } = useI18n();
  const save = $api.useMutation('put', '/consultation-rounds/{id}/steps/{step}', {
    onSuccess: () => invalidate('/consultation-rounds'),
  });
  const toBody = (v: StepValues) => ({
    dueOn: v.dueOn || null,
    doneOn: v.doneOn || null,
    ...(v.note.trim() ? { note: v.note.trim() } : {}),
    version: step.version,
  });
  const form = useForm<StepValues>({
    resolver: schemaResolver(StepBody, toBody, lang),
    values: { dueOn: step.dueOn ?? '', doneOn: step.doneOn ?? '', note: step.note ?? '' },
  });
  const submit = useFormSubmit(form, (v) =>
    save.mutateAsync({ params: { path: { id: roundId, step: step.code } }, body: toBody(v) }),
  );
  const id = `step-${roundId}-${step.code}`;
  return (
    <form
      className="form inline-form"
      noValidate
      onSubmit={submit}
      aria-label={t('consultations.track-steps.form', { step: step.label })}
    >
      <SubmitError error={save.error} />
      <div className="filter-grid">
        <FormTextField
          control={form.control}
          name="dueOn"
          id={`${id}-due`}
          type="date"
          label={t('consultations.track-steps.dueOn')}
        />
        <FormTextField
          control={form.control}
          name="doneOn"
          id={`${id}-done`}
          type="date"
          label={t('consultations.track-steps.doneOn')}
        />
        <FormTextField control={form.control} name="note" id={`${id}-note`} label={t('consultations.track-steps.note')} />
      </div>
      <button type="submit" className="button-small" disabled={form.formState.isSubmitting}>
        {t('consultations.track-steps.save')}
      </button>
    </form>
  );
}
