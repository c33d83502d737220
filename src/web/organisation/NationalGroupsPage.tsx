import { ErrorAlert, Loading } from '../components/Alerts';
import { Page } from '../components/Page';
import { useAsync } from '../components/useAsync';
import { useI18n } from '../i18n';
import { FactLegend, FactStatus, Sources, statusKey } from './Facts';
import { useOrgCrumbs } from './OrganisationPage';
import { TableScroll } from '../components/TableScroll';
import { Link } from '../app/router';
import type { Group } from '../api';
import { groupHref, loadGroups } from './groups';

export function NationalGroupsPage() {
  const { t } = useI18n();
  const crumbs = useOrgCrumbs();
  const state = useAsync((signal) => loadGroups({ level: 'national', kind: 'collaboration-group' }, signal), []);
  const statuses = [...new Set((state.data ?? []).map((g) => statusKey(g.factStatus)))];
  // Today's groups first; those known only from older sources apart, said to be historical.
  const current = (state.data ?? []).filter((g) => !g.historical);
  const historical = (state.data ?? []).filter((g) => g.historical);
  return (
    <Page title={t('org.nsg.title')} crumbs={crumbs} lead={<p>{t('org.nsg.lead')}</p>}>
      {statuses.length > 0 && <FactLegend statuses={statuses} />}
      {state.error && <ErrorAlert error={state.error} />}
      {state.loading && !state.data && <Loading />}
      {state.data && <NsgTable id="nsg-caption" caption={t('org.nsg.caption', { count: current.length })} groups={current} />}
      {historical.length > 0 && (
        <section aria-labelledby="nsg-historical-heading">
          <h2 id="nsg-historical-heading">{t('org.nsg.historicalHeading')}</h2>
          <p>{t('org.nsg.historicalLead')}</p>
          <NsgTable
            id="nsg-historical-caption"
            caption={t('org.nsg.historicalCaption', { count: historical.length })}
            groups={historical}
          />
        </section>
      )}
    </Page>
  );
}

function NsgTable({ id, caption, groups }: { id: string; caption: string; groups: Group[] }) {
  const { t } = useI18n();
  return (
    <TableScroll labelledBy={id}>
      <table className="facts-table">
        <caption id={id}>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('org.col.group')}</th>
            <th scope="col">{t('org.col.factStatus')}</th>
            <th scope="col">{t('org.col.sources')}</th>
          </tr>
        </thead>
        <tbody>
          {groups.map((g) => (
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
  );
}
