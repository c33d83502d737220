import { useState } from 'react';
import { Combobox } from '../components/Combobox';
import { SelectField, TextField } from '../components/Fields';
import { loadParagraphs } from '../components/pickLists';
import { useI18n } from '../i18n';

export interface SetupDecisionValues {
  setupWhere: 'none' | 'navet' | 'elsewhere';
  setupParagraphId: string;
  setupElsewhere: string;
  hostConsultation: string;
}

export const EMPTY_SETUP: SetupDecisionValues = {
  setupWhere: 'none',
  setupParagraphId: '',
  setupElsewhere: '',
  hostConsultation: '',
};

/** The body fields for the decision: a picked § or, only for a decision taken outside Navet, its text. */
export const setupBody = (v: SetupDecisionValues) => ({
  ...(v.setupWhere === 'navet' && v.setupParagraphId ? { setupParagraphId: v.setupParagraphId } : {}),
  ...(v.setupWhere === 'elsewhere' && v.setupElsewhere.trim() ? { setupElsewhere: v.setupElsewhere.trim() } : {}),
  ...(v.hostConsultation.trim() ? { hostConsultation: v.hostConsultation.trim() } : {}),
});

/**
 * "Beslut om att inrätta gruppen" (issue 21, item 11): the seeds say some groups are set up only by
 * decision (an LAG in Region Blekinge after Kunskapsrådet or Styrgrupp LSVO, seed 002; a working
 * group in Region Jönköpings län in samråd with the värdskap, seed 000). The server holds the rule
 * and says, field by field, what is missing.
 */
export function SetupDecisionFields({
  prefix,
  values,
  errors,
  onChange,
}: {
  prefix: string;
  values: SetupDecisionValues;
  errors: Partial<Record<keyof SetupDecisionValues, string>>;
  onChange: (patch: Partial<SetupDecisionValues>) => void;
}) {
  const { t } = useI18n();
  const [paragraphName, setParagraphName] = useState('');
  const field = (k: keyof SetupDecisionValues) => ({
    id: `${prefix}-${k}`,
    label: t(`group.field.${k}`),
    value: values[k],
    error: errors[k],
    onChange: (v: string) => onChange({ [k]: v }),
  });
  return (
    <fieldset>
      <legend>{t('group.setup.legend')}</legend>
      <p className="hint">{t('group.setup.lead')}</p>
      <SelectField
        {...field('setupWhere')}
        // No decision named yet: the server's "which decision?" lands here, and the summary links here.
        {...(values.setupWhere === 'none'
          ? { id: `${prefix}-setupParagraphId`, error: errors.setupParagraphId ?? errors.setupElsewhere ?? errors.setupWhere }
          : {})}
        onChange={(v) => onChange({ setupWhere: v as SetupDecisionValues['setupWhere'] })}
      >
        <option value="none">{t('group.setup.where.none')}</option>
        <option value="navet">{t('group.setup.where.navet')}</option>
        <option value="elsewhere">{t('group.setup.where.elsewhere')}</option>
      </SelectField>
      {values.setupWhere === 'navet' && (
        <Combobox
          {...field('setupParagraphId')}
          cacheKey="paragraphs"
          load={loadParagraphs}
          selectedLabel={paragraphName}
          hint={t('group.setup.paragraphHint')}
          required
          onChange={(id, o) => {
            onChange({ setupParagraphId: id });
            setParagraphName(o?.label ?? '');
          }}
        />
      )}
      {values.setupWhere === 'elsewhere' && <TextField {...field('setupElsewhere')} hint={t('group.setup.elsewhereHint')} />}
      <TextField {...field('hostConsultation')} hint={t('group.setup.hostConsultationHint')} />
    </fieldset>
  );
}
