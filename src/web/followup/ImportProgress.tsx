import { useState } from 'react';
import { ApiError } from '../api';
import { Link } from '../app/router';
import { ErrorAlert } from '../components/Alerts';
import { call, client } from '../client';
import { useI18n } from '../i18n';
import { IMPORT_PENDING } from '../../modules/indicators/rules/import';
import { indicatorHref } from './FollowupHomePage';
import type { ImportStatus } from './types';

/** An import under way or ended: rows read and errors so far, a cancel with confirmation, the result and its report. */
export function ImportProgress({
  id,
  result,
  onChanged,
}: {
  id: string;
  result: ImportStatus;
  onChanged: (s: ImportStatus) => void;
}) {
  const { t } = useI18n();
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const pending = IMPORT_PENDING.has(result.status);
  async function cancel() {
    setError(null);
    try {
      onChanged(await call(client.POST('/indicator-imports/{id}/cancel', { params: { path: { id: result.id } } })));
    } catch (err) {
      setError(err instanceof ApiError ? err : new ApiError({ status: 0, title: 'network' }));
    } finally {
      setConfirming(false);
    }
  }
  const reportLink = (
    <p>
      <a href={`/api/v1/indicator-imports/${result.id}/report.csv`} download>
        {t('followup.import.reportLink')}
      </a>
    </p>
  );
  if (!pending)
    return (
      <>
        {result.status === 'done' && (
          <p className="alert alert-success" role="status">
            {t('followup.import.done', { count: result.importedRows, periods: result.periods.length })}{' '}
            <Link to={indicatorHref(id)}>{t('followup.import.toChart')}</Link>
          </p>
        )}
        {result.status === 'cancelled' && (
          <p className="alert alert-warning" role="status">
            {t('followup.import.cancelled', {
              count: result.importedRows,
              periods: result.importedRows ? result.periods.length : 0,
            })}
          </p>
        )}
        {result.status === 'rejected' && (
          <p className="alert alert-error" role="status">
            {t('followup.import.rejected', { reason: result.error ?? '' })}
          </p>
        )}
        {result.status === 'failed' && (
          <p className="alert alert-error" role="status">
            {t('followup.import.failed', { reason: result.error ?? '' })}
          </p>
        )}
        {reportLink}
      </>
    );
  const streamed = result.sizeBytes !== null;
  return (
    <>
      {error && <ErrorAlert error={error} />}
      {!streamed || result.status === 'queued' ? (
        <>
          <p>{t('followup.import.queued')}</p>
          <progress max={result.validRows || 1} value={result.processedRows} aria-labelledby="result-heading">
            {result.processedRows} / {result.validRows}
          </progress>
        </>
      ) : result.phase === 'writing' ? (
        <>
          <p role="status">{t('followup.import.writing', { done: result.processedRows, total: result.validRows })}</p>
          <progress max={result.validRows || 1} value={result.processedRows} aria-labelledby="result-heading" />
        </>
      ) : (
        <>
          <p role="status">{t('followup.import.reading', { rows: result.processedRows, errors: result.problemCount })}</p>
          <progress max={result.sizeBytes || 1} value={result.bytesRead} aria-labelledby="result-heading" />
        </>
      )}
      {streamed &&
        (result.cancelRequested ? (
          <p role="status">{t('followup.import.cancelRequested')}</p>
        ) : confirming ? (
          <div className="button-row">
            <p>{t('followup.import.cancelQuestion')}</p>
            <button type="button" className="button-danger" onClick={() => void cancel()} autoFocus>
              {t('followup.import.cancelConfirm')}
            </button>
            <button type="button" className="button-secondary" onClick={() => setConfirming(false)}>
              {t('followup.import.cancelKeep')}
            </button>
          </div>
        ) : (
          <button type="button" className="button-secondary" onClick={() => setConfirming(true)}>
            {t('followup.import.cancel')}
          </button>
        ))}
    </>
  );
}
