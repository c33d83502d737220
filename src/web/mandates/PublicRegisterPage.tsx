/** Vem sitter var (insyn): the public register — name, role, group and employer, nothing else. */
import { useState, type FormEvent } from 'react';
import { keepPreviousData } from '@tanstack/react-query';
import { Link } from '../app/router';
import { ErrorAlert, Loading, Notice } from '../components/Alerts';
import { Page } from '../components/Page';
import { TableScroll } from '../components/TableScroll';
import { $api } from '../client';
import { useI18n } from '../i18n';
import { groupHref } from '../organisation/groups';
import { roleLabel } from '../people/people';

export function PublicRegisterPage() {
  const i18n = useI18n();
  const { t } = i18n;
  const [draft, setDraft] = useState('');
  const [q, setQ] = useState('');
  const [cursor, setCursor] = useState<string | undefined>(undefined);
  const list = $api.useQuery(
    'get',
    '/public/register',
    { params: { query: { q: q || undefined, cursor, limit: 100 } } },
    { placeholderData: keepPreviousData },
  );
  function submit(e: FormEvent) {
    e.preventDefault();
    setCursor(undefined);
    setQ(draft.trim());
  }
  const items = list.data?.items ?? [];
  return (
    <Page
      title={t('mandates.register.title')}
      crumbs={[{ to: '/', label: t('nav.start') }]}
      lead={<p>{t('mandates.register.lead')}</p>}
    >
      <form role="search" onSubmit={submit} className="form">
        <div className="field">
          <label htmlFor="register-q">{t('mandates.register.search')}</label>
          <div className="search-row">
            <input id="register-q" type="search" value={draft} onChange={(e) => setDraft(e.target.value)} autoComplete="off" />
            <button type="submit">{t('common.search')}</button>
          </div>
        </div>
      </form>
      {list.error?.status === 404 ? (
        <Notice kind="info">
          <p>{t('mandates.register.off')}</p>
        </Notice>
      ) : (
        list.error && <ErrorAlert error={list.error} />
      )}
      {list.isPending && <Loading />}
      {list.data && items.length === 0 && <p>{t('mandates.register.none')}</p>}
      {items.length > 0 && (
        <TableScroll labelledBy="register-caption">
          <table>
            <caption id="register-caption">{t('mandates.register.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('mandates.register.name')}</th>
                <th scope="col">{t('members.col.role')}</th>
                <th scope="col">{t('members.col.group')}</th>
                <th scope="col">{t('mandates.register.employer')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((r, i) => (
                <tr key={`${r.groupId}-${r.role}-${r.name}-${i}`}>
                  <th scope="row">{r.name}</th>
                  <td>{roleLabel(i18n, r.role)}</td>
                  <td>
                    <Link to={groupHref(r.groupId)}>{r.groupName}</Link>
                  </td>
                  <td>{r.employer ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      {list.data?.nextCursor && (
        <p>
          <button type="button" onClick={() => setCursor(list.data?.nextCursor ?? undefined)}>
            {t('mandates.register.more')}
          </button>
        </p>
      )}
    </Page>
  );
}
