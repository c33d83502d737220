import { Link } from '../app/router';
import { Page } from '../components/Page';
import { useT } from '../i18n';

export function NotFoundPage() {
  const t = useT();
  return (
    <Page title={t('notFound.title')}>
      <p>{t('notFound.body')}</p>
      <p>
        <Link to="/">{t('notBuilt.backToStart')}</Link>
      </p>
    </Page>
  );
}
