import { Link } from '../app/router';
import { ErrorAlert, Loading } from '../components/Alerts';
import { Page } from '../components/Page';
import { useAsync } from '../components/useAsync';
import { useI18n } from '../i18n';
import { FactLegend, FactStatus, LEGEND_STATUSES, Sources } from './Facts';
import { useOrgCrumbs } from './OrganisationPage';
import { byKey, loadHealthcareRegions, loadProgramAreas } from './reference';
import { TableScroll } from '../components/TableScroll';

export function ProgramAreasPage() {
  const { t, tMaybe } = useI18n();
  const crumbs = useOrgCrumbs();
  const state = useAsync(() => Promise.all([loadProgramAreas(), loadHealthcareRegions()]), []);
  return (
    <Page title={t('org.npo.title')} crumbs={crumbs} lead={<p>{t('org.npo.lead')}</p>}>
      <FactLegend statuses={LEGEND_STATUSES} />
      {state.error && <ErrorAlert error={state.error} />}
      {state.loading && !state.data && <Loading />}
      {state.data &&
        (() => {
          const [areas, hrs] = state.data;
          const hrById = byKey(hrs, 'id');
          return (
            <TableScroll labelledBy="npo-caption">
              <table className="facts-table">
                <caption id="npo-caption">{t('org.npo.caption', { count: areas.length })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('org.col.programArea')}</th>
                    <th scope="col">{t('org.col.host')}</th>
                    <th scope="col">{t('org.col.factStatus')}</th>
                    <th scope="col">{t('org.col.sources')}</th>
                  </tr>
                </thead>
                <tbody>
                  {areas.map((p) => {
                    const host = p.hostHealthcareRegionId ? hrById.get(p.hostHealthcareRegionId) : undefined;
                    return (
                      <tr key={p.id}>
                        <th scope="row">
                          {p.name}
                          {p.kind !== 'npo' && <span className="kind">{tMaybe(`org.kind.${p.kind}`) ?? p.kind}</span>}
                        </th>
                        <td>
                          {p.hostHealthcareRegionId ? (
                            <Link to={`/organisation/sjukvardsregioner/${p.hostHealthcareRegionId}`}>
                              {host?.name ?? p.hostHealthcareRegionId}
                            </Link>
                          ) : p.hostOther ? (
                            p.hostOther
                          ) : (
                            <span className="muted">{t('org.npo.hostUnknown')}</span>
                          )}
                          {p.hostHealthcareRegionId && p.hostOther && <span className="muted"> ({p.hostOther})</span>}
                        </td>
                        <td>
                          <FactStatus status={p.hostStatus} />
                        </td>
                        <td>
                          <Sources sources={p.sources} basis={p.hostBasis} />
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </TableScroll>
          );
        })()}
    </Page>
  );
}
