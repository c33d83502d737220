/**
 * The invited organisation's page (issue 21 item 13, seed 002: an öppen nationell remiss can also
 * be answered by patient organisations, universities, professions and municipalities), opened
 * through a personal link without an account. The token is in the link's fragment (after #) and
 * travels in a header, never in a URL.
 */
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { InvitationAnswerBody } from '../../modules/consultation/rounds/schemas';
import { ApiError } from '../api';
import { ErrorAlert, Loading, Notice } from '../components/Alerts';
import { FormTextAreaField } from '../components/FormFields';
import { Page } from '../components/Page';
import { $api, invalidate } from '../client';
import { SubmitError, useFormSubmit } from '../form-submit';
import { schemaResolver } from '../forms';
import { useI18n } from '../i18n';

export function InvitationFormPage({ id }: { id: string }) {
  const i18n = useI18n();
  const { t, lang } = i18n;
  const [token] = useState(() => window.location.hash.replace(/^#/, ''));
  const params = { path: { id }, header: { 'x-invitation-token': token } };
  const invitation = $api.useQuery('get', '/invitation-form/{id}', { params }, { enabled: token !== '' });
  const send = $api.useMutation('put', '/invitation-form/{id}', { onSuccess: () => invalidate('/invitation-form') });
  const form = useForm<{ answer: string }>({
    resolver: schemaResolver(InvitationAnswerBody, (v) => ({ answer: v.answer.trim() }), lang),
    ...(invitation.data ? { values: { answer: invitation.data.answer ?? '' } } : {}),
  });
  const submit = useFormSubmit(form, (v) => send.mutateAsync({ params, body: { answer: v.answer.trim() } }));
  const f = invitation.data;
  const err = token ? invitation.error : new ApiError({ status: 404, title: 'Hittades inte' });
  return (
    <Page title={f ? f.roundTitle : t('consultations.invitePublic.title')}>
      {invitation.isLoading && <Loading />}
      {err && (err.status === 404 || err.status === 410) && (
        <Notice kind="warning">
          <p>{err.status === 410 ? t('consultations.invitePublic.closed') : t('consultations.public.notFound')}</p>
        </Notice>
      )}
      {err && err.status !== 404 && err.status !== 410 && <ErrorAlert error={err} />}
      {f && (
        <form className="form form-wide" onSubmit={submit} noValidate>
          <p className="lead">
            {t('consultations.invitePublic.lead', {
              organisation: f.organisation,
              track: f.trackLabel,
              sender: f.sender,
              opens: i18n.formatDate(f.opensOn),
              closes: i18n.formatDate(f.closesOn),
            })}
          </p>
          <SubmitError error={send.error} />
          {send.isSuccess && (
            <Notice kind="success" live>
              {t('consultations.invitePublic.saved')}
            </Notice>
          )}
          <FormTextAreaField
            control={form.control}
            name="answer"
            id="invitation-answer"
            rows={10}
            label={t('consultations.invite.answer')}
          />
          <button type="submit" disabled={form.formState.isSubmitting}>
            {t('consultations.invitePublic.submit')}
          </button>
        </form>
      )}
    </Page>
  );
}
