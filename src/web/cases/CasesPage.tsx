/**
 * Ärenden: the register of incoming cases in the regions the caller has a role in, filtered by
 * region and year, and the registration form. The server assigns the case number (per region
 * and year, without gaps) and the page says which number the new case got.
 */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { api, type Case, type Page as ApiPage } from '../api';
import { Link, navigate, useLocation } from '../app/router';
import { ErrorAlert, Loading } from '../components/Alerts';
import { Checkbox, SelectField, TextField } from '../components/Fields';
import { FormErrorSummary } from '../components/FormErrors';
import { Page } from '../components/Page';
import { RequireUser } from '../components/RequireUser';
import { TableScroll } from '../components/TableScroll';
import { useAsync } from '../components/useAsync';
import { useI18n, useT, type MessageKey } from '../i18n';
import { loadRegions } from '../organisation/reference';
import { asApiError, serverFieldErrors, today, useFormSummary } from '../people/people';
import { CASES_PATH, caseHref, originLabel, STATUS_BADGE, statusLabel } from './cases';
import { CasesNav } from './CasesNav';

export { CASES_PATH };
const ORIGINS = ['national', 'healthcare-region', 'local', 'agency', 'partner'] as const;

const LABELS: Record<string, MessageKey> = {
  region: 'case.field.region',
  subject: 'case.field.subject',
  origin: 'case.field.origin',
  sender: 'case.field.sender',
  receivedDate: 'case.field.receivedDate',
  secrecyGround: 'cases.secretGround',
};

export function CasesPage() {
  const t = useT();
  return (
    <RequireUser title={t('area.cases')} crumbs={[{ to: '/', label: t('nav.start') }]}>
      <Cases />
    </RequireUser>
  );
}

function Cases() {
  const i18n = useI18n();
  const { t, formatDate } = i18n;
  const { search } = useLocation();
  const region = search.get('region') ?? '';
  const year = search.get('year') ?? '';
  const [draftRegion, setDraftRegion] = useState(region);
  const [draftYear, setDraftYear] = useState(year);
  const regions = useAsync(() => loadRegions(), []);
  const cases = useAsync(
    (signal) =>
      api.get<ApiPage<Case>>(
        '/api/v1/cases',
        { region: region || undefined, year: /^\d{4}$/.test(year) ? year : undefined, limit: 200 },
        signal,
      ),
    [region, year],
  );
  const [registered, setRegistered] = useState<{ c: Case; n: number } | null>(null);
  const regionName = (code: string) => regions.data?.find((r) => r.code === code)?.name ?? code;
  const items = cases.data?.items ?? [];

  function filter(e: FormEvent) {
    e.preventDefault();
    const params = new URLSearchParams();
    if (draftRegion) params.set('region', draftRegion);
    if (draftYear.trim()) params.set('year', draftYear.trim());
    const qs = params.toString();
    navigate(qs ? `${CASES_PATH}?${qs}` : CASES_PATH, { replace: true });
  }

  return (
    <Page title={t('area.cases')} crumbs={[{ to: '/', label: t('nav.start') }]} lead={<p>{t('cases.lead')}</p>}>
      <CasesNav />
      {registered && <RegisteredMessage key={registered.n} c={registered.c} />}
      <form className="filters form" onSubmit={filter} aria-labelledby="cases-filter-heading">
        <h2 id="cases-filter-heading" className="h-small">
          {t('cases.filterHeading')}
        </h2>
        <div className="filter-grid">
          <SelectField
            id="cases-region"
            label={t('case.field.region')}
            value={draftRegion}
            onChange={setDraftRegion}
            options={(regions.data ?? []).map((r) => ({ value: r.code, label: r.name }))}
            placeholder={t('cases.allRegions')}
          />
          <TextField
            id="cases-year"
            label={t('cases.year')}
            inputMode="numeric"
            value={draftYear}
            onChange={setDraftYear}
            autoComplete="off"
          />
        </div>
        <button type="submit">{t('cases.show')}</button>
      </form>
      {cases.error && <ErrorAlert error={cases.error} />}
      {cases.loading && !cases.data && <Loading />}
      <p className="result-count" role="status">
        {cases.data && t(items.length === 1 ? 'cases.count.one' : 'cases.count', { count: items.length })}
      </p>
      {cases.data && items.length > 0 && (
        <TableScroll labelledBy="cases-caption">
          <table>
            <caption id="cases-caption">{t('cases.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('case.field.caseNumber')}</th>
                <th scope="col">{t('case.field.subject')}</th>
                <th scope="col">{t('case.field.sender')}</th>
                <th scope="col">{t('case.field.receivedDate')}</th>
                {!region && <th scope="col">{t('case.field.region')}</th>}
                <th scope="col">{t('case.field.status')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((c) => (
                <tr key={c.id}>
                  <th scope="row" className="nowrap mono">
                    <Link to={caseHref(c.id)}>{c.caseNumber}</Link>
                  </th>
                  <td className="text">{c.subject}</td>
                  <td className="text">
                    {c.sender}
                    <span className="stat-note">{originLabel(i18n, c.origin)}</span>
                  </td>
                  <td className="nowrap">{formatDate(c.receivedDate)}</td>
                  {!region && <td>{regionName(c.region)}</td>}
                  <td>
                    <span className={`badge ${STATUS_BADGE[c.status] ?? ''}`}>{statusLabel(i18n, c.status)}</span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      {cases.data?.nextCursor && <p className="muted">{t('cases.more')}</p>}
      <RegisterCaseForm
        regions={regions.data ?? []}
        defaultRegion={region}
        onRegistered={(c) => {
          setRegistered((r) => ({ c, n: (r?.n ?? 0) + 1 }));
          cases.reload();
        }}
      />
    </Page>
  );
}

/** Tells the number the case got, and takes focus so it is read out. */
function RegisteredMessage({ c }: { c: Case }) {
  const t = useT();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.focus();
    ref.current?.scrollIntoView({ block: 'center' });
  }, []);
  return (
    <div ref={ref} className="alert alert-success" role="status" tabIndex={-1}>
      <p>{t('case.registered', { number: c.caseNumber, subject: c.subject })}</p>
      <p>
        <Link to={caseHref(c.id)}>{t('cases.open', { number: c.caseNumber })}</Link>
      </p>
    </div>
  );
}

function RegisterCaseForm({
  regions,
  defaultRegion,
  onRegistered,
}: {
  regions: { code: string; name: string }[];
  defaultRegion: string;
  onRegistered: (c: Case) => void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const [v, setV] = useState({
    region: defaultRegion,
    subject: '',
    origin: 'national',
    sender: '',
    receivedDate: today(),
    secrecyGround: '',
  });
  const [secret, setSecret] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const summary = useFormSummary();
  const set = (key: keyof typeof v) => (value: string) => setV((prev) => ({ ...prev, [key]: value }));
  const label = (k: string) => (LABELS[k] ? t(LABELS[k]) : k);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const missing: Record<string, string> = {};
    if (!v.region) missing.region = t('case.error.regionMissing');
    if (!v.subject.trim()) missing.subject = t('case.error.subjectMissing');
    if (!v.sender.trim()) missing.sender = t('case.error.senderMissing');
    if (!v.receivedDate) missing.receivedDate = t('case.error.dateMissing');
    if (secret && !v.secrecyGround.trim()) missing.secrecyGround = t('cases.secretGround.missing');
    if (Object.keys(missing).length > 0) {
      setErrors(missing);
      summary.showText(
        t('form.fixErrors'),
        Object.entries(missing).map(([k, message]) => ({ fieldId: `case-${k}`, label: label(k), message })),
      );
      return;
    }
    setBusy(true);
    try {
      const created = await api.post<Case>('/api/v1/cases', {
        region: v.region,
        subject: v.subject.trim(),
        origin: v.origin,
        sender: v.sender.trim(),
        receivedDate: v.receivedDate,
        ...(secret ? { secret: true, secrecyGround: v.secrecyGround.trim() } : {}),
      });
      setErrors({});
      summary.clear();
      setV((prev) => ({ ...prev, subject: '', sender: '', secrecyGround: '' }));
      setSecret(false);
      onRegistered(created);
    } catch (err) {
      const apiError = asApiError(err);
      const { byField, items } = serverFieldErrors(apiError, 'case', label);
      setErrors(byField);
      summary.show(apiError, items);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="register-heading" className="panel">
      <h2 id="register-heading">{t('case.register.heading')}</h2>
      <form className="form" onSubmit={(e) => void submit(e)} noValidate>
        {summary.summary && <FormErrorSummary {...summary.summary} />}
        <SelectField
          id="case-region"
          label={label('region')}
          value={v.region}
          onChange={set('region')}
          error={errors.region}
          options={regions.map((r) => ({ value: r.code, label: r.name }))}
          placeholder={t('case.chooseRegion')}
        />
        <TextField
          id="case-subject"
          label={label('subject')}
          value={v.subject}
          onChange={set('subject')}
          error={errors.subject}
          autoComplete="off"
        />
        <SelectField
          id="case-origin"
          label={label('origin')}
          value={v.origin}
          onChange={set('origin')}
          error={errors.origin}
          options={ORIGINS.map((o) => ({ value: o, label: i18n.t(`case.origin.${o}`) }))}
        />
        <TextField
          id="case-sender"
          label={label('sender')}
          value={v.sender}
          onChange={set('sender')}
          error={errors.sender}
          autoComplete="off"
        />
        <TextField
          id="case-receivedDate"
          label={label('receivedDate')}
          type="date"
          value={v.receivedDate}
          onChange={set('receivedDate')}
          error={errors.receivedDate}
        />
        <Checkbox id="case-secret" label={t('cases.secretCheckbox')} checked={secret} onChange={setSecret} />
        {secret && (
          <TextField
            id="case-secrecyGround"
            label={label('secrecyGround')}
            hint={t('cases.secretGround.hint')}
            value={v.secrecyGround}
            onChange={set('secrecyGround')}
            error={errors.secrecyGround}
            autoComplete="off"
          />
        )}
        <button type="submit" disabled={busy}>
          {t('case.register.submit')}
        </button>
      </form>
    </section>
  );
}
