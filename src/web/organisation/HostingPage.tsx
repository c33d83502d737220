import { Link } from '../app/router';
import { ErrorAlert, Loading } from '../components/Alerts';
import { Page } from '../components/Page';
import { TableScroll } from '../components/TableScroll';
import { $api } from '../client';
import { useI18n } from '../i18n';
import { FactLegend, FactStatus, LEGEND_STATUSES } from './Facts';
import { bySwedishName, groupHref, structureHref, useGeo } from './groups';
import { useOrgCrumbs } from './OrganisationPage';

/** Värdskap: which healthcare region hosts each national program area, and who hosts local groups. */
export function HostingPage() {
  const { t } = useI18n();
  const crumbs = useOrgCrumbs();
  const geo = useGeo(t);
  const hosting = $api.useQuery('get', '/hosting');
  const data = hosting.data;

  return (
    <Page title={t('hosting.title')} crumbs={crumbs} lead={<p>{t('hosting.lead')}</p>}>
      {hosting.error && <ErrorAlert error={hosting.error} />}
      {geo.error && <ErrorAlert error={geo.error} />}
      {(hosting.isPending || geo.loading) && !(data && geo.data) && <Loading />}
      {data && geo.data && (
        <>
          <h2 id="national-hosts">{t('hosting.nationalHeading')}</h2>
          <FactLegend statuses={LEGEND_STATUSES} />
          <TableScroll labelledBy="hosting-caption">
            <table>
              <caption id="hosting-caption">{t('hosting.nationalCaption', { count: data.national.length })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('org.col.programArea')}</th>
                  <th scope="col">{t('org.col.host')}</th>
                  <th scope="col">{t('org.col.factStatus')}</th>
                </tr>
              </thead>
              <tbody>
                {data.national.map((n) => (
                  <tr key={n.programAreaId}>
                    <th scope="row">{n.name}</th>
                    <td>
                      {n.hostHealthcareRegionId ? (
                        <Link to={`/organisation/sjukvardsregioner/${n.hostHealthcareRegionId}`}>
                          {geo.data!.ownerName(n.hostHealthcareRegionId)}
                        </Link>
                      ) : (
                        (n.hostOther ?? <span className="muted">{t('org.npo.hostUnknown')}</span>)
                      )}
                      {n.hostHealthcareRegionId && n.hostOther && <span className="muted"> ({n.hostOther})</span>}
                    </td>
                    <td>
                      <FactStatus status={n.hostStatus} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>

          <h2>{t('hosting.localHeading')}</h2>
          <p>{t('hosting.localLead')}</p>
          {data.local.length === 0 ? (
            <p>{t('hosting.localNone')}</p>
          ) : (
            [...new Set(data.local.map((l) => l.owner))].map((owner) => (
              <section key={owner} aria-labelledby={`host-${owner}`}>
                <h3 id={`host-${owner}`}>
                  <Link to={structureHref(owner)}>{geo.data!.ownerName(owner)}</Link>
                </h3>
                <dl className="host-list">
                  {data.local
                    .filter((l) => l.owner === owner)
                    .map((l) => (
                      <div key={l.hostDescription}>
                        <dt>{l.hostDescription}</dt>
                        <dd>
                          <ul>
                            {[...l.groups].sort(bySwedishName).map((g) => (
                              <li key={g.id}>
                                <Link to={groupHref(g.id)}>{g.name}</Link>
                              </li>
                            ))}
                          </ul>
                        </dd>
                      </div>
                    ))}
                </dl>
              </section>
            ))
          )}
        </>
      )}
    </Page>
  );
}
