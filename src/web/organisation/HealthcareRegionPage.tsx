import { Link } from '../app/router';
import { ErrorAlert, Loading } from '../components/Alerts';
import { Page } from '../components/Page';
import { useAsync } from '../components/useAsync';
import { useT } from '../i18n';
import { FactStatus } from './Facts';
import { useOrgCrumbs } from './OrganisationPage';
import { byKey, loadAllMunicipalities, loadHealthcareRegion, loadProgramAreas, loadRegions } from './reference';
import { TableScroll } from '../components/TableScroll';
import { OwnerLinks } from './OwnerLinks';

export function HealthcareRegionPage({ id }: { id: string }) {
  const t = useT();
  const crumbs = [...useOrgCrumbs(), { to: '/organisation/sjukvardsregioner', label: t('org.hr.title') }];
  const state = useAsync(
    () => Promise.all([loadHealthcareRegion(id), loadRegions(), loadAllMunicipalities(), loadProgramAreas()]),
    [id],
  );
  const hr = state.data?.[0];
  return (
    <Page title={hr?.name ?? (state.error ? t('org.hr.one') : t('common.loading'))} crumbs={crumbs}>
      {state.error && <ErrorAlert error={state.error} />}
      {state.loading && !state.data && <Loading />}
      {state.data &&
        hr &&
        (() => {
          const [, regions, municipalities, programAreas] = state.data;
          const regionByCode = byKey(regions, 'code');
          const hosted = programAreas.filter((p) => p.hostHealthcareRegionId === hr.id);
          return (
            <>
              <TableScroll labelledBy="hr-members-caption">
                <table>
                  <caption id="hr-members-caption">{t('org.hr.membersCaption', { name: hr.name })}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('org.col.code')}</th>
                      <th scope="col">{t('org.col.region')}</th>
                      <th scope="col">{t('org.col.municipalitiesInHr')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {hr.regionCodes.map((code) => {
                      const r = regionByCode.get(code);
                      const all = municipalities.filter((m) => m.regionCode === code);
                      const inside = all.filter((m) => m.healthcareRegionId === hr.id);
                      const split = (r?.healthcareRegionIds.length ?? 1) > 1;
                      return (
                        <tr key={code}>
                          <td>{code}</td>
                          <th scope="row">
                            <Link to={`/organisation/regioner/${code}`}>{r?.name ?? code}</Link>
                          </th>
                          <td>
                            {split
                              ? t('org.hr.splitCount', {
                                  inside: inside.length,
                                  all: all.length,
                                  names: inside.map((m) => m.name).join(', '),
                                })
                              : t('org.hr.allCount', { count: all.length })}
                          </td>
                        </tr>
                      );
                    })}
                  </tbody>
                </table>
              </TableScroll>

              <OwnerLinks owner={hr.id} name={hr.name} />
              <h2>{t('org.hr.hostsHeading')}</h2>
              {hosted.length === 0 ? (
                <p>{t('org.hr.hostsNone')}</p>
              ) : (
                <ul className="plain-list">
                  {hosted.map((p) => (
                    <li key={p.id}>
                      {p.name} <FactStatus status={p.hostStatus} />
                    </li>
                  ))}
                </ul>
              )}
              <p>
                <Link to="/organisation/programomraden">{t('org.npo.all')}</Link>
              </p>
            </>
          );
        })()}
    </Page>
  );
}
