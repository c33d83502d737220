import { useForm } from 'react-hook-form';
import { CreateLocalAdditionBody } from '../../modules/knowledge/schemas';
import { $api } from '../client';
import { ErrorAlert } from '../components/Alerts';
import { SelectField } from '../components/Fields';
import { FormTextAreaField, FormTextField } from '../components/FormFields';
import { bind } from '../components/form-fields';
import { schemaResolver } from '../forms';
import { SubmitError, useFormSubmit } from '../form-submit';
import { useI18n } from '../i18n';
import type { LocalAddition, SupportDetail } from './knowledge';
import { afterWrite } from './support-mutations';

type Owner = SupportDetail['permissions']['localOwners'][number];
const KINDS = ['regionalt-tillagg', 'lokal-rutin'] as const;
type Kind = (typeof KINDS)[number];
/** The status each of the addition's actions sets (the PATCH takes the status). */
const TARGET = { publish: 'publicerad', archive: 'arkiverad' } as const;

/** Regional additions and local routines, written by each LPO's web editors. */
export function LocalAdditionsPanel({
  supportId,
  additions,
  owners,
  onDone,
}: {
  supportId: string;
  additions: LocalAddition[];
  owners: Owner[];
  onDone: () => void;
}) {
  const { t } = useI18n();
  return (
    <section aria-labelledby="local-heading">
      <h2 id="local-heading">{t('knowledge.local.heading')}</h2>
      <p className="muted">{t('knowledge.local.who')}</p>
      {additions.length === 0 && <p>{t('knowledge.local.none')}</p>}
      {additions.map((a) => (
        <LocalAdditionBlock key={a.id} a={a} onDone={onDone} />
      ))}
      {owners.length > 0 && <LocalAdditionForm supportId={supportId} owners={owners} onDone={onDone} />}
    </section>
  );
}

function LocalAdditionBlock({ a, onDone }: { a: LocalAddition; onDone: () => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const update = $api.useMutation('patch', '/knowledge-local-additions/{id}', afterWrite(onDone));
  const run = (action: keyof typeof TARGET) =>
    void update
      .mutateAsync({ params: { path: { id: a.id } }, body: { status: TARGET[action], version: a.version } })
      .catch(() => undefined);
  return (
    <article className="panel" aria-labelledby={`local-${a.id}`}>
      <h3 id={`local-${a.id}`}>{a.title}</h3>
      <p className="muted">
        {i18n.tMaybe(`knowledge.local.kind.${a.kind}`) ?? a.kind} · {t('knowledge.local.owner')} {a.ownerGroupName} (
        {a.regionName}) · {i18n.tMaybe(`knowledge.local.status.${a.status}`) ?? a.status}
      </p>
      {a.body && <p>{a.body}</p>}
      {a.url && (
        <p>
          <a href={a.url}>{a.url}</a>
        </p>
      )}
      {update.error && <ErrorAlert error={update.error} />}
      {a.allowedActions.includes('publish') && (
        <button type="button" disabled={update.isPending} onClick={() => run('publish')}>
          {t('knowledge.local.publish')}
        </button>
      )}{' '}
      {a.allowedActions.includes('archive') && (
        <button type="button" className="button-secondary" disabled={update.isPending} onClick={() => run('archive')}>
          {t('knowledge.local.archive')}
        </button>
      )}
    </article>
  );
}

interface Values {
  ownerGroupId: string;
  kind: Kind;
  title: string;
  body: string;
  url: string;
}

const toBody = (v: Values) => ({
  ownerGroupId: v.ownerGroupId,
  kind: v.kind,
  title: v.title.trim(),
  body: v.body.trim() || null,
  url: v.url.trim() || null,
});

function LocalAdditionForm({ supportId, owners, onDone }: { supportId: string; owners: Owner[]; onDone: () => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const form = useForm<Values>({
    resolver: schemaResolver(CreateLocalAdditionBody, toBody),
    defaultValues: { ownerGroupId: owners[0]!.id, kind: 'regionalt-tillagg', title: '', body: '', url: '' },
  });
  const create = $api.useMutation('post', '/knowledge-supports/{id}/local-additions', afterWrite(onDone));
  const submit = useFormSubmit(form, (v) => create.mutateAsync({ params: { path: { id: supportId } }, body: toBody(v) }));
  return (
    <details className="panel">
      <summary>{t('knowledge.local.add')}</summary>
      <form className="form" onSubmit={submit} noValidate>
        <SubmitError error={create.error} />
        <SelectField id="local-owner" label={t('knowledge.local.owner')} {...bind(form, 'ownerGroupId')}>
          {owners.map((o) => (
            <option key={o.id} value={o.id}>
              {o.name}
            </option>
          ))}
        </SelectField>
        <SelectField id="local-kind" label={t('knowledge.local.kind')} {...bind(form, 'kind')}>
          {KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`knowledge.local.kind.${k}`)}
            </option>
          ))}
        </SelectField>
        <FormTextField control={form.control} name="title" id="local-title" label={t('knowledge.local.title')} />
        <FormTextAreaField control={form.control} name="body" id="local-body" label={t('knowledge.local.body')} rows={4} />
        <FormTextField control={form.control} name="url" id="local-url" inputMode="url" label={t('knowledge.local.url')} />
        <button type="submit" disabled={form.formState.isSubmitting}>
          {t('knowledge.local.save')}
        </button>
      </form>
    </details>
  );
}
