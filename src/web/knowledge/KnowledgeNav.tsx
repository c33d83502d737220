import { Link, useLocation } from '../app/router';
import { useSession } from '../auth/session';
import { useT } from '../i18n';
import { useWritableOwners } from './owners';
import { CATALOGUE_IMPORT_PATH, KNOWLEDGE_PATH, ROUNDS_PATH } from './knowledge';

/** The area's own pages, as a switcher under the h1; "new" for whoever authors for some owner, the import for system administrators. */
export function KnowledgeNav() {
  const t = useT();
  const { path } = useLocation();
  const { isAdmin, user } = useSession();
  const owners = useWritableOwners(Boolean(user));
  const authors = (owners.data?.items.length ?? 0) > 0;
  const links: [string, string][] = [
    [KNOWLEDGE_PATH, t('knowledge.link.catalogue')],
    [ROUNDS_PATH, t('knowledge.link.rounds')],
    ...(authors ? ([[`${KNOWLEDGE_PATH}/nytt`, t('knowledge.link.new')]] as [string, string][]) : []),
    ...(isAdmin ? ([[CATALOGUE_IMPORT_PATH, t('knowledge.link.import')]] as [string, string][]) : []),
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
