import { useEffect, useRef, useState, type FormEvent } from 'react';
import { ApiError } from '../api';
import { call, client, type ApiResponse } from '../client';
import { ErrorAlert, Loading } from '../components/Alerts';
import { TextField } from '../components/Fields';
import { Page } from '../components/Page';
import { useAllUsers } from './users';
import { useI18n } from '../i18n';
import { AUDIT_KINDS as KINDS } from '../../shared/audit-kinds';
import { TableScroll } from '../components/TableScroll';

interface Filters {
  entityType: string;
  action: string;
  actorUserId: string;
  from: string;
  to: string;
}

const AUDIT_KINDS: Record<string, readonly string[]> = KINDS;
type AuditEvent = ApiResponse<'/audit'>['items'][number];

const EMPTY: Filters = { entityType: '', action: '', actorUserId: '', from: '', to: '' };
const PAGE_SIZE = 50;

export function AuditPage() {
  const { t, tMaybe } = useI18n();
  const [draft, setDraft] = useState<Filters>(EMPTY);
  const [applied, setApplied] = useState<Filters>(EMPTY);
  const [items, setItems] = useState<AuditEvent[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<ApiError | null>(null);
  const [loaded, setLoaded] = useState(false);
  const captionRef = useRef<HTMLTableCaptionElement>(null);
  const users = useAllUsers();

  async function load(filters: Filters, after: string | null, signal?: AbortSignal) {
    setLoading(true);
    setError(null);
    try {
      // an empty filter is no filter
      const set = Object.fromEntries(Object.entries(filters).filter(([, v]) => v !== ''));
      const query = { ...set, limit: PAGE_SIZE, ...(after ? { cursor: after } : {}) };
      const page = await call(client.GET('/audit', { params: { query }, ...(signal ? { signal } : {}) }));
      setItems((prev) => (after ? [...prev, ...page.items] : page.items));
      setCursor(page.nextCursor);
      setLoaded(true);
    } catch (err) {
      if (signal?.aborted) return;
      setError(err instanceof ApiError ? err : new ApiError({ status: 0, title: 'network' }));
    } finally {
      if (!signal?.aborted) setLoading(false);
    }
  }

  useEffect(() => {
    const controller = new AbortController();
    void load(applied, null, controller.signal);
    return () => controller.abort();
  }, [applied]);

  async function more() {
    await load(applied, cursor);
    // the button is gone after the last page: keep focus in the list instead of the page top
    window.requestAnimationFrame(() => {
      if (!document.activeElement || document.activeElement === document.body) captionRef.current?.focus();
    });
  }

  const actions = draft.entityType ? (AUDIT_KINDS[draft.entityType] ?? []) : [...new Set(Object.values(AUDIT_KINDS).flat())];

  const set = (key: keyof Filters) => (value: string) => setDraft((d) => ({ ...d, [key]: value }));

  function submit(e: FormEvent) {
    e.preventDefault();
    setApplied({ ...draft });
  }

  return (
    <Page title={t('audit.title')} crumbs={[{ to: '/', label: t('nav.start') }]} lead={<p>{t('audit.lead')}</p>}>
      <form className="form filters" onSubmit={submit} aria-labelledby="audit-filter-heading">
        <h2 id="audit-filter-heading" className="h-small">
          {t('audit.filters')}
        </h2>
        <div className="filter-grid">
          <div className="field">
            <label htmlFor="audit-entity">{t('audit.col.entityType')}</label>
            <select
              id="audit-entity"
              value={draft.entityType}
              onChange={(e) => setDraft((d) => ({ ...d, entityType: e.target.value, action: '' }))}
            >
              <option value="">{t('common.all')}</option>
              {Object.keys(AUDIT_KINDS).map((k) => (
                <option key={k} value={k}>
                  {tMaybe(`audit.entity.${k}`) ?? k}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="audit-action">{t('audit.col.action')}</label>
            <select id="audit-action" value={draft.action} onChange={(e) => set('action')(e.target.value)}>
              <option value="">{t('common.all')}</option>
              {actions.map((a) => (
                <option key={a} value={a}>
                  {tMaybe(`audit.action.${a}`) ?? a}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="audit-actor">{t('audit.col.actor')}</label>
            <select id="audit-actor" value={draft.actorUserId} onChange={(e) => set('actorUserId')(e.target.value)}>
              <option value="">{t('common.all')}</option>
              {(users.data ?? []).map((u) => (
                <option key={u.id} value={u.id}>
                  {u.name} ({u.email})
                </option>
              ))}
            </select>
          </div>
          <TextField id="audit-from" label={t('audit.from')} type="date" value={draft.from} onChange={set('from')} />
          <TextField id="audit-to" label={t('audit.to')} type="date" value={draft.to} onChange={set('to')} />
        </div>
        <div className="button-row">
          <button type="submit">{t('audit.apply')}</button>
          <button
            type="button"
            className="button-secondary"
            onClick={() => {
              setDraft(EMPTY);
              setApplied({ ...EMPTY });
            }}
          >
            {t('audit.clear')}
          </button>
        </div>
      </form>

      <p role="status" className="result-count">
        {loaded && !loading && t(cursor ? 'audit.countMore' : 'audit.count', { count: items.length })}
      </p>
      {error && <ErrorAlert error={error} />}
      {loaded && items.length === 0 && !loading && <p>{t('audit.empty')}</p>}
      {items.length > 0 && (
        <TableScroll labelledBy="audit-caption">
          <table className="audit">
            <caption id="audit-caption" tabIndex={-1} ref={captionRef}>
              {t('audit.caption')}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('audit.col.time')}</th>
                <th scope="col">{t('audit.col.actor')}</th>
                <th scope="col">{t('audit.col.action')}</th>
                <th scope="col">{t('audit.col.entity')}</th>
                <th scope="col">{t('audit.col.change')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((e) => (
                <AuditRow key={String(e.id)} event={e} />
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      {loading && <Loading />}
      {cursor && (
        // aria-disabled rather than disabled keeps keyboard focus on the button while loading
        <button type="button" className="button-secondary" aria-disabled={loading} onClick={() => void (loading ? null : more())}>
          {t('audit.more')}
        </button>
      )}
    </Page>
  );
}

function Snapshot({ label, value }: { label: string; value: unknown }) {
  return (
    <div>
      <h3 className="h-small">{label}</h3>
      <pre>{JSON.stringify(value, null, 2)}</pre>
    </div>
  );
}

function AuditRow({ event }: { event: AuditEvent }) {
  const { t, tMaybe, formatDateTime } = useI18n();
  const hasChange = event.before != null || event.after != null;
  return (
    <tr>
      <td className="nowrap">
        <time dateTime={event.occurredAt}>{formatDateTime(event.occurredAt)}</time>
      </td>
      <td>{event.actorLabel}</td>
      <th scope="row">{tMaybe(`audit.action.${event.action}`) ?? event.action}</th>
      <td>
        <span>{tMaybe(`audit.entity.${event.entityType}`) ?? event.entityType}</span>{' '}
        <code className="muted id" title={event.entityId}>
          {event.entityId.length > 12 ? `${event.entityId.slice(0, 8)}…` : event.entityId}
        </code>
      </td>
      <td>
        {hasChange ? (
          <details className="change">
            <summary>{t('audit.showChange')}</summary>
            <div className="change-grid">
              {/* a create has no "before" and a removal no "after": show only what exists */}
              {event.before != null && <Snapshot label={t('audit.before')} value={event.before} />}
              {event.after != null && <Snapshot label={t('audit.after')} value={event.after} />}
            </div>
          </details>
        ) : (
          <span className="muted">—</span>
        )}
      </td>
    </tr>
  );
}
