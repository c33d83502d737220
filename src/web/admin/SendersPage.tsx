/**
 * Avsändare: the register of organisations that send remisses and cases (issue 17: pick, never
 * retype). Regions, municipalities, NPOs and healthcare regions come from the reference data;
 * an agency, SKR or another organisation missing from the list is added here (administrators
 * and samordnare; the server's policy decides), and is then offered in every sender field.
 */
import { useId, useState } from 'react';
import { useForm } from 'react-hook-form';
import { CreateSenderBody } from '../../modules/reference/schemas';
import { $api, invalidate, type ApiBody } from '../client';
import { ErrorAlert, Loading, Notice } from '../components/Alerts';
import { SelectField, TextField } from '../components/Fields';
import { FormTextField } from '../components/FormFields';
import { bind } from '../components/form-fields';
import { Page } from '../components/Page';
import { RequireUser } from '../components/RequireUser';
import { TableScroll } from '../components/TableScroll';
import { SubmitError, useFormSubmit } from '../form-submit';
import { schemaResolver } from '../forms';
import { useI18n } from '../i18n';

type Body = ApiBody<'/senders', 'post'>;
type Values = { name: string; shortName: string; kind: Body['kind'] };
const ADDABLE: readonly Body['kind'][] = ['myndighet', 'skr', 'ovrig'];

export function SendersPage() {
  const { t } = useI18n();
  return (
    <RequireUser title={t('senders.title')} crumbs={[{ to: '/', label: t('nav.start') }]}>
      <Senders />
    </RequireUser>
  );
}

function Senders() {
  const i18n = useI18n();
  const { t } = i18n;
  const [q, setQ] = useState('');
  const [added, setAdded] = useState<string | null>(null);
  const captionId = useId();
  // Without a search the register's first rows only: the whole country's municipalities would bury the form.
  const list = $api.useQuery('get', '/senders', {
    params: { query: q.trim() ? { limit: 100, q: q.trim() } : { limit: 20 } },
  });
  const kindLabel = (k: string) => i18n.tMaybe(`sender.kind.${k}`) ?? k;
  return (
    <Page title={t('senders.title')} crumbs={[{ to: '/', label: t('nav.start') }]} lead={<p>{t('senders.lead')}</p>}>
      {added && (
        <Notice kind="success" live>
          <p>{t('senders.added', { name: added })}</p>
        </Notice>
      )}
      <TextField
        id="senders-q"
        label={t('senders.search')}
        type="search"
        value={q}
        onChange={setQ}
        hint={q.trim() ? undefined : t('senders.search.hint')}
      />
      {list.error && <ErrorAlert error={list.error} />}
      {list.isPending && <Loading />}
      {list.data && (
        <TableScroll labelledBy={captionId}>
          <table className="data-table">
            <caption id={captionId}>{t('senders.caption', { count: list.data.items.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('senders.col.name')}</th>
                <th scope="col">{t('senders.col.shortName')}</th>
                <th scope="col">{t('senders.col.kind')}</th>
              </tr>
            </thead>
            <tbody>
              {list.data.items.map((s) => (
                <tr key={s.id}>
                  <th scope="row">{s.sourceUrl ? <a href={s.sourceUrl}>{s.name}</a> : s.name}</th>
                  <td>{s.shortName ?? '–'}</td>
                  <td>{kindLabel(s.kind)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      <NewSender kindLabel={kindLabel} onAdded={setAdded} />
    </Page>
  );
}

function NewSender({ kindLabel, onAdded }: { kindLabel: (k: string) => string; onAdded: (name: string) => void }) {
  const { t, lang } = useI18n();
  const create = $api.useMutation('post', '/senders', { onSuccess: () => invalidate('/senders') });
  const toBody = (v: Values): Body => ({ name: v.name.trim(), kind: v.kind, shortName: v.shortName.trim() || null });
  const form = useForm<Values>({
    resolver: schemaResolver(CreateSenderBody, toBody, lang),
    defaultValues: { name: '', shortName: '', kind: 'myndighet' },
  });
  const submit = useFormSubmit(form, async (v) => {
    const s = await create.mutateAsync({ body: toBody(v) });
    form.reset();
    onAdded(s.name);
  });
  return (
    <section className="panel" aria-labelledby="senders-new">
      <h2 id="senders-new">{t('senders.new')}</h2>
      <p className="hint">{t('senders.new.hint')}</p>
      <form className="form" noValidate onSubmit={submit} aria-labelledby="senders-new">
        <SubmitError error={create.error} />
        <FormTextField control={form.control} name="name" id="sender-name" label={t('senders.col.name')} required />
        <FormTextField control={form.control} name="shortName" id="sender-shortName" label={t('senders.col.shortName')} />
        <SelectField id="sender-kind" label={t('senders.col.kind')} {...bind(form, 'kind')}>
          {ADDABLE.map((k) => (
            <option key={k} value={k}>
              {kindLabel(k)}
            </option>
          ))}
        </SelectField>
        <button type="submit" disabled={form.formState.isSubmitting}>
          {t('senders.add')}
        </button>
      </form>
    </section>
  );
}
