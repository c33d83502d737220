/** Aviseringar: the signed-in person's notifications, reached from the header's unread count. */
import { Notifications } from '../meetings/MeetingsHomePage';
import { Page } from '../components/Page';
import { RequireUser } from '../components/RequireUser';
import { useT } from '../i18n';

export const NOTIFICATIONS_PATH = '/aviseringar';

export function NotificationsPage() {
  const t = useT();
  const crumbs = [{ to: '/', label: t('nav.start') }];
  return (
    <RequireUser title={t('notifications.title')} crumbs={crumbs}>
      <Page title={t('notifications.title')} crumbs={crumbs} lead={<p>{t('notifications.lead')}</p>}>
        <Notifications />
      </Page>
    </RequireUser>
  );
}
