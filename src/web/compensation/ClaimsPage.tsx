/**
 * Mina ersättningar: the signed-in person's claims, and a new claim for one of their
 * assignments with the amount computed live by the server as they type.
 */
import { useEffect, useState, type FormEvent } from 'react';
import { ApiError } from '../api';
import { $api, call, client, invalidate } from '../client';
import { ErrorAlert, Loading, Notice } from '../components/Alerts';
import { SelectField, TextAreaField, TextField } from '../components/Fields';
import { FormErrorSummary } from '../components/FormErrors';
import { Page } from '../components/Page';
import { RequireUser } from '../components/RequireUser';
import { useI18n, useT } from '../i18n';
import { asApiError, serverFieldErrors, useFormSummary } from '../people/people';
import { ClaimTable } from './ClaimTable';
import { kronor, parseKronor, timeText, usePartCrumbs, type Assignment } from './compensation';

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
    void invalidate('/compensation/');
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

function NewClaimForm({ assignments, onSubmitted }: { assignments: Assignment[]; onSubmitted: (text: string) => void }) {
  const i18n = useI18n();
  const { t, formatDate } = i18n;
  const [assignmentId, setAssignmentId] = useState(assignments[0]?.id ?? '');
  const [km, setKm] = useState('0');
  const [costs, setCosts] = useState('0');
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const summary = useFormSummary();
  // the process support may claim on behalf of several persons: then each option names the person
  const onBehalf = new Set(assignments.map((a) => a.personId)).size > 1;
  const distanceKm = /^\d{1,5}$/.test(km.trim()) ? Number(km.trim()) : undefined;
  const travelCostsOre = parseKronor(costs);

  // the amount as the server computes it, asked again a moment after the last keystroke
  const asked = useSettled(
    assignmentId && distanceKm !== undefined && travelCostsOre !== undefined
      ? { assignmentId, distanceKm, travelCostsOre }
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
    note: t('compensation.new.note'),
  };

  async function submit(e: FormEvent) {
    e.preventDefault();
    const missing: Record<string, string> = {};
    if (distanceKm === undefined) missing.distanceKm = t('compensation.error.km');
    if (travelCostsOre === undefined) missing.travelCostsOre = t('compensation.error.amount');
    if (Object.keys(missing).length) {
      setErrors(missing);
      summary.showText(
        t('form.fixErrors'),
        Object.entries(missing).map(([k, message]) => ({ fieldId: `claim-${k}`, label: labels[k] ?? k, message })),
      );
      return;
    }
    setBusy(true);
    try {
      await call(
        client.POST('/compensation/claims', {
          body: {
            assignmentId,
            distanceKm: distanceKm!,
            travelCostsOre: travelCostsOre!,
            ...(note.trim() ? { note: note.trim() } : {}),
          },
        }),
      );
      setErrors({});
      summary.clear();
      setKm('0');
      setCosts('0');
      setNote('');
      onSubmitted(t('compensation.new.done'));
    } catch (err) {
      const apiError = asApiError(err);
      const { byField, items } = serverFieldErrors(apiError, 'claim', (k) => labels[k] ?? k);
      setErrors(byField);
      summary.show(apiError instanceof ApiError ? apiError : asApiError(err), items);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="form" onSubmit={(e) => void submit(e)} noValidate aria-labelledby="new-claim-heading">
      {summary.summary && <FormErrorSummary {...summary.summary} />}
      <SelectField
        id="claim-assignmentId"
        label={labels.assignmentId!}
        value={assignmentId}
        onChange={setAssignmentId}
        error={errors.assignmentId}
      >
        {assignments.map((a) => (
          <option key={a.id} value={a.id}>
            {`${onBehalf ? `${a.personName}: ` : ''}${formatDate(a.date)} – ${a.groupName} – ${a.description} (${timeText(i18n, a.timeUnit, a.minutes)})`}
          </option>
        ))}
      </SelectField>
      <TextField
        id="claim-distanceKm"
        label={labels.distanceKm!}
        hint={t('compensation.new.kmHint')}
        inputMode="numeric"
        value={km}
        onChange={setKm}
        error={errors.distanceKm}
      />
      <TextField
        id="claim-travelCostsOre"
        label={labels.travelCostsOre!}
        hint={t('compensation.new.costsHint')}
        inputMode="decimal"
        value={costs}
        onChange={setCosts}
        error={errors.travelCostsOre}
      />
      <TextAreaField id="claim-note" label={labels.note!} value={note} onChange={setNote} rows={2} error={errors.note} />
      <div className="quote" aria-live="polite">
        {quote ? (
          <dl className="facts">
            <dt>{t('compensation.fee')}</dt>
            <dd>{kronor(quote.feeOre)}</dd>
            <dt>{t('compensation.mileage')}</dt>
            <dd>{kronor(quote.mileageOre)}</dd>
            <dt>{t('compensation.travelCosts')}</dt>
            <dd>{kronor(quote.travelCostsOre)}</dd>
            <dt>{t('compensation.total')}</dt>
            <dd>
              <strong>{kronor(quote.totalOre)}</strong>
            </dd>
          </dl>
        ) : (
          <Notice kind="info">
            <p>{t('compensation.new.noQuote')}</p>
          </Notice>
        )}
      </div>
      <button type="submit" disabled={busy}>
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
