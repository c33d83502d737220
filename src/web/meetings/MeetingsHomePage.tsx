/**
 * Möten: the forums the signed-in user can read, their notifications (kallelser, ändrade
 * föredragningslistor, protokoll att justera) and their personal calendar address.
 */
import { useState } from 'react';
import { asApiError, type ApiError } from '../api';
import { Link } from '../app/router';
import { ErrorAlert, Loading, Notice } from '../components/Alerts';
import { Page } from '../components/Page';
import { RequireUser } from '../components/RequireUser';
import { TableScroll } from '../components/TableScroll';
import { useI18n, useT } from '../i18n';
import { $api, call, client, invalidate } from '../client';
import { DECISIONS_PATH, forumHref } from './meetings';

export function MeetingsHomePage() {
  const t = useT();
  return (
    <RequireUser title={t('area.meetings')} crumbs={[{ to: '/', label: t('nav.start') }]}>
      <Home />
    </RequireUser>
  );
}

function Home() {
  const i18n = useI18n();
  const { t } = i18n;
  const forums = $api.useQuery('get', '/forums');
  return (
    <Page title={t('area.meetings')} crumbs={[{ to: '/', label: t('nav.start') }]} lead={<p>{t('meetings.home.lead')}</p>}>
      <ul className="link-list">
        <li>
          <Link to={DECISIONS_PATH}>{t('meetings.decisions.title')}</Link>
        </li>
      </ul>
      <h2>{t('meetings.forums.heading')}</h2>
      {forums.error && <ErrorAlert error={forums.error} />}
      {forums.isPending && <Loading />}
      {forums.data && forums.data.items.length === 0 && <p>{t('meetings.forums.none')}</p>}
      {forums.data && forums.data.items.length > 0 && (
        <TableScroll labelledBy="forums-caption">
          <table>
            <caption id="forums-caption">{t('meetings.forums.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('meetings.forums.name')}</th>
                <th scope="col">{t('meetings.forums.kind')}</th>
                <th scope="col">{t('meetings.forums.role')}</th>
              </tr>
            </thead>
            <tbody>
              {forums.data.items.map((f) => (
                <tr key={f.id}>
                  <td>
                    <Link to={forumHref(f.id)}>{f.name}</Link>
                  </td>
                  <td>{i18n.tMaybe(`group.kind.${f.kind}`) ?? f.kind}</td>
                  <td>{f.manage ? t('meetings.forums.keeper') : t('meetings.forums.reader')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      <Notifications />
      <CalendarFeed />
    </Page>
  );
}

/** The caller's notifications, newest first (also the page the header's unread count leads to). */
export function Notifications() {
  const i18n = useI18n();
  const { t, formatDateTime } = i18n;
  const list = $api.useQuery('get', '/notifications', { params: { query: { limit: 20 } } });
  const [error, setError] = useState<ApiError | null>(null);
  async function markAll() {
    setError(null);
    try {
      await call(client.POST('/notifications/read-all'));
      await invalidate('/notifications');
    } catch (err) {
      setError(asApiError(err));
    }
  }
  return (
    <section aria-labelledby="notifications-heading">
      <h2 id="notifications-heading">{t('meetings.notifications.heading')}</h2>
      {list.error && <ErrorAlert error={list.error} />}
      {error && <ErrorAlert error={error} />}
      {list.data && (
        <>
          <p role="status">{t('meetings.notifications.unread', { count: list.data.unread })}</p>
          {list.data.items.length === 0 ? (
            <p>{t('meetings.notifications.none')}</p>
          ) : (
            <ul className="notification-list">
              {list.data.items.map((n) => (
                <li key={n.id}>
                  {n.readAt ? null : <strong className="badge badge-weak">{t('meetings.notifications.new')}</strong>}{' '}
                  {n.link ? <Link to={n.link}>{n.title}</Link> : n.title}{' '}
                  <span className="hint">{formatDateTime(n.createdAt)}</span>
                </li>
              ))}
            </ul>
          )}
          {list.data.unread > 0 && (
            <button type="button" className="button-secondary" onClick={() => void markAll()}>
              {t('meetings.notifications.markAll')}
            </button>
          )}
        </>
      )}
    </section>
  );
}

function CalendarFeed() {
  const { t, formatDateTime } = useI18n();
  const state = $api.useQuery('get', '/calendar-feed');
  const [url, setUrl] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  async function create() {
    setError(null);
    try {
      setUrl((await call(client.POST('/calendar-feed'))).url);
      await state.refetch();
    } catch (err) {
      setError(asApiError(err));
    }
  }
  async function revoke() {
    setError(null);
    try {
      await call(client.DELETE('/calendar-feed'));
      setUrl(null);
      await state.refetch();
    } catch (err) {
      setError(asApiError(err));
    }
  }
  return (
    <section aria-labelledby="feed-heading">
      <h2 id="feed-heading">{t('meetings.feed.heading')}</h2>
      <p>{t('meetings.feed.lead')}</p>
      {error && <ErrorAlert error={error} />}
      {url && (
        <Notice kind="success" live>
          <p>{t('meetings.feed.created')}</p>
          <p>
            <code>{url}</code>
          </p>
        </Notice>
      )}
      {state.data?.active && !url && <p>{t('meetings.feed.active', { date: formatDateTime(state.data.createdAt) })}</p>}
      <div className="link-row">
        <button type="button" onClick={() => void create()}>
          {state.data?.active ? t('meetings.feed.renew') : t('meetings.feed.create')}
        </button>
        {state.data?.active && (
          <button type="button" className="button-secondary" onClick={() => void revoke()}>
            {t('meetings.feed.revoke')}
          </button>
        )}
      </div>
    </section>
  );
}
