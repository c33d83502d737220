/**
 * A meeting's page, made to be used during the meeting: the agenda (built from cases put
 * forward, reordered with buttons), attendance, the minutes written paragraph by paragraph with
 * jäv shown per paragraph, justering, and the downloads. What the caller may do comes from the
 * meeting detail (`allowedActions`, `minutes.allowedActions`, `permissions`), never from
 * comparing statuses here.
 */
import { useState } from 'react';
import { asApiError, type ApiError } from '../api';
import { $api, type ApiResponse } from '../client';
import { ErrorAlert, Loading, Notice } from '../components/Alerts';
import { Page } from '../components/Page';
import { RequireUser } from '../components/RequireUser';
import { useI18n, useT } from '../i18n';
import { AgendaPanel } from './AgendaPanel';
import { AttendancePanel } from './AttendancePanel';
import { JusteringPanel } from './JusteringPanel';
import type { Run } from './meeting-form';
import { MeetingFacts } from './MeetingFacts';
import { forumHref, MEETINGS_PATH } from './meetings';
import { MinutesPanel } from './MinutesPanel';

/** The meeting detail as the API answers it. */
export type MeetingDetail = ApiResponse<'/meetings/{id}'>;

export function MeetingPage({ id }: { id: string }) {
  const t = useT();
  return (
    <RequireUser title={t('meetings.meeting.title')} crumbs={[{ to: MEETINGS_PATH, label: t('area.meetings') }]}>
      <MeetingView id={id} />
    </RequireUser>
  );
}

function MeetingView({ id }: { id: string }) {
  const { t, formatDate } = useI18n();
  const q = $api.useQuery('get', '/meetings/{id}', { params: { path: { id } } });
  const [error, setError] = useState<ApiError | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  // After an action the page shows the new state and the message together, so the next action
  // always starts from the current version.
  const run: Run = async (fn, done, onError) => {
    setError(null);
    setMessage(null);
    try {
      await fn();
      await q.refetch();
      if (done) setMessage(done);
      return true;
    } catch (err) {
      setError(asApiError(err));
      onError?.(err);
      await q.refetch().catch(() => undefined);
      return false;
    }
  };
  const d = q.data;
  const title = d
    ? t('meetings.meeting.heading', { forum: d.meeting.forumName, date: formatDate(d.meeting.date) })
    : t('meetings.meeting.title');
  const crumbs = [
    { to: '/', label: t('nav.start') },
    { to: MEETINGS_PATH, label: t('area.meetings') },
    ...(d ? [{ to: forumHref(d.meeting.forumId), label: d.meeting.forumName }] : []),
  ];
  return (
    <Page title={title} crumbs={crumbs}>
      {q.error && !d && <ErrorAlert error={q.error} />}
      {q.isPending && <Loading />}
      <div aria-live="polite">
        {error && <ErrorAlert error={error} />}
        {message && (
          <Notice kind="success">
            <p>{message}</p>
          </Notice>
        )}
      </div>
      {d && (
        <>
          <MeetingFacts d={d} run={run} />
          <AgendaPanel d={d} run={run} />
          <AttendancePanel d={d} run={run} />
          <MinutesPanel d={d} run={run} />
          <JusteringPanel d={d} run={run} />
        </>
      )}
    </Page>
  );
}
