import type { ApiBody } from '../client';
import { SelectField } from '../components/Fields';
import { useI18n } from '../i18n';
import { CARE_SECTORS } from '../../shared/vocabularies';

export type CareSector = NonNullable<ApiBody<'/groups/{id}/memberships', 'post'>['careSector']>;

/** Seed 000: a shared chair is one from primary care and one from specialised care; the seat says which. */
export function CareSectorField({
  role,
  value,
  onChange,
  error,
}: {
  role: string;
  value: string;
  onChange: (v: string) => void;
  error?: string | undefined;
}) {
  const { t } = useI18n();
  if (role !== 'ordforande') return null;
  return (
    <SelectField
      id="appoint-careSector"
      label={t('people.members.careSector')}
      hint={t('people.members.careSectorHint')}
      value={value}
      onChange={onChange}
      error={error}
    >
      <option value="">{t('people.members.careSectorNone')}</option>
      {CARE_SECTORS.map((c) => (
        <option key={c} value={c}>
          {t(`people.members.careSector.${c}`)}
        </option>
      ))}
    </SelectField>
  );
}

/** "(primärvård)" after a chair's role when the seat records its half of a shared chair. */
export function CareSectorText({ sector }: { sector: string | null | undefined }) {
  const { tMaybe } = useI18n();
  if (!sector) return null;
  return <span className="muted"> ({tMaybe(`people.members.careSector.${sector}`) ?? sector})</span>;
}
