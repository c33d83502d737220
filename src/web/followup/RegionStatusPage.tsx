/**
 * A region's implementation statuses to work with: the supports (from the region drill-down,
 * GET /implementation/regions/{code}) with the region's and its LPOs' status, and for
 * one support the form to register or change the status (region-wide or for one LPO) with its
 * history. Only people with implementation.write in the region get the form.
 */
import { keepPreviousData } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link, navigate, useLocation } from '../app/router';
import { $api, invalidate } from '../client';
import { ErrorAlert, Loading, Notice } from '../components/Alerts';
import { SelectField, TextField } from '../components/Fields';
import { Page } from '../components/Page';
import { RequireUser } from '../components/RequireUser';
import { TableScroll } from '../components/TableScroll';
import { useAsync } from '../components/useAsync';
import { useI18n } from '../i18n';
import { loadGroups } from '../organisation/groups';
import { loadRegion } from '../organisation/reference';
import { useStatusRegions } from './permissions';
import { StatusForm, StatusHistory } from './StatusForm';

const LIMIT = 50;
export const regionStatusHref = (code: string) => `/inforande/regioner/${code}/status`;
export const statusEditHref = (code: string, supportId: string, groupId?: string | null) =>
  `/inforande/regioner/${code}/stod/${supportId}${groupId ? `?grupp=${groupId}` : ''}`;

export function RegionStatusPage({ code }: { code: string }) {
  const { t } = useI18n();
  return (
    <RequireUser
      title={t('followup.regionStatus.titleLoading')}
      crumbs={[{ to: '/inforande', label: t('followup.heatmap.title') }]}
    >
      <RegionStatuses code={code} />
    </RequireUser>
  );
}

function RegionStatuses({ code }: { code: string }) {
  const { t } = useI18n();
  const { search } = useLocation();
  const q = search.get('q') ?? '';
  const offset = Number(search.get('offset') ?? '0') || 0;
  const [query, setQuery] = useState(q);
  const access = useStatusRegions();
  const data = $api.useQuery(
    'get',
    '/implementation/regions/{code}',
    { params: { path: { code }, query: { ...(q ? { q } : {}), limit: LIMIT, offset } } },
    { placeholderData: keepPreviousData },
  );
  const d = data.data;
  const mayEdit = access.regions.includes(code);
  const go = (nq: string, no: number) =>
    navigate(
      `${regionStatusHref(code)}?${new URLSearchParams({ ...(nq ? { q: nq } : {}), ...(no ? { offset: String(no) } : {}) })}`,
    );
  const onSearch = (e: FormEvent) => {
    e.preventDefault();
    go(query.trim(), 0);
  };
  return (
    <Page
      title={d ? t('followup.regionStatus.title', { name: d.region.name }) : t('followup.regionStatus.titleLoading')}
      crumbs={[
        { to: '/inforande', label: t('followup.heatmap.title') },
        { to: `/inforande/regioner/${code}`, label: d ? t('followup.drill.title', { name: d.region.name }) : code },
      ]}
      lead={<p>{t('followup.regionStatus.lead')}</p>}
    >
      {access.ready && !mayEdit && (
        <Notice>
          <p>{t('followup.regionStatus.readOnly')}</p>
        </Notice>
      )}
      <form role="search" onSubmit={onSearch} className="filters form" aria-label={t('followup.heatmap.q')}>
        <TextField id="status-q" label={t('followup.heatmap.q')} value={query} onChange={setQuery} />
        <p className="button-row">
          <button type="submit">{t('common.search')}</button>
        </p>
      </form>
      {data.error && <ErrorAlert error={data.error} />}
      {data.isPending && <Loading />}
      {d && (
        <>
          <p>{t('followup.heatmap.count', { count: d.total })}</p>
          <TableScroll labelledBy="region-status-caption">
            <table>
              <caption id="region-status-caption">{t('followup.regionStatus.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('followup.heatmap.support')}</th>
                  <th scope="col">{t('followup.drill.region')}</th>
                  <th scope="col">{t('followup.regionStatus.lpo')}</th>
                </tr>
              </thead>
              <tbody>
                {d.supports.map((s) => {
                  const lpo = d.groups
                    .map((g, i) => ({ g, st: s.groupStatuses[i] }))
                    .filter((x) => x.st)
                    .map((x) => `${x.g.name}: ${t(`followup.status.${x.st!}`)}`);
                  return (
                    <tr key={s.id}>
                      <th scope="row">
                        <Link to={statusEditHref(code, s.id)}>
                          {s.title}
                          <span className="visually-hidden">
                            : {mayEdit ? t('followup.regionStatus.edit') : t('followup.regionStatus.show')}
                          </span>
                        </Link>
                      </th>
                      <td>{s.regionStatus ? t(`followup.status.${s.regionStatus}`) : t('followup.heatmap.none')}</td>
                      <td>{lpo.length ? lpo.join('; ') : '–'}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </TableScroll>
          <p className="button-row">
            {offset > 0 && (
              <button type="button" className="button-secondary" onClick={() => go(q, Math.max(0, offset - LIMIT))}>
                {t('followup.heatmap.prev')}
              </button>
            )}
            {offset + LIMIT < d.total && (
              <button type="button" className="button-secondary" onClick={() => go(q, offset + LIMIT)}>
                {t('followup.heatmap.next')}
              </button>
            )}
          </p>
        </>
      )}
    </Page>
  );
}

export function StatusEditPage({ code, supportId }: { code: string; supportId: string }) {
  const { t } = useI18n();
  return (
    <RequireUser
      title={t('followup.regionStatus.titleLoading')}
      crumbs={[{ to: '/inforande', label: t('followup.heatmap.title') }]}
    >
      <StatusEdit code={code} supportId={supportId} />
    </RequireUser>
  );
}

function StatusEdit({ code, supportId }: { code: string; supportId: string }) {
  const { t, formatDate } = useI18n();
  const { search } = useLocation();
  const groupId = search.get('grupp') || null;
  const access = useStatusRegions();
  const [saved, setSaved] = useState(0);
  const detail = $api.useQuery('get', '/knowledge-supports/{id}', { params: { path: { id: supportId } } });
  const statuses = $api.useQuery('get', '/implementation-statuses', {
    params: { query: { region: code, supportId, limit: 500 } },
  });
  const unit = useAsync(
    async (signal) => {
      const [region, groups] = await Promise.all([
        loadRegion(code),
        loadGroups({ owner: code, kind: 'program-area', status: 'active' }, signal),
      ]);
      return { region, groups };
    },
    [code],
  );
  const d =
    detail.data && statuses.data && unit.data ? { ...unit.data, detail: detail.data, statuses: statuses.data.items } : undefined;
  const error = detail.error ?? statuses.error ?? unit.error;
  // A saved status changes this list, its history and the heatmap and region views.
  const refresh = () => {
    setSaved((n) => n + 1);
    void invalidate('/implementation');
  };
  // The newest version that has a status for this unit (as the heatmap shows it), else none yet.
  const order = new Map((d?.detail.versions ?? []).map((v, i) => [v.id, i]));
  const rows = (d?.statuses ?? [])
    .filter((s) => s.groupId === groupId)
    .sort((a, b) => (order.get(b.supportVersionId) ?? 0) - (order.get(a.supportVersionId) ?? 0));
  const current = rows[0] ?? null;
  const newest = d?.detail.versions[d.detail.versions.length - 1];
  const mayEdit = access.regions.includes(code);
  const unitName = groupId ? (d?.groups.find((g) => g.id === groupId)?.name ?? '') : d?.region.name;
  const [message, setMessage] = useState<string | null>(null);

  return (
    <Page
      title={d ? `${d.detail.support.title}: ${unitName}` : t('followup.regionStatus.titleLoading')}
      crumbs={[
        { to: '/inforande', label: t('followup.heatmap.title') },
        { to: regionStatusHref(code), label: d ? t('followup.regionStatus.title', { name: d.region.name }) : code },
      ]}
    >
      {error && <ErrorAlert error={error} />}
      {!d && !error && <Loading />}
      {message && (
        <Notice kind="success" live>
          <p>{message}</p>
        </Notice>
      )}
      {d && (
        <>
          <SelectField
            id="status-unit"
            label={t('followup.regionStatus.unit')}
            value={groupId ?? ''}
            onChange={(g) => {
              setMessage(null);
              navigate(statusEditHref(code, supportId, g || null));
            }}
          >
            <option value="">{t('followup.regionStatus.wholeRegion', { name: d.region.name })}</option>
            {d.groups.map((g) => (
              <option key={g.id} value={g.id}>
                {g.name}
              </option>
            ))}
          </SelectField>
          <dl className="facts">
            <dt>{t('followup.statusForm.status')}</dt>
            <dd>{current ? t(`followup.status.${current.status}`) : t('followup.regionStatus.noStatus')}</dd>
            {current && (
              <>
                <dt>{t('followup.regionStatus.version')}</dt>
                <dd>{current.versionLabel}</dd>
                {current.notApplicableReason && (
                  <>
                    <dt>{t('followup.statusForm.notApplicableReason')}</dt>
                    <dd>{current.notApplicableReason}</dd>
                  </>
                )}
                <dt>{t('followup.regionStatus.updated')}</dt>
                <dd>
                  {formatDate(current.updatedAt.slice(0, 10))}
                  {current.updatedBy ? ` (${current.updatedBy})` : ''}
                </dd>
              </>
            )}
          </dl>
          {!mayEdit && access.ready && (
            <Notice>
              <p>{t('followup.regionStatus.readOnly')}</p>
            </Notice>
          )}
          {mayEdit && (current || newest) && (
            <StatusForm
              key={`${current?.id ?? 'new'}-${current?.version ?? 0}-${groupId ?? ''}`}
              current={current}
              create={newest ? { supportVersionId: newest.id, regionCode: code, groupId } : null}
              groups={d.groups}
              onSaved={(row) => {
                setMessage(t('followup.statusForm.saved', { status: t(`followup.status.${row.status}`) }));
                refresh();
              }}
              onReload={refresh}
            />
          )}
          {current && <StatusHistory statusId={current.id} n={saved} />}
        </>
      )}
    </Page>
  );
}
