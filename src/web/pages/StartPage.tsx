import { CAPABILITIES, capabilityFor } from '../app/capabilities';
import { Link } from '../app/router';
import { useSession } from '../auth/session';
import { Page } from '../components/Page';
import { useT } from '../i18n';
import { Overview } from '../overview/OverviewPage';

/** The start page: Min översikt for a signed-in person, the public introduction for everyone else. */
export function StartPage() {
  const t = useT();
  const { user, loading } = useSession();
  // Always one Page at the same place: after signing in, the session arrives a moment after the
  // navigation, and the h1 (which has the focus by then) must stay the same element.
  if (user)
    return (
      <Page title={t('overview.title')} lead={<p>{t('overview.lead')}</p>}>
        <Overview />
      </Page>
    );
  if (loading) return <Page title={t('common.loading')} />;
  return (
    <Page title={t('start.title')}>
      <p className="lead">{t('start.lead')}</p>
      <p>{t('start.body')}</p>
      {!user && (
        <p>
          <Link to="/logga-in" className="button">
            {t('header.signIn')}
          </Link>
        </p>
      )}
      <h2>{t('start.areasHeading')}</h2>
      <ul className="cards">
        {/* Only what opens without signing in (the page is the public introduction). */}
        {CAPABILITIES.map((area) => capabilityFor(area, false)).map(
          (c) =>
            c && (
              <li key={c.id} className="card">
                <h3>
                  <Link to={c.path}>{t(c.title)}</Link>
                </h3>
                <p>{t(c.summary)}</p>
                {!c.built && <p className="badge badge-none">{t('start.notBuiltBadge')}</p>}
              </li>
            ),
        )}
      </ul>
    </Page>
  );
}
