import { SelectField } from '../components/Fields';
import { useI18n } from '../i18n';
import type { Mapping } from './importFile';

/** Which of the file's columns holds the place, the period, the value, the unit and the gender. */
export function ImportMapping({
  header,
  mapping,
  onChange,
}: {
  header: string[];
  mapping: Mapping;
  onChange: (k: keyof Mapping, v: string) => void;
}) {
  const { t } = useI18n();
  return (
    <fieldset className="form">
      <legend>{t('followup.import.mapping')}</legend>
      <div className="filter-grid">
        {(['area', 'period', 'value', 'subArea', 'gender'] as const).map((k) => (
          <SelectField
            key={k}
            id={`map-${k}`}
            label={t(`followup.import.col.${k}`)}
            value={mapping[k]}
            onChange={(v) => onChange(k, v)}
          >
            {(k === 'subArea' || k === 'gender') && <option value="">{t('followup.import.none')}</option>}
            {header.map((h) => (
              <option key={h} value={h}>
                {h}
              </option>
            ))}
          </SelectField>
        ))}
      </div>
    </fieldset>
  );
}
