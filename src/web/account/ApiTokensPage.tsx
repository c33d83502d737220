import { useEffect, useRef, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useForm } from 'react-hook-form';
import { CreateTokenBody } from '../../platform/auth/schemas';
import { ApiError, asApiError } from '../api';
import { call, client, invalidate, type ApiResponse } from '../client';
import { ErrorAlert, Loading, useErrorText } from '../components/Alerts';
import { FormTextField, requiredFirst } from '../components/FormFields';
import { applyServerErrors, schemaResolver } from '../forms';
import { Page } from '../components/Page';
import { useI18n } from '../i18n';
import { TableScroll } from '../components/TableScroll';
import { now } from '../clock';

type CreatedApiToken = ApiResponse<'/auth/tokens', 'post'>;
type ApiToken = ApiResponse<'/auth/tokens'>['items'][number];

export function ApiTokensPage() {
  const { t, formatDateTime } = useI18n();
  const errorText = useErrorText();
  const tokens = useQuery({
    queryKey: ['get', '/auth/tokens', 'all'],
    queryFn: ({ signal }) => call(client.GET('/auth/tokens', { signal })).then((p) => p.items),
  });
  const [created, setCreated] = useState<CreatedApiToken | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [message, setMessage] = useState<{ kind: 'success' | 'error'; text: string; n: number } | null>(null);
  const announce = (kind: 'success' | 'error', text: string) => setMessage((m) => ({ kind, text, n: (m?.n ?? 0) + 1 }));
  const headingRef = useRef<HTMLHeadingElement>(null);

  async function revoke(token: ApiToken) {
    try {
      await call(client.DELETE('/auth/tokens/{id}', { params: { path: { id: token.id } } }));
      announce('success', t('tokens.revoked', { name: token.name }));
      if (created?.id === token.id) setCreated(null);
      headingRef.current?.focus();
    } catch (err) {
      announce('error', errorText(err instanceof ApiError ? err : new ApiError({ status: 0, title: 'network' })));
    } finally {
      setConfirming(null);
      void invalidate('/auth/tokens');
    }
  }

  return (
    <Page title={t('tokens.title')} crumbs={[{ to: '/', label: t('nav.start') }]} lead={<p>{t('tokens.lead')}</p>}>
      {message && (
        <div key={message.n} className={`alert alert-${message.kind}`} role={message.kind === 'error' ? 'alert' : 'status'}>
          <p>{message.text}</p>
        </div>
      )}
      {created && <NewToken token={created} onDone={() => setCreated(null)} />}

      <h2 ref={headingRef} tabIndex={-1}>
        {t('tokens.listHeading')}
      </h2>
      {tokens.error && <ErrorAlert error={tokens.error} />}
      {tokens.isPending && <Loading />}
      {tokens.data && tokens.data.length === 0 && <p>{t('tokens.none')}</p>}
      {tokens.data && tokens.data.length > 0 && (
        <TableScroll labelledBy="tokens-caption">
          <table>
            <caption className="visually-hidden" id="tokens-caption">
              {t('tokens.listHeading')}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('tokens.col.name')}</th>
                <th scope="col">{t('tokens.col.prefix')}</th>
                <th scope="col">{t('tokens.col.created')}</th>
                <th scope="col">{t('tokens.col.lastUsed')}</th>
                <th scope="col">{t('tokens.col.expires')}</th>
                <th scope="col">{t('tokens.col.action')}</th>
              </tr>
            </thead>
            <tbody>
              {tokens.data.map((tok) => (
                <tr key={tok.id}>
                  <th scope="row">{tok.name}</th>
                  <td>
                    <code>{tok.prefix}…</code>
                  </td>
                  <td>{formatDateTime(tok.createdAt)}</td>
                  <td>
                    {tok.lastUsedAt ? formatDateTime(tok.lastUsedAt) : <span className="muted">{t('tokens.neverUsed')}</span>}
                  </td>
                  <td>
                    {new Date(tok.expiresAt).getTime() <= now().getTime() ? (
                      <strong>{t('tokens.expired', { date: formatDateTime(tok.expiresAt) })}</strong>
                    ) : (
                      formatDateTime(tok.expiresAt)
                    )}
                  </td>
                  <td>
                    {confirming === tok.id ? (
                      <span className="button-row">
                        <button type="button" className="button-danger button-small" onClick={() => void revoke(tok)} autoFocus>
                          {t('tokens.confirmRevoke', { name: tok.name })}
                        </button>
                        <button type="button" className="button-secondary button-small" onClick={() => setConfirming(null)}>
                          {t('common.cancel')}
                        </button>
                      </span>
                    ) : (
                      <button
                        type="button"
                        className="button-secondary button-small"
                        onClick={() => setConfirming(tok.id)}
                        aria-label={t('tokens.revokeFor', { name: tok.name })}
                      >
                        {t('tokens.revoke')}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      <CreateTokenForm
        onCreated={(tok) => {
          setCreated(tok);
          void invalidate('/auth/tokens');
        }}
      />
    </Page>
  );
}

function NewToken({ token, onDone }: { token: CreatedApiToken; onDone: () => void }) {
  const { t, formatDateTime } = useI18n();
  const [copied, setCopied] = useState<boolean | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const boxRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    boxRef.current?.focus();
  }, [token.id]);

  async function copy() {
    try {
      await navigator.clipboard.writeText(token.token);
      setCopied(true);
    } catch {
      // clipboard may be unavailable: select the text so Ctrl+C works
      inputRef.current?.select();
      setCopied(false);
    }
  }

  return (
    <div className="alert alert-success new-token" ref={boxRef} tabIndex={-1} aria-labelledby="new-token-heading">
      <h2 id="new-token-heading" className="h-small">
        {t('tokens.createdHeading', { name: token.name })}
      </h2>
      <p>
        <strong>{t('tokens.onlyOnce')}</strong>
      </p>
      <div className="field">
        <label htmlFor="new-token-value">{t('tokens.value')}</label>
        <div className="search-row">
          <input
            id="new-token-value"
            ref={inputRef}
            readOnly
            value={token.token}
            onFocus={(e) => e.target.select()}
            className="mono"
          />
          <button type="button" onClick={() => void copy()}>
            {t('tokens.copy')}
          </button>
        </div>
      </div>
      <p role="status">{copied === true ? t('tokens.copied') : copied === false ? t('tokens.copyManually') : ''}</p>
      <p>{t('tokens.validUntil', { date: formatDateTime(token.expiresAt) })}</p>
      <p className="hint">{t('tokens.usage')}</p>
      <button type="button" className="button-secondary" onClick={onDone}>
        {t('tokens.done')}
      </button>
    </div>
  );
}

type NewToken = { name: string };

function CreateTokenForm({ onCreated }: { onCreated: (token: CreatedApiToken) => void }) {
  const { t, lang } = useI18n();
  const errorText = useErrorText();
  const [error, setError] = useState<{ text: string; n: number } | null>(null);
  const toBody = (v: NewToken) => ({ name: v.name.trim() });
  const form = useForm<NewToken>({
    defaultValues: { name: '' },
    resolver: requiredFirst<NewToken>({ name: t('tokens.nameMissing') }, schemaResolver(CreateTokenBody, toBody, lang)),
  });
  const submit = form.handleSubmit(
    async (values) => {
      setError(null);
      try {
        const created = await call(client.POST('/auth/tokens', { body: toBody(values) }));
        form.reset({ name: '' });
        onCreated(created);
      } catch (err) {
        applyServerErrors(err, form.setError);
        setError((p) => ({ text: errorText(asApiError(err)), n: (p?.n ?? 0) + 1 }));
      }
    },
    () => setError((p) => ({ text: t('form.fixErrors'), n: (p?.n ?? 0) + 1 })),
  );

  return (
    <section aria-labelledby="create-token-heading" className="panel">
      <h2 id="create-token-heading">{t('tokens.createHeading')}</h2>
      <form className="form" onSubmit={(e) => void submit(e)} noValidate>
        {error && (
          <div key={error.n} className="alert alert-error" role="alert">
            <p>{error.text}</p>
          </div>
        )}
        <FormTextField
          control={form.control}
          name="name"
          id="token-name"
          label={t('tokens.col.name')}
          hint={t('tokens.nameHint')}
          maxLength={100}
          autoComplete="off"
        />
        <button type="submit" disabled={form.formState.isSubmitting}>
          {t('tokens.create')}
        </button>
      </form>
    </section>
  );
}
