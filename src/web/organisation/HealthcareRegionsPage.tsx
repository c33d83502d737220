import { Link } from '../app/router';
import { ErrorAlert, Loading } from '../components/Alerts';
import { Page } from '../components/Page';
import { useAsync } from '../components/useAsync';
import { useT } from '../i18n';
import { useOrgCrumbs } from './OrganisationPage';
import { byKey, loadHealthcareRegions, loadRegions } from './reference';

export function HealthcareRegionsPage() {
  const t = useT();
  const crumbs = useOrgCrumbs();
  const state = useAsync(() => Promise.all([loadHealthcareRegions(), loadRegions()]), []);
  return (
    <Page title={t('org.hr.title')} crumbs={crumbs} lead={<p>{t('org.hr.lead')}</p>}>
      {state.error && <ErrorAlert error={state.error} />}
      {state.loading && !state.data && <Loading />}
      {state.data &&
        (() => {
          const [hrs, regions] = state.data;
          const regionByCode = byKey(regions, 'code');
          return (
            <ul className="cards cards-wide">
              {hrs.map((hr) => (
                <li key={hr.id} className="card">
                  <h2 className="card-title">
                    <Link to={`/organisation/sjukvardsregioner/${hr.id}`}>{hr.name}</Link>
                  </h2>
                  <p className="muted">{t('org.hr.memberCount', { count: hr.regionCodes.length })}</p>
                  <ul className="inline-list">
                    {hr.regionCodes.map((code) => {
                      const r = regionByCode.get(code);
                      return (
                        <li key={code}>
                          <Link to={`/organisation/regioner/${code}`}>{r?.name ?? code}</Link>
                          {r && r.healthcareRegionIds.length > 1 && <span className="muted"> {t('org.partly')}</span>}
                        </li>
                      );
                    })}
                  </ul>
                </li>
              ))}
            </ul>
          );
        })()}
    </Page>
  );
}
