import { ErrorAlert, Loading } from '../components/Alerts';
import { Page } from '../components/Page';
import { useAsync } from '../components/useAsync';
import { useI18n } from '../i18n';
import { FactLegend, FactStatus, Sources, statusKey } from './Facts';
import { useOrgCrumbs } from './OrganisationPage';
import { TableScroll } from '../components/TableScroll';
import { Link } from '../app/router';
import { groupHref, loadGroups } from './groups';

export function NationalGroupsPage() {
  const { t } = useI18n();
  const crumbs = useOrgCrumbs();
  const state = useAsync((signal) => loadGroups({ level: 'national', kind: 'collaboration-group' }, signal), []);
  const statuses = [...new Set((state.data ?? []).map((g) => statusKey(g.factStatus)))];
  return (
    <Page title={t('org.nsg.title')} crumbs={crumbs} lead={<p>{t('org.nsg.lead')}</p>}>
      {statuses.length > 0 && <FactLegend statuses={statuses} />}
      {state.error && <ErrorAlert error={state.error} />}
      {state.loading && !state.data && <Loading />}
      {state.data && (
        <TableScroll labelledBy="nsg-caption">
          <table className="facts-table">
            <caption id="nsg-caption">{t('org.nsg.caption', { count: state.data.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('org.col.group')}</th>
                <th scope="col">{t('org.col.factStatus')}</th>
                <th scope="col">{t('org.col.sources')}</th>
              </tr>
            </thead>
            <tbody>
              {state.data.map((g) => (
                <tr key={g.id}>
                  <th scope="row">
                    <Link to={groupHref(g.id)}>{g.name}</Link>
                    {g.shortName && g.shortName !== g.name && <span className="muted"> ({g.shortName})</span>}
                    {g.isDemo && <span className="badge badge-demo">{t('common.demo')}</span>}
                  </th>
                  <td>
                    <FactStatus status={g.factStatus} />
                  </td>
                  <td>
                    <Sources sources={g.sources} basis={g.factBasis} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </Page>
  );
}
