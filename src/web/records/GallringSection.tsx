/** Gallring on the retention page: a dry-run report per rule, then a confirmed run (records administrators). */
import { useId, useState } from 'react';
import { $api, invalidate } from '../client';
import type { paths } from '../generated/api';
import { ErrorAlert, Notice } from '../components/Alerts';
import { TableScroll } from '../components/TableScroll';
import { useT } from '../i18n';

type Report = paths['/records/gallring']['post']['responses'][200]['content']['application/json'];
type RuleReport = Report['rules'][number];

export function GallringSection() {
  const t = useT();
  const run = $api.useMutation('post', '/records/gallring');
  const [report, setReport] = useState<Report | null>(null);
  const [done, setDone] = useState<Report | null>(null);
  const [confirmed, setConfirmed] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const captionId = useId();
  const confirmId = useId();

  async function go(dryRun: boolean) {
    setError(null);
    try {
      const r = await run.mutateAsync({ body: { dryRun } });
      if (dryRun) {
        setReport(r);
        setDone(null);
      } else {
        setDone(r);
        setReport(null);
        void invalidate('/retention-rules');
      }
      setConfirmed(false);
    } catch (err) {
      setError(err);
    }
  }

  const toRemove = report?.rules.filter((r) => r.action === 'remove').reduce((n, r) => n + r.count, 0) ?? 0;
  return (
    <section aria-labelledby="gallring-heading">
      <h2 id="gallring-heading">{t('records.gallring.title')}</h2>
      <p>{t('records.gallring.lead')}</p>
      {error !== null && <ErrorAlert error={error} />}
      {done && (
        <Notice kind="success" live>
          <p>{t('records.gallring.done', { count: done.removed, date: done.date })}</p>
        </Notice>
      )}
      <div className="button-row">
        <button type="button" className="button-secondary" disabled={run.isPending} onClick={() => void go(true)}>
          {t('records.gallring.preview')}
        </button>
      </div>
      {report && (
        <>
          <TableScroll labelledBy={captionId}>
            <table className="data-table">
              <caption id={captionId}>{t('records.gallring.caption', { date: report.date })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('records.col.record')}</th>
                  <th scope="col">{t('records.col.disposition')}</th>
                  <th scope="col">{t('records.gallring.col.outcome')}</th>
                  <th scope="col">{t('records.col.count')}</th>
                </tr>
              </thead>
              <tbody>
                {report.rules.map((r) => (
                  <tr key={r.recordType}>
                    <th scope="row">{r.label}</th>
                    <td>{t(`records.disposition.${r.disposition}`)}</td>
                    <td>
                      <Outcome rule={r} />
                    </td>
                    <td>{r.action === 'remove' || r.action === 'archive' ? r.count : '–'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
          {toRemove === 0 ? (
            <p>{t('records.gallring.nothing')}</p>
          ) : (
            <div className="form">
              <p>
                <input
                  id={confirmId}
                  type="checkbox"
                  checked={confirmed}
                  onChange={(e) => setConfirmed(e.currentTarget.checked)}
                />{' '}
                <label htmlFor={confirmId}>{t('records.gallring.confirm', { count: toRemove })}</label>
              </p>
              <div className="button-row">
                <button type="button" disabled={!confirmed || run.isPending} onClick={() => void go(false)}>
                  {t('records.gallring.execute', { count: toRemove })}
                </button>
              </div>
            </div>
          )}
        </>
      )}
    </section>
  );
}

function Outcome({ rule }: { rule: RuleReport }) {
  const t = useT();
  const text =
    rule.action === 'remove' ? t('records.gallring.remove', { cutoff: rule.cutoff ?? '' }) : t(`records.gallring.${rule.action}`);
  if (rule.items.length === 0) return <>{text}</>;
  return (
    <details>
      <summary>{text}</summary>
      <ul>
        {rule.items.map((i) => (
          <li key={i.id}>
            {i.label} {i.date && `(${i.date})`}
          </li>
        ))}
      </ul>
      {rule.count > rule.items.length && <p>{t('records.gallring.more', { count: rule.count - rule.items.length })}</p>}
    </details>
  );
}
