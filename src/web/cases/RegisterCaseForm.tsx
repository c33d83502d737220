/**
 * Registering an incoming matter (its own page, NewCasePage): region, subject, origin, sender, date received and the
 * secrecy marking with its legal ground. Validated by the API's own schema (RegisterBody); the
 * error summary at the top links to each field.
 */
import { useForm } from 'react-hook-form';
import { RegisterBody } from '../../modules/cases/schemas';
import { $api, type Schema } from '../client';
import { Checkbox, SelectField, TextField } from '../components/Fields';
import { FormErrorSummary } from '../components/FormErrors';
import { applyServerErrors, schemaResolver } from '../forms';
import { useI18n, type MessageKey } from '../i18n';
import { asApiError, serverFieldErrors, today, useFormSummary } from '../people/people';
import { bind, errorItems, withChecks } from '../components/form-fields';
import { Combobox } from '../components/Combobox';
import { loadSenderNames } from '../components/pickLists';

const ORIGINS = ['national', 'healthcare-region', 'local', 'agency', 'partner'] as const;
type Origin = (typeof ORIGINS)[number];

const LABELS: Record<string, MessageKey> = {
  region: 'case.field.region',
  subject: 'case.field.subject',
  origin: 'case.field.origin',
  sender: 'case.field.sender',
  receivedDate: 'case.field.receivedDate',
  secrecyGround: 'cases.secretGround',
};

interface Values {
  region: string;
  subject: string;
  origin: Origin;
  sender: string;
  receivedDate: string;
  secret: boolean;
  secrecyGround: string;
}

const toBody = (v: Values) => ({
  region: v.region,
  subject: v.subject.trim(),
  origin: v.origin,
  sender: v.sender.trim(),
  receivedDate: v.receivedDate,
  ...(v.secret ? { secret: true, secrecyGround: v.secrecyGround.trim() } : {}),
});

export function RegisterCaseForm({
  regions,
  defaultRegion,
  onRegistered,
}: {
  regions: { code: string; name: string }[];
  defaultRegion: string;
  onRegistered: (c: Schema<'Case'>) => void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const label = (k: string) => (LABELS[k] ? t(LABELS[k]) : k);
  const form = useForm<Values>({
    resolver: withChecks(schemaResolver(RegisterBody, toBody), (v) => ({
      region: !v.region && t('case.error.regionMissing'),
      subject: !v.subject.trim() && t('case.error.subjectMissing'),
      sender: !v.sender.trim() && t('case.error.senderMissing'),
      receivedDate: !v.receivedDate && t('case.error.dateMissing'),
      secrecyGround: v.secret && !v.secrecyGround.trim() && t('cases.secretGround.missing'),
    })),
    defaultValues: {
      region: defaultRegion,
      subject: '',
      origin: 'national',
      sender: '',
      receivedDate: today(),
      secret: false,
      secrecyGround: '',
    },
  });
  const register = $api.useMutation('post', '/cases');
  const summary = useFormSummary();
  const secret = form.watch('secret');

  const submit = form.handleSubmit(
    async (v) => {
      try {
        const created = await register.mutateAsync({ body: toBody(v) });
        summary.clear();
        form.reset({ ...v, subject: '', sender: '', secret: false, secrecyGround: '' });
        onRegistered(created);
      } catch (err) {
        const apiError = asApiError(err);
        applyServerErrors(apiError, form.setError);
        summary.show(apiError, serverFieldErrors(apiError, 'case', label).items);
      }
    },
    (errors) => summary.showText(t('form.fixErrors'), errorItems(errors, 'case', label)),
  );

  return (
    <form className="form" onSubmit={(e) => void submit(e)} noValidate aria-labelledby="page-title">
      {summary.summary && <FormErrorSummary {...summary.summary} />}
      <SelectField
        id="case-region"
        label={label('region')}
        {...bind(form, 'region')}
        options={regions.map((r) => ({ value: r.code, label: r.name }))}
        placeholder={t('case.chooseRegion')}
      />
      <TextField id="case-subject" label={label('subject')} {...bind(form, 'subject')} autoComplete="off" />
      <SelectField
        id="case-origin"
        label={label('origin')}
        {...bind(form, 'origin')}
        options={ORIGINS.map((o) => ({ value: o, label: i18n.t(`case.origin.${o}`) }))}
      />
      <Combobox
        id="case-sender"
        label={label('sender')}
        {...bind(form, 'sender')}
        selectedLabel={form.watch('sender')}
        cacheKey="senders"
        load={loadSenderNames((k) => i18n.tMaybe(`sender.kind.${k}`) ?? k)}
        hint={t('sender.pickHint')}
        onChange={(name) => form.setValue('sender', name, { shouldDirty: true })}
      />
      <TextField id="case-receivedDate" label={label('receivedDate')} type="date" {...bind(form, 'receivedDate')} />
      <Checkbox
        id="case-secret"
        label={t('cases.secretCheckbox')}
        checked={secret}
        onChange={(v) => form.setValue('secret', v)}
      />
      {secret && (
        <TextField
          id="case-secrecyGround"
          label={label('secrecyGround')}
          hint={t('cases.secretGround.hint')}
          {...bind(form, 'secrecyGround')}
          autoComplete="off"
        />
      )}
      <button type="submit" disabled={form.formState.isSubmitting}>
        {t('case.register.submit')}
      </button>
    </form>
  );
}
