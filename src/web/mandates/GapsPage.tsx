/** Sammansättning: every group that breaks its composition rules, with its gaps. */
import { useState } from 'react';
import { keepPreviousData } from '@tanstack/react-query';
import { Link } from '../app/router';
import { ErrorAlert, Loading, Notice } from '../components/Alerts';
import { Checkbox, SelectField } from '../components/Fields';
import { Page } from '../components/Page';
import { RequireUser } from '../components/RequireUser';
import { TableScroll } from '../components/TableScroll';
import { $api } from '../client';
import { useSession } from '../auth/session';
import { useI18n } from '../i18n';
import { kindLabel, useGeo } from '../organisation/groups';
import { groupMandatesHref, MANDATES_PATH, RULES_PATH } from './mandates';

export function GapsPage() {
  const { t } = useI18n();
  const crumbs = [
    { to: '/', label: t('nav.start') },
    { to: MANDATES_PATH, label: t('area.people') },
  ];
  return (
    <RequireUser title={t('mandates.gaps.title')} crumbs={crumbs}>
      <Gaps crumbs={crumbs} />
    </RequireUser>
  );
}

function Gaps({ crumbs }: { crumbs: { to: string; label: string }[] }) {
  const i18n = useI18n();
  const { t } = i18n;
  const geo = useGeo(t);
  const { isAdmin } = useSession();
  const [owner, setOwner] = useState('07');
  const [staffedOnly, setStaffedOnly] = useState(true);
  const gaps = $api.useQuery(
    'get',
    '/composition/gaps',
    { params: { query: { owner: owner || undefined, staffedOnly: staffedOnly || undefined } } },
    { placeholderData: keepPreviousData },
  );
  const owners = geo.data ? [...geo.data.ownersOf('region'), ...geo.data.ownersOf('healthcare-region')] : [];
  return (
    <Page title={t('mandates.gaps.title')} crumbs={crumbs} lead={<p>{t('mandates.gaps.lead')}</p>}>
      {isAdmin && (
        <p>
          <Link to={RULES_PATH}>{t('mandates.link.rules')}</Link>
        </p>
      )}
      <form className="form" onSubmit={(e) => e.preventDefault()}>
        <SelectField id="gaps-owner" label={t('mandates.gaps.owner')} value={owner} onChange={setOwner}>
          <option value="">{t('mandates.gaps.allOwners')}</option>
          <option value="national">{t('group.owner.national')}</option>
          {owners.map((o) => (
            <option key={o.owner} value={o.owner}>
              {o.name}
            </option>
          ))}
        </SelectField>
        <Checkbox id="gaps-staffed" label={t('mandates.gaps.staffedOnly')} checked={staffedOnly} onChange={setStaffedOnly} />
      </form>
      {gaps.error && <ErrorAlert error={gaps.error} />}
      {gaps.isPending && <Loading />}
      {gaps.data && (
        <p className="result-count" role="status">
          {t('mandates.gaps.count', { count: gaps.data.items.length, checked: gaps.data.groupCount })}
        </p>
      )}
      {gaps.data && gaps.data.items.length === 0 && (
        <Notice kind="success">
          <p>{t('mandates.gaps.none')}</p>
        </Notice>
      )}
      {gaps.data && gaps.data.items.length > 0 && (
        <TableScroll labelledBy="gaps-caption">
          <table>
            <caption id="gaps-caption">{t('mandates.gaps.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('members.col.group')}</th>
                <th scope="col">{t('mandates.gaps.members')}</th>
                <th scope="col">{t('mandates.gaps.gaps')}</th>
              </tr>
            </thead>
            <tbody>
              {gaps.data.items.map((g) => (
                <tr key={g.groupId}>
                  <th scope="row">
                    <Link to={groupMandatesHref(g.groupId)}>{g.groupName}</Link>
                    <br />
                    <span className="muted">
                      {kindLabel(i18n, g.kind)}, {geo.data?.ownerName(g.owner) ?? g.owner}
                    </span>
                  </th>
                  <td>{g.memberCount}</td>
                  <td>
                    <ul className="plain-list">
                      {g.gaps.map((gap) => (
                        <li key={`${gap.ruleId}-${gap.kind}-${gap.region ?? ''}`}>{gap.message}</li>
                      ))}
                    </ul>
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
