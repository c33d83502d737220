/**
 * "Vems register": the national register, a healthcare region's or a region's. The same choice
 * when a person is registered by hand and when a file of persons is read in.
 */
import type { ComponentProps } from 'react';
import { SelectField } from '../components/Fields';
import { useT } from '../i18n';
import type { Geo } from '../organisation/groups';

export function RegisterOwnerSelect({
  geo,
  ...field
}: { geo: Geo | undefined } & Omit<ComponentProps<typeof SelectField>, 'label' | 'hint' | 'children' | 'options'>) {
  const t = useT();
  return (
    <SelectField {...field} label={t('person.field.homeOwner')} hint={t('person.hint.homeOwner')} disabled={!geo}>
      <option value="">{t('person.homeOwnerDefault')}</option>
      {geo && (
        <>
          <option value="national">{geo.ownerName('national')}</option>
          <optgroup label={t('org.hr.title')}>
            {geo.hrs.map((h) => (
              <option key={h.id} value={h.id}>
                {h.name}
              </option>
            ))}
          </optgroup>
          <optgroup label={t('org.regions.title')}>
            {geo.regions.map((r) => (
              <option key={r.code} value={r.code}>
                {r.name}
              </option>
            ))}
          </optgroup>
        </>
      )}
    </SelectField>
  );
}
