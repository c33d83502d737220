/** A person's participation and compensation claims (linked from the person page). */
import { $api } from '../client';
import { ErrorAlert, Loading } from '../components/Alerts';
import { Page } from '../components/Page';
import { RequireUser } from '../components/RequireUser';
import { useI18n, useT } from '../i18n';
import { personHref } from '../people/people';
import { ClaimTable } from './ClaimTable';
import { timeText } from './compensation';

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
  const q = { params: { query: { personId: id } } };
  const person = $api.useQuery('get', '/people/{id}', { params: { path: { id } } });
  const participants = $api.useQuery('get', '/compensation/participants', q);
  const assignments = $api.useQuery('get', '/compensation/assignments', q);
  const claims = $api.useQuery('get', '/compensation/claims', q);
  const all = [person, participants, assignments, claims];
  const error = all.find((x) => x.error)?.error;
  const data =
    person.data && participants.data && assignments.data && claims.data
      ? {
          person: person.data,
          participants: participants.data.items,
          assignments: assignments.data.items,
          claims: claims.data.items,
        }
      : undefined;
  const crumbs = useCrumbs(id, data?.person.name);
  const title = data ? t('compensation.person.titleFor', { name: data.person.name }) : t('compensation.person.title');
  return (
    <Page title={title} crumbs={crumbs}>
      {error && <ErrorAlert error={error} />}
      {!error && !data && <Loading />}
      {data && (
        <>
          <h2>{t('compensation.participants.title')}</h2>
          {data.participants.length === 0 ? (
            <p>{t('compensation.participants.empty')}</p>
          ) : (
            <ul>
              {data.participants.map((p) => (
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
          {data.assignments.length === 0 ? (
            <p>{t('compensation.person.noAssignments')}</p>
          ) : (
            <ul>
              {data.assignments.map((a) => (
                <li key={a.id}>
                  {`${formatDate(a.date)} – ${a.groupName} – ${a.description} (${timeText(i18n, a.timeUnit, a.minutes)})`}
                </li>
              ))}
            </ul>
          )}
          <h2>{t('compensation.mine.claims')}</h2>
          <ClaimTable claims={data.claims} caption={t('compensation.mine.claims')} mode="read" onChanged={() => undefined} />
        </>
      )}
    </Page>
  );
}
