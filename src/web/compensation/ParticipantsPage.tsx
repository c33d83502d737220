/**
 * Deltagare och uppdrag: the process support records that a person with patient experience was
 * recruited and introduced, and each assignment with its time spent (seed 000: "Programområdets
 * processtöd ansvarar för rekrytering, introduktion och att uppdraget, tidsåtgång och
 * ersättning dokumenteras").
 */
import { useId, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { $api, call, client } from '../client';
import { allPages } from '../components/allPages';
import { useSession } from '../auth/session';
import { ErrorAlert, Loading } from '../components/Alerts';
import { Page } from '../components/Page';
import { RequireUser } from '../components/RequireUser';
import { TableScroll } from '../components/TableScroll';
import { useI18n, useT } from '../i18n';
import { personCompensationHref, usePartCrumbs } from './compensation';
import { AssignmentForm, IntroduceForm, RecruitForm } from './ParticipantForms';
import { Link } from '../app/router';

export function ParticipantsPage() {
  const t = useT();
  return (
    <RequireUser title={t('compensation.participants.title')} crumbs={usePartCrumbs(t)}>
      <Participants />
    </RequireUser>
  );
}

function Participants() {
  const { t, formatDate } = useI18n();
  const { user } = useSession();
  const list = $api.useQuery('get', '/compensation/participants');
  const choices = useQuery({
    queryKey: ['get', '/groups', 'participant-choices', user?.id],
    queryFn: async ({ signal }) => {
      const owners = [
        ...new Set(
          (user?.roles ?? [])
            .filter((r) => r.scopeType === 'region' || r.scopeType === 'healthcare-region')
            .map((r) => r.scopeId ?? ''),
        ),
      ];
      const system = user?.roles.some((r) => r.scopeType === 'system');
      const groupsWhere = (query: { owner?: string; level?: 'region' }) =>
        allPages((cursor) =>
          call(
            client.GET('/groups', {
              params: { query: { ...query, status: 'active', limit: 500, ...(cursor ? { cursor } : {}) } },
              signal,
            }),
          ),
        );
      const groups = system
        ? await groupsWhere({ level: 'region' })
        : (await Promise.all(owners.map((o) => groupsWhere({ owner: o })))).flat();
      const people = await allPages((cursor) =>
        call(client.GET('/people', { params: { query: { limit: 500, ...(cursor ? { cursor } : {}) } }, signal })),
      );
      return { groups, people };
    },
  });
  const [message, setMessage] = useState<{ text: string; n: number } | null>(null);
  const done = (text: string) => {
    setMessage((m) => ({ text, n: (m?.n ?? 0) + 1 }));
  };
  const captionId = useId();
  const manageable = (list.data?.items ?? []).filter((p) => p.permissions.manage);
  return (
    <Page
      title={t('compensation.participants.title')}
      crumbs={usePartCrumbs(t)}
      lead={<p>{t('compensation.participants.lead')}</p>}
    >
      {message && (
        <div key={message.n} className="alert alert-success" role="status">
          <p>{message.text}</p>
        </div>
      )}
      {list.error && <ErrorAlert error={list.error} />}
      {list.isPending && <Loading />}
      {list.data &&
        (list.data.items.length === 0 ? (
          <p>{t('compensation.participants.empty')}</p>
        ) : (
          <TableScroll labelledBy={captionId}>
            <table className="data-table">
              <caption id={captionId}>{t('compensation.participants.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('compensation.col.person')}</th>
                  <th scope="col">{t('compensation.col.group')}</th>
                  <th scope="col">{t('compensation.participants.recruited')}</th>
                  <th scope="col">{t('compensation.participants.introduced')}</th>
                  <th scope="col">{t('compensation.participants.notes')}</th>
                </tr>
              </thead>
              <tbody>
                {list.data.items.map((p) => (
                  <tr key={p.id}>
                    <th scope="row">
                      <Link to={personCompensationHref(p.personId)}>{p.personName}</Link>
                    </th>
                    <td>{p.groupName}</td>
                    <td>{t('compensation.participants.when', { date: formatDate(p.recruitedOn), by: p.recruitedBy })}</td>
                    <td>
                      {p.introducedOn
                        ? t('compensation.participants.when', { date: formatDate(p.introducedOn), by: p.introducedBy ?? '' })
                        : t('compensation.participants.notIntroduced')}
                      {!p.introducedOn && p.permissions.manage && (
                        <IntroduceForm participant={p} onDone={() => done(t('compensation.participants.introducedSaved'))} />
                      )}
                    </td>
                    <td>{p.notes ?? '–'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        ))}
      {manageable.length > 0 && <AssignmentForm participants={manageable} onDone={done} />}
      {choices.error && <ErrorAlert error={choices.error} />}
      {choices.data && <RecruitForm groups={choices.data.groups} people={choices.data.people} onDone={done} />}
    </Page>
  );
}
