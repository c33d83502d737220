/**
 * A forum's page: the year's meetings, a link to plan a single new meeting (NewMeetingPage, a
 * page of its own), the dates the cadence rule proposes for a year (and creating them), and the
 * cadence rule itself for the secretary.
 */
import { useState } from 'react';
import { asApiError, type ApiError } from '../api';
import { Link } from '../app/router';
import { ErrorAlert, Loading, Notice } from '../components/Alerts';
import { SelectField } from '../components/Fields';
import { Page } from '../components/Page';
import { RequireUser } from '../components/RequireUser';
import { TableScroll } from '../components/TableScroll';
import { $api, call, client } from '../client';
import { useI18n, useT } from '../i18n';
import { SettingsPanel } from './ForumSettingsPanel';
import { newMeetingHref } from './NewMeetingPage';
import { forumCalendarHref, MEETING_BADGE, MEETINGS_PATH, meetingHref, statusText } from './meetings';
import { thisYear } from '../clock';

export function ForumPage({ id }: { id: string }) {
  const t = useT();
  return (
    <RequireUser title={t('area.meetings')} crumbs={[{ to: MEETINGS_PATH, label: t('area.meetings') }]}>
      <Forum id={id} />
    </RequireUser>
  );
}

function Forum({ id }: { id: string }) {
  const i18n = useI18n();
  const { t, formatDate } = i18n;
  const [year, setYear] = useState(String(thisYear()));
  const meetings = $api.useQuery('get', '/forums/{id}/meetings', { params: { path: { id }, query: { year: Number(year) } } });
  const reload = () => meetings.refetch();
  const name = meetings.data?.forum.name ?? t('area.meetings');
  const manage = meetings.data?.permissions.manage ?? false;
  return (
    <Page
      title={name}
      crumbs={[
        { to: '/', label: t('nav.start') },
        { to: MEETINGS_PATH, label: t('area.meetings') },
      ]}
    >
      {meetings.error && <ErrorAlert error={meetings.error} />}
      <p>
        <a href={forumCalendarHref(id)}>{t('meetings.forum.calendar')}</a>
      </p>
      {manage && (
        <p>
          <Link className="button" to={newMeetingHref(id)}>
            {t('meetings.new.link')}
          </Link>
        </p>
      )}
      <div className="inline-form">
        <SelectField
          id="forum-year"
          label={t('meetings.forum.year')}
          value={year}
          onChange={setYear}
          options={[thisYear() - 1, thisYear(), thisYear() + 1, thisYear() + 2].map((y) => ({
            value: String(y),
            label: String(y),
          }))}
        />
      </div>
      {meetings.isPending && <Loading />}
      {meetings.data && (
        <>
          <p className="result-count" role="status">
            {t('meetings.forum.count', { count: meetings.data.items.length, year })}
          </p>
          {meetings.data.items.length > 0 && (
            <TableScroll labelledBy="forum-meetings-caption">
              <table>
                <caption id="forum-meetings-caption">{t('meetings.forum.caption', { year })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('meetings.field.date')}</th>
                    <th scope="col">{t('meetings.field.time')}</th>
                    <th scope="col">{t('meetings.field.place')}</th>
                    <th scope="col">{t('meetings.field.status')}</th>
                    <th scope="col">{t('meetings.field.minutes')}</th>
                  </tr>
                </thead>
                <tbody>
                  {meetings.data.items.map((m) => (
                    <tr key={m.id}>
                      <td>
                        <Link to={meetingHref(m.id)}>{formatDate(m.date)}</Link>
                      </td>
                      <td>
                        {m.startTime}–{m.endTime}
                      </td>
                      <td>{m.place ?? '–'}</td>
                      <td>
                        <span className={`badge ${MEETING_BADGE[m.status]}`}>{statusText(i18n, m.status)}</span>
                      </td>
                      <td>
                        <span className={`badge ${MEETING_BADGE[m.minutesStatus]}`}>{statusText(i18n, m.minutesStatus)}</span>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          )}
        </>
      )}
      <Proposal id={id} year={Number(year) + (meetings.data?.items.length ? 1 : 0)} manage={manage} onCreated={reload} />
      <SettingsPanel id={id} manage={manage} />
    </Page>
  );
}

function Proposal({ id, year, manage, onCreated }: { id: string; year: number; manage: boolean; onCreated: () => unknown }) {
  const { t, formatDate } = useI18n();
  const proposal = $api.useQuery('get', '/forums/{id}/meeting-proposal', { params: { path: { id }, query: { year } } });
  const [error, setError] = useState<ApiError | null>(null);
  const [created, setCreated] = useState<number | null>(null);
  async function create() {
    setError(null);
    try {
      const res = await call(client.POST('/forums/{id}/meetings/from-proposal', { params: { path: { id } }, body: { year } }));
      setCreated(res.items.length);
      await proposal.refetch();
      await onCreated();
    } catch (err) {
      setError(asApiError(err));
    }
  }
  const missing = proposal.data?.dates.filter((d) => !d.exists).length ?? 0;
  return (
    <section aria-labelledby="proposal-heading">
      <h2 id="proposal-heading">{t('meetings.proposal.heading', { year })}</h2>
      <p>{t('meetings.proposal.lead')}</p>
      {proposal.error && <ErrorAlert error={proposal.error} />}
      {error && <ErrorAlert error={error} />}
      {created !== null && (
        <Notice kind="success" live>
          <p>{t('meetings.proposal.created', { count: created })}</p>
        </Notice>
      )}
      {proposal.data && (
        <ul className="columns-list">
          {proposal.data.dates.map((d) => (
            <li key={d.date}>
              {formatDate(d.date)} {d.startTime}–{d.endTime}
              {d.exists ? ` (${t('meetings.proposal.exists')})` : ''}
            </li>
          ))}
        </ul>
      )}
      {manage && missing > 0 && (
        <button type="button" onClick={() => void create()}>
          {t('meetings.proposal.create', { count: missing })}
        </button>
      )}
    </section>
  );
}
