import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { api, type Health } from '../api';
import { LoginPage } from '../auth/LoginPage';
import { useSession } from '../auth/session';
import { ErrorAlert } from '../components/Alerts';
import { Page } from '../components/Page';
import { useI18n, type Lang } from '../i18n';
import { ORGANISATION_PAGES } from '../organisation/OrganisationPage';
import { PEOPLE_PAGES } from '../people/PeoplePage';
import { NotFoundPage } from '../pages/NotFoundPage';
import { NotificationsLink } from '../overview/NotificationsLink';
import { SessionTimeout } from '../trust/SessionTimeout';
import { CAPABILITIES, capabilityFor } from './capabilities';
import { Link, matchPath, NavLink, navigate, useLocation } from './router';
import { ROUTES, type RouteDef } from './routes';

export function App() {
  const { path, navigation, keepFocus } = useLocation();
  const firstNavigation = useRef(navigation);

  // After a client-side navigation, put focus on the new page's h1 so screen readers
  // announce it and keyboard users start from the top of the content. Not on first load.
  useEffect(() => {
    if (navigation === firstNavigation.current || keepFocus) return;
    const frame = window.requestAnimationFrame(() => document.getElementById('page-title')?.focus());
    return () => window.cancelAnimationFrame(frame);
  }, [navigation, keepFocus]);

  let route: RouteDef | undefined;
  let params: Record<string, string> = {};
  for (const r of ROUTES) {
    const m = matchPath(r.pattern, path);
    if (m) {
      route = r;
      params = m;
      break;
    }
  }

  return (
    <>
      <a className="skip-link" href="#main">
        <SkipText />
      </a>
      <Header />
      <div className="shell">
        <MainNav />
        <main id="main" tabIndex={-1}>
          {route ? <Guarded route={route} params={params} /> : <NotFoundPage />}
        </main>
      </div>
      <Footer />
      <SessionTimeout />
    </>
  );
}

function SkipText() {
  return <>{useI18n().t('app.skipLink')}</>;
}

function Guarded({ route, params }: { route: RouteDef; params: Record<string, string> }) {
  const { t } = useI18n();
  const { loading, error, anonymous, isAdmin } = useSession();
  if (route.access === 'public') return <>{route.render(params)}</>;
  if (loading) return <Page title={t('common.loading')} />;
  if (error)
    return (
      <Page title={t('error.title')}>
        <ErrorAlert error={error} />
      </Page>
    );
  if (anonymous) return <LoginPage inline expired={anonymous.expired} />;
  if (route.access === 'admin' && !isAdmin)
    return (
      <Page title={t('error.forbiddenTitle')}>
        <p>{t('error.403')}</p>
      </Page>
    );
  return <>{route.render(params)}</>;
}

function LanguageSwitch() {
  const { lang, setLang, t } = useI18n();
  const options: { lang: Lang; label: string }[] = [
    { lang: 'sv', label: 'Svenska' },
    { lang: 'en', label: 'English' },
  ];
  return (
    <div className="lang-switch" role="group" aria-label={t('lang.label')}>
      {options.map((o) => (
        <button key={o.lang} type="button" lang={o.lang} aria-pressed={lang === o.lang} onClick={() => setLang(o.lang)}>
          {o.label}
        </button>
      ))}
    </div>
  );
}

function Header() {
  const { t } = useI18n();
  const { user, signOut } = useSession();
  const { path } = useLocation();
  return (
    <header className="site-header">
      <div className="header-inner">
        <Link to="/" className="brand">
          <span className="brand-name">{t('app.name')}</span>
          <span className="brand-tagline">{t('app.tagline')}</span>
        </Link>
        <div className="header-tools">
          <LanguageSwitch />
          {user ? (
            <div className="user-box">
              <NotificationsLink />
              <span className="user-name">{t('header.signedInAs', { name: user.name })}</span>
              <button
                type="button"
                className="button-secondary button-small"
                onClick={() => void signOut().finally(() => navigate('/'))}
              >
                {t('header.signOut')}
              </button>
            </div>
          ) : path === '/logga-in' ? null : (
            <Link to={`/logga-in?next=${encodeURIComponent(path)}`} className="button button-small">
              {t('header.signIn')}
            </Link>
          )}
        </div>
      </div>
    </header>
  );
}

function MainNav() {
  const { t } = useI18n();
  const { user, isAdmin } = useSession();
  const { path } = useLocation();
  const inOrganisation = path === '/organisation' || path.startsWith('/organisation/');
  const inPeople = path === '/personer-och-uppdrag' || path.startsWith('/personer-och-uppdrag/');
  // On narrow screens the menu folds behind a button so the page content comes first.
  const [open, setOpen] = useState(false);
  useEffect(() => setOpen(false), [path]);
  return (
    <nav className={`main-nav${open ? ' open' : ''}`} aria-label={t('nav.label')}>
      <button
        type="button"
        className="nav-toggle button-secondary"
        aria-expanded={open}
        aria-controls="main-nav-body"
        onClick={() => setOpen((o) => !o)}
      >
        {t('nav.menu')}
      </button>
      <div id="main-nav-body" className="nav-body">
        <p className="nav-heading" id="nav-areas">
          {t('nav.areas')}
        </p>
        <ul aria-labelledby="nav-areas">
          <li>
            <NavLink to="/" exact>
              {t('nav.start')}
            </NavLink>
          </li>
          {/* A visitor who is not signed in sees only what opens for them (capabilityFor). */}
          {CAPABILITIES.map((area) => capabilityFor(area, !!user)).map(
            (c) =>
              c && (
                <li key={c.id}>
                  <NavLink to={c.path}>{t(c.title)}</NavLink>
                  {c.id === 'organisation' && inOrganisation && (
                    <ul className="sub-nav">
                      {ORGANISATION_PAGES.map((p) => (
                        <li key={p.to}>
                          <NavLink to={p.to}>{t(p.title)}</NavLink>
                        </li>
                      ))}
                    </ul>
                  )}
                  {c.id === 'people' && inPeople && user && (
                    <ul className="sub-nav">
                      {PEOPLE_PAGES.map((p) => (
                        <li key={p.to}>
                          <NavLink to={p.to} exact>
                            {t(p.title)}
                          </NavLink>
                        </li>
                      ))}
                    </ul>
                  )}
                </li>
              ),
          )}
        </ul>
        {user && (
          <>
            <p className="nav-heading" id="nav-account">
              {t('nav.account')}
            </p>
            <ul aria-labelledby="nav-account">
              <li>
                <NavLink to="/mina-api-nycklar">{t('nav.apiTokens')}</NavLink>
              </li>
            </ul>
          </>
        )}
        {isAdmin && (
          <>
            <p className="nav-heading" id="nav-admin">
              {t('nav.admin')}
            </p>
            <ul aria-labelledby="nav-admin">
              <li>
                <NavLink to="/admin/anvandare">{t('nav.users')}</NavLink>
              </li>
              <li>
                <NavLink to="/admin/granskningslogg">{t('nav.audit')}</NavLink>
              </li>
              <li>
                <NavLink to="/admin/webhooks">{t('webhooks.title')}</NavLink>
              </li>
              <li>
                <NavLink to="/admin/avsandare">{t('senders.title')}</NavLink>
              </li>
              <li>
                <NavLink to="/admin/scim">{t('scimClients.title')}</NavLink>
              </li>
              <li>
                <NavLink to="/admin/bevarande">{t('records.retention.title')}</NavLink>
              </li>
            </ul>
          </>
        )}
      </div>
    </nav>
  );
}

function Footer() {
  const { t } = useI18n();
  // /api/health lives outside /api/v1 (and the contract): read with the plain client
  const health = useQuery({ queryKey: ['health'], queryFn: ({ signal }) => api.get<Health>('/api/health', undefined, signal) });
  return (
    <footer className="site-footer">
      <div className="footer-inner">
        <ul className="footer-links">
          <li>
            <a href="/api/docs">{t('footer.apiDocs')}</a>
          </li>
          <li>
            <a href="/api/openapi.json">{t('footer.openapi')}</a>
          </li>
          <li>
            <Link to="/tillganglighet">{t('footer.a11y')}</Link>
          </li>
        </ul>
        <p className="footer-meta">
          {t('footer.about')} {health.data && <span>{t('footer.version', { version: health.data.version })}</span>}
        </p>
      </div>
    </footer>
  );
}
