/**
 * The members of a group on its page: role, person, region and period, current seats first,
 * flagged when the holder's jäv declaration has lapsed. With `permissions.edit` the forms of
 * MembershipForms.tsx appoint someone and end a seat early.
 */
import { useState } from 'react';
import type { Group } from '../api';
import { $api, invalidate } from '../client';
import { Link, useLocation } from '../app/router';
import { groupMandatesHref, isSeat, type PublicSeat, type Seat } from '../mandates/mandates';
import { useGeo } from '../organisation/groups';
import { ErrorAlert, Loading } from '../components/Alerts';
import { TableScroll } from '../components/TableScroll';
import { CareSectorText } from './CareSector';
import { useI18n } from '../i18n';
import { AppointForm, EndForm } from './MembershipForms';
import { MEMBERSHIP_ROLES, periodText, personHref, roleLabel, today } from './people';

export function GroupMembers({ group, onChange }: { group: Group; onChange?: () => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const { path } = useLocation();
  const geo = useGeo(t);
  const members = $api.useQuery('get', '/groups/{id}/memberships', { params: { path: { id: group.id } } });
  const reload = () => void invalidate('/groups/{id}/memberships');
  const onMandatesPage = path === groupMandatesHref(group.id);
  const [message, setMessage] = useState<{ text: string; n: number } | null>(null);
  const now = today();
  const items = [...((members.data?.items ?? []) as (Seat | PublicSeat)[])].sort(
    (a, b) =>
      Number(!!a.endDate && a.endDate < now) - Number(!!b.endDate && b.endDate < now) ||
      MEMBERSHIP_ROLES.indexOf(a.role as (typeof MEMBERSHIP_ROLES)[number]) -
        MEMBERSHIP_ROLES.indexOf(b.role as (typeof MEMBERSHIP_ROLES)[number]) ||
      a.personName.localeCompare(b.personName, 'sv'),
  );

  // Anonymous readers get the public register's facts only (no ids, region represented or reasons).
  const seats = items.filter(isSeat);
  const signedIn = items.length === 0 || seats.length > 0;

  return (
    <section aria-labelledby="members-heading">
      <h2 id="members-heading">{t('group.members')}</h2>
      {members.error && <ErrorAlert error={members.error} />}
      {members.isPending && <Loading />}
      {message && (
        <div key={message.n} className="alert alert-success" role="status">
          <p>{message.text}</p>
        </div>
      )}
      {members.data &&
        (items.length === 0 ? (
          <p>{t('members.none')}</p>
        ) : (
          <TableScroll labelledBy="members-caption">
            <table className="members">
              <caption id="members-caption">{t('members.caption', { count: items.length })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('members.col.role')}</th>
                  <th scope="col">{t('members.col.person')}</th>
                  {signedIn && <th scope="col">{t('people.members.col.represents')}</th>}
                  <th scope="col">{t('members.col.period')}</th>
                </tr>
              </thead>
              <tbody>
                {items.map((m) => (
                  <tr key={isSeat(m) ? m.id : `${m.role}|${m.personName}|${m.startDate}`}>
                    <td>
                      {roleLabel(i18n, m.role)}
                      {isSeat(m) && <CareSectorText sector={m.careSector} />}
                    </td>
                    <th scope="row">
                      {isSeat(m) ? <Link to={personHref(m.personId)}>{m.personName}</Link> : m.personName}
                      {isSeat(m) && m.declarationLapsed && <span className="badge badge-weak">{t('people.members.lapsed')}</span>}
                    </th>
                    {signedIn && <td>{isSeat(m) && m.represents ? (geo.data?.ownerName(m.represents) ?? m.represents) : ''}</td>}
                    <td>
                      {periodText(i18n, m.startDate, m.endDate)}
                      {m.endDate && m.endDate < now && <span className="badge badge-none">{t('members.ended')}</span>}
                      {isSeat(m) && m.endedEarlyReason && (
                        <span className="muted"> {t('people.members.endedEarly', { reason: m.endedEarlyReason })}</span>
                      )}
                      {isSeat(m) && m.overrideReason && (
                        <span className="muted"> {t('people.members.override', { reason: m.overrideReason })}</span>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        ))}
      {!onMandatesPage && (
        <p>
          <Link to={groupMandatesHref(group.id)}>{t('people.members.mandatesLink')}</Link>
        </p>
      )}
      {group.permissions.edit && seats.some((m) => !m.endDate || m.endDate >= now) && (
        <EndForm
          seats={seats.filter((m) => !m.endDate || m.endDate >= now)}
          onEnded={(m) => {
            reload();
            onChange?.();
            setMessage((prev) => ({ n: (prev?.n ?? 0) + 1, text: t('people.members.endedDone', { name: m.personName }) }));
          }}
        />
      )}
      {group.permissions.edit && (
        <AppointForm
          group={group}
          onAppointed={(m) => {
            reload();
            onChange?.();
            setMessage((prev) => ({
              n: (prev?.n ?? 0) + 1,
              text: t('members.appointed', { name: m.personName, role: roleLabel(i18n, m.role).toLowerCase() }),
            }));
          }}
        />
      )}
    </section>
  );
}
