import { SelectField, TextAreaField } from '../components/Fields';
import { useI18n } from '../i18n';
import { DIMENSIONS, dimensionLabel, SIGNIFICANCES, significanceLabel } from './knowledge';

export interface ConsequenceValue {
  dimension: (typeof DIMENSIONS)[number];
  significance: (typeof SIGNIFICANCES)[number];
  text: string;
}

export const emptyConsequences = (): ConsequenceValue[] =>
  DIMENSIONS.map((d) => ({ dimension: d, significance: 'none', text: '' }));

export const toConsequenceBody = (values: ConsequenceValue[]) =>
  values.map((c) => ({ dimension: c.dimension, significance: c.significance, text: c.text.trim() || null }));

/** The six dimensions of the consequence description, each with significance and a text. */
export function ConsequenceEditor({
  idPrefix,
  value,
  onChange,
  errors,
}: {
  idPrefix: string;
  value: ConsequenceValue[];
  onChange: (v: ConsequenceValue[]) => void;
  errors: Record<string, string>;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const set = (i: number, patch: Partial<ConsequenceValue>) => onChange(value.map((c, j) => (j === i ? { ...c, ...patch } : c)));
  return (
    <fieldset className="field">
      <legend>{t('knowledge.consequence.legend')}</legend>
      <p className="hint">{t('knowledge.consequence.hint')}</p>
      {value.map((c, i) => (
        <div key={c.dimension} className="panel">
          <SelectField
            id={`${idPrefix}-${i}-significance`}
            label={`${dimensionLabel(i18n, c.dimension)}: ${t('knowledge.consequence.significance').toLowerCase()}`}
            value={c.significance}
            onChange={(v) => set(i, { significance: v as ConsequenceValue['significance'] })}
            error={errors[`${i}-significance`]}
          >
            {SIGNIFICANCES.map((s) => (
              <option key={s} value={s}>
                {significanceLabel(i18n, s)}
              </option>
            ))}
          </SelectField>
          <TextAreaField
            id={`${idPrefix}-${i}-text`}
            label={`${dimensionLabel(i18n, c.dimension)}: ${t('knowledge.consequence.text').toLowerCase()}`}
            value={c.text}
            onChange={(v) => set(i, { text: v })}
            error={errors[`${i}-text`]}
            rows={2}
          />
        </div>
      ))}
    </fieldset>
  );
}
