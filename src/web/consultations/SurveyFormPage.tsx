/**
 * The public survey page, opened through a personal link without an account. The token is in
 * the address's fragment (#…), which the browser never sends to a server; the page passes it to
 * the API in a header. Every question is a labelled field; scales and yes/no are radio groups.
 */
import { useEffect, useState, type FormEvent } from 'react';
import { ApiError } from '../api';
import { $api, call, client } from '../client';
import { ErrorAlert, Loading, Notice } from '../components/Alerts';
import { TextAreaField } from '../components/Fields';
import { Page } from '../components/Page';
import { useI18n } from '../i18n';
import { SubmitError, useSubmit } from './shared';

type Value = string | number | boolean;

export function SurveyFormPage({ id }: { id: string }) {
  const i18n = useI18n();
  const { t } = i18n;
  const [token] = useState(() => window.location.hash.replace(/^#/, ''));
  const params = { path: { id }, header: { 'x-survey-token': token } };
  const form = $api.useQuery('get', '/survey-form/{id}', { params }, { enabled: token !== '' });
  const [values, setValues] = useState<Record<string, Value>>({});
  const [done, setDone] = useState(false);
  const submit = useSubmit();
  useEffect(() => {
    if (form.data?.answers) setValues(form.data.answers);
  }, [form.data]);

  const f = form.data;
  const title = f ? f.title : t('consultations.public.title');

  async function send(e: FormEvent) {
    e.preventDefault();
    setDone(false);
    const ok = await submit.run(async () => {
      await call(client.PUT('/survey-form/{id}', { params, body: { answers: values } }));
    });
    setDone(ok);
  }

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
      {f && (
        <form className="form form-wide" onSubmit={(e) => void send(e)} noValidate>
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
          <SubmitError error={submit.error} />
          {f.questions.map((q, i) => {
            const label = `${i + 1}. ${q.text}${q.required ? ` (${t('consultations.public.required')})` : ''}`;
            const errorFor = submit.error?.errors.find((x) => x.path === `answers.${q.id}`)?.message;
            if (q.kind === 'text') {
              return (
                <TextAreaField
                  key={q.id}
                  id={`answer-${q.id}`}
                  label={label}
                  value={String(values[q.id] ?? '')}
                  onChange={(v) => setValues({ ...values, [q.id]: v })}
                  rows={4}
                  error={errorFor}
                  required={q.required}
                />
              );
            }
            const options: [Value, string][] =
              q.kind === 'scale'
                ? [1, 2, 3, 4, 5].map((n) => [n, String(n)])
                : [
                    [true, t('consultations.public.yes')],
                    [false, t('consultations.public.no')],
                  ];
            return (
              <fieldset
                key={q.id}
                className={`field${errorFor ? ' field-invalid' : ''}`}
                aria-describedby={errorFor ? `answer-${q.id}-error` : undefined}
              >
                <legend>{label}</legend>
                {q.kind === 'scale' && <p className="hint">{t('consultations.public.scaleHint')}</p>}
                {errorFor && (
                  <p className="field-error" id={`answer-${q.id}-error`}>
                    {errorFor}
                  </p>
                )}
                <ul className="inline-list">
                  {options.map(([v, text]) => (
                    <li key={String(v)} className="field-checkbox">
                      <input
                        type="radio"
                        id={`answer-${q.id}-${String(v)}`}
                        name={`answer-${q.id}`}
                        checked={values[q.id] === v}
                        onChange={() => setValues({ ...values, [q.id]: v })}
                      />
                      <label htmlFor={`answer-${q.id}-${String(v)}`}>{text}</label>
                    </li>
                  ))}
                </ul>
              </fieldset>
            );
          })}
          {done && (
            <Notice kind="success" live>
              <p>{t('consultations.public.thanks')}</p>
            </Notice>
          )}
          <button type="submit" disabled={submit.busy}>
            {t('consultations.public.send')}
          </button>
        </form>
      )}
    </Page>
  );
}
