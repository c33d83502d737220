/** Justering: the adjusters, sending the minutes, taking them back and approving — the buttons from `minutes.allowedActions`. */
import { useState } from 'react';
import { call, client } from '../client';
import { Checkbox } from '../components/Fields';
import { Notice } from '../components/Alerts';
import { useI18n } from '../i18n';
import type { Run } from './meeting-form';
import { PaperJusteringForm } from './PaperJusteringForm';
import type { MeetingDetail } from './MeetingPage';

export function JusteringPanel({ d, run }: { d: MeetingDetail; run: Run }) {
  const i18n = useI18n();
  const { t, formatDateTime } = i18n;
  const m = d.meeting;
  const path = { params: { path: { id: m.id } } };
  const offers = (a: MeetingDetail['minutes']['allowedActions'][number]) => d.minutes.allowedActions.includes(a);
  const [chosen, setChosen] = useState<string[]>(d.adjusters.map((a) => a.personId));
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
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void run(
              () => call(client.PUT('/meetings/{id}/adjusters', { ...path, body: { personIds: chosen, version: m.version } })),
              t('meetings.justering.adjustersSaved'),
            );
          }}
        >
          <fieldset>
            <legend>{t('meetings.justering.choose')}</legend>
            {candidates.map((c) => (
              <Checkbox
                key={c.personId}
                id={`adjuster-${c.personId}`}
                label={c.name}
                checked={chosen.includes(c.personId)}
                onChange={(on) => setChosen(on ? [...chosen, c.personId] : chosen.filter((x) => x !== c.personId))}
              />
            ))}
          </fieldset>
          <div className="link-row">
            <button type="submit" className="button-secondary">
              {t('meetings.justering.saveAdjusters')}
            </button>
            {offers('submit') && (
              <button
                type="button"
                onClick={() =>
                  void run(
                    () => call(client.POST('/meetings/{id}/minutes/submit', { ...path, body: { version: m.version } })),
                    t('meetings.justering.submitted'),
                  )
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
            void run(
              () => call(client.POST('/meetings/{id}/minutes/reopen', { ...path, body: { version: m.version } })),
              t('meetings.justering.reopened'),
            )
          }
        >
          {t('meetings.justering.reopen')}
        </button>
      )}
      {offers('approve') && (
        <button
          type="button"
          onClick={() =>
            void run(() => call(client.POST('/meetings/{id}/minutes/approve', path)), t('meetings.justering.approved'))
          }
        >
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
