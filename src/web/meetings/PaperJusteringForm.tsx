/**
 * A justering signed on paper: the secretary picks the justerare (those without an account
 * first in mind) and the day they signed; the server checks the day against the meeting's.
 */
import { useForm } from 'react-hook-form';
import { PaperJusteringBody } from '../../modules/meetings/schemas';
import { $api } from '../client';
import { today } from '../clock';
import { SelectField, TextField } from '../components/Fields';
import { schemaResolver } from '../forms';
import { useI18n } from '../i18n';
import type { Run } from './meeting-form';
import { bindLive, meetingWrite, useMeetingSubmit } from './meeting-submit';
import type { MeetingDetail } from './MeetingPage';

interface Values {
  personId: string;
  signedOn: string;
}

export function PaperJusteringForm({ d, run }: { d: MeetingDetail; run: Run }) {
  const { t, lang } = useI18n();
  const m = d.meeting;
  const pending = d.adjusters.filter((a) => !a.approvedAt);
  const toBody = (v: Values) => ({ personId: v.personId, signedOn: v.signedOn, version: m.version });
  const form = useForm<Values>({
    resolver: schemaResolver(PaperJusteringBody, toBody, lang),
    defaultValues: {
      personId: pending.find((a) => !a.hasAccount)?.personId ?? pending[0]?.personId ?? '',
      signedOn: today(),
    },
  });
  const approve = $api.useMutation('post', '/meetings/{id}/minutes/approve-on-paper', meetingWrite);
  const submit = useMeetingSubmit(
    form,
    run,
    (v) => approve.mutateAsync({ params: { path: { id: m.id } }, body: toBody(v) }),
    t('meetings.justering.paperRecorded'),
    { ids: { personId: 'paper-person', signedOn: 'paper-date' } },
  );
  return (
    <form aria-labelledby="paper-justering-heading" noValidate onSubmit={submit}>
      <h3 id="paper-justering-heading">{t('meetings.justering.paperHeading')}</h3>
      <p className="hint">{t('meetings.justering.paperHint')}</p>
      <SelectField
        id="paper-person"
        label={t('meetings.justering.paperPerson')}
        {...bindLive(form, 'personId')}
        options={pending.map((a) => ({
          value: a.personId,
          label: a.hasAccount ? a.name : t('meetings.justering.noAccount', { name: a.name }),
        }))}
      />
      <TextField
        id="paper-date"
        type="date"
        label={t('meetings.justering.paperDate')}
        {...bindLive(form, 'signedOn')}
        min={m.date}
      />
      <button type="submit" className="button-secondary" disabled={form.formState.isSubmitting}>
        {t('meetings.justering.paperSubmit')}
      </button>
    </form>
  );
}
