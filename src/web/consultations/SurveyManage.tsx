/**
 * What the lead group does with a survey that is out: remind the units that have not answered
 * (each gets a new link, the old one stops working), give one unit a new link, add units, and
 * close the survey. Every new link is shown on the page, so links are never "shown only once"
 * without a way back; where e-mail is configured and an address is known, the link is also mailed.
 */
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { RecipientsBody } from '../../modules/consultation/schemas';
import { $api } from '../client';
import { FormTextField } from '../components/FormFields';
import { SubmitError, useFormSubmit } from '../form-submit';
import { schemaResolver } from '../forms';
import { useI18n, useT } from '../i18n';
import { answerChanged, type Answer } from './model';
import type { SurveyLinks } from './SurveyBuilder';

type Survey = NonNullable<Answer['survey']>;
const afterWrite = { onSuccess: () => answerChanged() };

/** Whether this installation sends e-mail (SMTP configured): the page says so before anything is sent. */
export function useEmailEnabled(): boolean {
  return $api.useQuery('get', '/me').data?.emailEnabled ?? false;
}

/** The survey's own actions, for the lead group while it is open. */
export function SurveyManage({ survey, onLinks }: { survey: Survey; onLinks: (links: SurveyLinks) => void }) {
  const t = useT();
  const emailEnabled = useEmailEnabled();
  const remind = $api.useMutation('post', '/consultation-surveys/{id}/links', afterWrite);
  const close = $api.useMutation('post', '/consultation-surveys/{id}/close', afterWrite);
  const waiting = survey.recipients.filter((r) => !r.respondedAt).length;
  // Closing ends every unit's link for good: the page asks first, saying how many have not answered.
  const [confirmingClose, setConfirmingClose] = useState(false);
  return (
    <section className="panel" aria-labelledby="survey-manage-heading">
      <h3 id="survey-manage-heading">{t('consultations.survey.manageHeading')}</h3>
      <p className="hint">{t(emailEnabled ? 'consultations.survey.mailOn' : 'consultations.survey.mailOff')}</p>
      <SubmitError error={remind.error ?? close.error} />
      <div className="button-row">
        <button
          type="button"
          disabled={remind.isPending || waiting === 0}
          onClick={() =>
            void remind.mutateAsync({ params: { path: { id: survey.id } }, body: {} }).then(
              (r) => onLinks(r.links),
              () => undefined,
            )
          }
        >
          {t('consultations.survey.remind', { count: waiting })}
        </button>
        {!confirmingClose && (
          <button type="button" className="button-secondary" onClick={() => setConfirmingClose(true)}>
            {t('consultations.survey.close')}
          </button>
        )}
      </div>
      {confirmingClose && (
        <div className="panel" role="group" aria-labelledby="survey-close-question">
          <p id="survey-close-question">{t('consultations.survey.closeQuestion', { count: waiting })}</p>
          <div className="button-row">
            <button
              type="button"
              className="button-danger"
              autoFocus
              disabled={close.isPending}
              onClick={() =>
                void close.mutateAsync({ params: { path: { id: survey.id } } }).then(
                  () => setConfirmingClose(false),
                  () => undefined,
                )
              }
            >
              {t('consultations.survey.closeConfirm')}
            </button>
            <button type="button" className="button-secondary" onClick={() => setConfirmingClose(false)}>
              {t('common.cancel')}
            </button>
          </div>
        </div>
      )}
      <AddRecipientForm survey={survey} onLinks={onLinks} />
    </section>
  );
}

/** A new link for one unit (lost, forwarded by mistake, or to be sent by hand again). */
export function NewLinkButton({
  survey,
  recipient,
  onLinks,
}: {
  survey: Survey;
  recipient: Survey['recipients'][number];
  onLinks: (links: SurveyLinks) => void;
}) {
  const t = useT();
  const reissue = $api.useMutation('post', '/consultation-surveys/{id}/links', afterWrite);
  return (
    <button
      type="button"
      className="button-small button-secondary"
      disabled={reissue.isPending}
      onClick={() =>
        void reissue.mutateAsync({ params: { path: { id: survey.id } }, body: { recipientIds: [recipient.id] } }).then(
          (r) => onLinks(r.links),
          () => undefined,
        )
      }
    >
      {t('consultations.survey.newLink', { unit: recipient.unit })}
    </button>
  );
}

/** Named like the body (`recipients.0.unit`), so the schema's and the server's errors land on the fields. */
interface RecipientValues {
  recipients: [{ unit: string; name: string; email: string }];
}

const toBody = ({ recipients: [v] }: RecipientValues) => ({
  recipients: [
    {
      unit: v.unit.trim(),
      ...(v.name.trim() ? { name: v.name.trim() } : {}),
      ...(v.email.trim() ? { email: v.email.trim() } : {}),
    },
  ],
});

/** One more unit, checked by the route's RecipientsBody; its link is shown at once. */
function AddRecipientForm({ survey, onLinks }: { survey: Survey; onLinks: (links: SurveyLinks) => void }) {
  const t = useT();
  const { lang } = useI18n();
  const empty: RecipientValues = { recipients: [{ unit: '', name: '', email: '' }] };
  const form = useForm<RecipientValues>({ resolver: schemaResolver(RecipientsBody, toBody, lang), defaultValues: empty });
  const add = $api.useMutation('post', '/consultation-surveys/{id}/recipients', afterWrite);
  const submit = useFormSubmit(form, async (v) => {
    const r = await add.mutateAsync({ params: { path: { id: survey.id } }, body: toBody(v) });
    form.reset(empty);
    onLinks(r.links);
  });
  return (
    <form className="form" noValidate onSubmit={submit} aria-labelledby="add-recipient-heading">
      <h4 id="add-recipient-heading">{t('consultations.survey.addRecipient')}</h4>
      <SubmitError error={add.error} />
      <div className="filter-grid">
        <FormTextField
          control={form.control}
          name="recipients.0.unit"
          id="add-recipient-unit"
          label={t('consultations.survey.unit')}
          required
        />
        <FormTextField
          control={form.control}
          name="recipients.0.name"
          id="add-recipient-name"
          label={t('consultations.survey.contact')}
        />
        <FormTextField
          control={form.control}
          name="recipients.0.email"
          id="add-recipient-email"
          type="email"
          label={t('consultations.survey.email')}
        />
      </div>
      <button type="submit" disabled={form.formState.isSubmitting}>
        {t('consultations.survey.addRecipientSubmit')}
      </button>
    </form>
  );
}
