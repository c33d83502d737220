/** Reports attached to agenda items: the snapshots with their downloads, and the form to attach one. */
import { useForm } from 'react-hook-form';
import { AttachReportBody } from '../../modules/meetings/schemas';
import { $api } from '../client';
import { SelectField } from '../components/Fields';
import { withChecks } from '../components/form-fields';
import { schemaResolver } from '../forms';
import { useI18n } from '../i18n';
import type { Run } from './meeting-form';
import { bindLive, meetingWrite, useMeetingSubmit } from './meeting-submit';
import type { MeetingDetail } from './MeetingPage';
import type { Attachment } from './meetings';

/** The snapshots attached to one agenda item, with download links (and removal for the keepers). */
export function Attachments({ items, d, run }: { items: Attachment[]; d: MeetingDetail; run: Run }) {
  const { t, formatDateTime } = useI18n();
  const remove = $api.useMutation('delete', '/meeting-attachments/{id}', meetingWrite);
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
                void run(() => remove.mutateAsync({ params: { path: { id: x.id } } }), t('meetings.attachments.removed'))
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
  const { t, lang } = useI18n();
  const standing = d.agenda.find((a) => a.kind === 'standing') ?? d.agenda[0]!;
  const form = useForm<AttachValues>({
    // The group is the one choice without a default: the form says so at the field.
    resolver: withChecks(
      schemaResolver(AttachReportBody, (v: AttachValues) => v, lang),
      (v) => ({
        groupId: !v.groupId && t('meetings.attachments.groupMissing'),
      }),
    ),
    defaultValues: { agendaItemId: standing.id, groupId: '', format: 'pdf' },
  });
  const attach = $api.useMutation('post', '/meetings/{id}/attachments', meetingWrite);
  const submit = useMeetingSubmit(
    form,
    run,
    (body) => attach.mutateAsync({ params: { path: { id: d.meeting.id } }, body }),
    t('meetings.attachments.added'),
    { ids: { agendaItemId: 'attach-item', groupId: 'attach-group', format: 'attach-format' } },
  );
  return (
    <form className="form" aria-labelledby="attach-report-heading" noValidate onSubmit={submit}>
      <h3 id="attach-report-heading">{t('meetings.attachments.attachHeading')}</h3>
      <p className="hint">{t('meetings.attachments.lead')}</p>
      <SelectField
        id="attach-item"
        label={t('meetings.attachments.item')}
        {...bindLive(form, 'agendaItemId')}
        options={d.agenda.map((a) => ({ value: a.id, label: `${a.title}${a.caseNumber ? ` (${a.caseNumber})` : ''}` }))}
      />
      <SelectField
        id="attach-group"
        label={t('meetings.attachments.group')}
        {...bindLive(form, 'groupId')}
        options={d.reportGroups.map((g) => ({ value: g.id, label: g.name }))}
        placeholder={t('meetings.attachments.chooseGroup')}
      />
      <SelectField id="attach-format" label={t('meetings.attachments.format')} {...bindLive(form, 'format')}>
        <option value="pdf">PDF</option>
        <option value="docx">Word (DOCX)</option>
      </SelectField>
      <button type="submit" disabled={form.formState.isSubmitting}>
        {t('meetings.attachments.submit')}
      </button>
    </form>
  );
}
