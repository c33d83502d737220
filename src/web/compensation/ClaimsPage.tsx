/**
 * Mina ersättningar: the signed-in person's claims, and a new claim for one of their
 * assignments with the amount computed live by the server as they type.
 */
import { useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import { ClaimBody } from '../../modules/compensation/schemas';
import { $api } from '../client';
import { ErrorAlert, Loading, Notice } from '../components/Alerts';
import { SelectField } from '../components/Fields';
import { FormErrorSummary } from '../components/FormErrors';
import { FormTextAreaField, FormTextField } from '../components/FormFields';
import { bind, errorItems, withChecks } from '../components/form-fields';
import { applyServerErrors, schemaResolver } from '../forms';
import { Page } from '../components/Page';
import { RequireUser } from '../components/RequireUser';
import { useI18n, useT } from '../i18n';
import { asApiError, serverFieldErrors, useFormSummary } from '../people/people';
import { ClaimTable } from './ClaimTable';
import { kronor, parseKronor, timeText, usePartCrumbs, type Assignment, refetchArea } from './compensation';

export function ClaimsPage() {
  const t = useT();
  return (
    <RequireUser title={t('compensation.mine.title')} crumbs={usePartCrumbs(t)}>
      <Claims />
    </RequireUser>
  );
}

function Claims() {
  const t = useT();
  const claims = $api.useQuery('get', '/compensation/claims', { params: { query: { scope: 'mine' } } });
  const assignments = $api.useQuery('get', '/compensation/assignments', { params: { query: { unclaimed: true } } });
  const [message, setMessage] = useState<{ text: string; n: number } | null>(null);
  const done = (text: string) => {
    setMessage((m) => ({ text, n: (m?.n ?? 0) + 1 }));
  };
  return (
    <Page title={t('compensation.mine.title')} crumbs={usePartCrumbs(t)} lead={<p>{t('compensation.mine.lead')}</p>}>
      {message && (
        <div key={message.n} className="alert alert-success" role="status">
          <p>{message.text}</p>
        </div>
      )}
      <h2 id="claims-heading">{t('compensation.mine.claims')}</h2>
      {claims.error && <ErrorAlert error={claims.error} />}
      {claims.isPending && <Loading />}
      {claims.data && (
        <ClaimTable claims={claims.data.items} caption={t('compensation.mine.claims')} onChanged={done} mode="mine" />
      )}
      <h2 id="new-claim-heading">{t('compensation.new.title')}</h2>
      {assignments.error && <ErrorAlert error={assignments.error} />}
      {assignments.data &&
        (assignments.data.items.length === 0 ? (
          <p>{t('compensation.new.none')}</p>
        ) : (
          <NewClaimForm assignments={assignments.data.items} onSubmitted={done} />
        ))}
    </Page>
  );
}

interface ClaimValues {
  assignmentId: string;
  /** Whole kilometres as typed. */
  distanceKm: string;
  /** Kronor as typed ("45,50"); the body sends öre. */
  travelCostsOre: string;
  /** Kronor as typed; empty is none. */
  lossOfIncomeOre: string;
  note: string;
}

const lossOf = (text: string) => (text.trim() ? (parseKronor(text) ?? -1) : 0);
const kmOf = (text: string) => (/^\d{1,5}$/.test(text.trim()) ? Number(text.trim()) : undefined);

/** The form's text as the body sends it (the amounts were checked before). */
const toClaimBody = (v: ClaimValues) => ({
  assignmentId: v.assignmentId,
  distanceKm: kmOf(v.distanceKm) ?? -1,
  travelCostsOre: parseKronor(v.travelCostsOre) ?? -1,
  ...(lossOf(v.lossOfIncomeOre) ? { lossOfIncomeOre: lossOf(v.lossOfIncomeOre) } : {}),
  ...(v.note.trim() ? { note: v.note.trim() } : {}),
});

function NewClaimForm({ assignments, onSubmitted }: { assignments: Assignment[]; onSubmitted: (text: string) => void }) {
  const i18n = useI18n();
  const { t, formatDate } = i18n;
  const summary = useFormSummary();
  const form = useForm<ClaimValues>({
    resolver: withChecks(schemaResolver(ClaimBody, toClaimBody), (v) => ({
      distanceKm: kmOf(v.distanceKm) === undefined && t('compensation.error.km'),
      travelCostsOre: parseKronor(v.travelCostsOre) === undefined && t('compensation.error.amount'),
      lossOfIncomeOre: lossOf(v.lossOfIncomeOre) < 0 && t('compensation.error.amount'),
    })),
    defaultValues: {
      assignmentId: assignments[0]?.id ?? '',
      distanceKm: '0',
      travelCostsOre: '0',
      lossOfIncomeOre: '',
      note: '',
    },
  });
  const claim = $api.useMutation('post', '/compensation/claims', refetchArea);
  // the process support may claim on behalf of several persons: then each option names the person
  const onBehalf = new Set(assignments.map((a) => a.personId)).size > 1;
  const assignmentId = form.watch('assignmentId');
  const distanceKm = kmOf(form.watch('distanceKm'));
  const travelCostsOre = parseKronor(form.watch('travelCostsOre'));
  const lossOfIncomeOre = lossOf(form.watch('lossOfIncomeOre'));

  // the amount as the server computes it, asked again a moment after the last keystroke
  const asked = useSettled(
    assignmentId && distanceKm !== undefined && travelCostsOre !== undefined && lossOfIncomeOre >= 0
      ? { assignmentId, distanceKm, travelCostsOre, ...(lossOfIncomeOre ? { lossOfIncomeOre } : {}) }
      : null,
  );
  const quoted = $api.useQuery(
    'get',
    '/compensation/quote',
    { params: { query: asked ?? { assignmentId, distanceKm: 0, travelCostsOre: 0 } } },
    { enabled: asked !== null },
  );
  const quote = asked && !quoted.error ? (quoted.data?.amounts ?? null) : null;

  const labels: Record<string, string> = {
    assignmentId: t('compensation.new.assignment'),
    distanceKm: t('compensation.new.km'),
    travelCostsOre: t('compensation.new.costs'),
    lossOfIncomeOre: t('compensation.new.loss'),
    note: t('compensation.new.note'),
  };

  const submit = form.handleSubmit(
    async (v) => {
      try {
        await claim.mutateAsync({ body: toClaimBody(v) });
        summary.clear();
        form.reset({ ...v, distanceKm: '0', travelCostsOre: '0', lossOfIncomeOre: '', note: '' });
        onSubmitted(t('compensation.new.done'));
      } catch (err) {
        const apiError = asApiError(err);
        applyServerErrors(apiError, form.setError);
        summary.show(apiError, serverFieldErrors(apiError, 'claim', (k) => labels[k] ?? k).items);
      }
    },
    (errors) =>
      summary.showText(
        t('form.fixErrors'),
        errorItems(errors, 'claim', (k) => labels[k] ?? k),
      ),
  );

  return (
    <form className="form" onSubmit={(e) => void submit(e)} noValidate aria-labelledby="new-claim-heading">
      {summary.summary && <FormErrorSummary {...summary.summary} />}
      <SelectField id="claim-assignmentId" label={labels.assignmentId!} {...bind(form, 'assignmentId')}>
        {assignments.map((a) => (
          <option key={a.id} value={a.id}>
            {`${onBehalf ? `${a.personName}: ` : ''}${formatDate(a.date)} – ${a.groupName} – ${a.description} (${timeText(i18n, a.timeUnit, a.minutes)})`}
          </option>
        ))}
      </SelectField>
      <FormTextField
        control={form.control}
        name="distanceKm"
        id="claim-distanceKm"
        label={labels.distanceKm!}
        hint={t('compensation.new.kmHint')}
        inputMode="numeric"
      />
      <FormTextField
        control={form.control}
        name="travelCostsOre"
        id="claim-travelCostsOre"
        label={labels.travelCostsOre!}
        hint={t('compensation.new.costsHint')}
        inputMode="decimal"
      />
      <FormTextField
        control={form.control}
        name="lossOfIncomeOre"
        id="claim-lossOfIncomeOre"
        label={labels.lossOfIncomeOre!}
        hint={t('compensation.new.lossHint')}
        inputMode="decimal"
      />
      <FormTextAreaField control={form.control} name="note" id="claim-note" label={labels.note!} rows={2} />
      <div className="quote" aria-live="polite">
        {quote ? (
          <dl className="facts">
            <dt>{t('compensation.fee')}</dt>
            <dd>{kronor(quote.feeOre)}</dd>
            <dt>{t('compensation.mileage')}</dt>
            <dd>{kronor(quote.mileageOre)}</dd>
            <dt>{t('compensation.travelCosts')}</dt>
            <dd>{kronor(quote.travelCostsOre)}</dd>
            {quote.lossOfIncomeOre > 0 && (
              <>
                <dt>{t('compensation.amount.loss')}</dt>
                <dd>{kronor(quote.lossOfIncomeOre)}</dd>
              </>
            )}
            <dt>{t('compensation.total')}</dt>
            <dd>
              <strong>{kronor(quote.totalOre)}</strong>
            </dd>
          </dl>
        ) : asked && quoted.error ? (
          // the server's reason, e.g. "Ersättningsnivåer saknas för perioden"
          <ErrorAlert error={quoted.error} />
        ) : (
          <Notice kind="info">
            <p>{t('compensation.new.noQuote')}</p>
          </Notice>
        )}
      </div>
      <button type="submit" disabled={form.formState.isSubmitting}>
        {t('compensation.new.submit')}
      </button>
    </form>
  );
}

/** The value once it has stayed the same for a moment (so a query is not asked on every keystroke). */
function useSettled<T>(value: T, ms = 250): T {
  const key = JSON.stringify(value);
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(JSON.parse(key) as T), ms);
    return () => clearTimeout(timer);
  }, [key, ms]);
  return settled;
}
