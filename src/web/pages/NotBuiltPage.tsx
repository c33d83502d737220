import type { Capability } from '../app/capabilities';
import { Link } from '../app/router';
import { Notice } from '../components/Alerts';
import { Page } from '../components/Page';
import { useT } from '../i18n';

/** One page for every capability that is planned but not built yet. */
export function NotBuiltPage({ capability }: { capability: Capability }) {
  const t = useT();
  return (
    <Page title={t(capability.title)} crumbs={[{ to: '/', label: t('nav.start') }]}>
      <Notice kind="warning">
        <p>
          <strong>{t('notBuilt.notice')}</strong> {t(capability.future)}
        </p>
      </Notice>
      <p>{t(capability.summary)}</p>
      {capability.links && (
        <>
          <h2>{t('notBuilt.availableNow')}</h2>
          <ul>
            {capability.links.map((l) => (
              <li key={l.href}>
                <a href={l.href}>{t(l.label)}</a>
              </li>
            ))}
          </ul>
        </>
      )}
      <p>
        <Link to="/">{t('notBuilt.backToStart')}</Link>
      </p>
    </Page>
  );
}
