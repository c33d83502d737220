/** The agenda: items in order (moved with buttons), cases put forward, other items, and the attached reports. */
import { useForm } from 'react-hook-form';
import { AgendaBody } from '../../modules/meetings/schemas';
import { Link } from '../app/router';
import { caseHref, STATUS_BADGE, statusLabel } from '../cases/cases';
import { $api } from '../client';
import { FormSelectField } from '../components/FormChoiceFields';
import { FormTextField, requiredFirst } from '../components/FormFields';
import { schemaResolver } from '../forms';
import { useI18n } from '../i18n';
import { AttachReport, Attachments } from './AttachmentsPanel';
import type { Run } from './meeting-form';
import { meetingWrite, useMeetingForm, useMeetingSubmit } from './meeting-submit';
import type { MeetingDetail } from './MeetingPage';

export function AgendaPanel({ d, run }: { d: MeetingDetail; run: Run }) {
  const i18n = useI18n();
  const { t } = i18n;
  const open = d.permissions.editMinutes;
  const id = d.meeting.id;
  const ids = d.agenda.map((a) => a.id);
  const order = $api.useMutation('put', '/meetings/{id}/agenda/order', meetingWrite);
  const remove = $api.useMutation('delete', '/meetings/{id}/agenda/{itemId}', meetingWrite);
  const move = (i: number, by: number) => {
    const next = [...ids];
    const [x] = next.splice(i, 1);
    next.splice(i + by, 0, x!);
    return run(() => order.mutateAsync({ params: { path: { id } }, body: { itemIds: next, version: d.meeting.version } }));
  };
  return (
    <section aria-labelledby="agenda-heading">
      <h2 id="agenda-heading">{t('meetings.agenda.heading')}</h2>
      {d.agenda.length === 0 && <p>{t('meetings.agenda.empty')}</p>}
      <ol className="agenda">
        {d.agenda.map((a, i) => (
          <li key={a.id}>
            {a.title}
            {a.caseId && (
              <>
                {' '}
                (<Link to={caseHref(a.caseId)}>{a.caseNumber}</Link>)
                {a.caseStatus && (
                  <>
                    {' '}
                    <span className={`badge ${STATUS_BADGE[a.caseStatus] ?? ''}`} data-testid="agenda-case-status">
                      {statusLabel(i18n, a.caseStatus)}
                    </span>
                  </>
                )}
              </>
            )}
            {a.kind === 'standing' && <span className="hint"> {t('meetings.agenda.standing')}</span>}
            <Attachments items={d.attachments.filter((x) => x.agendaItemId === a.id)} d={d} run={run} />
            {open && (
              <span className="row-actions">
                <button
                  type="button"
                  className="button-secondary"
                  disabled={i === 0}
                  onClick={() => void move(i, -1)}
                  aria-label={t('meetings.agenda.up', { title: a.title })}
                >
                  ↑
                </button>
                <button
                  type="button"
                  className="button-secondary"
                  disabled={i === d.agenda.length - 1}
                  onClick={() => void move(i, 1)}
                  aria-label={t('meetings.agenda.down', { title: a.title })}
                >
                  ↓
                </button>
                <button
                  type="button"
                  className="button-secondary"
                  onClick={() => void run(() => remove.mutateAsync({ params: { path: { id, itemId: a.id } } }))}
                  aria-label={t('meetings.agenda.remove', { title: a.title })}
                >
                  {t('meetings.agenda.removeShort')}
                </button>
              </span>
            )}
          </li>
        ))}
      </ol>
      {open && (
        <div className="stack">
          <AddCase d={d} run={run} />
          <AddItem d={d} run={run} />
        </div>
      )}
      {d.permissions.editAttachments && d.reportGroups.length > 0 && d.agenda.length > 0 && <AttachReport d={d} run={run} />}
    </section>
  );
}

/** Puts a prepared case forward (it becomes "för beslut"). */
function AddCase({ d, run }: { d: MeetingDetail; run: Run }) {
  const { t, lang } = useI18n();
  const toBody = (v: { caseId: string }) => ({ caseId: v.caseId });
  const form = useForm<{ caseId: string }>({
    resolver: requiredFirst({ caseId: t('meetings.agenda.chooseCase') }, schemaResolver(AgendaBody, toBody, lang)),
    defaultValues: { caseId: '' },
  });
  const add = $api.useMutation('post', '/meetings/{id}/agenda', meetingWrite);
  const submit = useMeetingSubmit(
    form,
    run,
    (v) => add.mutateAsync({ params: { path: { id: d.meeting.id } }, body: toBody(v) }),
    t('meetings.agenda.caseAdded'),
    { reset: true },
  );
  return (
    <form className="inline-form" noValidate onSubmit={submit}>
      <FormSelectField
        control={form.control}
        name="caseId"
        id="agenda-case"
        label={t('meetings.agenda.case')}
        options={d.candidateCases.map((c) => ({ value: c.id, label: `${c.caseNumber} ${c.subject}` }))}
        placeholder={t('meetings.agenda.chooseCase')}
      />
      <button type="submit" disabled={form.formState.isSubmitting}>
        {t('meetings.agenda.addCase')}
      </button>
    </form>
  );
}

/** Another item (not a case), e.g. "Övriga frågor". */
function AddItem({ d, run }: { d: MeetingDetail; run: Run }) {
  const t = useI18n().t;
  const toBody = (v: { title: string }) => ({ title: v.title.trim() });
  const form = useMeetingForm(AgendaBody, toBody, { title: '' });
  const add = $api.useMutation('post', '/meetings/{id}/agenda', meetingWrite);
  const submit = useMeetingSubmit(
    form,
    run,
    (v) => add.mutateAsync({ params: { path: { id: d.meeting.id } }, body: toBody(v) }),
    t('meetings.agenda.itemAdded'),
    { reset: true },
  );
  return (
    <form className="inline-form" noValidate onSubmit={submit}>
      <FormTextField control={form.control} name="title" id="agenda-title" label={t('meetings.agenda.other')} required />
      <button type="submit" disabled={form.formState.isSubmitting}>
        {t('meetings.agenda.addItem')}
      </button>
    </form>
  );
}
