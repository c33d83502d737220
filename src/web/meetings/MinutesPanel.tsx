/** The minutes: the paragraphs, and writing a new one for an agenda item. */
import { ParagraphBody } from '../../modules/meetings/schemas';
import { $api } from '../client';
import { FormSelectField } from '../components/FormChoiceFields';
import { FormTextAreaField } from '../components/FormFields';
import { useI18n } from '../i18n';
import type { Run } from './meeting-form';
import { meetingWrite, useMeetingForm, useMeetingSubmit } from './meeting-submit';
import type { MeetingDetail } from './MeetingPage';
import { DECISION_KIND_OPTIONS, kindText } from './meetings';
import { ParagraphView } from './ParagraphPanel';

interface NewParagraph {
  agendaItemId: string;
  decisionKind: (typeof DECISION_KIND_OPTIONS)[number];
  decisionText: string;
}

const toBody = (v: NewParagraph) => ({
  ...(v.agendaItemId ? { agendaItemId: v.agendaItemId } : {}),
  decisionKind: v.decisionKind,
  decisionText: v.decisionText,
});

export function MinutesPanel({ d, run }: { d: MeetingDetail; run: Run }) {
  const t = useI18n().t;
  const open = d.permissions.editMinutes;
  return (
    <section aria-labelledby="minutes-heading">
      <h2 id="minutes-heading">{t('meetings.minutes.heading')}</h2>
      {d.paragraphs.length === 0 && <p>{t('meetings.minutes.empty')}</p>}
      {d.paragraphs.map((p) => (
        <ParagraphView key={p.id} p={p} d={d} run={run} open={open} />
      ))}
      {open && <NewParagraphForm d={d} run={run} />}
    </section>
  );
}

function NewParagraphForm({ d, run }: { d: MeetingDetail; run: Run }) {
  const i18n = useI18n();
  const { t } = i18n;
  const unminuted = d.agenda.filter((a) => !d.paragraphs.some((p) => p.agendaItemId === a.id));
  const form = useMeetingForm(ParagraphBody, toBody, { agendaItemId: '', decisionKind: 'beslut', decisionText: '' });
  const write = $api.useMutation('post', '/meetings/{id}/paragraphs', meetingWrite);
  const submit = useMeetingSubmit(
    form,
    run,
    (v) => write.mutateAsync({ params: { path: { id: d.meeting.id } }, body: toBody(v) }),
    t('meetings.minutes.written'),
    { reset: true },
  );
  return (
    <form className="form" aria-labelledby="new-paragraph-heading" onSubmit={submit}>
      <h3 id="new-paragraph-heading">{t('meetings.minutes.new')}</h3>
      <FormSelectField
        control={form.control}
        name="agendaItemId"
        id="paragraph-item"
        label={t('meetings.minutes.item')}
        required
        options={unminuted.map((a) => ({ value: a.id, label: `${a.title}${a.caseNumber ? ` (${a.caseNumber})` : ''}` }))}
        placeholder={t('meetings.minutes.chooseItem')}
      />
      <FormSelectField
        control={form.control}
        name="decisionKind"
        id="paragraph-kind"
        label={t('meetings.minutes.kind')}
        options={DECISION_KIND_OPTIONS.map((k) => ({ value: k, label: kindText(i18n, k) }))}
      />
      <FormTextAreaField
        control={form.control}
        name="decisionText"
        id="paragraph-text"
        label={t('meetings.minutes.text')}
        rows={4}
      />
      <button type="submit" disabled={form.formState.isSubmitting}>
        {t('meetings.minutes.write')}
      </button>
    </form>
  );
}
