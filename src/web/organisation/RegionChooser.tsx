/**
 * "Välj region" for pages that show one region at a time, with the region in the address
 * (`?region=07`). A person with one region never picks it: the page opens on it; a person with
 * several opens on the one they chose last.
 */
import { useEffect, useState, type FormEvent } from 'react';
import { navigate } from '../app/router';
import { rememberRegion, useMyRegions } from '../auth/regions';
import { SelectField } from '../components/Fields';
import { useAsync } from '../components/useAsync';
import { useT } from '../i18n';
import { loadRegions } from './reference';

const hrefFor = (path: string, region: string) => (region ? `${path}?region=${encodeURIComponent(region)}` : path);

/** The regions' names, and the form that chooses one. `region` is the one in the address. */
export function useRegionChoice(path: string, region: string) {
  const regions = useAsync(() => loadRegions(), []);
  const { preferredRegion } = useMyRegions();
  useEffect(() => {
    if (!region && preferredRegion) navigate(hrefFor(path, preferredRegion), { replace: true });
  }, [region, preferredRegion, path]);
  return {
    regions: regions.data ?? [],
    name: regions.data?.find((r) => r.code === region)?.name ?? region,
  };
}

export function RegionChooser({
  id,
  path,
  region,
  label,
  regions,
}: {
  id: string;
  path: string;
  region: string;
  label: string;
  regions: readonly { code: string; name: string }[];
}) {
  const t = useT();
  const [draft, setDraft] = useState(region);
  useEffect(() => setDraft(region), [region]);
  function choose(e: FormEvent) {
    e.preventDefault();
    rememberRegion(draft);
    navigate(hrefFor(path, draft), { replace: true });
  }
  return (
    <form className="filters form" onSubmit={choose} aria-label={label}>
      <SelectField
        id={id}
        label={t('case.field.region')}
        value={draft}
        onChange={setDraft}
        options={regions.map((r) => ({ value: r.code, label: r.name }))}
        placeholder={t('case.chooseRegion')}
      />
      <button type="submit">{t('cases.show')}</button>
    </form>
  );
}
