import { Page } from '../components/Page';
import { useT } from '../i18n';

export const FEEDBACK_EMAIL = 'tillganglighet@navet.example';

/** Tillgänglighetsredogörelse, as required by lagen (2018:1937) om tillgänglighet till digital offentlig service. */
export function AccessibilityPage() {
  const t = useT();
  const mailto = `mailto:${FEEDBACK_EMAIL}?subject=${encodeURIComponent(t('a11y.mailSubject'))}`;
  return (
    <Page title={t('a11y.title')} crumbs={[{ to: '/', label: t('nav.start') }]}>
      <p className="lead">{t('a11y.intro')}</p>
      <h2>{t('a11y.statusHeading')}</h2>
      <p>{t('a11y.status')}</p>
      <h2>{t('a11y.knownHeading')}</h2>
      <ul>
        <li>{t('a11y.known1')}</li>
        <li>{t('a11y.known2')}</li>
        <li>{t('a11y.known3')}</li>
      </ul>
      <h2>{t('a11y.feedbackHeading')}</h2>
      <p>
        {t('a11y.feedback')} <a href={mailto}>{FEEDBACK_EMAIL}</a>.
      </p>
      <h2>{t('a11y.enforcementHeading')}</h2>
      <p>
        {t('a11y.enforcement')} <a href="https://www.digg.se/tdosanmalan">{t('a11y.enforcementLink')}</a>.
      </p>
      <h2>{t('a11y.methodHeading')}</h2>
      <p>{t('a11y.method')}</p>
      <p className="muted">{t('a11y.updated')}</p>
    </Page>
  );
}
