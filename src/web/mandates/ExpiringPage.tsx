/** Utgående: seats that end and jäv declarations that lapse within a horizon (GET /api/v1/expiring). */
import { useState } from 'react';
import { keepPreviousData } from '@tanstack/react-query';
import { Link } from '../app/router';
import { ErrorAlert, Loading } from '../components/Alerts';
import { SelectField } from '../components/Fields';
import { Page } from '../components/Page';
import { RequireUser } from '../components/RequireUser';
import { TableScroll } from '../components/TableScroll';
import { $api } from '../client';
import { useI18n } from '../i18n';
import { periodText, personHref, roleLabel } from '../people/people';
import { groupMandatesHref, MANDATES_PATH } from './mandates';

export function ExpiringPage() {
  const { t } = useI18n();
  const crumbs = [
    { to: '/', label: t('nav.start') },
    { to: MANDATES_PATH, label: t('area.people') },
  ];
  return (
    <RequireUser title={t('mandates.expiring.title')} crumbs={crumbs}>
      <ExpiringList crumbs={crumbs} />
    </RequireUser>
  );
}

function ExpiringList({ crumbs }: { crumbs: { to: string; label: string }[] }) {
  const i18n = useI18n();
  const { t } = i18n;
  const [days, setDays] = useState('90');
  const data = $api.useQuery(
    'get',
    '/expiring',
    { params: { query: { days: Number(days) } } },
    { placeholderData: keepPreviousData },
  );
  const d = data.data;
  return (
    <Page title={t('mandates.expiring.title')} crumbs={crumbs} lead={<p>{t('mandates.expiring.lead')}</p>}>
      <form className="form" onSubmit={(e) => e.preventDefault()}>
        <SelectField id="expiring-days" label={t('mandates.expiring.horizon')} value={days} onChange={setDays}>
          {['30', '90', '180', '365'].map((n) => (
            <option key={n} value={n}>
              {t('mandates.expiring.days', { count: n })}
            </option>
          ))}
        </SelectField>
      </form>
      {data.error && <ErrorAlert error={data.error} />}
      {data.isPending && <Loading />}
      {d && (
        <>
          <h2 id="expiring-seats">{t('mandates.expiring.seats')}</h2>
          {d.memberships.length === 0 ? (
            <p>{t('mandates.expiring.noSeats')}</p>
          ) : (
            <TableScroll labelledBy="expiring-seats-caption">
              <table>
                <caption id="expiring-seats-caption">
                  {t('mandates.expiring.seatsCaption', { count: d.memberships.length })}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">{t('members.col.person')}</th>
                    <th scope="col">{t('members.col.role')}</th>
                    <th scope="col">{t('members.col.group')}</th>
                    <th scope="col">{t('members.col.period')}</th>
                    <th scope="col">{t('mandates.expiring.why')}</th>
                  </tr>
                </thead>
                <tbody>
                  {d.memberships.map((m) => (
                    <tr key={m.id}>
                      <th scope="row">
                        <Link to={personHref(m.personId)}>{m.personName}</Link>
                      </th>
                      <td>{roleLabel(i18n, m.role)}</td>
                      <td>
                        <Link to={groupMandatesHref(m.groupId)}>{m.groupName}</Link>
                      </td>
                      <td>{periodText(i18n, m.startDate, m.endDate)}</td>
                      <td>
                        {m.endingSoon && m.daysLeft !== null && (
                          <span className="badge badge-partial">{t('mandates.expiring.endsIn', { count: m.daysLeft })}</span>
                        )}
                        {m.declarationLapsed && <span className="badge badge-weak">{t('people.members.lapsed')}</span>}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          )}
          <h2 id="expiring-declarations">{t('mandates.expiring.declarations')}</h2>
          {d.declarations.length === 0 ? (
            <p>{t('mandates.expiring.noDeclarations')}</p>
          ) : (
            <TableScroll labelledBy="expiring-decl-caption">
              <table>
                <caption id="expiring-decl-caption">
                  {t('mandates.expiring.declarationsCaption', { count: d.declarations.length })}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">{t('members.col.person')}</th>
                    <th scope="col">{t('mandates.expiring.validUntil')}</th>
                    <th scope="col">{t('mandates.expiring.state')}</th>
                  </tr>
                </thead>
                <tbody>
                  {d.declarations.map((x) => (
                    <tr key={x.personId}>
                      <th scope="row">
                        <Link to={personHref(x.personId)}>{x.personName}</Link>
                      </th>
                      <td>{x.validUntil ? i18n.formatDate(x.validUntil) : '–'}</td>
                      <td>
                        {x.lapsed ? (
                          <span className="badge badge-weak">
                            {i18n.tMaybe(`mandates.expiring.reason.${x.reason ?? 'expired'}`) ?? x.reason}
                          </span>
                        ) : (
                          <span className="badge badge-partial">{t('mandates.expiring.endsIn', { count: x.daysLeft ?? 0 })}</span>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          )}
        </>
      )}
    </Page>
  );
}
