import type { ReactNode } from 'react';
import { Link, useLocation } from '../app/router';
import { useSession } from '../auth/session';
import { useT } from '../i18n';
import { Loading, Notice } from './Alerts';
import { Page, type Crumb } from './Page';

/**
 * For an area page that needs a signed-in user: anonymous visitors get the page's own h1 and
 * a sign-in link instead of a failing request, so the navigation still lands on the area.
 */
export function RequireUser({ title, crumbs, children }: { title: string; crumbs?: Crumb[]; children: ReactNode }) {
  const t = useT();
  const { user, loading } = useSession();
  const { path } = useLocation();
  if (user) return <>{children}</>;
  return (
    <Page title={title} {...(crumbs ? { crumbs } : {})}>
      {loading ? (
        <Loading />
      ) : (
        <Notice kind="info">
          <p>{t('auth.needSignInArea')}</p>
          <p>
            <Link to={`/logga-in?next=${encodeURIComponent(path)}`}>{t('auth.signInToContinue')}</Link>
          </p>
        </Notice>
      )}
    </Page>
  );
}
