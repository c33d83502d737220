/** SCIM clients (administrators): identity systems that provision users; register, rotate the key, revoke. */
import { useId, useState } from 'react';
import { useForm } from 'react-hook-form';
import { CreateScimClientBody } from '../../modules/scim/schemas';
import { $api, invalidate, type Schema } from '../client';
import { ErrorAlert, Loading, Notice } from '../components/Alerts';
import { FormTextField } from '../components/FormFields';
import { Page } from '../components/Page';
import { RequireUser } from '../components/RequireUser';
import { TableScroll } from '../components/TableScroll';
import { applyServerErrors, schemaResolver } from '../forms';
import { useT } from '../i18n';
import { ScimClientGroups } from './ScimClientGroups';

type Client = Schema<'ScimClient'>;
const when = (iso: string | null) => (iso ? iso.slice(0, 16).replace('T', ' ') : '');

export function ScimClientsPage() {
  const t = useT();
  return (
    <RequireUser title={t('scimClients.title')} crumbs={[{ to: '/', label: t('nav.start') }]}>
      <ScimClients />
    </RequireUser>
  );
}

function ScimClients() {
  const t = useT();
  const clients = $api.useQuery('get', '/scim-clients');
  const rotate = $api.useMutation('post', '/scim-clients/{id}/rotate');
  const revoke = $api.useMutation('delete', '/scim-clients/{id}');
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const captionId = useId();

  async function act(c: Client, what: 'rotate' | 'revoke') {
    setError(null);
    setMessage(null);
    setConfirming(null);
    try {
      if (what === 'rotate') {
        const after = await rotate.mutateAsync({ params: { path: { id: c.id } }, body: { version: c.version } });
        setMessage(t('scimClients.token', { name: after.name, token: after.token }));
      } else {
        await revoke.mutateAsync({ params: { path: { id: c.id } } });
        setMessage(t('scimClients.revoked', { name: c.name }));
      }
      void invalidate('/scim-clients');
    } catch (err) {
      setError(err);
    }
  }

  return (
    <Page title={t('scimClients.title')} crumbs={[{ to: '/', label: t('nav.start') }]} lead={<p>{t('scimClients.lead')}</p>}>
      {message && (
        <Notice kind="success" live>
          <p>{message}</p>
        </Notice>
      )}
      {error !== null && <ErrorAlert error={error} />}
      {clients.error && <ErrorAlert error={clients.error} />}
      {clients.isPending && <Loading />}
      {clients.data && clients.data.items.length === 0 && <p>{t('scimClients.none')}</p>}
      {clients.data && clients.data.items.length > 0 && (
        <TableScroll labelledBy={captionId}>
          <table className="data-table">
            <caption id={captionId}>{t('scimClients.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('scimClients.col.name')}</th>
                <th scope="col">{t('scimClients.col.owner')}</th>
                <th scope="col">{t('scimClients.col.prefix')}</th>
                <th scope="col">{t('scimClients.col.lastUsed')}</th>
                <th scope="col">{t('scimClients.col.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {clients.data.items.map((c) => (
                <tr key={c.id}>
                  <th scope="row">{c.name}</th>
                  <td>{c.owner}</td>
                  <td>
                    <code>{c.prefix}…</code>
                  </td>
                  <td>{when(c.lastUsedAt) || t('scimClients.never')}</td>
                  <td>
                    <button
                      type="button"
                      className="link-button"
                      aria-label={`${t('scimClients.rotate')} ${c.name}`}
                      onClick={() => void act(c, 'rotate')}
                    >
                      {t('scimClients.rotate')}
                    </button>{' '}
                    {confirming === c.id ? (
                      <span className="button-row">
                        <button
                          type="button"
                          className="button-danger button-small"
                          onClick={() => void act(c, 'revoke')}
                          autoFocus
                        >
                          {t('scimClients.confirmRevoke', { name: c.name })}
                        </button>
                        <button type="button" className="button-secondary button-small" onClick={() => setConfirming(null)}>
                          {t('common.cancel')}
                        </button>
                      </span>
                    ) : (
                      <button
                        type="button"
                        className="link-button"
                        aria-label={`${t('scimClients.revoke')} ${c.name}`}
                        onClick={() => setConfirming(c.id)}
                      >
                        {t('scimClients.revoke')}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      {clients.data?.items.map((c) => (
        <ScimClientGroups key={c.id} client={c} />
      ))}
      <NewClient onCreated={(name, token) => setMessage(t('scimClients.token', { name, token }))} />
    </Page>
  );
}

interface Values {
  name: string;
  owner: string;
}

function NewClient({ onCreated }: { onCreated: (name: string, token: string) => void }) {
  const t = useT();
  const create = $api.useMutation('post', '/scim-clients');
  const [error, setError] = useState<unknown>(null);
  const toBody = (v: Values) => ({ name: v.name.trim(), owner: v.owner.trim() });
  const form = useForm<Values>({
    resolver: schemaResolver(CreateScimClientBody, toBody),
    defaultValues: { name: '', owner: '' },
  });
  const submit = form.handleSubmit(async (v) => {
    setError(null);
    try {
      const created = await create.mutateAsync({ body: toBody(v) });
      form.reset();
      onCreated(created.name, created.token);
      void invalidate('/scim-clients');
    } catch (err) {
      applyServerErrors(err, form.setError);
      setError(err);
    }
  });
  return (
    <section className="panel" aria-labelledby="scim-new">
      <h2 id="scim-new">{t('scimClients.new.heading')}</h2>
      <form className="form" onSubmit={(e) => void submit(e)} noValidate>
        {error !== null && <ErrorAlert error={error} />}
        <FormTextField
          id="scim-name"
          label={t('scimClients.new.name')}
          hint={t('scimClients.new.nameHint')}
          control={form.control}
          name="name"
        />
        <FormTextField
          id="scim-owner"
          label={t('scimClients.new.owner')}
          hint={t('scimClients.new.ownerHint')}
          control={form.control}
          name="owner"
        />
        <button type="submit" disabled={form.formState.isSubmitting}>
          {t('scimClients.new.submit')}
        </button>
      </form>
    </section>
  );
}
