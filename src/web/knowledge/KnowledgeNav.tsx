import { Link, useLocation } from '../app/router';
import { useSession } from '../auth/session';
import { useT } from '../i18n';
import { CATALOGUE_IMPORT_PATH, KNOWLEDGE_PATH, ROUNDS_PATH } from './knowledge';

/** The area's own pages, as a switcher under the h1; "new" only for system administrators. */
export function KnowledgeNav() {
  const t = useT();
  const { path } = useLocation();
  const { isAdmin } = useSession();
  const links: [string, string][] = [
    [KNOWLEDGE_PATH, t('knowledge.link.catalogue')],
    [ROUNDS_PATH, t('knowledge.link.rounds')],
    ...(isAdmin
      ? ([
          [`${KNOWLEDGE_PATH}/nytt`, t('knowledge.link.new')],
          [CATALOGUE_IMPORT_PATH, t('knowledge.link.import')],
        ] as [string, string][])
      : []),
  ];
  return (
    <nav aria-label={t('knowledge.nav.label')} className="switcher">
      <ul>
        {links.map(([to, label]) => (
          <li key={to}>
            <Link to={to} aria-current={path === to ? 'page' : undefined}>
              {label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
