import { Link, useLocation } from '../app/router';
import { useSession } from '../auth/session';
import { useT } from '../i18n';
import { CASES_PATH, CLASSIFICATION_PATH, DIARY_PATH, MINE_PATH, TRIAGE_PATH } from './cases';

/**
 * The case area's own pages, as a switcher under the h1. A visitor who is not signed in can open
 * only the diary, so they get no switcher (no entries that end in "kräver inloggning").
 */
export function CasesNav() {
  const t = useT();
  const { path } = useLocation();
  const { user } = useSession();
  if (!user) return null;
  const links = [
    [CASES_PATH, t('cases.nav.all')],
    [MINE_PATH, t('cases.nav.mine')],
    [TRIAGE_PATH, t('cases.nav.triage')],
    [DIARY_PATH, t('cases.nav.register')],
    [CLASSIFICATION_PATH, t('cases.nav.classification')],
  ] as const;
  return (
    <nav aria-label={t('cases.nav.label')} className="switcher">
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
