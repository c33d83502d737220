/** Delaktighet: persons with patient experience — where the claims, approvals and the rate model live. */
import { Link } from '../app/router';
import { useSession } from '../auth/session';
import { Page } from '../components/Page';
import { useT } from '../i18n';
import { APPROVAL_PATH, CLAIMS_PATH, PARTICIPANTS_PATH, RATES_PATH } from './compensation';

export function ParticipationPage() {
  const t = useT();
  const { user } = useSession();
  const manages = !!user?.roles.some((r) => ['admin', 'samordnare', 'processtod'].includes(r.role));
  return (
    <Page title={t('area.participation')} crumbs={[{ to: '/', label: t('nav.start') }]} lead={<p>{t('compensation.lead')}</p>}>
      <ul className="plain-list link-list">
        <li>
          <Link to={CLAIMS_PATH}>{t('compensation.mine.title')}</Link> – {t('compensation.mine.summary')}
        </li>
        {manages && (
          <>
            <li>
              <Link to={APPROVAL_PATH}>{t('compensation.approval.title')}</Link> – {t('compensation.approval.summary')}
            </li>
            <li>
              <Link to={PARTICIPANTS_PATH}>{t('compensation.participants.title')}</Link> –{' '}
              {t('compensation.participants.summary')}
            </li>
          </>
        )}
        <li>
          <Link to={RATES_PATH}>{t('compensation.rates.title')}</Link> – {t('compensation.rates.summary')}
        </li>
      </ul>
    </Page>
  );
}
