/** Nomineringar: open, decided and refused nominations, per nominating organisation and status. */
import { useState } from 'react';
import { keepPreviousData } from '@tanstack/react-query';
import { Link } from '../app/router';
import { ErrorAlert, Loading } from '../components/Alerts';
import { SelectField, TextField } from '../components/Fields';
import { Page } from '../components/Page';
import { RequireUser } from '../components/RequireUser';
import { TableScroll } from '../components/TableScroll';
import { $api } from '../client';
import { useI18n } from '../i18n';
import { periodText, personHref, roleLabel } from '../people/people';
import { groupMandatesHref, MANDATES_PATH, NOMINATION_BADGE, nominationStatusLabel, type NominationStatus } from './mandates';

export function NominationsPage() {
  const { t } = useI18n();
  const crumbs = [
    { to: '/', label: t('nav.start') },
    { to: MANDATES_PATH, label: t('area.people') },
  ];
  return (
    <RequireUser title={t('mandates.nominations.title')} crumbs={crumbs}>
      <Nominations crumbs={crumbs} />
    </RequireUser>
  );
}

function Nominations({ crumbs }: { crumbs: { to: string; label: string }[] }) {
  const i18n = useI18n();
  const { t } = i18n;
  const [status, setStatus] = useState('');
  const [organisation, setOrganisation] = useState('');
  const list = $api.useQuery(
    'get',
    '/nominations',
    {
      params: {
        query: {
          status: (status || undefined) as NominationStatus | undefined,
          organisation: organisation.trim() || undefined,
          limit: 500,
        },
      },
    },
    { placeholderData: keepPreviousData },
  );
  const items = list.data?.items ?? [];
  return (
    <Page title={t('mandates.nominations.title')} crumbs={crumbs} lead={<p>{t('mandates.nominations.lead')}</p>}>
      <form className="form" onSubmit={(e) => e.preventDefault()}>
        <SelectField id="nominations-status" label={t('mandates.nomination.status')} value={status} onChange={setStatus}>
          <option value="">{t('mandates.nominations.allStatuses')}</option>
          {(['open', 'approved', 'refused', 'withdrawn'] as const).map((s) => (
            <option key={s} value={s}>
              {nominationStatusLabel(i18n, s)}
            </option>
          ))}
        </SelectField>
        <TextField
          id="nominations-organisation"
          label={t('mandates.nominate.org')}
          hint={t('mandates.nominations.orgHint')}
          value={organisation}
          onChange={setOrganisation}
        />
      </form>
      {list.error && <ErrorAlert error={list.error} />}
      {list.isPending && <Loading />}
      {list.data && (
        <p className="result-count" role="status">
          {t('mandates.nominations.count', { count: items.length })}
        </p>
      )}
      {items.length > 0 && (
        <TableScroll labelledBy="all-nominations-caption">
          <table>
            <caption id="all-nominations-caption">{t('mandates.nominations.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('mandates.nomination.person')}</th>
                <th scope="col">{t('members.col.group')}</th>
                <th scope="col">{t('members.col.role')}</th>
                <th scope="col">{t('mandates.nomination.by')}</th>
                <th scope="col">{t('members.col.period')}</th>
                <th scope="col">{t('mandates.nomination.status')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((n) => (
                <tr key={n.id}>
                  <th scope="row">
                    <Link to={personHref(n.personId)}>{n.personName}</Link>
                  </th>
                  <td>
                    <Link to={groupMandatesHref(n.groupId)}>{n.groupName}</Link>
                  </td>
                  <td>{roleLabel(i18n, n.role)}</td>
                  <td>{n.nominatingOrganisation}</td>
                  <td>{periodText(i18n, n.startDate, n.endDate)}</td>
                  <td>
                    <span className={`badge ${NOMINATION_BADGE[n.status]}`}>{nominationStatusLabel(i18n, n.status)}</span>
                    {n.decisionReference && <span className="muted"> {n.decisionReference}</span>}
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
