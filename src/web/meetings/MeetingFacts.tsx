/** The meeting's facts, the downloads, and its lifecycle buttons (notice, cancel) from `allowedActions`. */
import { useForm } from 'react-hook-form';
import { CancelBody } from '../../modules/meetings/schemas';
import { $api } from '../client';
import { TextField } from '../components/Fields';
import { schemaResolver } from '../forms';
import { useI18n } from '../i18n';
import type { Run } from './meeting-form';
import { bindLive, meetingWrite, useMeetingSubmit } from './meeting-submit';
import type { MeetingDetail } from './MeetingPage';
import { MEETING_BADGE, minutesHref, statusText } from './meetings';

export function MeetingFacts({ d, run }: { d: MeetingDetail; run: Run }) {
  const i18n = useI18n();
  const { t, formatDate } = i18n;
  const m = d.meeting;
  const offers = (a: MeetingDetail['allowedActions'][number]) => d.allowedActions.includes(a);
  const notice = $api.useMutation('post', '/meetings/{id}/notice', meetingWrite);
  return (
    <>
      <dl className="facts">
        <dt>{t('meetings.field.date')}</dt>
        <dd>
          {formatDate(m.date)}, {m.startTime}–{m.endTime}
        </dd>
        <dt>{t('meetings.field.place')}</dt>
        <dd>{m.place ?? '–'}</dd>
        {m.onlineUrl && (
          <>
            <dt>{t('meetings.field.online')}</dt>
            <dd>
              <a href={m.onlineUrl}>{m.onlineUrl}</a>
            </dd>
          </>
        )}
        <dt>{t('meetings.field.status')}</dt>
        <dd>
          <span className={`badge ${MEETING_BADGE[m.status]}`}>{statusText(i18n, m.status)}</span>
          {m.cancelReason ? ` ${m.cancelReason}` : ''}
        </dd>
        <dt>{t('meetings.field.minutes')}</dt>
        <dd>
          <span className={`badge ${MEETING_BADGE[m.minutesStatus]}`} data-testid="minutes-status">
            {statusText(i18n, m.minutesStatus)}
          </span>
        </dd>
      </dl>
      <p className="link-row">
        <a href={minutesHref(m.id, 'pdf')}>{t('meetings.download.minutesPdf')}</a>
        <a href={minutesHref(m.id, 'docx')}>{t('meetings.download.minutesDocx')}</a>
      </p>
      {(offers('notice') || offers('cancel')) && (
        <div className="link-row">
          {offers('notice') && (
            <button
              type="button"
              onClick={() =>
                void run(
                  () => notice.mutateAsync({ params: { path: { id: m.id } }, body: { version: m.version } }),
                  t('meetings.notice.sent'),
                )
              }
            >
              {m.noticeSentAt ? t('meetings.notice.resend') : t('meetings.notice.send')}
            </button>
          )}
          {offers('cancel') && <CancelForm d={d} run={run} />}
        </div>
      )}
    </>
  );
}

/** Cancelling needs a reason (the declaration says so); those called are told. */
function CancelForm({ d, run }: { d: MeetingDetail; run: Run }) {
  const { t, lang } = useI18n();
  const m = d.meeting;
  const toBody = (v: { reason: string }) => ({ reason: v.reason, version: m.version });
  const form = useForm<{ reason: string }>({
    resolver: schemaResolver(CancelBody, toBody, lang),
    defaultValues: { reason: '' },
  });
  const cancel = $api.useMutation('post', '/meetings/{id}/cancel', meetingWrite);
  const submit = useMeetingSubmit(
    form,
    run,
    (v) => cancel.mutateAsync({ params: { path: { id: m.id } }, body: toBody(v) }),
    t('meetings.cancel.done'),
    { ids: { reason: 'cancel-reason' } },
  );
  return (
    <form className="inline-form" noValidate onSubmit={submit}>
      <TextField id="cancel-reason" label={t('meetings.cancel.reason')} {...bindLive(form, 'reason')} required />
      <button type="submit" className="button-secondary" disabled={form.formState.isSubmitting}>
        {t('meetings.cancel.submit')}
      </button>
    </form>
  );
}
