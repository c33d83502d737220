/**
 * A decision reference (issue 17: pick, never retype): a § of justerade minutes in Navet, chosen
 * from the decision log, or, for a decision taken elsewhere, written out. The body still takes
 * the reference as text; the § is chosen by its reference ("Kunskapsrådet 2026-03-12 § 4").
 * The same choice as the implementation status form's (followup/StatusForm.tsx).
 */
import { useState } from 'react';
import { useController, type Control, type FieldPath, type FieldValues } from 'react-hook-form';
import { useT } from '../i18n';
import { Combobox } from './Combobox';
import { SelectField, TextField } from './Fields';
import { loadParagraphRefs } from './pickLists';

type Where = 'navet' | 'elsewhere';

export function FormDecisionRefField<V extends FieldValues>({
  control,
  name,
  id,
  label,
  required,
}: {
  control: Control<V>;
  name: FieldPath<V>;
  id: string;
  label: string;
  required?: boolean;
}) {
  const t = useT();
  const { field, fieldState } = useController({ control, name });
  const value = String(field.value ?? '');
  const [where, setWhere] = useState<Where>('navet');
  const error = fieldState.error?.message;
  return (
    <fieldset className="field-group">
      <legend>{label}</legend>
      <SelectField
        id={`${id}-where`}
        label={t('decisionRef.where')}
        value={where}
        onChange={(w) => {
          setWhere(w as Where);
          field.onChange('');
        }}
        options={[
          { value: 'navet', label: t('decisionRef.where.navet') },
          { value: 'elsewhere', label: t('decisionRef.where.elsewhere') },
        ]}
      />
      {where === 'navet' ? (
        <Combobox
          id={id}
          label={t('decisionRef.paragraph')}
          value={value}
          selectedLabel={value}
          cacheKey="paragraph-refs"
          load={loadParagraphRefs}
          hint={t('decisionRef.paragraphHint')}
          error={error}
          required={required}
          ref={field.ref}
          onChange={(ref) => field.onChange(ref)}
        />
      ) : (
        <TextField
          id={id}
          label={t('decisionRef.elsewhere')}
          hint={t('decisionRef.elsewhereHint')}
          value={value}
          onChange={field.onChange}
          onBlur={field.onBlur}
          error={error}
          required={required}
          ref={field.ref}
          autoComplete="off"
        />
      )}
    </fieldset>
  );
}
