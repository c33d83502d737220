/**
 * Mandat för en grupp: the members with role, region and period (flagged when a declaration
 * has lapsed), ending a seat early, the composition check with its gaps, the rotation schedule,
 * and the nominations with the decision form.
 */
import { useState } from 'react';
import { Link } from '../app/router';
import { ErrorAlert, Loading, Notice } from '../components/Alerts';
import { Page } from '../components/Page';
import { TableScroll } from '../components/TableScroll';
import { $api, invalidate } from '../client';
import { useI18n } from '../i18n';
import { groupHref } from '../organisation/groups';
import { GroupMembers } from '../people/GroupMembers';
import { periodText, personHref, roleLabel } from '../people/people';
import { GAPS_PATH, MANDATES_PATH, NOMINATION_BADGE, nominationStatusLabel, type Nomination } from './mandates';
import { DecideForm, NominateForm } from './NominationForms';
import { RotationOrderForm } from './RotationOrderForm';

export function GroupMandatesPage({ id }: { id: string }) {
  const i18n = useI18n();
  const { t } = i18n;
  const detail = $api.useQuery('get', '/groups/{id}', { params: { path: { id } } });
  // A seat appointed, ended or decided changes the members, the composition check and the
  // rotation: every query under the group is asked again.
  const refresh = () => void invalidate('/groups/{id}');
  const g = detail.data?.group;
  const title = g ? t('mandates.group.title', { name: g.name }) : t('mandates.group.titleLoading');
  const crumbs = [
    { to: '/', label: t('nav.start') },
    { to: MANDATES_PATH, label: t('area.people') },
    ...(g ? [{ to: groupHref(g.id), label: g.name }] : []),
  ];
  return (
    <Page title={title} crumbs={crumbs} lead={<p>{t('mandates.group.lead')}</p>}>
      {detail.error && <ErrorAlert error={detail.error} />}
      {detail.isPending && <Loading />}
      {g && (
        <>
          <GroupMembers group={g} onChange={refresh} />
          <CompositionSection groupId={g.id} />
          <RotationSection groupId={g.id} />
          <NominationsSection groupId={g.id} groupName={g.name} onDecided={refresh} />
        </>
      )}
    </Page>
  );
}

function CompositionSection({ groupId }: { groupId: string }) {
  const { t } = useI18n();
  const check = $api.useQuery('get', '/groups/{id}/composition', { params: { path: { id: groupId } } });
  const c = check.data;
  return (
    <section aria-labelledby="composition-heading">
      <h2 id="composition-heading">{t('mandates.composition.heading')}</h2>
      {check.error && <ErrorAlert error={check.error} />}
      {c && c.rules.length === 0 && <p>{t('mandates.composition.noRules')}</p>}
      {c && c.rules.length > 0 && (
        <>
          {c.ok ? (
            <Notice kind="success">
              <p>{t('mandates.composition.ok')}</p>
            </Notice>
          ) : (
            <div className="alert alert-warning">
              <p>
                {t(c.gaps.length === 1 ? 'mandates.composition.gaps.one' : 'mandates.composition.gaps', { count: c.gaps.length })}
              </p>
              <ul>
                {c.gaps.map((gap) => (
                  <li key={`${gap.ruleId}-${gap.kind}-${gap.region ?? ''}`}>{gap.message}</li>
                ))}
              </ul>
            </div>
          )}
          <details>
            <summary>{t('mandates.composition.rules', { count: c.rules.length })}</summary>
            <ul>
              {c.rules.map((r) => (
                <li key={r.id}>
                  {r.description}
                  {r.sourceId && <span className="muted"> ({r.sourceId})</span>}
                </li>
              ))}
            </ul>
          </details>
          <p>
            <Link to={GAPS_PATH}>{t('mandates.gaps.link')}</Link>
          </p>
        </>
      )}
    </section>
  );
}

function RotationSection({ groupId }: { groupId: string }) {
  const i18n = useI18n();
  const { t } = i18n;
  const rot = $api.useQuery('get', '/groups/{id}/rotation', { params: { path: { id: groupId } } });
  const [saved, setSaved] = useState(0);
  if (!rot.data || rot.data.schedules.length === 0) return rot.error ? <ErrorAlert error={rot.error} /> : null;
  const names = new Map(rot.data.schedules.flatMap((s) => s.regionsToOrder.map((r) => [r.code, r.name] as const)));
  return (
    <section aria-labelledby="rotation-heading">
      <h2 id="rotation-heading">{t('mandates.rotation.heading')}</h2>
      {saved > 0 && (
        <div key={saved} className="alert alert-success" role="status">
          <p>{t('mandates.rotation.saved')}</p>
        </div>
      )}
      {rot.data.schedules.map((s, i) => (
        <div key={s.ruleId}>
          <p>{s.description}</p>
          {s.ordered ? (
            <p>
              {t('mandates.rotation.order', {
                regions: s.regionOrder.map((r) => names.get(r) ?? r).join(', '),
                date: i18n.formatDate(s.anchorDate),
              })}
            </p>
          ) : (
            <Notice kind="warning">
              <p>{t('mandates.rotation.unset')}</p>
            </Notice>
          )}
          {s.mayEdit && (
            <RotationOrderForm
              schedule={s}
              onDone={() => {
                setSaved((n) => n + 1);
                void invalidate('/groups/{id}');
              }}
            />
          )}
          {s.ordered && (
            <TableScroll labelledBy={`rotation-caption-${i}`}>
              <table>
                <caption id={`rotation-caption-${i}`}>
                  {t('mandates.rotation.caption', { roles: s.roles.map((r) => roleLabel(i18n, r).toLowerCase()).join(' och ') })}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">{t('mandates.rotation.period')}</th>
                    <th scope="col">{t('mandates.rotation.region')}</th>
                    <th scope="col">{t('mandates.rotation.holders')}</th>
                  </tr>
                </thead>
                <tbody>
                  {s.periods.map((p) => (
                    <tr key={p.startDate} className={p.current ? 'current' : undefined}>
                      <th scope="row">
                        {periodText(i18n, p.startDate, p.endDate)}
                        {p.current && <span className="badge badge-ok">{t('mandates.rotation.current')}</span>}
                      </th>
                      <td>{p.regionName}</td>
                      <td>
                        {p.holders.length === 0
                          ? '–'
                          : p.holders.map((h) => `${roleLabel(i18n, h.role)}: ${h.personName}`).join(', ')}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          )}
        </div>
      ))}
    </section>
  );
}

/** The appointing body's decision is offered where the server says the caller may take it. */
const mayDecide = (n: Nomination) => n.allowedActions.includes('approve') || n.allowedActions.includes('refuse');

function NominationsSection({ groupId, groupName, onDecided }: { groupId: string; groupName: string; onDecided: () => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const list = $api.useQuery('get', '/nominations', { params: { query: { groupId, limit: 200 } } });
  const [message, setMessage] = useState<{ text: string; n: number } | null>(null);
  const items = list.data?.items ?? [];
  const say = (text: string) => setMessage((m) => ({ text, n: (m?.n ?? 0) + 1 }));
  return (
    <section aria-labelledby="nominations-heading">
      <h2 id="nominations-heading">{t('mandates.nominations.heading')}</h2>
      {message && (
        <div key={message.n} className="alert alert-success" role="status">
          <p>{message.text}</p>
        </div>
      )}
      {list.error && list.error.status !== 401 && <ErrorAlert error={list.error} />}
      {list.data && items.length === 0 && <p>{t('mandates.nominations.none')}</p>}
      {items.length > 0 && (
        <TableScroll labelledBy="nominations-caption">
          <table>
            <caption id="nominations-caption">{t('mandates.nominations.caption', { name: groupName })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('mandates.nomination.person')}</th>
                <th scope="col">{t('members.col.role')}</th>
                <th scope="col">{t('mandates.nomination.by')}</th>
                <th scope="col">{t('members.col.period')}</th>
                <th scope="col">{t('mandates.nomination.status')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((nom) => (
                <tr key={nom.id}>
                  <th scope="row">
                    <Link to={personHref(nom.personId)}>{nom.personName}</Link>
                  </th>
                  <td>
                    {roleLabel(i18n, nom.role)}
                    {nom.appointingGroup && (
                      <>
                        <br />
                        <span className="muted">
                          {t('mandates.nomination.appointedBy', { name: nom.appointingGroup.groupName })}
                        </span>
                      </>
                    )}
                  </td>
                  <td>
                    {nom.nominatingOrganisation}
                    <br />
                    <span className="muted">{nom.nominatedBy}</span>
                  </td>
                  <td>{periodText(i18n, nom.startDate, nom.endDate)}</td>
                  <td>
                    <span className={`badge ${NOMINATION_BADGE[nom.status]}`}>{nominationStatusLabel(i18n, nom.status)}</span>
                    {nom.decisionReference && (
                      <span className="muted">
                        {' '}
                        {nom.decisionReference}, {i18n.formatDate(nom.decisionDate)}
                      </span>
                    )}
                    {nom.decisionReason && <span className="muted"> – {nom.decisionReason}</span>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      {items.some(mayDecide) && (
        <DecideForm
          open={items.filter(mayDecide)}
          onDone={(nom) => {
            void invalidate('/nominations');
            onDecided();
            say(
              nom.membershipId !== null
                ? t('mandates.decide.approved', { name: nom.personName, role: roleLabel(i18n, nom.role).toLowerCase() })
                : t('mandates.decide.refused', { name: nom.personName }),
            );
          }}
        />
      )}
      {list.data && (
        <NominateForm
          groupId={groupId}
          onDone={(nom) => {
            void invalidate('/nominations');
            say(t('mandates.nominate.done', { name: nom.personName }));
          }}
        />
      )}
    </section>
  );
}
