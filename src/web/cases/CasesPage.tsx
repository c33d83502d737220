/**
 * Ärenden: the register of incoming cases in the regions the caller has a role in, filtered by
 * region and year, and a link to register a new one (NewCasePage: its own page, not under the list).
 */
import { useState, type FormEvent } from 'react';
import { Link, navigate, useLocation } from '../app/router';
import { $api } from '../client';
import { ErrorAlert, Loading } from '../components/Alerts';
import { SelectField, TextField } from '../components/Fields';
import { Page } from '../components/Page';
import { RequireUser } from '../components/RequireUser';
import { TableScroll } from '../components/TableScroll';
import { useAsync } from '../components/useAsync';
import { useI18n, useT } from '../i18n';
import { loadRegions } from '../organisation/reference';
import { CASES_PATH, caseHref, originLabel, STATUS_BADGE, statusLabel } from './cases';
import { CasesNav } from './CasesNav';
import { NEW_CASE_PATH } from './NewCasePage';

export { CASES_PATH };

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
  const cases = $api.useQuery('get', '/cases', {
    params: { query: { ...(region ? { region } : {}), ...(/^\d{4}$/.test(year) ? { year: Number(year) } : {}), limit: 200 } },
  });
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
      <p>
        <Link className="button" to={region ? `${NEW_CASE_PATH}?region=${encodeURIComponent(region)}` : NEW_CASE_PATH}>
          {t('case.register.heading')}
        </Link>
      </p>
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
      {cases.isPending && <Loading />}
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
    </Page>
  );
}
