import { Link } from '../app/router';
import { useT } from '../i18n';
import { structureHref } from './groups';

/** From a healthcare region or a region to its groups and its organisation chart. */
export function OwnerLinks({ owner, name }: { owner: string; name: string }) {
  const t = useT();
  return (
    <ul className="link-list">
      <li>
        <Link to={structureHref(owner)}>{t('org.groupsLink', { name })}</Link>
      </li>
      <li>
        <Link to={`/organisation/organisationsschema?agare=${encodeURIComponent(owner)}`}>
          {t('structure.chartLink', { name })}
        </Link>
      </li>
    </ul>
  );
}
