/**
 * "Lämna jävsdeklaration": an explicit answer, never an empty form. Either "Jag har inget att
 * deklarera" or one or more interests, each with a category and a description.
 */
import { useState, type FormEvent } from 'react';
import type { Interest, JavDeclaration } from '../api';
import { call, client, type ApiBody } from '../client';
import { SelectField, TextAreaField, TextField } from '../components/Fields';
import { FormErrorSummary, type FormErrorItem } from '../components/FormErrors';
import { useI18n } from '../i18n';
import { asApiError, categoryLabel, JAV_CATEGORIES, serverFieldErrors, useFormSummary } from './people';

interface Row {
  key: number;
  category: string;
  description: string;
  organisation: string;
  from: string;
  to: string;
}

const emptyRow = (key: number): Row => ({ key, category: 'employment', description: '', organisation: '', from: '', to: '' });

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
  const [answer, setAnswer] = useState<'' | 'nothing' | 'interests'>('');
  const [rows, setRows] = useState<Row[]>([emptyRow(1)]);
  const [nextKey, setNextKey] = useState(2);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const summary = useFormSummary();

  const label = (key: string): string => {
    const m = /^interests-(\d+)-(\w+)$/.exec(key);
    if (m) {
      const field = i18n.tMaybe(`jav.interest.${m[2] ?? ''}`) ?? m[2] ?? '';
      return t('jav.interest.rowField', { n: Number(m[1]) + 1, field });
    }
    if (key === 'nothingToDeclare' || key === 'interests') return t('jav.form.answer');
    return key;
  };

  function update(i: number, patch: Partial<Row>) {
    setRows((prev) => prev.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    const missing: Record<string, string> = {};
    if (!answer) missing.answer = t('jav.error.answerMissing');
    if (answer === 'interests')
      rows.forEach((r, i) => {
        if (!r.description.trim()) missing[`interests-${i}-description`] = t('jav.error.descriptionMissing');
      });
    if (Object.keys(missing).length > 0) {
      setErrors(missing);
      const items: FormErrorItem[] = Object.entries(missing).map(([k, message]) => ({
        fieldId: k === 'answer' ? 'jav-answer-nothing' : `jav-${k}`,
        label: k === 'answer' ? t('jav.form.answer') : label(k),
        message,
      }));
      summary.showText(t('form.fixErrors'), items);
      return;
    }
    const interests: Interest[] =
      answer === 'interests'
        ? rows.map((r) => ({
            category: r.category,
            description: r.description.trim(),
            ...(r.organisation.trim() ? { organisation: r.organisation.trim() } : {}),
            ...(r.from ? { from: r.from } : {}),
            ...(r.to ? { to: r.to } : {}),
          }))
        : [];
    setBusy(true);
    try {
      const created = await call(
        client.POST('/people/{id}/jav-declarations', {
          params: { path: { id: personId } },
          body: {
            nothingToDeclare: answer === 'nothing',
            interests: interests as ApiBody<'/people/{id}/jav-declarations', 'post'>['interests'],
          },
        }),
      );
      onSubmitted(created);
    } catch (err) {
      const apiError = asApiError(err);
      const { byField, items } = serverFieldErrors(apiError, 'jav', label);
      setErrors(byField);
      summary.show(
        apiError,
        items.map((it) =>
          it.fieldId === 'jav-nothingToDeclare' || it.fieldId === 'jav-interests' ? { ...it, fieldId: 'jav-answer-nothing' } : it,
        ),
      );
      setBusy(false);
    }
  }

  const answerError = errors.answer ?? errors.nothingToDeclare ?? errors.interests;

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
            onChange={() => setAnswer('nothing')}
          />
          <label htmlFor="jav-answer-nothing">{t('jav.form.nothing')}</label>
        </div>
        <div className="field-checkbox">
          <input
            id="jav-answer-interests"
            type="radio"
            name="jav-answer"
            checked={answer === 'interests'}
            onChange={() => setAnswer('interests')}
          />
          <label htmlFor="jav-answer-interests">{t('jav.form.interests')}</label>
        </div>
      </fieldset>

      {answer === 'interests' && (
        <>
          {rows.map((r, i) => (
            <fieldset key={r.key} className="interest-row">
              <legend>{t('jav.interest.legend', { n: i + 1 })}</legend>
              <SelectField
                id={`jav-interests-${i}-category`}
                label={t('jav.interest.category')}
                value={r.category}
                onChange={(category) => update(i, { category })}
                error={errors[`interests-${i}-category`]}
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
                value={r.description}
                onChange={(description) => update(i, { description })}
                error={errors[`interests-${i}-description`]}
                rows={3}
              />
              <TextField
                id={`jav-interests-${i}-organisation`}
                label={t('jav.interest.organisation')}
                hint={t('person.hint.optional')}
                value={r.organisation}
                onChange={(organisation) => update(i, { organisation })}
                error={errors[`interests-${i}-organisation`]}
                autoComplete="off"
              />
              <div className="filter-grid">
                <TextField
                  id={`jav-interests-${i}-from`}
                  label={t('jav.interest.from')}
                  type="date"
                  value={r.from}
                  onChange={(from) => update(i, { from })}
                  error={errors[`interests-${i}-from`]}
                />
                <TextField
                  id={`jav-interests-${i}-to`}
                  label={t('jav.interest.to')}
                  type="date"
                  value={r.to}
                  onChange={(to) => update(i, { to })}
                  error={errors[`interests-${i}-to`]}
                />
              </div>
              {rows.length > 1 && (
                <button
                  type="button"
                  className="button-secondary button-small"
                  onClick={() => setRows((prev) => prev.filter((_, j) => j !== i))}
                >
                  {t('jav.interest.remove', { n: i + 1 })}
                </button>
              )}
            </fieldset>
          ))}
          <p>
            <button
              type="button"
              className="button-secondary"
              onClick={() => {
                setRows((prev) => [...prev, emptyRow(nextKey)]);
                setNextKey((k) => k + 1);
              }}
            >
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
