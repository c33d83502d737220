/**
 * The public survey page, opened through a personal link without an account. The token is in
 * the address's fragment (#…), which the browser never sends to a server; the page passes it to
 * the API in a header. Every question is a labelled field; scales and yes/no are radio groups.
 * The answers are checked before sending by the API's schema and its rule for the questions
 * (required ones answered, the right kind of value), so a missing answer is shown at once.
 */
import { useState } from 'react';
import { useForm, type FieldErrors, type Resolver } from 'react-hook-form';
import { SurveyAnswersBody } from '../../modules/consultation/schemas';
import { checkAnswers } from '../../modules/consultation/rules/survey';
import { ApiError } from '../api';
import { $api, invalidate } from '../client';
import { ErrorAlert, Loading, Notice } from '../components/Alerts';
import { Page } from '../components/Page';
import { schemaResolver } from '../forms';
import { SubmitError, useFormSubmit } from '../form-submit';
import { useI18n } from '../i18n';
import type { Question, SurveyForm } from './model';
import { SurveyQuestion } from './SurveyQuestion';

type Value = string | number | boolean;
interface AnswerValues {
  answers: Record<string, Value>;
}

/** The schema's check, then the questions' rule (the server asks both); errors under 'answers.<question id>'. */
function answersResolver(questions: Question[]): Resolver<AnswerValues> {
  const schema = schemaResolver<AnswerValues>(SurveyAnswersBody);
  return async (values, context, options) => {
    const errors = checkAnswers(questions, values.answers);
    if (errors.length === 0) return schema(values, context, options);
    const out: Record<string, { type: string; message: string }> = {};
    for (const e of errors) out[e.path] ??= { type: 'rule', message: e.message };
    return { values: {}, errors: out as FieldErrors<AnswerValues> };
  };
}

/** A question's error, whether the resolver put it flat ('answers.q1') or the server's nested. */
function answerError(errors: FieldErrors<AnswerValues>, id: string): string | undefined {
  const flat = (errors as Record<string, { message?: string } | undefined>)[`answers.${id}`];
  const nested = (errors.answers as Record<string, { message?: string } | undefined> | undefined)?.[id];
  return flat?.message ?? nested?.message;
}

export function SurveyFormPage({ id }: { id: string }) {
  const { t } = useI18n();
  const [token] = useState(() => window.location.hash.replace(/^#/, ''));
  const params = { path: { id }, header: { 'x-survey-token': token } };
  const form = $api.useQuery('get', '/survey-form/{id}', { params }, { enabled: token !== '' });
  const f = form.data;
  const title = f ? f.title : t('consultations.public.title');

  // Without a token in the link there is nothing to open: the same answer as an unknown link.
  const err = token ? form.error : new ApiError({ status: 404, title: 'Hittades inte' });
  return (
    <Page title={title}>
      {form.isLoading && <Loading />}
      {err && (err.status === 404 || err.status === 410) && (
        <Notice kind="warning">
          <p>{err.status === 410 ? t('consultations.public.expired') : t('consultations.public.notFound')}</p>
        </Notice>
      )}
      {err && err.status !== 404 && err.status !== 410 && <ErrorAlert error={err} />}
      {f && <AnswerForm survey={f} params={params} />}
    </Page>
  );
}

function AnswerForm({
  survey: f,
  params,
}: {
  survey: SurveyForm;
  params: { path: { id: string }; header: { 'x-survey-token': string } };
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const form = useForm<AnswerValues>({ resolver: answersResolver(f.questions), defaultValues: { answers: f.answers ?? {} } });
  const send = $api.useMutation('put', '/survey-form/{id}', { onSuccess: () => invalidate('/survey-form') });
  const submit = useFormSubmit(
    form,
    (v) => send.mutateAsync({ params, body: v }),
    // the first question with an error takes focus: its text field, or the chosen (or first) radio
    (errors) => {
      const q = f.questions.find((x) => answerError(errors, x.id));
      if (!q) return;
      const el =
        document.getElementById(`answer-${q.id}`) ??
        document.querySelector<HTMLInputElement>(`input[name="answer-${q.id}"]:checked`) ??
        document.querySelector<HTMLInputElement>(`input[name="answer-${q.id}"]`);
      el?.focus();
    },
  );
  const values = form.watch('answers');
  const done = send.isSuccess;
  return (
    <form className="form form-wide" onSubmit={submit} noValidate>
      <p className="lead">
        {t('consultations.public.lead', {
          unit: f.unit,
          region: f.regionName,
          round: f.roundTitle,
          date: i18n.formatDate(f.closesOn),
        })}
      </p>
      {f.intro && <p>{f.intro}</p>}
      {f.respondedAt && !done && (
        <Notice kind="info">
          <p>{t('consultations.public.alreadyAnswered', { when: i18n.formatDateTime(f.respondedAt) })}</p>
        </Notice>
      )}
      <SubmitError error={send.error} />
      {f.questions.map((q, i) => (
        <SurveyQuestion
          key={q.id}
          question={q}
          n={i + 1}
          value={values[q.id]}
          onChange={(v) => form.setValue('answers', { ...form.getValues('answers'), [q.id]: v }, { shouldDirty: true })}
          error={answerError(form.formState.errors, q.id)}
        />
      ))}
      {done && (
        <Notice kind="success" live>
          <p>{t('consultations.public.thanks')}</p>
        </Notice>
      )}
      <button type="submit" disabled={form.formState.isSubmitting}>
        {t('consultations.public.send')}
      </button>
    </form>
  );
}
