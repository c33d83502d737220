import { useForm } from 'react-hook-form';
import { CreatePersonBody } from '../../modules/people/schemas';
import { $api, invalidate, type ApiBody } from '../client';
import { navigate } from '../app/router';
import { SelectField, TextField } from '../components/Fields';
import { FormErrorSummary } from '../components/FormErrors';
import { bind, errorItems, withChecks } from '../components/form-fields';
import { Page } from '../components/Page';
import { RequireUser } from '../components/RequireUser';
import { applyServerErrors, schemaResolver } from '../forms';
import { useI18n, useT, type MessageKey } from '../i18n';
import { useGeo } from '../organisation/groups';
import { usePeopleCrumbs } from './PeoplePage';
import { RegisterOwnerSelect } from './RegisterOwnerSelect';
import { asApiError, EMPLOYER_TYPES, employerTypeLabel, personHref, serverFieldErrors, useFormSummary } from './people';

const LABELS: Record<string, MessageKey> = {
  name: 'person.field.name',
  email: 'person.field.email',
  employer: 'person.field.employer',
  employerType: 'person.field.employerType',
  profession: 'person.field.profession',
  hsaId: 'person.field.hsaId',
  homeOwner: 'person.field.homeOwner',
};

type Values = Record<'name' | 'email' | 'employer' | 'employerType' | 'profession' | 'hsaId' | 'homeOwner', string>;

const EMPTY: Values = { name: '', email: '', employer: '', employerType: '', profession: '', hsaId: '', homeOwner: '' };

/** The body POST /people takes: trimmed, and fields left empty left out. */
function toBody(v: Values): ApiBody<'/people', 'post'> {
  const body: Record<string, string> = {};
  for (const [k, value] of Object.entries(v)) if (value.trim()) body[k] = value.trim();
  return body as ApiBody<'/people', 'post'>;
}

export function NewPersonPage() {
  const t = useT();
  const crumbs = usePeopleCrumbs();
  return (
    <RequireUser title={t('person.new.title')} crumbs={crumbs}>
      <NewPersonForm />
    </RequireUser>
  );
}

function NewPersonForm() {
  const i18n = useI18n();
  const { t } = i18n;
  const crumbs = usePeopleCrumbs();
  const geo = useGeo(t);
  const summary = useFormSummary();
  const label = (k: string) => (LABELS[k] ? t(LABELS[k]) : k);
  const form = useForm<Values>({
    resolver: withChecks(schemaResolver(CreatePersonBody, toBody, i18n.lang), (v) => ({
      name: !v.name.trim() && t('person.error.nameMissing'),
      email: !v.email.trim() && t('person.error.emailMissing'),
    })),
    defaultValues: EMPTY,
  });
  const create = $api.useMutation('post', '/people', { onSuccess: () => invalidate('/people') });

  const submit = form.handleSubmit(
    async (v) => {
      try {
        const created = await create.mutateAsync({ body: toBody(v) });
        navigate(`${personHref(created.id)}?skapad=1`);
      } catch (err) {
        const apiError = asApiError(err);
        applyServerErrors(apiError, form.setError);
        summary.show(apiError, serverFieldErrors(apiError, 'person', label).items);
      }
    },
    (errors) => summary.showText(t('form.fixErrors'), errorItems(errors, 'person', label)),
  );
  const busy = form.formState.isSubmitting;

  return (
    <Page title={t('person.new.title')} crumbs={crumbs} lead={<p>{t('person.new.lead')}</p>}>
      <form className="form" onSubmit={(e) => void submit(e)} noValidate>
        {summary.summary && <FormErrorSummary {...summary.summary} />}
        <TextField id="person-name" label={label('name')} {...bind(form, 'name')} autoComplete="off" />
        <TextField id="person-email" label={label('email')} type="email" {...bind(form, 'email')} autoComplete="off" />
        <TextField
          id="person-profession"
          label={label('profession')}
          hint={t('person.hint.optional')}
          {...bind(form, 'profession')}
          autoComplete="off"
        />
        <TextField
          id="person-employer"
          label={label('employer')}
          hint={t('person.hint.optional')}
          {...bind(form, 'employer')}
          autoComplete="off"
        />
        <SelectField id="person-employerType" label={label('employerType')} {...bind(form, 'employerType')}>
          <option value="">{t('person.notStated')}</option>
          {EMPLOYER_TYPES.map((k) => (
            <option key={k} value={k}>
              {employerTypeLabel(i18n, k)}
            </option>
          ))}
        </SelectField>
        <TextField
          id="person-hsaId"
          label={label('hsaId')}
          hint={t('person.hint.hsaId')}
          {...bind(form, 'hsaId')}
          autoComplete="off"
        />
        <RegisterOwnerSelect id="person-homeOwner" geo={geo.data} {...bind(form, 'homeOwner')} />
        <button type="submit" disabled={busy}>
          {t('person.new.submit')}
        </button>
      </form>
    </Page>
  );
}
