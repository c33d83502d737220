import { useEffect } from 'react';
import { useForm, type FieldErrors } from 'react-hook-form';
import { CreateGroupBody } from '../../modules/organisation/schemas';
import { asApiError, type Group } from '../api';
import { $api, invalidate, type ApiBody } from '../client';
import { navigate, useLocation } from '../app/router';
import { ErrorAlert, Loading, useErrorText } from '../components/Alerts';
import { SelectField, TextAreaField } from '../components/Fields';
import { FormErrorSummary, type FormErrorItem } from '../components/FormErrors';
import { bind, withChecks } from '../components/form-fields';
import { Page } from '../components/Page';
import { useAsync } from '../components/useAsync';
import { applyServerErrors, schemaResolver } from '../forms';
import { useI18n } from '../i18n';
import { useFormSummary } from '../people/people';
import { EMPTY_FIELDS, errorsFor, fieldLabel, GroupFields, toBody as fieldsBody, type GroupFieldValues } from './GroupFields';
import { groupHref, KINDS, kindLabel, LEVELS, levelLabel, loadGroups, structureHref, useGeo } from './groups';
import { useOrgCrumbs } from './OrganisationPage';
import { EMPTY_SETUP, setupBody, SetupDecisionFields, type SetupDecisionValues } from './SetupDecisionFields';

interface Values extends GroupFieldValues, SetupDecisionValues {
  kind: string;
  level: string;
  owner: string;
  mandate: string;
}

/** The body POST /groups takes: fields left empty are left out. */
function toBody(v: Values): ApiBody<'/groups', 'post'> {
  const body = fieldsBody(v);
  return {
    kind: v.kind,
    level: v.level,
    owner: v.owner,
    name: body.name,
    ...(body.shortName ? { shortName: body.shortName } : {}),
    programAreaIds: body.programAreaIds,
    ...(body.parentGroupId ? { parentGroupId: body.parentGroupId, parentRelation: body.parentRelation } : {}),
    isSubGroup: body.isSubGroup,
    ...(body.contactEmail ? { contactEmail: body.contactEmail } : {}),
    ...(body.hostDescription ? { hostDescription: body.hostDescription } : {}),
    ...(body.startDate ? { startDate: body.startDate } : {}),
    ...(v.mandate.trim() ? { mandate: v.mandate } : {}),
    ...setupBody(v),
  } as ApiBody<'/groups', 'post'>;
}

/** "Ny grupp": any group at any level; the server checks the structure's rules and says which is broken. */
export function NewGroupPage() {
  const i18n = useI18n();
  const { t } = i18n;
  const errorText = useErrorText();
  const { search } = useLocation();
  const geo = useGeo(t);
  const initialOwner = search.get('agare') ?? '';
  const form = useForm<Values>({
    resolver: withChecks(schemaResolver(CreateGroupBody, toBody), (v) => ({
      level: !v.level && t('group.error.levelMissing'),
      owner: !v.owner && t('group.error.ownerMissing'),
      name: !v.name.trim() && t('group.error.nameMissing'),
      setupParagraphId: v.setupWhere === 'navet' && !v.setupParagraphId && t('group.setup.chooseParagraph'),
      setupElsewhere: v.setupWhere === 'elsewhere' && !v.setupElsewhere.trim() && t('group.setup.describeElsewhere'),
    })),
    defaultValues: {
      ...EMPTY_FIELDS,
      kind: search.get('typ') ?? 'program-area',
      level: '',
      owner: initialOwner,
      mandate: '',
      ...EMPTY_SETUP,
    },
  });
  const create = $api.useMutation('post', '/groups', { onSuccess: () => invalidate('/groups') });
  const summary = useFormSummary();
  const values = form.watch();
  const { owner } = values;

  // the level follows the owner given in the address, once the owners are known
  const levelOfInitial = (initialOwner && geo.data?.levelOf(initialOwner)) || '';
  useEffect(() => {
    if (levelOfInitial && !form.getValues('level')) form.setValue('level', levelOfInitial);
  }, [levelOfInitial, form]);

  const ownerGroups = useAsync(
    (signal) => (owner ? loadGroups({ owner, status: 'active' }, signal) : Promise.resolve([] as Group[])),
    [owner],
  );

  const crumbs = [...useOrgCrumbs(), { to: structureHref(owner || 'national'), label: t('structure.title') }];

  const itemsOf = (errors: FieldErrors<Values>): FormErrorItem[] =>
    Object.entries(errors).map(([field, e]) => ({
      fieldId: `new-${field}`,
      label: fieldLabel(i18n, field),
      message: (e as { message?: string } | undefined)?.message ?? '',
    }));

  const submit = form.handleSubmit(
    async (v) => {
      try {
        const created = await create.mutateAsync({ body: toBody(v) });
        navigate(`${groupHref(created.id)}?skapad=1`);
      } catch (err) {
        const apiError = asApiError(err);
        applyServerErrors(apiError, form.setError);
        const { items } = errorsFor(i18n, 'new', apiError);
        summary.showText(items.length > 0 ? t('form.fixErrors') : errorText(apiError), items);
      }
    },
    (errors) => summary.showText(t('form.fixErrors'), itemsOf(errors)),
  );

  // the shared group fields take each field's message as text
  const errors = Object.fromEntries(
    Object.entries(form.formState.errors).map(([field, e]) => [field, (e as { message?: string }).message ?? '']),
  );

  return (
    <Page title={t('newGroup.title')} crumbs={crumbs} lead={<p>{t('newGroup.lead')}</p>}>
      {geo.error && <ErrorAlert error={geo.error} />}
      {geo.loading && !geo.data && <Loading />}
      {geo.data && (
        <form className="form" onSubmit={(e) => void submit(e)} noValidate>
          {summary.summary && <FormErrorSummary {...summary.summary} />}
          <SelectField id="new-kind" label={t('group.field.kind')} {...bind(form, 'kind')}>
            {KINDS.map((k) => (
              <option key={k} value={k}>
                {kindLabel(i18n, k)}
              </option>
            ))}
          </SelectField>
          <SelectField
            id="new-level"
            label={t('group.field.level')}
            {...bind(form, 'level')}
            onChange={(v) => {
              form.setValue('level', v, { shouldDirty: true });
              form.setValue('owner', v === 'national' ? 'national' : '', { shouldDirty: true });
            }}
          >
            <option value="">{t('group.chooseLevel')}</option>
            {LEVELS.map((l) => (
              <option key={l} value={l}>
                {levelLabel(i18n, l)}
              </option>
            ))}
          </SelectField>
          <SelectField
            id="new-owner"
            label={t('group.field.owner')}
            hint={t('group.hint.owner')}
            {...bind(form, 'owner')}
            onChange={(v) => {
              form.setValue('owner', v, { shouldDirty: true });
              form.setValue('parentGroupId', '', { shouldDirty: true });
            }}
            disabled={!values.level}
          >
            <option value="">{t('group.chooseOwner')}</option>
            {geo.data.ownersOf(values.level).map((o) => (
              <option key={o.owner} value={o.owner}>
                {o.name}
              </option>
            ))}
          </SelectField>
          <GroupFields
            prefix="new"
            values={values}
            onChange={(patch) => {
              for (const [k, v] of Object.entries(patch)) form.setValue(k as keyof GroupFieldValues, v, { shouldDirty: true });
            }}
            errors={errors}
            geo={geo.data}
            ownerGroups={!owner ? [] : ownerGroups.loading ? undefined : ownerGroups.data}
            kind={values.kind}
          />
          <SetupDecisionFields
            prefix="new"
            values={values}
            errors={errors}
            onChange={(patch) => {
              for (const [k, v] of Object.entries(patch)) form.setValue(k as keyof SetupDecisionValues, v, { shouldDirty: true });
              // A § named, the server takes its minutes; a text only for a decision outside Navet.
              if (patch.setupWhere === 'navet') form.setValue('setupElsewhere', '');
              if (patch.setupWhere === 'elsewhere') form.setValue('setupParagraphId', '');
            }}
          />
          <TextAreaField
            id="new-mandate"
            label={t('group.field.mandate')}
            hint={t('mandate.hint')}
            {...bind(form, 'mandate')}
            rows={8}
          />
          <button type="submit" disabled={form.formState.isSubmitting}>
            {t('newGroup.submit')}
          </button>
        </form>
      )}
    </Page>
  );
}
