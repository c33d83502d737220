/** The header's way to the notifications, with the unread count (asked again when the list changes). */
import { NavLink } from '../app/router';
import { $api } from '../client';
import { useI18n } from '../i18n';
import { NOTIFICATIONS_PATH } from './NotificationsPage';

export function NotificationsLink() {
  const { t } = useI18n();
  const list = $api.useQuery('get', '/notifications', { params: { query: { limit: 1, unread: true } } });
  const unread = list.data?.unread ?? 0;
  return (
    <NavLink to={NOTIFICATIONS_PATH} className="notifications-link">
      {t('notifications.link')}{' '}
      {unread > 0 && <span className="badge badge-weak notifications-count">{t('notifications.unread', { count: unread })}</span>}
    </NavLink>
  );
}
