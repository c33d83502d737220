/**
 * The joint answer's writes: a compiled section, the management group's approval and "sent".
 * Each form checks its body with the route's schema before sending; each write refetches the
 * joint answer and the answers and lists that show its state.
 */
import { useForm } from 'react-hook-form';
import { ApproveBody, JointSendBody, SectionBody } from '../../modules/consultation/schemas';
import { $api, invalidate } from '../client';
import { FormTextAreaField, FormTextField } from '../components/FormFields';
import { schemaResolver } from '../forms';
import { SubmitError, useFormSubmit } from '../form-submit';
import { useT } from '../i18n';
import { answerChanged, todaySweden, type JointAnswer, type Section } from './model';

const refetchJoint = {
  onSuccess: () => Promise.all([invalidate('/consultation-joint-answers'), answerChanged()]),
};

export function JointSectionForm({ joint, section, hid }: { joint: JointAnswer; section: Section; hid: string }) {
  const t = useT();
  const toBody = (v: { body: string }) => ({ body: v.body, version: section.version });
  const form = useForm<{ body: string }>({
    resolver: schemaResolver(SectionBody, toBody),
    defaultValues: { body: section.body },
  });
  const save = $api.useMutation('put', '/consultation-joint-answers/{id}/sections/{sectionId}', refetchJoint);
  const submit = useFormSubmit(form, (v) =>
    save.mutateAsync({ params: { path: { id: joint.id, sectionId: section.id } }, body: toBody(v) }),
  );
  return (
    <form className="form" onSubmit={submit}>
      <SubmitError error={save.error} />
      <FormTextAreaField
        control={form.control}
        name="body"
        id={`${hid}-body`}
        label={t('consultations.draft.text', { heading: section.heading })}
        rows={4}
      />
      <button type="submit" disabled={form.formState.isSubmitting}>
        {t('consultations.draft.save', { heading: section.heading })}
      </button>
    </form>
  );
}

interface ApproveValues {
  approvalRef: string;
  approvedOn: string;
}

export function ApproveForm({ joint }: { joint: JointAnswer }) {
  const t = useT();
  const toBody = (v: ApproveValues) => ({ ...v, version: joint.version });
  const form = useForm<ApproveValues>({
    resolver: schemaResolver(ApproveBody, toBody),
    defaultValues: { approvalRef: '', approvedOn: todaySweden() },
  });
  const approve = $api.useMutation('post', '/consultation-joint-answers/{id}/approve', refetchJoint);
  const submit = useFormSubmit(form, (v) => approve.mutateAsync({ params: { path: { id: joint.id } }, body: toBody(v) }));
  return (
    <form className="form panel" onSubmit={submit} aria-labelledby="approve-heading">
      <h2 id="approve-heading">{t('consultations.joint.approveHeading')}</h2>
      <SubmitError error={approve.error} />
      <FormTextField
        control={form.control}
        name="approvalRef"
        id="approval-ref"
        label={t('consultations.joint.approvalRef')}
        required
      />
      <FormTextField
        control={form.control}
        name="approvedOn"
        id="approved-on"
        type="date"
        label={t('consultations.joint.approvedOn')}
        required
      />
      <button type="submit" disabled={form.formState.isSubmitting}>
        {t('consultations.joint.approve')}
      </button>
    </form>
  );
}

export function SendForm({ joint }: { joint: JointAnswer }) {
  const t = useT();
  const toBody = () => ({ sentOn: todaySweden(), version: joint.version });
  const form = useForm({ resolver: schemaResolver(JointSendBody, toBody) });
  const send = $api.useMutation('post', '/consultation-joint-answers/{id}/send', refetchJoint);
  const submit = useFormSubmit(form, () => send.mutateAsync({ params: { path: { id: joint.id } }, body: toBody() }));
  return (
    <form className="form" onSubmit={submit}>
      <SubmitError error={send.error} />
      <button type="submit" disabled={form.formState.isSubmitting}>
        {t('consultations.joint.send')}
      </button>
    </form>
  );
}
