/**
 * A justering signed on paper: the secretary picks the justerare (those without an account
 * first in mind) and the day they signed; the server checks the day against the meeting's.
 */
import { PaperJusteringBody } from '../../modules/meetings/schemas';
import { call, client } from '../client';
import { today } from '../clock';
import { SelectField, TextField } from '../components/Fields';
import { useI18n } from '../i18n';
import { useSchemaForm, type Run } from './meeting-form';
import type { MeetingDetail } from './MeetingPage';

interface Values {
  personId: string;
  signedOn: string;
}

export function PaperJusteringForm({ d, run }: { d: MeetingDetail; run: Run }) {
  const t = useI18n().t;
  const m = d.meeting;
  const pending = d.adjusters.filter((a) => !a.approvedAt);
  const { field, submit } = useSchemaForm(
    PaperJusteringBody,
    (v: Values) => ({ personId: v.personId, signedOn: v.signedOn, version: m.version }),
    { personId: pending.find((a) => !a.hasAccount)?.personId ?? pending[0]?.personId ?? '', signedOn: today() },
  );
  return (
    <form
      aria-labelledby="paper-justering-heading"
      noValidate
      onSubmit={submit(
        run,
        (body) => call(client.POST('/meetings/{id}/minutes/approve-on-paper', { params: { path: { id: m.id } }, body })),
        t('meetings.justering.paperRecorded'),
      )}
    >
      <h3 id="paper-justering-heading">{t('meetings.justering.paperHeading')}</h3>
      <p className="hint">{t('meetings.justering.paperHint')}</p>
      <SelectField
        id="paper-person"
        label={t('meetings.justering.paperPerson')}
        {...field('personId')}
        options={pending.map((a) => ({
          value: a.personId,
          label: a.hasAccount ? a.name : t('meetings.justering.noAccount', { name: a.name }),
        }))}
      />
      <TextField id="paper-date" type="date" label={t('meetings.justering.paperDate')} {...field('signedOn')} min={m.date} />
      <button type="submit" className="button-secondary">
        {t('meetings.justering.paperSubmit')}
      </button>
    </form>
  );
}
