import { Link } from '../app/router';
import { ErrorAlert, Loading } from '../components/Alerts';
import { Page } from '../components/Page';
import { useAsync } from '../components/useAsync';
import { useT } from '../i18n';
import { useOrgCrumbs } from './OrganisationPage';
import { byKey, loadHealthcareRegions, loadRegions } from './reference';
import { TableScroll } from '../components/TableScroll';

export function RegionsPage() {
  const t = useT();
  const crumbs = useOrgCrumbs();
  const state = useAsync(() => Promise.all([loadRegions(), loadHealthcareRegions()]), []);
  return (
    <Page title={t('org.regions.title')} crumbs={crumbs} lead={<p>{t('org.regions.lead')}</p>}>
      {state.error && <ErrorAlert error={state.error} />}
      {state.loading && !state.data && <Loading />}
      {state.data &&
        (() => {
          const [regions, hrs] = state.data;
          const hrById = byKey(hrs, 'id');
          return (
            <TableScroll labelledBy="regions-caption">
              <table>
                <caption id="regions-caption">{t('org.regions.caption', { count: regions.length })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('org.col.code')}</th>
                    <th scope="col">{t('org.col.region')}</th>
                    <th scope="col">{t('org.col.county')}</th>
                    <th scope="col">{t('org.col.hr')}</th>
                  </tr>
                </thead>
                <tbody>
                  {regions.map((r) => (
                    <tr key={r.code}>
                      <td>{r.code}</td>
                      <th scope="row">
                        <Link to={`/organisation/regioner/${r.code}`}>{r.name}</Link>
                      </th>
                      <td>{r.countyName}</td>
                      <td>
                        {r.healthcareRegionIds.map((id, i) => (
                          <span key={id}>
                            {i > 0 && ', '}
                            <Link to={`/organisation/sjukvardsregioner/${id}`}>{hrById.get(id)?.name ?? id}</Link>
                          </span>
                        ))}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          );
        })()}
    </Page>
  );
}
