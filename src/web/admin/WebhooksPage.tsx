/** Webhooks (administrators): subscriptions per event kind, the delivery log and replay. */
import { useId, useState } from 'react';
import { useForm } from 'react-hook-form';
import { CreateSubscriptionBody } from '../../platform/webhooks/schemas';
import { WEBHOOK_EVENT_KINDS, WEBHOOK_EVENT_LABELS, type WebhookEventKind } from '../../shared/webhook-events';
import { $api, invalidate, type Schema } from '../client';
import { ErrorAlert, Loading, Notice } from '../components/Alerts';
import { CheckboxGroup } from '../components/Fields';
import { FormTextField } from '../components/FormFields';
import { Page } from '../components/Page';
import { RequireUser } from '../components/RequireUser';
import { TableScroll } from '../components/TableScroll';
import { applyServerErrors, schemaResolver } from '../forms';
import { useT } from '../i18n';

type Subscription = Schema<'WebhookSubscription'>;
const kindLabel = (k: string) => WEBHOOK_EVENT_LABELS[k as WebhookEventKind] ?? k;

export function WebhooksPage() {
  const t = useT();
  return (
    <RequireUser title={t('webhooks.title')} crumbs={[{ to: '/', label: t('nav.start') }]}>
      <Webhooks />
    </RequireUser>
  );
}

function Webhooks() {
  const t = useT();
  const subs = $api.useQuery('get', '/webhooks');
  const patch = $api.useMutation('patch', '/webhooks/{id}');
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [logOf, setLogOf] = useState<string | null>(null);
  const captionId = useId();

  async function change(s: Subscription, body: { active?: boolean; rotateSecret?: boolean }) {
    setError(null);
    try {
      const after = await patch.mutateAsync({ params: { path: { id: s.id } }, body: { version: s.version, ...body } });
      setMessage(after.secret ? t('webhooks.secret', { secret: after.secret }) : t('webhooks.saved'));
      void invalidate('/webhooks');
    } catch (err) {
      setError(err);
    }
  }

  return (
    <Page title={t('webhooks.title')} crumbs={[{ to: '/', label: t('nav.start') }]} lead={<p>{t('webhooks.lead')}</p>}>
      {message && (
        <Notice kind="success" live>
          <p>{message}</p>
        </Notice>
      )}
      {error !== null && <ErrorAlert error={error} />}
      {subs.error && <ErrorAlert error={subs.error} />}
      {subs.isPending && <Loading />}
      {subs.data && subs.data.items.length === 0 && <p>{t('webhooks.none')}</p>}
      {subs.data && subs.data.items.length > 0 && (
        <TableScroll labelledBy={captionId}>
          <table className="data-table">
            <caption id={captionId}>{t('webhooks.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('webhooks.col.url')}</th>
                <th scope="col">{t('webhooks.col.kinds')}</th>
                <th scope="col">{t('webhooks.col.state')}</th>
                <th scope="col">{t('webhooks.col.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {subs.data.items.map((s) => (
                <tr key={s.id}>
                  <th scope="row">
                    {s.url}
                    {s.description && <div className="muted">{s.description}</div>}
                  </th>
                  <td>{s.eventKinds.map(kindLabel).join(', ')}</td>
                  <td>{s.active ? t('webhooks.active') : t('webhooks.inactive')}</td>
                  <td>
                    <button
                      type="button"
                      className="link-button"
                      aria-label={`${s.active ? t('webhooks.turnOff') : t('webhooks.turnOn')} ${s.url}`}
                      onClick={() => void change(s, { active: !s.active })}
                    >
                      {s.active ? t('webhooks.turnOff') : t('webhooks.turnOn')}
                    </button>{' '}
                    <button
                      type="button"
                      className="link-button"
                      aria-label={`${t('webhooks.rotate')} ${s.url}`}
                      onClick={() => void change(s, { rotateSecret: true })}
                    >
                      {t('webhooks.rotate')}
                    </button>{' '}
                    <button
                      type="button"
                      className="link-button"
                      aria-label={`${t('webhooks.showLog')} ${s.url}`}
                      onClick={() => setLogOf(s.id)}
                    >
                      {t('webhooks.showLog')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      {logOf && <DeliveryLog subscriptionId={logOf} onMessage={setMessage} />}
      <NewSubscription onCreated={(secret) => setMessage(t('webhooks.secret', { secret }))} />
    </Page>
  );
}

function DeliveryLog({ subscriptionId, onMessage }: { subscriptionId: string; onMessage: (m: string) => void }) {
  const t = useT();
  const log = $api.useQuery('get', '/webhooks/{id}/deliveries', { params: { path: { id: subscriptionId } } });
  const replay = $api.useMutation('post', '/webhook-deliveries/{id}/replay');
  const [error, setError] = useState<unknown>(null);
  const captionId = useId();
  if (log.error) return <ErrorAlert error={log.error} />;
  if (log.isPending) return <Loading />;
  if (log.data.items.length === 0) return <p>{t('webhooks.log.none')}</p>;
  return (
    <>
      {error !== null && <ErrorAlert error={error} />}
      <TableScroll labelledBy={captionId}>
        <table className="data-table">
          <caption id={captionId}>{t('webhooks.log.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('webhooks.log.event')}</th>
              <th scope="col">{t('webhooks.log.when')}</th>
              <th scope="col">{t('webhooks.log.status')}</th>
              <th scope="col">{t('webhooks.log.attempts')}</th>
              <th scope="col">{t('webhooks.log.last')}</th>
              <th scope="col">{t('webhooks.col.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {log.data.items.map((d) => (
              <tr key={d.id}>
                <th scope="row">{kindLabel(d.eventKind)}</th>
                <td>{d.occurredAt.slice(0, 16).replace('T', ' ')}</td>
                <td>{t(`webhooks.status.${d.status}`)}</td>
                <td>{d.attempts}</td>
                <td>{d.lastError ?? d.lastStatusCode ?? ''}</td>
                <td>
                  <button
                    type="button"
                    className="link-button"
                    aria-label={`${t('webhooks.log.replay')} ${kindLabel(d.eventKind)} ${d.occurredAt}`}
                    onClick={() => {
                      setError(null);
                      replay
                        .mutateAsync({ params: { path: { id: d.id } } })
                        .then(() => {
                          onMessage(t('webhooks.log.replayed'));
                          void invalidate('/webhooks');
                        })
                        .catch(setError);
                    }}
                  >
                    {t('webhooks.log.replay')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </>
  );
}

interface Values {
  url: string;
  description: string;
  eventKinds: string[];
}

function NewSubscription({ onCreated }: { onCreated: (secret: string) => void }) {
  const t = useT();
  const create = $api.useMutation('post', '/webhooks');
  const [error, setError] = useState<unknown>(null);
  const toBody = (v: Values) => ({
    url: v.url.trim(),
    ...(v.description.trim() ? { description: v.description.trim() } : {}),
    eventKinds: v.eventKinds as WebhookEventKind[],
  });
  const form = useForm<Values>({
    resolver: schemaResolver(CreateSubscriptionBody, toBody),
    defaultValues: { url: '', description: '', eventKinds: [] },
  });
  const kinds = form.watch('eventKinds');
  const submit = form.handleSubmit(async (v) => {
    setError(null);
    try {
      const created = await create.mutateAsync({ body: toBody(v) });
      form.reset();
      onCreated(created.secret ?? '');
      void invalidate('/webhooks');
    } catch (err) {
      applyServerErrors(err, form.setError);
      setError(err);
    }
  });
  return (
    <section className="panel" aria-labelledby="webhook-new">
      <h2 id="webhook-new">{t('webhooks.new.heading')}</h2>
      <form className="form" onSubmit={(e) => void submit(e)} noValidate>
        {error !== null && <ErrorAlert error={error} />}
        <FormTextField
          id="webhook-url"
          label={t('webhooks.new.url')}
          hint={t('webhooks.new.urlHint')}
          control={form.control}
          name="url"
        />
        <FormTextField id="webhook-description" label={t('webhooks.new.description')} control={form.control} name="description" />
        <CheckboxGroup
          id="webhook-kinds"
          legend={t('webhooks.new.kinds')}
          options={WEBHOOK_EVENT_KINDS.map((k) => ({ value: k, label: kindLabel(k) }))}
          value={kinds}
          onChange={(v) => form.setValue('eventKinds', v, { shouldValidate: form.formState.isSubmitted })}
          error={form.formState.errors.eventKinds?.message}
        />
        <button type="submit" disabled={form.formState.isSubmitting}>
          {t('webhooks.new.submit')}
        </button>
      </form>
    </section>
  );
}
