import { useState, type FormEvent } from 'react';
import { Link, navigate, useLocation } from '../app/router';
import { ErrorAlert, Loading } from '../components/Alerts';
import { Page } from '../components/Page';
import { RequireUser } from '../components/RequireUser';
import { TableScroll } from '../components/TableScroll';
import { $api } from '../client';
import { useI18n, useT, type MessageKey } from '../i18n';
import { useGeo } from '../organisation/groups';
import { PEOPLE_PATH, personHref } from './people';

export const PEOPLE_PAGES: { to: string; title: MessageKey }[] = [
  { to: `${PEOPLE_PATH}/ny`, title: 'person.new.title' },
  { to: `${PEOPLE_PATH}/granskning`, title: 'review.title' },
];

export function usePeopleCrumbs() {
  const t = useT();
  return [
    { to: '/', label: t('nav.start') },
    { to: PEOPLE_PATH, label: t('area.people') },
  ];
}

/** Personer: the registers the caller manages or reviews, searchable by name, e-mail or employer. */
export function PeoplePage() {
  const t = useT();
  const crumbs = [{ to: '/', label: t('nav.start') }];
  return (
    <RequireUser title={t('area.people')} crumbs={crumbs}>
      <PeopleList />
    </RequireUser>
  );
}

function PeopleList() {
  const i18n = useI18n();
  const { t } = i18n;
  const { search } = useLocation();
  const q = search.get('q') ?? '';
  const [draft, setDraft] = useState(q);
  const geo = useGeo(t);
  const mayRegister = ($api.useQuery('get', '/me').data?.permissions ?? []).some((g) => g.permission === 'people.manage');
  const people = $api.useQuery('get', '/people', { params: { query: { q: q.trim() || undefined, limit: 200 } } });
  const items = people.data?.items ?? [];

  function submit(e: FormEvent) {
    e.preventDefault();
    navigate(draft.trim() ? `${PEOPLE_PATH}?q=${encodeURIComponent(draft.trim())}` : PEOPLE_PATH, { replace: true });
  }

  return (
    <Page title={t('area.people')} crumbs={[{ to: '/', label: t('nav.start') }]} lead={<p>{t('people.lead')}</p>}>
      <p className="link-row">
        <Link to={`${PEOPLE_PATH}/ny`} className="button button-small">
          {t('person.new.title')}
        </Link>{' '}
        {mayRegister && (
          <>
            <Link to={`${PEOPLE_PATH}/las-in`}>{t('personImport.link')}</Link>{' '}
          </>
        )}
        <Link to={`${PEOPLE_PATH}/granskning`}>{t('review.title')}</Link>{' '}
        <Link to={`${PEOPLE_PATH}/sammansattning`}>{t('mandates.link.gaps')}</Link>{' '}
        <Link to={`${PEOPLE_PATH}/utgaende`}>{t('mandates.link.expiring')}</Link>{' '}
        <Link to={`${PEOPLE_PATH}/nomineringar`}>{t('mandates.link.nominations')}</Link>{' '}
        <Link to="/vem-sitter-var">{t('mandates.link.register')}</Link>
      </p>
      <form role="search" onSubmit={submit} className="form">
        <div className="field">
          <label htmlFor="people-q">{t('people.searchLabel')}</label>
          <div className="search-row">
            <input id="people-q" type="search" value={draft} onChange={(e) => setDraft(e.target.value)} autoComplete="off" />
            <button type="submit">{t('common.search')}</button>
          </div>
        </div>
      </form>
      {people.error && <ErrorAlert error={people.error} />}
      {people.isPending && <Loading />}
      <p className="result-count" role="status">
        {people.data &&
          (q
            ? t(items.length === 1 ? 'people.matchCount.one' : 'people.matchCount', { count: items.length, q })
            : t(items.length === 1 ? 'people.count.one' : 'people.count', { count: items.length }))}
      </p>
      {people.data && items.length > 0 && (
        <TableScroll labelledBy="people-caption">
          <table>
            <caption id="people-caption">{t('people.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('person.field.name')}</th>
                <th scope="col">{t('person.field.profession')}</th>
                <th scope="col">{t('person.field.employer')}</th>
                <th scope="col">{t('person.field.homeOwner')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((p) => (
                <tr key={p.id}>
                  <th scope="row">
                    <Link to={personHref(p.id)}>{p.name}</Link>
                    {p.isDemo && <span className="badge badge-demo">{t('common.demo')}</span>}
                  </th>
                  <td>{p.profession ?? ''}</td>
                  <td>{p.employer ?? ''}</td>
                  <td>{geo.data ? geo.data.ownerName(p.homeOwner) : p.homeOwner}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      {people.data?.nextCursor && <p className="muted">{t('people.more')}</p>}
    </Page>
  );
}
