/** Justering: the adjusters, sending the minutes, taking them back and approving — the buttons from `minutes.allowedActions`. */
import { useForm } from 'react-hook-form';
import { AdjustersBody } from '../../modules/meetings/schemas';
import { $api } from '../client';
import { CheckboxGroup } from '../components/Fields';
import { Notice } from '../components/Alerts';
import { schemaResolver } from '../forms';
import { useI18n } from '../i18n';
import type { Run } from './meeting-form';
import { meetingWrite, useMeetingSubmit } from './meeting-submit';
import { PaperJusteringForm } from './PaperJusteringForm';
import type { MeetingDetail } from './MeetingPage';

export function JusteringPanel({ d, run }: { d: MeetingDetail; run: Run }) {
  const i18n = useI18n();
  const { t, formatDateTime, lang } = i18n;
  const m = d.meeting;
  const path = { params: { path: { id: m.id } } };
  const offers = (a: MeetingDetail['minutes']['allowedActions'][number]) => d.minutes.allowedActions.includes(a);
  const toBody = (v: { personIds: string[] }) => ({ personIds: v.personIds, version: m.version });
  const form = useForm<{ personIds: string[] }>({
    resolver: schemaResolver(AdjustersBody, toBody, lang),
    defaultValues: { personIds: d.adjusters.map((a) => a.personId) },
  });
  const adjusters = $api.useMutation('put', '/meetings/{id}/adjusters', meetingWrite);
  const send = $api.useMutation('post', '/meetings/{id}/minutes/submit', meetingWrite);
  const reopen = $api.useMutation('post', '/meetings/{id}/minutes/reopen', meetingWrite);
  const approve = $api.useMutation('post', '/meetings/{id}/minutes/approve', meetingWrite);
  const saveAdjusters = useMeetingSubmit(
    form,
    run,
    (v) => adjusters.mutateAsync({ ...path, body: toBody(v) }),
    t('meetings.justering.adjustersSaved'),
    { ids: { personIds: 'adjuster' } },
  );
  const chosen = form.watch('personIds');
  const chosenError = form.formState.errors.personIds?.message;
  const candidates = [...d.members, ...d.attendance.filter((a) => !d.members.some((x) => x.personId === a.personId))];
  return (
    <section aria-labelledby="justering-heading">
      <h2 id="justering-heading">{t('meetings.justering.heading')}</h2>
      {d.adjusters.length > 0 && (
        <ul>
          {d.adjusters.map((a) => (
            <li key={a.personId}>
              {a.name}:{' '}
              {a.signedOnPaper
                ? t('meetings.justering.onPaper', { date: a.signedOnPaper, by: a.recordedBy ?? '–' })
                : a.approvedAt
                  ? t('meetings.justering.approvedAt', { date: formatDateTime(a.approvedAt) })
                  : t('meetings.justering.waiting')}
            </li>
          ))}
        </ul>
      )}
      {d.permissions.editMinutes && (
        <form noValidate onSubmit={saveAdjusters}>
          <CheckboxGroup
            id="adjuster"
            legend={t('meetings.justering.choose')}
            options={candidates.map((c) => ({ value: c.personId, label: c.name }))}
            value={chosen}
            onChange={(ids) => form.setValue('personIds', ids, { shouldValidate: form.formState.isSubmitted })}
            error={chosenError}
          />
          <div className="link-row">
            <button type="submit" className="button-secondary" disabled={form.formState.isSubmitting}>
              {t('meetings.justering.saveAdjusters')}
            </button>
            {offers('submit') && (
              <button
                type="button"
                onClick={() =>
                  void run(() => send.mutateAsync({ ...path, body: { version: m.version } }), t('meetings.justering.submitted'))
                }
              >
                {t('meetings.justering.submit')}
              </button>
            )}
          </div>
          {!offers('submit') &&
            (d.minutes.problems.length ? (
              <div className="hint" id="minutes-problems">
                <p>{t('meetings.justering.blocked')}</p>
                <ul>
                  {d.minutes.problems.map((p) => (
                    <li key={p.path}>{p.message}</li>
                  ))}
                </ul>
              </div>
            ) : (
              <p className="hint">{t('meetings.justering.notReady')}</p>
            ))}
        </form>
      )}
      {offers('reopen') && (
        <button
          type="button"
          className="button-secondary"
          onClick={() =>
            void run(() => reopen.mutateAsync({ ...path, body: { version: m.version } }), t('meetings.justering.reopened'))
          }
        >
          {t('meetings.justering.reopen')}
        </button>
      )}
      {offers('approve') && (
        <button type="button" onClick={() => void run(() => approve.mutateAsync(path), t('meetings.justering.approved'))}>
          {t('meetings.justering.approve')}
        </button>
      )}
      {offers('approve-on-paper') && <PaperJusteringForm d={d} run={run} />}
      {d.minutes.final && (
        <Notice kind="info">
          <p>{t('meetings.justering.locked')}</p>
        </Notice>
      )}
    </section>
  );
}
