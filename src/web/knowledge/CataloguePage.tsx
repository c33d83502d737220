/**
 * Kunskapsstöd: the catalogue with Swedish full-text search ("kunskapsstöden" finds
 * "kunskapsstöd") and filters by type, program area, status and producer. The filters live in
 * the address, so a search can be linked and the back button works.
 */
import { useState, type FormEvent } from 'react';
import { useQuery } from '@tanstack/react-query';
import { ownerLabel, useOwnerNames } from './owners';
import { Link, navigate, useLocation } from '../app/router';
import { $api } from '../client';
import type { paths } from '../generated/api';
import { ErrorAlert, Loading } from '../components/Alerts';
import { SelectField, TextField } from '../components/Fields';
import { Page } from '../components/Page';
import { TableScroll } from '../components/TableScroll';
import { useI18n } from '../i18n';
import { loadProgramAreas } from '../organisation/reference';
import { KnowledgeNav } from './KnowledgeNav';
import {
  KNOWLEDGE_PATH,
  PRODUCER_KINDS,
  producerKindLabel,
  STATUS_BADGE,
  STATUSES,
  statusLabel,
  SUPPORT_TYPES,
  supportHref,
  typeLabel,
} from './knowledge';

const FILTERS = ['q', 'type', 'programArea', 'status', 'producerKind'] as const;
type Filter = (typeof FILTERS)[number];
type CatalogueQuery = Pick<NonNullable<paths['/knowledge-supports']['get']['parameters']['query']>, Filter>;

export function CataloguePage() {
  const i18n = useI18n();
  const ownerNames = useOwnerNames();
  const { t, formatDate } = i18n;
  const { search } = useLocation();
  const current = Object.fromEntries(FILTERS.map((f) => [f, search.get(f) ?? ''])) as Record<Filter, string>;
  const [draft, setDraft] = useState(current);
  const areas = useQuery({ queryKey: ['program-areas'], queryFn: () => loadProgramAreas() });
  const query = Object.fromEntries(FILTERS.map((f) => [f, current[f].trim() || undefined])) as CatalogueQuery;
  const supports = $api.useQuery('get', '/knowledge-supports', { params: { query: { ...query, limit: 200 } } });
  const set = (f: Filter) => (v: string) => setDraft((d) => ({ ...d, [f]: v }));
  const areaName = (id: string) => areas.data?.find((a) => a.id === id)?.name ?? id;
  const items = supports.data?.items ?? [];

  function submit(e: FormEvent) {
    e.preventDefault();
    const params = new URLSearchParams();
    for (const f of FILTERS) if (draft[f].trim()) params.set(f, draft[f].trim());
    const qs = params.toString();
    navigate(qs ? `${KNOWLEDGE_PATH}?${qs}` : KNOWLEDGE_PATH, { replace: true });
  }

  return (
    <Page title={t('knowledge.title')} crumbs={[{ to: '/', label: t('nav.start') }]} lead={<p>{t('knowledge.lead')}</p>}>
      <KnowledgeNav />
      <form className="filters form" role="search" onSubmit={submit} aria-labelledby="knowledge-search-heading">
        <h2 id="knowledge-search-heading" className="h-small">
          {t('knowledge.search.heading')}
        </h2>
        <TextField
          id="knowledge-q"
          type="search"
          label={t('knowledge.search.q')}
          hint={t('knowledge.search.q.hint')}
          value={draft.q}
          onChange={set('q')}
          autoComplete="off"
        />
        <div className="filter-grid">
          <SelectField id="knowledge-type" label={t('knowledge.field.type')} value={draft.type} onChange={set('type')}>
            <option value="">{t('knowledge.search.any')}</option>
            {SUPPORT_TYPES.map((x) => (
              <option key={x} value={x}>
                {typeLabel(i18n, x)}
              </option>
            ))}
          </SelectField>
          <SelectField
            id="knowledge-area"
            label={t('knowledge.field.programArea')}
            value={draft.programArea}
            onChange={set('programArea')}
          >
            <option value="">{t('knowledge.search.any')}</option>
            {(areas.data ?? []).map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </SelectField>
          <SelectField id="knowledge-status" label={t('knowledge.field.status')} value={draft.status} onChange={set('status')}>
            <option value="">{t('knowledge.search.any')}</option>
            {STATUSES.map((x) => (
              <option key={x} value={x}>
                {statusLabel(i18n, x)}
              </option>
            ))}
          </SelectField>
          <SelectField
            id="knowledge-producer"
            label={t('knowledge.field.producerKind')}
            value={draft.producerKind}
            onChange={set('producerKind')}
          >
            <option value="">{t('knowledge.search.any')}</option>
            {PRODUCER_KINDS.map((x) => (
              <option key={x} value={x}>
                {producerKindLabel(i18n, x)}
              </option>
            ))}
          </SelectField>
        </div>
        <button type="submit">{t('knowledge.search.submit')}</button>
      </form>
      {supports.error && <ErrorAlert error={supports.error} />}
      {supports.isPending && <Loading />}
      <p className="result-count" role="status">
        {supports.data &&
          t(items.length === 1 ? 'knowledge.search.count.one' : 'knowledge.search.count', { count: items.length })}
      </p>
      {supports.data && items.length === 0 && <p>{t('knowledge.search.none')}</p>}
      {items.length > 0 && (
        <TableScroll labelledBy="knowledge-caption">
          <table>
            <caption id="knowledge-caption">{t('knowledge.search.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('knowledge.field.title')}</th>
                <th scope="col">{t('knowledge.field.type')}</th>
                <th scope="col">{t('knowledge.field.producer')}</th>
                <th scope="col">{t('knowledge.field.programAreaIds')}</th>
                <th scope="col">{t('knowledge.field.status')}</th>
                <th scope="col">{t('knowledge.field.nextRevisionDate')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((s) => (
                <tr key={s.id}>
                  <th scope="row">
                    <Link to={supportHref(s.id)}>{s.title}</Link>
                  </th>
                  <td>
                    {typeLabel(i18n, s.type)}
                    <span className="stat-note">{ownerLabel(i18n, s.owner, ownerNames)}</span>
                  </td>
                  <td>{s.producerGroupName ?? s.producerName ?? producerKindLabel(i18n, s.producerKind)}</td>
                  <td>{s.programAreaIds.map(areaName).join(', ') || t('knowledge.noValue')}</td>
                  <td>
                    <span className={`badge ${STATUS_BADGE[s.status] ?? ''}`}>{statusLabel(i18n, s.status)}</span>
                  </td>
                  <td className="nowrap">{s.nextRevisionDate ? formatDate(s.nextRevisionDate) : t('knowledge.noValue')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      {supports.data?.nextCursor && <p className="muted">{t('knowledge.search.more')}</p>}
    </Page>
  );
}
