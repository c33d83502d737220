/** "Mina ärenden": open cases the signed-in user handles, registered or owns an open action item in. */
import { Link } from '../app/router';
import { $api } from '../client';
import { ErrorAlert, Loading, Notice } from '../components/Alerts';
import { Page } from '../components/Page';
import { RequireUser } from '../components/RequireUser';
import { TableScroll } from '../components/TableScroll';
import { useI18n, useT } from '../i18n';
import { CASES_PATH, caseHref, STATUS_BADGE, statusLabel } from './cases';
import { CasesNav } from './CasesNav';

export function MyCasesPage() {
  const t = useT();
  return (
    <RequireUser
      title={t('cases.mine.title')}
      crumbs={[
        { to: '/', label: t('nav.start') },
        { to: CASES_PATH, label: t('area.cases') },
      ]}
    >
      <MyCases />
    </RequireUser>
  );
}

function MyCases() {
  const i18n = useI18n();
  const { t, formatDate } = i18n;
  const mine = $api.useQuery('get', '/cases/mine');
  const items = mine.data?.items ?? [];
  return (
    <Page
      title={t('cases.mine.title')}
      crumbs={[
        { to: '/', label: t('nav.start') },
        { to: CASES_PATH, label: t('area.cases') },
      ]}
      lead={<p>{t('cases.mine.lead')}</p>}
    >
      <CasesNav />
      {mine.error && <ErrorAlert error={mine.error} />}
      {mine.isPending && <Loading />}
      {mine.data && mine.data.notices.length > 0 && (
        <Notice kind="warning">
          <h2 className="h-small">{t('cases.mine.notices')}</h2>
          <ul>
            {mine.data.notices.map((n) => (
              <li key={n.actionId}>
                <Link to={caseHref(n.caseId)}>
                  {t('cases.mine.notice', { title: n.title, number: n.caseNumber, date: formatDate(n.dueDate) })}
                </Link>
              </li>
            ))}
          </ul>
        </Notice>
      )}
      {mine.data && items.length === 0 && <p>{t('cases.mine.none')}</p>}
      {items.length > 0 && (
        <TableScroll labelledBy="mine-caption">
          <table>
            <caption id="mine-caption">{t('cases.mine.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('case.field.caseNumber')}</th>
                <th scope="col">{t('case.field.subject')}</th>
                <th scope="col">{t('cases.field.dueDate')}</th>
                <th scope="col">{t('cases.mine.openActions')}</th>
                <th scope="col">{t('case.field.status')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((c) => (
                <tr key={c.id}>
                  <th scope="row" className="nowrap mono">
                    <Link to={caseHref(c.id)}>{c.caseNumber}</Link>
                  </th>
                  <td>{c.subject}</td>
                  <td className="nowrap">{c.dueDate ? formatDate(c.dueDate) : t('cases.none')}</td>
                  <td>{c.openActions}</td>
                  <td>
                    <span className={`badge ${STATUS_BADGE[c.status] ?? ''}`}>{statusLabel(i18n, c.status)}</span>
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
