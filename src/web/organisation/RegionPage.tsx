import { useEffect, useState, type FormEvent } from 'react';
import type { HealthcareRegion, Municipality } from '../api';
import { Link } from '../app/router';
import { ErrorAlert, Loading } from '../components/Alerts';
import { Page } from '../components/Page';
import { useAsync } from '../components/useAsync';
import { useI18n } from '../i18n';
import { useOrgCrumbs } from './OrganisationPage';
import { byKey, loadHealthcareRegions, loadMunicipalities, loadRegion } from './reference';
import { TableScroll } from '../components/TableScroll';
import { OwnerLinks } from './OwnerLinks';

/** Typing filters after a short pause; Enter filters at once. The server does the matching. */
const SEARCH_DELAY_MS = 250;

export function RegionPage({ code }: { code: string }) {
  const { t } = useI18n();
  const crumbs = [...useOrgCrumbs(), { to: '/organisation/regioner', label: t('org.regions.title') }];
  const head = useAsync(() => Promise.all([loadRegion(code), loadHealthcareRegions()]), [code]);
  const [input, setInput] = useState('');
  const [q, setQ] = useState('');

  useEffect(() => {
    if (input.trim() === q) return;
    const timer = window.setTimeout(() => setQ(input.trim()), SEARCH_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [input, q]);

  const list = useAsync((signal) => loadMunicipalities(code, q, signal), [code, q]);
  const region = head.data?.[0];
  const hrById = byKey(head.data?.[1] ?? [], 'id');
  const split = (region?.healthcareRegionIds.length ?? 0) > 1;

  function submit(e: FormEvent) {
    e.preventDefault();
    setQ(input.trim());
  }

  return (
    <Page title={region?.name ?? (head.error ? t('org.region.one') : t('common.loading'))} crumbs={crumbs}>
      {head.error && <ErrorAlert error={head.error} />}
      {region && (
        <dl className="facts">
          <div>
            <dt>{t('org.col.code')}</dt>
            <dd>{region.code}</dd>
          </div>
          <div>
            <dt>{t('org.col.county')}</dt>
            <dd>{region.countyName}</dd>
          </div>
          <div>
            <dt>{t('org.col.hr')}</dt>
            <dd>
              {region.healthcareRegionIds.map((id, i) => (
                <span key={id}>
                  {i > 0 && ', '}
                  <Link to={`/organisation/sjukvardsregioner/${id}`}>{hrById.get(id)?.name ?? id}</Link>
                </span>
              ))}
            </dd>
          </div>
        </dl>
      )}
      {region && split && <SplitNote code={code} regionName={region.name} hrIds={region.healthcareRegionIds} hrById={hrById} />}
      {region && <OwnerLinks owner={region.code} name={region.name} />}

      <h2 id="municipalities-heading">{t('org.region.municipalities')}</h2>
      <form role="search" className="search" onSubmit={submit} aria-labelledby="municipalities-heading">
        <div className="field">
          <label htmlFor="municipality-q">{t('org.region.searchLabel')}</label>
          <div className="search-row">
            <input
              id="municipality-q"
              type="search"
              value={input}
              onChange={(e) => setInput(e.target.value)}
              autoComplete="off"
            />
            <button type="submit">{t('common.search')}</button>
          </div>
        </div>
      </form>
      <p role="status" className="result-count">
        {list.data &&
          (q ? t('org.region.matchCount', { count: list.data.length, q }) : t('org.region.count', { count: list.data.length }))}
      </p>
      {list.error && <ErrorAlert error={list.error} />}
      {list.loading && !list.data && <Loading />}
      {list.data && list.data.length > 0 && (
        <MunicipalityTable items={list.data} caption={t('org.region.caption', { name: region?.name ?? code })} hrById={hrById} />
      )}
    </Page>
  );
}

function MunicipalityTable({
  items,
  caption,
  hrById,
}: {
  items: Municipality[];
  caption: string;
  hrById: Map<string, HealthcareRegion>;
}) {
  const { t } = useI18n();
  return (
    <TableScroll labelledBy="municipalities-caption">
      <table>
        <caption id="municipalities-caption">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('org.col.municipalityCode')}</th>
            <th scope="col">{t('org.col.municipality')}</th>
            <th scope="col">{t('org.col.hr')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((m) => (
            <tr key={m.code}>
              <td>{m.code}</td>
              <th scope="row">{m.name}</th>
              <td>
                {m.healthcareRegionId ? (
                  <Link to={`/organisation/sjukvardsregioner/${m.healthcareRegionId}`}>
                    {hrById.get(m.healthcareRegionId)?.name ?? m.healthcareRegionId}
                  </Link>
                ) : (
                  ''
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

/** For a region in more than one healthcare region (Halland): which municipality goes where. */
export function SplitNote({
  code,
  regionName,
  hrIds,
  hrById,
}: {
  code: string;
  regionName: string;
  hrIds: string[];
  hrById: Map<string, HealthcareRegion>;
}) {
  const { t } = useI18n();
  const all = useAsync((signal) => loadMunicipalities(code, '', signal), [code]);
  // in the order the region lists its healthcare regions, then any the data adds
  const groups = new Map<string, string[]>(hrIds.map((id): [string, string[]] => [id, []]));
  for (const m of all.data ?? []) {
    const key = m.healthcareRegionId ?? '';
    groups.set(key, [...(groups.get(key) ?? []), m.name]);
  }
  return (
    <div className="alert alert-info split-note">
      <p>{t('org.split.intro', { name: regionName })}</p>
      {all.data && (
        <ul>
          {[...groups.entries()]
            .filter(([, names]) => names.length > 0)
            .map(([hrId, names]) => (
              <li key={hrId}>
                <strong>{hrById.get(hrId)?.name ?? hrId}:</strong> {names.join(', ')}
              </li>
            ))}
        </ul>
      )}
    </div>
  );
}
