import type { ReactNode } from 'react';
import { asApiError, type ApiError } from '../api';
import { Link, useLocation } from '../app/router';
import { useT } from '../i18n';

/** A human sentence for an API error: the server's `detail` when it gave one. */
export function useErrorText(): (error: ApiError) => string {
  const t = useT();
  return (error) => {
    if (error.status === 0) return t('error.network');
    if (error.detail) return error.detail;
    switch (error.status) {
      case 401:
        return t('error.401');
      case 403:
        return t('error.403');
      case 404:
        return t('error.404');
      case 409:
        return t('error.409');
      case 429:
        return t('error.429');
      default:
        return error.status >= 500 ? t('error.5xx') : t('error.generic', { status: error.status });
    }
  };
}

/** An error announced to screen readers (role=alert) with the server's explanation. */
export function ErrorAlert({ error: thrown, children }: { error: unknown; children?: ReactNode }) {
  const t = useT();
  const error = asApiError(thrown);
  const text = useErrorText();
  const { path } = useLocation();
  return (
    <div className="alert alert-error" role="alert">
      <p>
        <strong>{t('error.prefix')}</strong> {text(error)}
      </p>
      {error.status === 401 && (
        <p>
          <Link to={`/logga-in?next=${encodeURIComponent(path)}`}>{t('auth.signInToContinue')}</Link>
        </p>
      )}
      {children}
    </div>
  );
}

export function Loading({ label }: { label?: string }) {
  const t = useT();
  return (
    <p className="loading" role="status">
      {label ?? t('common.loading')}
    </p>
  );
}

export function Notice({
  kind = 'info',
  children,
  live = false,
}: {
  kind?: 'info' | 'success' | 'warning';
  children: ReactNode;
  live?: boolean;
}) {
  return (
    <div className={`alert alert-${kind}`} {...(live ? { role: 'status' } : {})}>
      {children}
    </div>
  );
}
