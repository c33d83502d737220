import { useEffect, type ReactNode } from 'react';
import { Link } from '../app/router';
import { useT } from '../i18n';

export interface Crumb {
  to: string;
  label: string;
}

/**
 * Every page has exactly one h1, rendered here, so the layout can move focus to it after a
 * client-side navigation. The h1 element stays the same while data loads (only its text
 * changes), so focus is not lost.
 */
export function Page({
  title,
  crumbs,
  lead,
  children,
}: {
  title: string;
  crumbs?: Crumb[];
  lead?: ReactNode;
  children?: ReactNode;
}) {
  const t = useT();
  useEffect(() => {
    document.title = `${title} – ${t('app.name')}`;
  }, [title, t]);
  return (
    <>
      {crumbs && crumbs.length > 0 && (
        <nav aria-label={t('crumbs.label')} className="crumbs">
          <ol>
            {crumbs.map((c) => (
              <li key={c.to}>
                <Link to={c.to}>{c.label}</Link>
              </li>
            ))}
          </ol>
        </nav>
      )}
      <h1 id="page-title" tabIndex={-1}>
        {title}
      </h1>
      {lead && <div className="lead">{lead}</div>}
      {children}
    </>
  );
}
