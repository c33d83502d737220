/**
 * Ersättningsmodell: the rates per meeting, half day, full day and hour, and the mileage rate,
 * each model valid from a date. Everyone signed in can read them; administrators edit.
 */
import { useId, useState, type FormEvent } from 'react';
import type { ApiError } from '../api';
import { $api, call, client, invalidate } from '../client';
import { useSession } from '../auth/session';
import { ErrorAlert, Loading, Notice } from '../components/Alerts';
import { TextField } from '../components/Fields';
import { FormErrorSummary } from '../components/FormErrors';
import { Page } from '../components/Page';
import { RequireUser } from '../components/RequireUser';
import { TableScroll } from '../components/TableScroll';
import { useI18n, useT } from '../i18n';
import { asApiError, serverFieldErrors, useFormSummary } from '../people/people';
import { kronor, parseKronor, usePartCrumbs, type RateModel } from './compensation';

export function RatesPage() {
  const t = useT();
  return (
    <RequireUser title={t('compensation.rates.title')} crumbs={usePartCrumbs(t)}>
      <Rates />
    </RequireUser>
  );
}

const MONEY = ['meetingFeeOre', 'halfDayFeeOre', 'fullDayFeeOre', 'hourlyFeeOre', 'mileageOrePerKm'] as const;
type MoneyKey = (typeof MONEY)[number];

function Rates() {
  const i18n = useI18n();
  const { t, formatDate } = i18n;
  const { isAdmin } = useSession();
  const models = $api.useQuery('get', '/compensation/rate-models');
  const [editing, setEditing] = useState<RateModel | 'new' | null>(null);
  const [message, setMessage] = useState<{ text: string; n: number } | null>(null);
  const captionId = useId();
  return (
    <Page title={t('compensation.rates.title')} crumbs={usePartCrumbs(t)} lead={<p>{t('compensation.rates.lead')}</p>}>
      {message && (
        <div key={message.n} className="alert alert-success" role="status">
          <p>{message.text}</p>
        </div>
      )}
      {models.error && <ErrorAlert error={models.error} />}
      {models.isPending && <Loading />}
      {models.data?.items.some((m) => m.isExample) && (
        <Notice kind="warning">
          <p>{t('compensation.rates.example')}</p>
        </Notice>
      )}
      {models.data && (
        <TableScroll labelledBy={captionId}>
          <table className="data-table">
            <caption id={captionId}>{t('compensation.rates.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('compensation.rates.name')}</th>
                <th scope="col">{t('compensation.rates.validFrom')}</th>
                {MONEY.map((k) => (
                  <th scope="col" className="num" key={k}>
                    {t(`compensation.rates.${k}`)}
                  </th>
                ))}
                <th scope="col">{t('compensation.rates.source')}</th>
                {isAdmin && <th scope="col">{t('compensation.col.actions')}</th>}
              </tr>
            </thead>
            <tbody>
              {models.data.items.map((m) => (
                <tr key={m.id}>
                  <th scope="row">{m.name}</th>
                  <td>{formatDate(m.validFrom)}</td>
                  {MONEY.map((k) => (
                    <td className="num" key={k}>
                      {kronor(m[k])}
                    </td>
                  ))}
                  <td>{m.source ?? '–'}</td>
                  {isAdmin && (
                    <td>
                      <button type="button" className="button-secondary" onClick={() => setEditing(m)}>
                        {t('compensation.rates.edit', { name: m.name })}
                      </button>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      {isAdmin && editing === null && (
        <p>
          <button type="button" onClick={() => setEditing('new')}>
            {t('compensation.rates.add')}
          </button>
        </p>
      )}
      {isAdmin && editing !== null && (
        <RateForm
          key={editing === 'new' ? 'new' : editing.id}
          model={editing === 'new' ? null : editing}
          onDone={(text) => {
            setEditing(null);
            setMessage((m) => ({ text, n: (m?.n ?? 0) + 1 }));
            void invalidate('/compensation/');
          }}
          onCancel={() => setEditing(null)}
        />
      )}
    </Page>
  );
}

const toKr = (ore: number) => (ore / 100).toFixed(2).replace('.', ',');

function RateForm({
  model,
  onDone,
  onCancel,
}: {
  model: RateModel | null;
  onDone: (text: string) => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const [name, setName] = useState(model?.name ?? '');
  const [validFrom, setValidFrom] = useState(model?.validFrom ?? '');
  const [source, setSource] = useState(model?.source ?? '');
  const [money, setMoney] = useState<Record<MoneyKey, string>>(
    Object.fromEntries(MONEY.map((k) => [k, model ? toKr(model[k]) : ''])) as Record<MoneyKey, string>,
  );
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<ApiError | null>(null);
  const summary = useFormSummary();
  const label = (k: string) =>
    MONEY.includes(k as MoneyKey)
      ? t(`compensation.rates.${k as MoneyKey}`)
      : k === 'validFrom'
        ? t('compensation.rates.validFrom')
        : t('compensation.rates.name');

  async function submit(e: FormEvent) {
    e.preventDefault();
    const parsed = Object.fromEntries(MONEY.map((k) => [k, parseKronor(money[k])]));
    const missing: Record<string, string> = {};
    for (const k of MONEY) if (parsed[k] === undefined) missing[k] = t('compensation.error.amount');
    if (!name.trim()) missing.name = t('compensation.error.required');
    if (!/^\d{4}-\d{2}-\d{2}$/.test(validFrom)) missing.validFrom = t('compensation.error.date');
    if (Object.keys(missing).length) {
      setErrors(missing);
      summary.showText(
        t('form.fixErrors'),
        Object.entries(missing).map(([k, message]) => ({ fieldId: `rate-${k}`, label: label(k), message })),
      );
      return;
    }
    const body = { name: name.trim(), validFrom, ...parsed, source: source.trim() || null };
    try {
      const amounts = parsed as Record<MoneyKey, number>;
      if (model)
        await call(
          client.PATCH('/compensation/rate-models/{id}', {
            params: { path: { id: model.id } },
            body: { ...body, ...amounts, version: model.version },
          }),
        );
      else await call(client.POST('/compensation/rate-models', { body: { ...body, ...amounts } }));
      onDone(t('compensation.rates.saved', { name: body.name }));
    } catch (err) {
      const apiError = asApiError(err);
      const { byField, items } = serverFieldErrors(apiError, 'rate', label);
      setErrors(byField);
      setError(null);
      summary.show(apiError, items);
    }
  }

  return (
    <form
      className="form"
      onSubmit={(e) => void submit(e)}
      noValidate
      aria-label={model ? t('compensation.rates.edit', { name: model.name }) : t('compensation.rates.add')}
    >
      <h2>{model ? t('compensation.rates.edit', { name: model.name }) : t('compensation.rates.add')}</h2>
      {summary.summary && <FormErrorSummary {...summary.summary} />}
      {error && <ErrorAlert error={error} />}
      <TextField id="rate-name" label={t('compensation.rates.name')} value={name} onChange={setName} error={errors.name} />
      <TextField
        id="rate-validFrom"
        type="date"
        label={t('compensation.rates.validFrom')}
        value={validFrom}
        onChange={setValidFrom}
        error={errors.validFrom}
      />
      {MONEY.map((k) => (
        <TextField
          key={k}
          id={`rate-${k}`}
          label={`${t(`compensation.rates.${k}`)} (kr)`}
          inputMode="decimal"
          value={money[k]}
          onChange={(v) => setMoney((m) => ({ ...m, [k]: v }))}
          error={errors[k]}
        />
      ))}
      <TextField id="rate-source" label={t('compensation.rates.source')} value={source} onChange={setSource} />
      <div className="button-row">
        <button type="submit">{t('compensation.rates.save')}</button>
        <button type="button" className="button-secondary" onClick={onCancel}>
          {t('compensation.cancel')}
        </button>
      </div>
    </form>
  );
}
