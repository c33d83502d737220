/** One question of the public survey: a text area, or a radio group for a scale or yes/no. */
import { TextAreaField } from '../components/Fields';
import { useT } from '../i18n';
import type { Question } from './model';

type Value = string | number | boolean;

export function SurveyQuestion({
  question: q,
  n,
  value,
  onChange,
  error,
}: {
  question: Question;
  n: number;
  value: Value | undefined;
  onChange: (value: Value) => void;
  error: string | undefined;
}) {
  const t = useT();
  const label = `${n}. ${q.text}${q.required ? ` (${t('consultations.public.required')})` : ''}`;
  if (q.kind === 'text') {
    return (
      <TextAreaField
        id={`answer-${q.id}`}
        label={label}
        value={String(value ?? '')}
        onChange={onChange}
        rows={4}
        error={error}
        required={q.required}
      />
    );
  }
  const options: [Value, string][] =
    q.kind === 'scale'
      ? [1, 2, 3, 4, 5].map((x) => [x, String(x)])
      : [
          [true, t('consultations.public.yes')],
          [false, t('consultations.public.no')],
        ];
  return (
    <fieldset className={`field${error ? ' field-invalid' : ''}`} aria-describedby={error ? `answer-${q.id}-error` : undefined}>
      <legend>{label}</legend>
      {q.kind === 'scale' && <p className="hint">{t('consultations.public.scaleHint')}</p>}
      {error && (
        <p className="field-error" id={`answer-${q.id}-error`}>
          {error}
        </p>
      )}
      <ul className="inline-list">
        {options.map(([v, text]) => (
          <li key={String(v)} className="field-checkbox">
            <input
              type="radio"
              id={`answer-${q.id}-${String(v)}`}
              name={`answer-${q.id}`}
              checked={value === v}
              onChange={() => onChange(v)}
            />
            <label htmlFor={`answer-${q.id}-${String(v)}`}>{text}</label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}
