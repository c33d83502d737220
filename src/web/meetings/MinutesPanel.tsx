/** The minutes: the paragraphs, and writing a new one for an agenda item. */
import { ParagraphBody } from '../../modules/meetings/schemas';
import { call, client } from '../client';
import { SelectField, TextAreaField } from '../components/Fields';
import { useI18n } from '../i18n';
import { useSchemaForm, type Run } from './meeting-form';
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
        <ParagraphView key={`${p.id}-${p.version}`} p={p} d={d} run={run} open={open} />
      ))}
      {open && <NewParagraphForm d={d} run={run} />}
    </section>
  );
}

function NewParagraphForm({ d, run }: { d: MeetingDetail; run: Run }) {
  const i18n = useI18n();
  const { t } = i18n;
  const unminuted = d.agenda.filter((a) => !d.paragraphs.some((p) => p.agendaItemId === a.id));
  const { field, submit } = useSchemaForm(ParagraphBody, toBody, {
    agendaItemId: '',
    decisionKind: 'beslut',
    decisionText: '',
  });
  const kind = field('decisionKind');
  return (
    <form
      className="form"
      aria-labelledby="new-paragraph-heading"
      onSubmit={submit(
        run,
        (body) => call(client.POST('/meetings/{id}/paragraphs', { params: { path: { id: d.meeting.id } }, body })),
        t('meetings.minutes.written'),
        { reset: true },
      )}
    >
      <h3 id="new-paragraph-heading">{t('meetings.minutes.new')}</h3>
      <SelectField
        id="paragraph-item"
        label={t('meetings.minutes.item')}
        {...field('agendaItemId')}
        required
        options={unminuted.map((a) => ({ value: a.id, label: `${a.title}${a.caseNumber ? ` (${a.caseNumber})` : ''}` }))}
        placeholder={t('meetings.minutes.chooseItem')}
      />
      <SelectField
        id="paragraph-kind"
        label={t('meetings.minutes.kind')}
        value={kind.value}
        onChange={(v) => kind.onChange(v as NewParagraph['decisionKind'])}
        options={DECISION_KIND_OPTIONS.map((k) => ({ value: k, label: kindText(i18n, k) }))}
      />
      <TextAreaField id="paragraph-text" label={t('meetings.minutes.text')} {...field('decisionText')} rows={4} />
      <button type="submit">{t('meetings.minutes.write')}</button>
    </form>
  );
}
