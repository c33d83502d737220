/** A person's participation and compensation claims (linked from the person page). */
import { api, type Page as ApiPage, type Person } from '../api';
import { ErrorAlert, Loading } from '../components/Alerts';
import { Page } from '../components/Page';
import { RequireUser } from '../components/RequireUser';
import { useAsync } from '../components/useAsync';
import { useI18n, useT } from '../i18n';
import { personHref } from '../people/people';
import { ClaimTable } from './ClaimTable';
import { timeText, type Assignment, type Claim, type Participant } from './compensation';

function useCrumbs(id: string, name?: string) {
  const t = useT();
  return [
    { to: '/', label: t('nav.start') },
    { to: '/personer-och-uppdrag', label: t('area.people') },
    { to: personHref(id), label: name ?? t('person.one') },
  ];
}

export function PersonCompensationPage({ id }: { id: string }) {
  const t = useT();
  const crumbs = useCrumbs(id);
  return (
    <RequireUser title={t('compensation.person.title')} crumbs={crumbs}>
      <PersonCompensation id={id} />
    </RequireUser>
  );
}

function PersonCompensation({ id }: { id: string }) {
  const i18n = useI18n();
  const { t, formatDate } = i18n;
  const data = useAsync(
    async (signal) => {
      const q = { personId: id };
      const [person, participants, assignments, claims] = await Promise.all([
        api.get<Person>(`/api/v1/people/${encodeURIComponent(id)}`, undefined, signal),
        api.get<ApiPage<Participant>>('/api/v1/compensation/participants', q, signal),
        api.get<ApiPage<Assignment>>('/api/v1/compensation/assignments', q, signal),
        api.get<ApiPage<Claim>>('/api/v1/compensation/claims', q, signal),
      ]);
      return { person, participants: participants.items, assignments: assignments.items, claims: claims.items };
    },
    [id],
  );
  const crumbs = useCrumbs(id, data.data?.person.name);
  const title = data.data ? t('compensation.person.titleFor', { name: data.data.person.name }) : t('compensation.person.title');
  return (
    <Page title={title} crumbs={crumbs}>
      {data.error && <ErrorAlert error={data.error} />}
      {data.loading && !data.data && <Loading />}
      {data.data && (
        <>
          <h2>{t('compensation.participants.title')}</h2>
          {data.data.participants.length === 0 ? (
            <p>{t('compensation.participants.empty')}</p>
          ) : (
            <ul>
              {data.data.participants.map((p) => (
                <li key={p.id}>
                  {t('compensation.person.participation', {
                    group: p.groupName,
                    recruited: formatDate(p.recruitedOn),
                    introduced: p.introducedOn ? formatDate(p.introducedOn) : t('compensation.participants.notIntroduced'),
                  })}
                </li>
              ))}
            </ul>
          )}
          <h2>{t('compensation.person.assignments')}</h2>
          {data.data.assignments.length === 0 ? (
            <p>{t('compensation.person.noAssignments')}</p>
          ) : (
            <ul>
              {data.data.assignments.map((a) => (
                <li key={a.id}>
                  {`${formatDate(a.date)} – ${a.groupName} – ${a.description} (${timeText(i18n, a.timeUnit, a.minutes)})`}
                </li>
              ))}
            </ul>
          )}
          <h2>{t('compensation.mine.claims')}</h2>
          <ClaimTable
            claims={data.data.claims}
            caption={t('compensation.mine.claims')}
            mode="read"
            onChanged={() => data.reload()}
          />
        </>
      )}
    </Page>
  );
}
