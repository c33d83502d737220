/**
 * Organisations invited to answer an öppen nationell remiss, with their answers, for the round's
 * coordinator (issue 21 item 13, seed 002). The personal link is shown once, when the invitation
 * is made (it is also mailed to the contact).
 */
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { InviteBody } from '../../modules/consultation/rounds/schemas';
import { INVITEE_KINDS } from '../../shared/round-vocabulary';
import { Notice } from '../components/Alerts';
import { FormSelectField } from '../components/FormChoiceFields';
import { FormTextField } from '../components/FormFields';
import { $api, invalidate, type ApiBody } from '../client';
import { SubmitError, useFormSubmit } from '../form-submit';
import { schemaResolver } from '../forms';
import { useI18n } from '../i18n';

type Kind = ApiBody<'/consultation-rounds/{id}/invitations', 'post'>['organisationKind'];
type Values = { organisation: string; organisationKind: string; contactEmail: string };

export function InvitationsPanel({ roundId, title }: { roundId: string; title: string }) {
  const { t, lang } = useI18n();
  const list = $api.useQuery('get', '/consultation-rounds/{id}/invitations', { params: { path: { id: roundId } } });
  const invite = $api.useMutation('post', '/consultation-rounds/{id}/invitations', {
    onSuccess: () => invalidate('/consultation-rounds'),
  });
  const [link, setLink] = useState<string | null>(null);
  const toBody = (v: Values) => ({
    organisation: v.organisation.trim(),
    organisationKind: v.organisationKind as Kind,
    contactEmail: v.contactEmail.trim(),
  });
  const form = useForm<Values>({
    resolver: schemaResolver(InviteBody, toBody, lang),
    defaultValues: { organisation: '', organisationKind: 'patientorganisation', contactEmail: '' },
  });
  const submit = useFormSubmit(form, async (v) => {
    const out = await invite.mutateAsync({ params: { path: { id: roundId } }, body: toBody(v) });
    setLink(out.link);
    form.reset();
  });
  const hid = `inv-${roundId}`;
  return (
    <section className="panel" aria-labelledby={hid}>
      <h3 id={hid}>
        {t('consultations.invite.heading')}: {title}
      </h3>
      <p className="hint">{t('consultations.invite.lead')}</p>
      {list.data && list.data.items.length > 0 && (
        <ul className="plain-list">
          {list.data.items.map((i) => (
            <li key={i.id}>
              <strong>{i.organisation}</strong> (
              {t(`consultations.invite.kind.${i.organisationKind as (typeof INVITEE_KINDS)[number]}`)}, {i.contactEmail}):{' '}
              {i.answer ?? <span className="muted">{t('consultations.invite.noAnswer')}</span>}
            </li>
          ))}
        </ul>
      )}
      <form className="form" noValidate onSubmit={submit} aria-labelledby={hid}>
        <SubmitError error={invite.error} />
        {link && (
          <Notice kind="success" live>
            {t('consultations.invite.link', { link })}
          </Notice>
        )}
        <FormTextField
          control={form.control}
          name="organisation"
          id={`${hid}-org`}
          label={t('consultations.invite.organisation')}
        />
        <FormSelectField control={form.control} name="organisationKind" id={`${hid}-kind`} label={t('consultations.invite.kind')}>
          {INVITEE_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`consultations.invite.kind.${k}`)}
            </option>
          ))}
        </FormSelectField>
        <FormTextField
          control={form.control}
          name="contactEmail"
          id={`${hid}-email`}
          type="email"
          label={t('consultations.invite.email')}
        />
        <button type="submit" disabled={form.formState.isSubmitting}>
          {t('consultations.invite.submit')}
        </button>
      </form>
    </section>
  );
}
