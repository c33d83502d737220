/**
 * A forum's page: the year's meetings, the dates the cadence rule proposes for a year (and
 * creating them), a single new meeting, and the cadence rule itself for the secretary.
 */
import { useState, type FormEvent } from 'react';
import { api, type ApiError } from '../api';
import { Link } from '../app/router';
import { ErrorAlert, Loading, Notice } from '../components/Alerts';
import { SelectField, TextAreaField, TextField } from '../components/Fields';
import { Page } from '../components/Page';
import { RequireUser } from '../components/RequireUser';
import { TableScroll } from '../components/TableScroll';
import { useAsync } from '../components/useAsync';
import { useI18n, useT } from '../i18n';
import { asApiError } from '../people/people';
import { MEETING_BADGE, MEETINGS_PATH, meetingHref, statusText, type ForumSettings, type Meeting } from './meetings';
import { thisYear } from '../clock';

interface ForumMeetings {
  forum: { id: string; name: string; kind: string; owner: string };
  items: Meeting[];
  permissions: { manage: boolean };
}

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
  const meetings = useAsync((signal) => api.get<ForumMeetings>(`/api/v1/forums/${id}/meetings`, { year }, signal), [id, year]);
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
        <a href={`/api/v1/forums/${id}/calendar.ics`}>{t('meetings.forum.calendar')}</a>
      </p>
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
      {meetings.loading && !meetings.data && <Loading />}
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
      <Proposal id={id} year={Number(year) + (meetings.data?.items.length ? 1 : 0)} manage={manage} onCreated={meetings.reload} />
      {manage && <NewMeeting id={id} onCreated={meetings.reload} />}
      <Settings id={id} manage={manage} />
    </Page>
  );
}

function Proposal({ id, year, manage, onCreated }: { id: string; year: number; manage: boolean; onCreated: () => void }) {
  const { t, formatDate } = useI18n();
  const proposal = useAsync(
    (signal) =>
      api.get<{ dates: { date: string; startTime: string; endTime: string; exists: boolean }[] }>(
        `/api/v1/forums/${id}/meeting-proposal`,
        { year },
        signal,
      ),
    [id, year],
  );
  const [error, setError] = useState<ApiError | null>(null);
  const [created, setCreated] = useState<number | null>(null);
  async function create() {
    setError(null);
    try {
      const res = await api.post<{ items: Meeting[] }>(`/api/v1/forums/${id}/meetings/from-proposal`, { year });
      setCreated(res.items.length);
      proposal.reload();
      onCreated();
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

function NewMeeting({ id, onCreated }: { id: string; onCreated: () => void }) {
  const t = useT();
  const [date, setDate] = useState('');
  const [place, setPlace] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [done, setDone] = useState<Meeting | null>(null);
  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    try {
      setDone(await api.post<Meeting>(`/api/v1/forums/${id}/meetings`, { date, ...(place.trim() ? { place } : {}) }));
      setDate('');
      onCreated();
    } catch (err) {
      setError(asApiError(err));
    }
  }
  const fieldError = (path: string) => error?.errors.find((x) => x.path === path)?.message;
  return (
    <section aria-labelledby="new-meeting-heading">
      <h2 id="new-meeting-heading">{t('meetings.new.heading')}</h2>
      {error && <ErrorAlert error={error} />}
      {done && (
        <Notice kind="success" live>
          <p>
            {t('meetings.new.done')} <Link to={meetingHref(done.id)}>{done.date}</Link>
          </p>
        </Notice>
      )}
      <form className="inline-form" onSubmit={(e) => void submit(e)}>
        <TextField
          id="new-meeting-date"
          type="date"
          label={t('meetings.field.date')}
          value={date}
          onChange={setDate}
          required
          error={fieldError('date')}
        />
        <TextField
          id="new-meeting-place"
          label={t('meetings.field.place')}
          value={place}
          onChange={setPlace}
          error={fieldError('place')}
        />
        <button type="submit">{t('meetings.new.submit')}</button>
      </form>
    </section>
  );
}

const WEEKDAYS = [1, 2, 3, 4, 5];

function Settings({ id, manage }: { id: string; manage: boolean }) {
  const i18n = useI18n();
  const { t } = i18n;
  const settings = useAsync((signal) => api.get<ForumSettings>(`/api/v1/forums/${id}/meeting-settings`, undefined, signal), [id]);
  const s = settings.data;
  return (
    <section aria-labelledby="settings-heading">
      <h2 id="settings-heading">{t('meetings.settings.heading')}</h2>
      {settings.error && <ErrorAlert error={settings.error} />}
      {s && !manage && (
        <p>
          {t('meetings.settings.summary', {
            min: s.minWeeks,
            max: s.maxWeeks,
            weekday: t(`meetings.weekday.${s.weekday}` as 'meetings.weekday.1'),
            breaks: s.blackouts.map((b) => `${b.from}–${b.to}`).join(', ') || '–',
          })}
        </p>
      )}
      {s && manage && <SettingsForm id={id} initial={s} onSaved={settings.reload} />}
    </section>
  );
}

function SettingsForm({ id, initial, onSaved }: { id: string; initial: ForumSettings; onSaved: () => void }) {
  const t = useT();
  const [min, setMin] = useState(String(initial.minWeeks));
  const [max, setMax] = useState(String(initial.maxWeeks));
  const [weekday, setWeekday] = useState(String(initial.weekday));
  const [start, setStart] = useState(initial.startTime);
  const [end, setEnd] = useState(initial.endTime);
  const [place, setPlace] = useState(initial.defaultPlace ?? '');
  const [breaks, setBreaks] = useState(initial.blackouts.map((b) => `${b.from}–${b.to}`).join('\n'));
  const [standing, setStanding] = useState(initial.standingItems.join('\n'));
  const [error, setError] = useState<ApiError | null>(null);
  const [saved, setSaved] = useState(false);
  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    setSaved(false);
    try {
      await api.put(`/api/v1/forums/${id}/meeting-settings`, {
        minWeeks: Number(min),
        maxWeeks: Number(max),
        weekday: Number(weekday),
        startTime: start,
        endTime: end,
        defaultPlace: place.trim() || null,
        blackouts: breaks
          .split('\n')
          .map((l) => l.trim())
          .filter(Boolean)
          .map((l) => {
            const [from = '', to = ''] = l.split(/\s*[–-]\s*(?=\d{2}-\d{2}$)/);
            return { from, to };
          }),
        standingItems: standing
          .split('\n')
          .map((l) => l.trim())
          .filter(Boolean),
        version: initial.version,
      });
      setSaved(true);
      onSaved();
    } catch (err) {
      setError(asApiError(err));
    }
  }
  const fieldError = (path: string) => error?.errors.find((x) => x.path === path || x.path.startsWith(`${path}/`))?.message;
  return (
    <form className="form" onSubmit={(e) => void submit(e)}>
      {error && <ErrorAlert error={error} />}
      {saved && (
        <Notice kind="success" live>
          <p>{t('meetings.settings.saved')}</p>
        </Notice>
      )}
      <div className="filter-grid">
        <TextField
          id="settings-min"
          type="number"
          min={1}
          max={26}
          label={t('meetings.settings.minWeeks')}
          value={min}
          onChange={setMin}
          error={fieldError('minWeeks')}
        />
        <TextField
          id="settings-max"
          type="number"
          min={1}
          max={26}
          label={t('meetings.settings.maxWeeks')}
          value={max}
          onChange={setMax}
          error={fieldError('maxWeeks')}
        />
        <SelectField
          id="settings-weekday"
          label={t('meetings.settings.weekday')}
          value={weekday}
          onChange={setWeekday}
          options={WEEKDAYS.map((d) => ({ value: String(d), label: t(`meetings.weekday.${d}` as 'meetings.weekday.1') }))}
        />
        <TextField
          id="settings-start"
          type="time"
          label={t('meetings.settings.startTime')}
          value={start}
          onChange={setStart}
          error={fieldError('startTime')}
        />
        <TextField
          id="settings-end"
          type="time"
          label={t('meetings.settings.endTime')}
          value={end}
          onChange={setEnd}
          error={fieldError('endTime')}
        />
        <TextField id="settings-place" label={t('meetings.settings.place')} value={place} onChange={setPlace} />
      </div>
      <TextAreaField
        id="settings-breaks"
        label={t('meetings.settings.breaks')}
        hint={t('meetings.settings.breaksHint')}
        value={breaks}
        onChange={setBreaks}
        rows={3}
        error={fieldError('blackouts')}
      />
      <TextAreaField
        id="settings-standing"
        label={t('meetings.settings.standing')}
        hint={t('meetings.settings.standingHint')}
        value={standing}
        onChange={setStanding}
        rows={3}
        error={fieldError('standingItems')}
      />
      <button type="submit">{t('meetings.settings.save')}</button>
    </form>
  );
}
