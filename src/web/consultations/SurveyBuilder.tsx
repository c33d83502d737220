/**
 * The lead group builds the gap-analysis survey: title, closing day, the questions (text,
 * scale 1–5 or yes/no, each with a topic) and the units that answer, one a line. The form
 * checks the body it would send with the route's schema (SurveyBody); a unit line the schema
 * refuses is shown on the units field with its number.
 */
import { useFieldArray, useForm, type FieldError, type FieldErrors, type Resolver } from 'react-hook-form';
import { SurveyBody } from '../../modules/consultation/schemas';
import { $api, type ApiResponse } from '../client';
import { CheckboxGroup, SelectField } from '../components/Fields';
import { FormTextAreaField, FormTextField, requiredFirst } from '../components/FormFields';
import { bind } from '../components/form-fields';
import { schemaResolver } from '../forms';
import { SubmitError, useFormSubmit } from '../form-submit';
import { useT } from '../i18n';
import { useEmailEnabled } from './SurveyManage';
import { answerChanged, type Answer, type Question } from './model';

export type SurveyLinks = ApiResponse<'/consultation-answers/{id}/survey', 'post'>['links'];

const DEFAULT_QUESTIONS: Question[] = [
  {
    id: 'q1',
    kind: 'text',
    topic: 'praxis',
    text: 'Hur arbetar ni i dag jämfört med rekommendationerna? Var finns de största skillnaderna?',
    required: true,
  },
  {
    id: 'q2',
    kind: 'scale',
    topic: 'resurser',
    text: 'Hur stora resurser krävs för att följa rekommendationerna (1 = inga, 5 = mycket stora)?',
    required: true,
  },
  {
    id: 'q3',
    kind: 'yes-no',
    topic: 'konsekvenser',
    text: 'Kräver rekommendationerna förändringar i organisation eller kompetens hos er?',
    required: false,
  },
  {
    id: 'q4',
    kind: 'text',
    topic: 'konsekvenser',
    text: 'Vilka konsekvenser ser ni för patienterna och för verksamheten?',
    required: false,
  },
];

interface SurveyValues {
  title: string;
  intro: string;
  closesOn: string;
  questions: Question[];
  /** One unit a line, with its e-mail address after a semicolon. */
  recipients: string;
}

const toRecipients = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .map((l) => {
      const [unit, email] = l.split(';').map((x) => x.trim());
      return { unit: unit ?? '', ...(email ? { email } : {}) };
    });

/** The errors of one unit line ('recipients.0.email') go to the units field, with the line's number. */
function unitErrorsOnField(
  resolver: Resolver<SurveyValues>,
  line: (n: number, message: string) => string,
): Resolver<SurveyValues> {
  return async (values, context, options) => {
    const result = await resolver(values, context, options);
    if (Object.keys(result.errors).length === 0) return result;
    const errors = { ...result.errors } as Record<string, FieldError | undefined>;
    for (const key of Object.keys(errors)) {
      const m = /^recipients\.(\d+)/.exec(key);
      if (!m) continue;
      errors.recipients ??= { type: 'schema', message: line(Number(m[1]) + 1, errors[key]?.message ?? '') };
      delete errors[key];
    }
    return { values: {}, errors: errors as FieldErrors<SurveyValues> };
  };
}

export function SurveyBuilder({ answer, onSent }: { answer: Answer; onSent: (links: SurveyLinks) => void }) {
  const emailEnabled = useEmailEnabled();
  const t = useT();
  const closes = answer.milestones.find((m) => m.kind === 'survey-closes');
  const toBody = (v: SurveyValues) => ({
    title: v.title,
    intro: v.intro || null,
    closesOn: v.closesOn,
    questions: v.questions,
    recipients: toRecipients(v.recipients),
    version: answer.version,
  });
  const form = useForm<SurveyValues>({
    resolver: requiredFirst(
      { recipients: t('consultations.survey.recipientsMissing') },
      unitErrorsOnField(schemaResolver(SurveyBody, toBody), (n, message) =>
        t('consultations.survey.recipientLine', { n, message }),
      ),
    ),
    defaultValues: {
      title: `Gapanalys: ${answer.round?.title ?? ''}`.slice(0, 300),
      intro: '',
      closesOn: closes?.dueOn ?? '',
      questions: DEFAULT_QUESTIONS,
      recipients: '',
    },
  });
  const questions = useFieldArray({ control: form.control, name: 'questions', keyName: 'key' });
  const send = $api.useMutation('post', '/consultation-answers/{id}/survey', { onSuccess: () => answerChanged() });
  const submit = useFormSubmit(form, async (v) => {
    const res = await send.mutateAsync({ params: { path: { id: answer.id } }, body: toBody(v) });
    onSent(res.links);
  });
  const questionsError = form.formState.errors.questions?.message;

  return (
    <form className="form form-wide panel" onSubmit={submit} aria-labelledby="survey-heading">
      <h2 id="survey-heading">{t('consultations.survey.heading')}</h2>
      <p className="hint">{t('consultations.survey.lead')}</p>
      <SubmitError error={send.error} />
      <FormTextField control={form.control} name="title" id="survey-title" label={t('consultations.survey.title')} required />
      <FormTextAreaField control={form.control} name="intro" id="survey-intro" label={t('consultations.survey.intro')} rows={2} />
      <FormTextField
        control={form.control}
        name="closesOn"
        id="survey-closes"
        type="date"
        label={t('consultations.survey.closesOn')}
        required
      />
      {questions.fields.map((q, i) => (
        <fieldset key={q.key} className="panel">
          <legend>{t('consultations.survey.question', { n: i + 1 })}</legend>
          <FormTextAreaField
            control={form.control}
            name={`questions.${i}.text`}
            id={`survey-q-${i}-text`}
            label={t('consultations.survey.questionText')}
            rows={2}
          />
          <div className="filter-grid">
            <SelectField id={`survey-q-${i}-kind`} label={t('consultations.survey.kind')} {...bind(form, `questions.${i}.kind`)}>
              {(['text', 'scale', 'yes-no'] as const).map((k) => (
                <option key={k} value={k}>
                  {t(`consultations.survey.kind.${k}`)}
                </option>
              ))}
            </SelectField>
            <SelectField
              id={`survey-q-${i}-topic`}
              label={t('consultations.survey.topic')}
              {...bind(form, `questions.${i}.topic`)}
            >
              {(['praxis', 'resurser', 'konsekvenser', 'ovrigt'] as const).map((k) => (
                <option key={k} value={k}>
                  {t(`consultations.survey.topic.${k}`)}
                </option>
              ))}
            </SelectField>
          </div>
          <CheckboxGroup
            id={`survey-q-${i}-required`}
            legend={t('consultations.survey.requiredLegend')}
            options={[{ value: 'required', label: t('consultations.survey.required') }]}
            value={form.watch(`questions.${i}.required`) ? ['required'] : []}
            onChange={(v) => form.setValue(`questions.${i}.required`, v.includes('required'), { shouldDirty: true })}
          />
          <button type="button" className="button-secondary button-small" onClick={() => questions.remove(i)}>
            {t('consultations.survey.removeQuestion', { n: i + 1 })}
          </button>
        </fieldset>
      ))}
      {questionsError && (
        <p className="field-error" id="survey-questions-error">
          {questionsError}
        </p>
      )}
      <p>
        <button
          type="button"
          className="button-secondary"
          aria-describedby={questionsError ? 'survey-questions-error' : undefined}
          onClick={() =>
            questions.append({
              id: `q${Math.random().toString(36).slice(2, 10)}`,
              kind: 'text',
              topic: 'ovrigt',
              text: '',
              required: false,
            })
          }
        >
          {t('consultations.survey.addQuestion')}
        </button>
      </p>
      <FormTextAreaField
        control={form.control}
        name="recipients"
        id="survey-recipients"
        label={t('consultations.survey.recipients')}
        hint={t('consultations.survey.recipientsHint')}
        rows={4}
      />
      <p className="hint">{t(emailEnabled ? 'consultations.survey.mailBeforeSend' : 'consultations.survey.noMailBeforeSend')}</p>
      <button type="submit" disabled={form.formState.isSubmitting}>
        {t('consultations.survey.send')}
      </button>
    </form>
  );
}
