/**
 * A meeting's page, made to be used during the meeting, as steps (issue 17): Kallelse (facts,
 * downloads, sending the notice), Dagordning (built from cases put forward, reordered with
 * buttons), Närvaro, Protokoll (written paragraph by paragraph with jäv shown per paragraph) and
 * Justering. The step is in the URL (`?flik=`); which steps are done follows meeting-steps.ts.
 * What the caller may do comes from the meeting detail (`allowedActions`,
 * `minutes.allowedActions`, `permissions`), never from comparing statuses here.
 */
import { useState } from 'react';
import { asApiError, type ApiError } from '../api';
import { $api, type ApiResponse } from '../client';
import { ErrorAlert, Loading, Notice } from '../components/Alerts';
import { Page } from '../components/Page';
import { RequireUser } from '../components/RequireUser';
import { StepNav, useStep } from '../components/StepNav';
import { useI18n, useT, type MessageKey } from '../i18n';
import { AgendaPanel } from './AgendaPanel';
import { AttendancePanel } from './AttendancePanel';
import { JusteringPanel } from './JusteringPanel';
import type { Run } from './meeting-form';
import { MeetingFacts } from './MeetingFacts';
import { forumHref, MEETINGS_PATH } from './meetings';
import { MEETING_STEPS, meetingStepDone, meetingStepNow, type MeetingStep } from './meeting-steps';
import { MinutesPanel } from './MinutesPanel';

const STEP_LABEL: Record<MeetingStep, MessageKey> = {
  kallelse: 'meetings.step.kallelse',
  dagordning: 'meetings.step.dagordning',
  narvaro: 'meetings.step.narvaro',
  protokoll: 'meetings.step.protokoll',
  justering: 'meetings.step.justering',
};

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
  const step = useStep(MEETING_STEPS);
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
          <StepNav
            label={t('meetings.step.label')}
            process
            current={step}
            steps={MEETING_STEPS.map((s) => ({
              key: s,
              label: t(STEP_LABEL[s]),
              done: meetingStepDone(s, d),
              now: meetingStepNow(d) === s,
            }))}
          />
          {step === 'kallelse' && <MeetingFacts d={d} run={run} />}
          {step === 'dagordning' && <AgendaPanel d={d} run={run} />}
          {step === 'narvaro' && <AttendancePanel d={d} run={run} />}
          {step === 'protokoll' && <MinutesPanel d={d} run={run} />}
          {step === 'justering' && <JusteringPanel d={d} run={run} />}
        </>
      )}
    </Page>
  );
}
