/** Reports attached to agenda items: the snapshots with their downloads, and the form to attach one. */
import { AttachReportBody } from '../../modules/meetings/schemas';
import { call, client } from '../client';
import { SelectField } from '../components/Fields';
import { useI18n, useT } from '../i18n';
import { useSchemaForm, type Run } from './meeting-form';
import type { MeetingDetail } from './MeetingPage';
import type { Attachment } from './meetings';

/** The snapshots attached to one agenda item, with download links (and removal for the keepers). */
export function Attachments({ items, d, run }: { items: Attachment[]; d: MeetingDetail; run: Run }) {
  const { t, formatDateTime } = useI18n();
  if (items.length === 0) return null;
  const removable = d.permissions.editAttachments;
  return (
    <ul className="attachments" aria-label={t('meetings.attachments.heading')}>
      {items.map((x) => (
        <li key={x.id}>
          <a href={x.href} download>
            {x.fileName}
          </a>{' '}
          <span className="hint">
            {t('meetings.attachments.meta', {
              format: x.format.toUpperCase(),
              size: Math.max(1, Math.round(x.sizeBytes / 1024)),
              date: formatDateTime(x.createdAt),
              who: x.createdBy,
            })}
          </span>
          {removable && (
            <button
              type="button"
              className="button-secondary"
              aria-label={t('meetings.attachments.remove', { name: x.fileName })}
              onClick={() =>
                void run(
                  () => call(client.DELETE('/meeting-attachments/{id}', { params: { path: { id: x.id } } })),
                  t('meetings.attachments.removed'),
                )
              }
            >
              {t('meetings.agenda.removeShort')}
            </button>
          )}
        </li>
      ))}
    </ul>
  );
}

interface AttachValues {
  agendaItemId: string;
  groupId: string;
  format: 'pdf' | 'docx';
}

/** Attach a group's follow-up report to an agenda item (by default the standing item). */
export function AttachReport({ d, run }: { d: MeetingDetail; run: Run }) {
  const t = useT();
  const standing = d.agenda.find((a) => a.kind === 'standing') ?? d.agenda[0]!;
  const { field, submit, form } = useSchemaForm(AttachReportBody, (v: AttachValues) => v, {
    agendaItemId: standing.id,
    groupId: '',
    format: 'pdf',
  });
  const group = field('groupId');
  return (
    <form
      className="form"
      aria-labelledby="attach-report-heading"
      noValidate
      onSubmit={(e) => {
        // The group is the one choice without a default: say so at the field.
        if (!form.getValues('groupId')) {
          e.preventDefault();
          form.setError('groupId', { type: 'required', message: t('meetings.attachments.groupMissing') });
          document.getElementById('attach-group')?.focus();
          return;
        }
        submit(
          run,
          (body) => call(client.POST('/meetings/{id}/attachments', { params: { path: { id: d.meeting.id } }, body })),
          t('meetings.attachments.added'),
        )(e);
      }}
    >
      <h3 id="attach-report-heading">{t('meetings.attachments.attachHeading')}</h3>
      <p className="hint">{t('meetings.attachments.lead')}</p>
      <SelectField
        id="attach-item"
        label={t('meetings.attachments.item')}
        {...field('agendaItemId')}
        options={d.agenda.map((a) => ({ value: a.id, label: `${a.title}${a.caseNumber ? ` (${a.caseNumber})` : ''}` }))}
      />
      <SelectField
        id="attach-group"
        label={t('meetings.attachments.group')}
        {...group}
        options={d.reportGroups.map((g) => ({ value: g.id, label: g.name }))}
        placeholder={t('meetings.attachments.chooseGroup')}
      />
      <SelectField
        id="attach-format"
        label={t('meetings.attachments.format')}
        value={field('format').value}
        onChange={(v) => field('format').onChange(v as 'pdf' | 'docx')}
      >
        <option value="pdf">PDF</option>
        <option value="docx">Word (DOCX)</option>
      </SelectField>
      <button type="submit">{t('meetings.attachments.submit')}</button>
    </form>
  );
}
