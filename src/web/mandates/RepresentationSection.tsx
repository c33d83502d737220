/**
 * Who represents whom between the levels (seed 004: one or two RPO members sit in the NPO): the
 * group's members who sit in the group it mirrors, and, from each group mirroring it, the members
 * who sit here. From GET /groups/{id}/representation.
 */
import { Link } from '../app/router';
import { $api } from '../client';
import { ErrorAlert } from '../components/Alerts';
import { TableScroll } from '../components/TableScroll';
import { useI18n } from '../i18n';
import { groupHref } from '../organisation/groups';
import { personHref, roleLabel } from '../people/people';

export function RepresentationSection({ groupId, groupName }: { groupId: string; groupName: string }) {
  const i18n = useI18n();
  const { t } = i18n;
  const rep = $api.useQuery('get', '/groups/{id}/representation', { params: { path: { id: groupId } } });
  const r = rep.data;
  if (rep.error) return rep.error.status === 401 ? null : <ErrorAlert error={rep.error} />;
  if (!r || (!r.up && r.down.length === 0)) return null;
  const people = (list: (typeof r.down)[number]['people']) =>
    list.length === 0
      ? t('mandates.representation.none')
      : list.map((p, i) => (
          <span key={p.personId}>
            {i > 0 && ', '}
            <Link to={personHref(p.personId)}>{p.personName}</Link>
            <span className="muted">
              {' '}
              ({roleLabel(i18n, p.roleBelow).toLowerCase()} / {roleLabel(i18n, p.roleAbove).toLowerCase()})
            </span>
          </span>
        ));
  return (
    <section aria-labelledby="representation-heading">
      <h2 id="representation-heading">{t('mandates.representation.heading')}</h2>
      <p>{t('mandates.representation.lead')}</p>
      {r.up && (
        <p>
          {t('mandates.representation.up')} <Link to={groupHref(r.up.groupId)}>{r.up.groupName}</Link>: {people(r.up.people)}
        </p>
      )}
      {r.down.length > 0 && (
        <TableScroll labelledBy="representation-caption">
          <table>
            <caption id="representation-caption">{t('mandates.representation.downCaption', { name: groupName })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('mandates.representation.group')}</th>
                <th scope="col">{t('mandates.representation.owner')}</th>
                <th scope="col">{t('mandates.representation.people')}</th>
              </tr>
            </thead>
            <tbody>
              {r.down.map((d) => (
                <tr key={d.groupId}>
                  <th scope="row">
                    <Link to={groupHref(d.groupId)}>{d.groupName}</Link>
                  </th>
                  <td>{d.ownerName}</td>
                  <td>{people(d.people)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </section>
  );
}
