import { useState, type FormEvent } from 'react';
import { call, client, type ApiBody } from '../client';
import { navigate } from '../app/router';
import { SelectField, TextField } from '../components/Fields';
import { FormErrorSummary } from '../components/FormErrors';
import { Page } from '../components/Page';
import { RequireUser } from '../components/RequireUser';
import { useI18n, useT, type MessageKey } from '../i18n';
import { useGeo } from '../organisation/groups';
import { usePeopleCrumbs } from './PeoplePage';
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
  const [v, setV] = useState({
    name: '',
    email: '',
    employer: '',
    employerType: '',
    profession: '',
    hsaId: '',
    homeOwner: '',
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const summary = useFormSummary();
  const set = (key: keyof typeof v) => (value: string) => setV((prev) => ({ ...prev, [key]: value }));
  const label = (k: string) => (LABELS[k] ? t(LABELS[k]) : k);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const missing: Record<string, string> = {};
    if (!v.name.trim()) missing.name = t('person.error.nameMissing');
    if (!v.email.trim()) missing.email = t('person.error.emailMissing');
    if (Object.keys(missing).length > 0) {
      setErrors(missing);
      summary.showText(
        t('form.fixErrors'),
        Object.entries(missing).map(([k, message]) => ({ fieldId: `person-${k}`, label: label(k), message })),
      );
      return;
    }
    const body: Record<string, string> = {};
    for (const [k, value] of Object.entries(v)) if (value.trim()) body[k] = value.trim();
    setBusy(true);
    try {
      const created = await call(client.POST('/people', { body: body as ApiBody<'/people', 'post'> }));
      navigate(`${personHref(created.id)}?skapad=1`);
    } catch (err) {
      const apiError = asApiError(err);
      const { byField, items } = serverFieldErrors(apiError, 'person', label);
      setErrors(byField);
      summary.show(apiError, items);
      setBusy(false);
    }
  }

  return (
    <Page title={t('person.new.title')} crumbs={crumbs} lead={<p>{t('person.new.lead')}</p>}>
      <form className="form" onSubmit={(e) => void submit(e)} noValidate>
        {summary.summary && <FormErrorSummary {...summary.summary} />}
        <TextField
          id="person-name"
          label={label('name')}
          value={v.name}
          onChange={set('name')}
          error={errors.name}
          autoComplete="off"
        />
        <TextField
          id="person-email"
          label={label('email')}
          type="email"
          value={v.email}
          onChange={set('email')}
          error={errors.email}
          autoComplete="off"
        />
        <TextField
          id="person-profession"
          label={label('profession')}
          hint={t('person.hint.optional')}
          value={v.profession}
          onChange={set('profession')}
          error={errors.profession}
          autoComplete="off"
        />
        <TextField
          id="person-employer"
          label={label('employer')}
          hint={t('person.hint.optional')}
          value={v.employer}
          onChange={set('employer')}
          error={errors.employer}
          autoComplete="off"
        />
        <SelectField
          id="person-employerType"
          label={label('employerType')}
          value={v.employerType}
          onChange={set('employerType')}
          error={errors.employerType}
        >
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
          value={v.hsaId}
          onChange={set('hsaId')}
          error={errors.hsaId}
          autoComplete="off"
        />
        <SelectField
          id="person-homeOwner"
          label={label('homeOwner')}
          hint={t('person.hint.homeOwner')}
          value={v.homeOwner}
          onChange={set('homeOwner')}
          error={errors.homeOwner}
          disabled={!geo.data}
        >
          <option value="">{t('person.homeOwnerDefault')}</option>
          {geo.data && (
            <>
              <option value="national">{geo.data.ownerName('national')}</option>
              <optgroup label={t('org.hr.title')}>
                {geo.data.hrs.map((h) => (
                  <option key={h.id} value={h.id}>
                    {h.name}
                  </option>
                ))}
              </optgroup>
              <optgroup label={t('org.regions.title')}>
                {geo.data.regions.map((r) => (
                  <option key={r.code} value={r.code}>
                    {r.name}
                  </option>
                ))}
              </optgroup>
            </>
          )}
        </SelectField>
        <button type="submit" disabled={busy}>
          {t('person.new.submit')}
        </button>
      </form>
    </Page>
  );
}
