/**
 * Attestering: claims waiting for the process support or coordinator of the group's region,
 * the payroll export (CSV/XLSX) of approved claims, and yearly totals per person and group.
 */
import { useId, useState } from 'react';
import { apiHref } from '../api';
import { $api } from '../client';
import { ErrorAlert, Loading } from '../components/Alerts';
import { SelectField } from '../components/Fields';
import { Page } from '../components/Page';
import { RequireUser } from '../components/RequireUser';
import { TableScroll } from '../components/TableScroll';
import { useT } from '../i18n';
import { ClaimTable } from './ClaimTable';
import { kronor, usePartCrumbs, type TotalRow } from './compensation';
import { thisYear } from '../clock';

export function ApprovalPage() {
  const t = useT();
  return (
    <RequireUser title={t('compensation.approval.title')} crumbs={usePartCrumbs(t)}>
      <Approval />
    </RequireUser>
  );
}

const yearsAround = (year: number) => [year + 1, year, year - 1, year - 2, year - 3];

function Approval() {
  const t = useT();
  const queue = $api.useQuery('get', '/compensation/claims', { params: { query: { status: 'submitted' } } });
  const [year, setYear] = useState(() => String(thisYear()));
  const totals = $api.useQuery('get', '/compensation/totals', { params: { query: { year: Number(year) } } });
  const [message, setMessage] = useState<{ text: string; n: number } | null>(null);
  const exportHref = (format: 'csv' | 'xlsx') => apiHref('/compensation/payroll-export', { query: { format, year } });

  return (
    <Page title={t('compensation.approval.title')} crumbs={usePartCrumbs(t)} lead={<p>{t('compensation.approval.lead')}</p>}>
      {message && (
        <div key={message.n} className="alert alert-success" role="status">
          <p>{message.text}</p>
        </div>
      )}
      <h2>{t('compensation.approval.queue')}</h2>
      {queue.error && <ErrorAlert error={queue.error} />}
      {queue.isPending && <Loading />}
      {queue.data && (
        <ClaimTable
          claims={queue.data.items}
          caption={t('compensation.approval.queue')}
          mode="approval"
          onChanged={(text) => setMessage((m) => ({ text, n: (m?.n ?? 0) + 1 }))}
        />
      )}
      <h2>{t('compensation.export.title')}</h2>
      <SelectField id="year" label={t('compensation.year')} value={year} onChange={setYear}>
        {yearsAround(thisYear()).map((y) => (
          <option key={y} value={String(y)}>
            {y}
          </option>
        ))}
      </SelectField>
      <p>{t('compensation.export.lead')}</p>
      <p className="actions">
        <a className="button" href={exportHref('xlsx')} download>
          {t('compensation.export.xlsx', { year })}
        </a>{' '}
        <a className="button button-secondary" href={exportHref('csv')} download>
          {t('compensation.export.csv', { year })}
        </a>
      </p>
      <h2>{t('compensation.totals.title', { year })}</h2>
      {totals.error && <ErrorAlert error={totals.error} />}
      {totals.data && (
        <>
          <TotalsTable rows={totals.data.perPerson} caption={t('compensation.totals.perPerson', { year })} />
          <TotalsTable rows={totals.data.perGroup} caption={t('compensation.totals.perGroup', { year })} />
          <p>
            <strong>{t('compensation.totals.sum', { amount: kronor(totals.data.total.totalOre) })}</strong>
          </p>
        </>
      )}
    </Page>
  );
}

export function TotalsTable({ rows, caption }: { rows: TotalRow[]; caption: string }) {
  const t = useT();
  const id = useId();
  return (
    <TableScroll labelledBy={id}>
      <table className="data-table">
        <caption id={id}>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('compensation.col.name')}</th>
            <th scope="col" className="num">
              {t('compensation.col.claims')}
            </th>
            <th scope="col" className="num">
              {t('compensation.fee')}
            </th>
            <th scope="col" className="num">
              {t('compensation.mileage')}
            </th>
            <th scope="col" className="num">
              {t('compensation.travelCosts')}
            </th>
            <th scope="col" className="num">
              {t('compensation.total')}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 ? (
            <tr>
              <td colSpan={6}>{t('compensation.totals.none')}</td>
            </tr>
          ) : (
            rows.map((r) => (
              <tr key={r.id}>
                <th scope="row">{r.name}</th>
                <td className="num">{r.claims}</td>
                <td className="num">{kronor(r.feeOre)}</td>
                <td className="num">{kronor(r.mileageOre)}</td>
                <td className="num">{kronor(r.travelCostsOre)}</td>
                <td className="num">{kronor(r.totalOre)}</td>
              </tr>
            ))
          )}
        </tbody>
      </table>
    </TableScroll>
  );
}
