/**
 * "Lämna jävsdeklaration": an explicit answer, never an empty form. Either "Jag har inget att
 * deklarera" or one or more interests, each with a category and a description.
 */
import { useFieldArray, useForm } from 'react-hook-form';
import { DeclarationBody } from '../../modules/people/schemas';
import type { JavDeclaration } from '../api';
import { $api, type ApiBody } from '../client';
import { SelectField, TextAreaField, TextField } from '../components/Fields';
import { FormErrorSummary } from '../components/FormErrors';
import { bind, errorItems, fieldError, withChecks } from '../components/form-fields';
import { applyServerErrors, schemaResolver } from '../forms';
import { useI18n } from '../i18n';
import { asApiError, categoryLabel, JAV_CATEGORIES, useFormSummary } from './people';

interface Row {
  category: string;
  description: string;
  organisation: string;
  from: string;
  to: string;
}

interface Values {
  answer: '' | 'nothing' | 'interests';
  interests: Row[];
}

type Body = ApiBody<'/people/{id}/jav-declarations', 'post'>;

const emptyRow = (): Row => ({ category: 'employment', description: '', organisation: '', from: '', to: '' });

/** The body: no interests when there is nothing to declare; optional parts left out when empty. */
function toBody(v: Values): Body {
  const interests =
    v.answer === 'interests'
      ? v.interests.map((r) => ({
          category: r.category,
          description: r.description.trim(),
          ...(r.organisation.trim() ? { organisation: r.organisation.trim() } : {}),
          ...(r.from ? { from: r.from } : {}),
          ...(r.to ? { to: r.to } : {}),
        }))
      : [];
  return { nothingToDeclare: v.answer === 'nothing', interests } as Body;
}

/** The answer's two body fields are one radio group in the form. */
const answerField = (name: string) => (name === 'nothingToDeclare' || name === 'interests' ? 'answer' : name);

export function DeclarationForm({
  personId,
  onSubmitted,
  onCancel,
}: {
  personId: string;
  onSubmitted: (d: JavDeclaration) => void;
  onCancel: () => void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const summary = useFormSummary();
  const form = useForm<Values>({
    resolver: withChecks(schemaResolver(DeclarationBody, toBody, i18n.lang), (v) => ({
      answer: !v.answer && t('jav.error.answerMissing'),
      ...(v.answer === 'interests'
        ? Object.fromEntries(
            v.interests.flatMap((r, i) =>
              r.description.trim() ? [] : [[`interests.${i}.description`, t('jav.error.descriptionMissing')]],
            ),
          )
        : {}),
    })),
    defaultValues: { answer: '', interests: [emptyRow()] },
  });
  const rows = useFieldArray({ control: form.control, name: 'interests' });
  const declare = $api.useMutation('post', '/people/{id}/jav-declarations');

  const label = (name: string): string => {
    const m = /^interests[.-](\d+)[.-](\w+)$/.exec(name);
    if (m) {
      const field = i18n.tMaybe(`jav.interest.${m[2] ?? ''}`) ?? m[2] ?? '';
      return t('jav.interest.rowField', { n: Number(m[1]) + 1, field });
    }
    return answerField(name) === 'answer' ? t('jav.form.answer') : name;
  };
  // the answer's errors link to its first radio button
  const items = (errors: Parameters<typeof errorItems>[0]) =>
    errorItems(errors, 'jav', label).map((it) =>
      ['jav-answer', 'jav-nothingToDeclare', 'jav-interests'].includes(it.fieldId)
        ? { ...it, fieldId: 'jav-answer-nothing' }
        : it,
    );

  const submit = form.handleSubmit(
    async (v) => {
      try {
        onSubmitted(await declare.mutateAsync({ params: { path: { id: personId } }, body: toBody(v) }));
      } catch (err) {
        const apiError = asApiError(err);
        applyServerErrors(apiError, form.setError);
        summary.show(apiError, items(form.formState.errors));
      }
    },
    (errors) => summary.showText(t('form.fixErrors'), items(errors)),
  );

  const { errors } = form.formState;
  const answer = form.watch('answer');
  const answerError = fieldError(errors, 'answer') ?? fieldError(errors, 'nothingToDeclare') ?? fieldError(errors, 'interests');
  const busy = form.formState.isSubmitting;

  return (
    <form className="form form-wide" onSubmit={(e) => void submit(e)} noValidate>
      {summary.summary && <FormErrorSummary {...summary.summary} />}
      <p>{t('jav.form.help')}</p>
      <fieldset
        className={`field radio-group${answerError ? ' field-invalid' : ''}`}
        aria-describedby={answerError ? 'jav-answer-error' : undefined}
      >
        <legend>{t('jav.form.answer')}</legend>
        {answerError && (
          <p className="field-error" id="jav-answer-error">
            {answerError}
          </p>
        )}
        <div className="field-checkbox">
          <input
            id="jav-answer-nothing"
            type="radio"
            name="jav-answer"
            checked={answer === 'nothing'}
            onChange={() => form.setValue('answer', 'nothing', { shouldDirty: true })}
          />
          <label htmlFor="jav-answer-nothing">{t('jav.form.nothing')}</label>
        </div>
        <div className="field-checkbox">
          <input
            id="jav-answer-interests"
            type="radio"
            name="jav-answer"
            checked={answer === 'interests'}
            onChange={() => form.setValue('answer', 'interests', { shouldDirty: true })}
          />
          <label htmlFor="jav-answer-interests">{t('jav.form.interests')}</label>
        </div>
      </fieldset>

      {answer === 'interests' && (
        <>
          {rows.fields.map((r, i) => (
            <fieldset key={r.id} className="interest-row">
              <legend>{t('jav.interest.legend', { n: i + 1 })}</legend>
              <SelectField
                id={`jav-interests-${i}-category`}
                label={t('jav.interest.category')}
                {...bind(form, `interests.${i}.category`)}
              >
                {JAV_CATEGORIES.map((c) => (
                  <option key={c} value={c}>
                    {categoryLabel(i18n, c)}
                  </option>
                ))}
              </SelectField>
              <TextAreaField
                id={`jav-interests-${i}-description`}
                label={t('jav.interest.description')}
                {...bind(form, `interests.${i}.description`)}
                rows={3}
              />
              <TextField
                id={`jav-interests-${i}-organisation`}
                label={t('jav.interest.organisation')}
                hint={t('person.hint.optional')}
                {...bind(form, `interests.${i}.organisation`)}
                autoComplete="off"
              />
              <div className="filter-grid">
                <TextField
                  id={`jav-interests-${i}-from`}
                  label={t('jav.interest.from')}
                  type="date"
                  {...bind(form, `interests.${i}.from`)}
                />
                <TextField
                  id={`jav-interests-${i}-to`}
                  label={t('jav.interest.to')}
                  type="date"
                  {...bind(form, `interests.${i}.to`)}
                />
              </div>
              {rows.fields.length > 1 && (
                <button type="button" className="button-secondary button-small" onClick={() => rows.remove(i)}>
                  {t('jav.interest.remove', { n: i + 1 })}
                </button>
              )}
            </fieldset>
          ))}
          <p>
            <button type="button" className="button-secondary" onClick={() => rows.append(emptyRow())}>
              {t('jav.interest.add')}
            </button>
          </p>
        </>
      )}

      <div className="button-row">
        <button type="submit" disabled={busy}>
          {t('jav.form.submit')}
        </button>
        <button type="button" className="button-secondary" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
