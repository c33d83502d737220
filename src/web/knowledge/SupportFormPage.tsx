/**
 * Nytt kunskapsstöd / Ändra: the support's facts; a new one also gets its first version with
 * the consequence description. National supports are written by system administrators; a region's
 * own (regionalt vårdprogram, regional riktlinje, rutin) by its samordnare: the form offers the
 * owners GET /knowledge-supports/owners names, and the types that fit the chosen owner. The form
 * is checked with the API's own body schema before it is sent; what only the server knows comes
 * back on the same fields.
 */
import { useQuery } from '@tanstack/react-query';
import { get, useForm, type FieldErrors } from 'react-hook-form';
import { CreateSupportBody, UpdateSupportBody } from '../../modules/knowledge/schemas';
import { navigate } from '../app/router';
import { useSession } from '../auth/session';
import { $api, call, client, type ApiBody, type ApiResponse } from '../client';
import { ErrorAlert, Loading, Notice } from '../components/Alerts';
import { CheckboxGroup, SelectField, TextAreaField, TextField } from '../components/Fields';
import { FormErrorSummary, type FormErrorItem } from '../components/FormErrors';
import { Page } from '../components/Page';
import { SenderField } from '../components/SenderField';
import { applyServerErrors, schemaResolver } from '../forms';
import { useI18n } from '../i18n';
import { loadGroups } from '../organisation/groups';
import { loadProgramAreas } from '../organisation/reference';
import { asApiError, useFormSummary } from '../people/people';
import { ConsequenceEditor, emptyConsequences, toConsequenceBody, type ConsequenceValue } from './ConsequenceEditor';
import {
  knowledgeCrumbs,
  PRODUCER_KINDS,
  producerKindLabel,
  SUPPORT_TYPES,
  supportHref,
  typeLabel,
  type KnowledgeSupport,
} from './knowledge';
import { NATIONAL_OWNER, ownerLabel, typeFitsOwner, useOwnerNames, useWritableOwners } from './owners';
import { refreshSupports } from './support-mutations';

type CreateBody = ApiBody<'/knowledge-supports', 'post'>;
type UpdateBody = ApiBody<'/knowledge-supports/{id}', 'patch'>;

/** The form's values: text as typed; the body is made from them (toBody). */
interface Values {
  /** 'national', a county code or a healthcare region id (a new support only). */
  owner: string;
  type: CreateBody['type'];
  title: string;
  producerKind: CreateBody['producerKind'];
  producerGroupId: string;
  producerName: string;
  sender: string;
  url: string;
  summary: string;
  targetGroups: string;
  programAreaIds: string[];
  nextRevisionDate: string;
  validFrom: string;
  validUntil: string;
  firstVersion: { label: string; consequences: ConsequenceValue[] };
}

/** The fields typed into (or chosen from) one input. */
type TextName = Exclude<keyof Values, 'programAreaIds' | 'firstVersion'>;

const EMPTY: Values = {
  owner: 'national',
  type: 'vardprogram',
  title: '',
  producerKind: 'npo',
  producerGroupId: '',
  producerName: '',
  sender: 'Nationellt system för kunskapsstyrning hälso- och sjukvård',
  url: '',
  summary: '',
  targetGroups: '',
  programAreaIds: [],
  nextRevisionDate: '',
  validFrom: '',
  validUntil: '',
  firstVersion: { label: '1.0', consequences: emptyConsequences() },
};

const fromSupport = (s: KnowledgeSupport): Values => ({
  ...EMPTY,
  owner: s.owner,
  type: s.type as Values['type'],
  title: s.title,
  producerKind: s.producerKind as Values['producerKind'],
  producerGroupId: s.producerGroupId ?? '',
  producerName: s.producerName ?? '',
  sender: s.sender ?? '',
  url: s.url ?? '',
  summary: s.summary ?? '',
  targetGroups: s.targetGroups.join('\n'),
  programAreaIds: s.programAreaIds,
  nextRevisionDate: s.nextRevisionDate ?? '',
  validFrom: s.validFrom ?? '',
  validUntil: s.validUntil ?? '',
});

/** The support's fields of the body, as the API takes them. */
const fields = (v: Values) => ({
  type: v.type,
  title: v.title.trim(),
  producerKind: v.producerKind,
  producerGroupId: v.producerGroupId || null,
  producerName: v.producerName.trim() || null,
  sender: v.sender.trim() || null,
  url: v.url.trim() || null,
  summary: v.summary.trim() || null,
  targetGroups: v.targetGroups
    .split('\n')
    .map((x) => x.trim())
    .filter(Boolean),
  programAreaIds: v.programAreaIds,
  nextRevisionDate: v.nextRevisionDate || null,
  validFrom: v.validFrom || null,
  validUntil: v.validUntil || null,
});

const createBody = (v: Values): CreateBody => ({
  ...fields(v),
  owner: v.owner,
  firstVersion: {
    label: v.firstVersion.label.trim() || '1.0',
    consequences: toConsequenceBody(v.firstVersion.consequences),
  },
});
const updateBody =
  (version: number) =>
  (v: Values): UpdateBody => ({ ...fields(v), version });

export function NewSupportPage() {
  const { user } = useSession();
  const owners = useWritableOwners(Boolean(user));
  const i18n = useI18n();
  if (!owners.data) {
    return (
      <Page title={i18n.t('knowledge.form.newTitle')} crumbs={knowledgeCrumbs(i18n)}>
        {owners.error ? <ErrorAlert error={owners.error} /> : <Loading />}
      </Page>
    );
  }
  return <SupportForm owners={owners.data.items} />;
}

export function EditSupportPage({ id }: { id: string }) {
  const detail = $api.useQuery('get', '/knowledge-supports/{id}', { params: { path: { id } } });
  const i18n = useI18n();
  if (!detail.data) {
    return (
      <Page title={i18n.t('knowledge.title')} crumbs={knowledgeCrumbs(i18n)}>
        {detail.error ? <ErrorAlert error={detail.error} /> : <Loading />}
      </Page>
    );
  }
  return <SupportForm existing={detail.data.support} />;
}

type Owner = ApiResponse<'/knowledge-supports/owners'>['items'][number];

function SupportForm({ existing, owners = [] }: { existing?: KnowledgeSupport; owners?: Owner[] }) {
  const i18n = useI18n();
  const { t } = i18n;
  const ownerNames = useOwnerNames();
  const summary = useFormSummary();
  const areas = useQuery({ queryKey: ['program-areas'], queryFn: () => loadProgramAreas() });
  const groups = useQuery({
    queryKey: ['groups', 'national', 'active'],
    queryFn: ({ signal }) => loadGroups({ level: 'national', status: 'active' }, signal),
  });
  const form = useForm<Values>({
    defaultValues: existing ? fromSupport(existing) : initialValues(owners),
    resolver: existing
      ? schemaResolver<Values, UpdateBody>(UpdateSupportBody, updateBody(existing.version), i18n.lang)
      : schemaResolver<Values, CreateBody>(CreateSupportBody, createBody, i18n.lang),
  });
  const { watch, setValue, setError, formState } = form;
  const errorAt = (name: string): string | undefined => {
    const e: { message?: string } | undefined = get(formState.errors, name);
    return e?.message;
  };
  const label = (k: string) => i18n.tMaybe(`knowledge.field.${k.split('.')[0]}`) ?? k;
  const bind = (name: TextName) => ({
    id: `ks-${name}`,
    value: watch(name),
    onChange: (v: string) => setValue(name, v as never, { shouldValidate: formState.isSubmitted }),
    error: errorAt(name),
  });
  const title = existing ? t('knowledge.form.editTitle', { title: existing.title }) : t('knowledge.form.newTitle');
  const crumbs = [...knowledgeCrumbs(i18n), ...(existing ? [{ to: supportHref(existing.id), label: existing.title }] : [])];

  const showErrors = (errors: FieldErrors<Values>, text?: string) => {
    const items: FormErrorItem[] = flatten(errors).map(([path, message]) => ({
      fieldId: fieldId(path),
      label: label(path),
      message,
    }));
    if (text) summary.showText(text, items);
    else summary.showText(t('form.fixErrors'), items);
  };

  const submit = form.handleSubmit(
    async (v) => {
      try {
        const saved = existing
          ? await call(
              client.PATCH('/knowledge-supports/{id}', {
                params: { path: { id: existing.id } },
                body: updateBody(existing.version)(v),
              }),
            )
          : await call(client.POST('/knowledge-supports', { body: createBody(v) }));
        await refreshSupports();
        navigate(supportHref(saved.id));
      } catch (err) {
        const apiError = asApiError(err);
        applyServerErrors(apiError, setError);
        summary.show(
          apiError,
          apiError.errors.map((e) => {
            const path = e.path.replace(/^\//, '').replaceAll('/', '.');
            return { fieldId: fieldId(path), label: label(path), message: e.message };
          }),
        );
      }
    },
    (errors) => showErrors(errors),
  );

  const ownerChoices = owners;
  if (existing ? !existing.allowedActions.includes('edit') : ownerChoices.length === 0) {
    return (
      <Page title={title} crumbs={crumbs}>
        <Notice>
          <p>{t('knowledge.form.adminOnly')}</p>
        </Notice>
      </Page>
    );
  }

  const owner = watch('owner');
  /** A new owner: the type follows when it no longer fits (a rutin is a region's, a vårdprogram the nation's). */
  const chooseOwner = (next: string) => {
    setValue('owner', next, { shouldValidate: formState.isSubmitted });
    if (!typeFitsOwner(watch('type'), next)) setValue('type', firstTypeFor(next));
    // the national sender does not send a region's own support, nor a region's the nation's
    const name = ownerChoices.find((o) => o.owner === next)?.name;
    const senders = [EMPTY.sender, ...ownerChoices.map((o) => o.name)];
    if (senders.includes(watch('sender').trim())) setValue('sender', next === NATIONAL_OWNER ? EMPTY.sender : (name ?? ''));
  };

  const consequenceErrors = Object.fromEntries(
    watch('firstVersion.consequences').flatMap((_, i) =>
      (['significance', 'text'] as const).flatMap((f) => {
        const m = errorAt(`firstVersion.consequences.${i}.${f}`);
        return m ? [[`${i}-${f}`, m]] : [];
      }),
    ),
  );

  return (
    <Page title={title} crumbs={crumbs}>
      <form className="form" onSubmit={(e) => void submit(e)} noValidate>
        {summary.summary && <FormErrorSummary {...summary.summary} />}
        {existing || ownerChoices.length === 1 ? (
          <p id="ks-owner">
            <strong>{t('knowledge.field.owner')}:</strong>{' '}
            {ownerLabel(i18n, owner, new Map([...ownerNames, ...ownerChoices.map((o) => [o.owner, o.name] as const)]))}
          </p>
        ) : (
          <SelectField
            label={t('knowledge.field.owner')}
            hint={t('knowledge.field.owner.hint')}
            id="ks-owner"
            value={owner}
            onChange={chooseOwner}
            error={errorAt('owner')}
          >
            {ownerChoices.map((o) => (
              <option key={o.owner} value={o.owner}>
                {o.kind === 'national' ? t('knowledge.owner.national') : o.name}
              </option>
            ))}
          </SelectField>
        )}
        <SelectField label={t('knowledge.field.type')} {...bind('type')}>
          {SUPPORT_TYPES.filter((x) => typeFitsOwner(x, owner)).map((x) => (
            <option key={x} value={x}>
              {typeLabel(i18n, x)}
            </option>
          ))}
        </SelectField>
        <TextField label={t('knowledge.field.title')} {...bind('title')} autoComplete="off" required />
        <SelectField label={t('knowledge.field.producerKind')} {...bind('producerKind')}>
          {PRODUCER_KINDS.map((x) => (
            <option key={x} value={x}>
              {producerKindLabel(i18n, x)}
            </option>
          ))}
        </SelectField>
        <SelectField label={t('knowledge.field.producerGroupId')} {...bind('producerGroupId')}>
          <option value="">{t('knowledge.form.noGroup')}</option>
          {(groups.data ?? []).map((g) => (
            <option key={g.id} value={g.id}>
              {g.name}
            </option>
          ))}
        </SelectField>
        <TextField label={t('knowledge.field.producerName')} {...bind('producerName')} />
        <SenderField label={t('knowledge.field.sender')} {...bind('sender')} />
        <TextField inputMode="url" label={t('knowledge.field.url')} {...bind('url')} />
        <TextAreaField label={t('knowledge.field.summary')} {...bind('summary')} rows={4} />
        <TextAreaField
          label={t('knowledge.field.targetGroups')}
          hint={t('knowledge.field.targetGroups.hint')}
          {...bind('targetGroups')}
          rows={3}
        />
        <CheckboxGroup
          id="ks-programAreaIds"
          legend={t('knowledge.field.programAreaIds')}
          options={(areas.data ?? []).map((a) => ({ value: a.id, label: a.name }))}
          value={watch('programAreaIds')}
          onChange={(ids) => setValue('programAreaIds', ids, { shouldValidate: formState.isSubmitted })}
          error={errorAt('programAreaIds')}
        />
        <div className="filter-grid">
          <TextField type="date" label={t('knowledge.field.nextRevisionDate')} {...bind('nextRevisionDate')} />
          <TextField type="date" label={t('knowledge.field.validFrom')} {...bind('validFrom')} />
          <TextField type="date" label={t('knowledge.field.validUntil')} {...bind('validUntil')} />
        </div>
        {!existing && (
          <section aria-labelledby="ks-first-heading">
            <h2 id="ks-first-heading">{t('knowledge.form.firstVersion')}</h2>
            <TextField
              id="ks-firstVersion-label"
              label={t('knowledge.field.label')}
              value={watch('firstVersion.label')}
              onChange={(v) => setValue('firstVersion.label', v, { shouldValidate: formState.isSubmitted })}
              error={errorAt('firstVersion.label')}
            />
            <ConsequenceEditor
              idPrefix="ks-firstVersion-consequences"
              value={watch('firstVersion.consequences')}
              onChange={(c) => setValue('firstVersion.consequences', c, { shouldValidate: formState.isSubmitted })}
              errors={consequenceErrors}
            />
          </section>
        )}
        <button type="submit" disabled={formState.isSubmitting}>
          {existing ? t('knowledge.form.save') : t('knowledge.form.create')}
        </button>
      </form>
    </Page>
  );
}

const firstTypeFor = (owner: string): Values['type'] => SUPPORT_TYPES.find((x) => typeFitsOwner(x, owner)) ?? 'vardprogram';

/** A new support's values for the caller's first owner (the only one for a region's samordnare). */
function initialValues(owners: readonly Owner[]): Values {
  const first = owners[0];
  if (!first) return EMPTY;
  if (first.owner === NATIONAL_OWNER) return EMPTY;
  return { ...EMPTY, owner: first.owner, type: firstTypeFor(first.owner), producerKind: 'other', sender: first.name };
}

/** A field's element id from its body path ('firstVersion.consequences.0.text' → 'ks-firstVersion-consequences-0-text'). */
const fieldId = (path: string) => `ks-${path.replaceAll('.', '-')}`;

/** The errors of a (nested) react-hook-form error object as [path, message] pairs. */
function flatten(errors: object, prefix = ''): [string, string][] {
  const out: [string, string][] = [];
  for (const [k, v] of Object.entries(errors)) {
    if (!v || typeof v !== 'object') continue;
    const path = prefix ? `${prefix}.${k}` : k;
    const e = v as { message?: unknown; type?: unknown };
    if (typeof e.message === 'string' && typeof e.type === 'string') out.push([path, e.message]);
    else out.push(...flatten(v as object, path));
  }
  return out;
}
