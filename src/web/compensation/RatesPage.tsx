/**
 * Ersättningsmodell: the rates per meeting, half day, full day and hour, the mileage rate and the
 * cap on loss of income, each model valid for a dated period. Navet ships none (the national
 * levels are not in its sources): the days no model covers are shown as a gap. Everyone signed in
 * can read them; administrators edit.
 */
import { useId, useState } from 'react';
import { useForm } from 'react-hook-form';
import { RateModelBody, RateModelPatch } from '../../modules/compensation/schemas';
import { $api } from '../client';
import { useSession } from '../auth/session';
import { ErrorAlert, Loading, Notice } from '../components/Alerts';
import { FormErrorSummary } from '../components/FormErrors';
import { FormTextField } from '../components/FormFields';
import { errorItems, withChecks } from '../components/form-fields';
import { applyServerErrors, schemaResolver } from '../forms';
import { Page } from '../components/Page';
import { RequireUser } from '../components/RequireUser';
import { TableScroll } from '../components/TableScroll';
import { useI18n, useT } from '../i18n';
import { asApiError, serverFieldErrors, useFormSummary } from '../people/people';
import { kronor, parseKronor, usePartCrumbs, type RateModel, refetchArea } from './compensation';

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
      {models.data?.gaps.map((g) => (
        <Notice kind="warning" key={g.from}>
          <p>
            {g.to
              ? t('compensation.rates.gap', { from: formatDate(g.from), to: formatDate(g.to) })
              : t('compensation.rates.gapOpen', { from: formatDate(g.from) })}
          </p>
        </Notice>
      ))}
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
                <th scope="col">{t('compensation.rates.validTo')}</th>
                {MONEY.map((k) => (
                  <th scope="col" className="num" key={k}>
                    {t(`compensation.rates.${k}`)}
                  </th>
                ))}
                <th scope="col" className="num">
                  {t('compensation.rates.lossOfIncomeMaxOrePerDay')}
                </th>
                <th scope="col">{t('compensation.rates.source')}</th>
                {isAdmin && <th scope="col">{t('compensation.col.actions')}</th>}
              </tr>
            </thead>
            <tbody>
              {models.data.items.map((m) => (
                <tr key={m.id}>
                  <th scope="row">{m.name}</th>
                  <td>{formatDate(m.validFrom)}</td>
                  <td>{m.validTo ? formatDate(m.validTo) : t('compensation.rates.open')}</td>
                  {MONEY.map((k) => (
                    <td className="num" key={k}>
                      {kronor(m[k])}
                    </td>
                  ))}
                  <td className="num">
                    {m.lossOfIncomeMaxOrePerDay === null ? t('compensation.rates.noLoss') : kronor(m.lossOfIncomeMaxOrePerDay)}
                  </td>
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
          }}
          onCancel={() => setEditing(null)}
        />
      )}
    </Page>
  );
}

const toKr = (ore: number) => (ore / 100).toFixed(2).replace('.', ',');

interface RateValues extends Record<MoneyKey, string> {
  name: string;
  validFrom: string;
  validTo: string;
  lossOfIncomeMaxOrePerDay: string;
  source: string;
}

/** The form's text as the body sends it: kronor become öre (checked as amounts before). */
const toRateBody = (v: RateValues) => ({
  name: v.name.trim(),
  validFrom: v.validFrom,
  validTo: v.validTo || null,
  lossOfIncomeMaxOrePerDay: v.lossOfIncomeMaxOrePerDay.trim() ? (parseKronor(v.lossOfIncomeMaxOrePerDay) ?? -1) : null,
  ...(Object.fromEntries(MONEY.map((k) => [k, parseKronor(v[k]) ?? -1])) as Record<MoneyKey, number>),
  source: v.source.trim() || null,
});

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
  const summary = useFormSummary();
  const label = (k: string) =>
    MONEY.includes(k as MoneyKey)
      ? t(`compensation.rates.${k as MoneyKey}`)
      : k === 'validFrom' || k === 'validTo' || k === 'lossOfIncomeMaxOrePerDay'
        ? t(`compensation.rates.${k}`)
        : t('compensation.rates.name');
  const form = useForm<RateValues>({
    resolver: withChecks(
      schemaResolver(model ? RateModelPatch : RateModelBody, (v: RateValues) => ({
        ...toRateBody(v),
        ...(model ? { version: model.version } : {}),
      })),
      (v) => ({
        name: !v.name.trim() && t('compensation.error.required'),
        validFrom: !/^\d{4}-\d{2}-\d{2}$/.test(v.validFrom) && t('compensation.error.date'),
        lossOfIncomeMaxOrePerDay:
          v.lossOfIncomeMaxOrePerDay.trim() !== '' &&
          parseKronor(v.lossOfIncomeMaxOrePerDay) === undefined &&
          t('compensation.error.amount'),
        ...Object.fromEntries(MONEY.map((k) => [k, parseKronor(v[k]) === undefined && t('compensation.error.amount')])),
      }),
    ),
    defaultValues: {
      name: model?.name ?? '',
      validFrom: model?.validFrom ?? '',
      validTo: model?.validTo ?? '',
      lossOfIncomeMaxOrePerDay: model?.lossOfIncomeMaxOrePerDay != null ? toKr(model.lossOfIncomeMaxOrePerDay) : '',
      source: model?.source ?? '',
      ...(Object.fromEntries(MONEY.map((k) => [k, model ? toKr(model[k]) : ''])) as Record<MoneyKey, string>),
    },
  });
  const create = $api.useMutation('post', '/compensation/rate-models', refetchArea);
  const update = $api.useMutation('patch', '/compensation/rate-models/{id}', refetchArea);

  const submit = form.handleSubmit(
    async (v) => {
      const body = toRateBody(v);
      try {
        if (model) await update.mutateAsync({ params: { path: { id: model.id } }, body: { ...body, version: model.version } });
        else await create.mutateAsync({ body });
        onDone(t('compensation.rates.saved', { name: body.name }));
      } catch (err) {
        const apiError = asApiError(err);
        applyServerErrors(apiError, form.setError);
        summary.show(apiError, serverFieldErrors(apiError, 'rate', label).items);
      }
    },
    (errors) => summary.showText(t('form.fixErrors'), errorItems(errors, 'rate', label)),
  );

  return (
    <form
      className="form"
      onSubmit={(e) => void submit(e)}
      noValidate
      aria-label={model ? t('compensation.rates.edit', { name: model.name }) : t('compensation.rates.add')}
    >
      <h2>{model ? t('compensation.rates.edit', { name: model.name }) : t('compensation.rates.add')}</h2>
      {summary.summary && <FormErrorSummary {...summary.summary} />}
      <FormTextField control={form.control} name="name" id="rate-name" label={t('compensation.rates.name')} />
      <FormTextField
        control={form.control}
        name="validFrom"
        id="rate-validFrom"
        type="date"
        label={t('compensation.rates.validFrom')}
      />
      <FormTextField
        control={form.control}
        name="validTo"
        id="rate-validTo"
        type="date"
        label={t('compensation.rates.validTo')}
        hint={t('compensation.rates.validToHint')}
      />
      {MONEY.map((k) => (
        <FormTextField
          key={k}
          control={form.control}
          name={k}
          id={`rate-${k}`}
          label={`${t(`compensation.rates.${k}`)} (kr)`}
          inputMode="decimal"
        />
      ))}
      <FormTextField
        control={form.control}
        name="lossOfIncomeMaxOrePerDay"
        id="rate-lossOfIncomeMaxOrePerDay"
        label={`${t('compensation.rates.lossOfIncomeMaxOrePerDay')} (kr)`}
        hint={t('compensation.rates.lossHint')}
        inputMode="decimal"
      />
      <FormTextField control={form.control} name="source" id="rate-source" label={t('compensation.rates.source')} />
      <div className="button-row">
        <button type="submit" disabled={form.formState.isSubmitting}>
          {t('compensation.rates.save')}
        </button>
        <button type="button" className="button-secondary" onClick={onCancel}>
          {t('compensation.cancel')}
        </button>
      </div>
    </form>
  );
}
