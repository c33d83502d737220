/** Historik: the case's status history (transitions, escalations, the bundled cases' following) and, folded, its audit trail. */
import { $api } from '../client';
import { ErrorAlert } from '../components/Alerts';
import { TableScroll } from '../components/TableScroll';
import { useI18n } from '../i18n';
import { statusLabel, type CaseDetail, type CaseTransition } from './cases';

export function HistoryPanel({ c }: { c: CaseDetail }) {
  const i18n = useI18n();
  const { t, formatDateTime } = i18n;
  const transitions = $api.useQuery('get', '/cases/{id}/transitions', { params: { path: { id: c.id } } });
  const audit = $api.useQuery('get', '/cases/{id}/history', { params: { path: { id: c.id } } });
  const what = (h: CaseTransition) => {
    const status = (s: string) => statusLabel(i18n, s);
    const main =
      h.kind === 'escalation'
        ? t('cases.history.escalation', { forum: h.forumName ?? '' })
        : h.kind === 'bundle'
          ? t('cases.history.bundle', { to: status(h.to) })
          : t('cases.history.transition', { from: status(h.from), to: status(h.to) });
    return (
      <>
        {main}
        {h.reason && <span className="stat-note">{t('cases.history.reason', { reason: h.reason })}</span>}
        {h.decisionRef && <span className="stat-note">{t('cases.history.decisionRef', { ref: h.decisionRef })}</span>}
      </>
    );
  };
  const items = transitions.data?.items ?? [];
  return (
    <section className="panel" aria-labelledby="history-heading">
      <h2 id="history-heading">{t('cases.history.heading')}</h2>
      {transitions.error && <ErrorAlert error={transitions.error} />}
      {items.length > 0 && (
        <TableScroll labelledBy="history-caption">
          <table>
            <caption id="history-caption">{t('cases.history.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('cases.history.when')}</th>
                <th scope="col">{t('cases.history.what')}</th>
                <th scope="col">{t('cases.history.who')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((h) => (
                <tr key={h.id}>
                  <td className="nowrap">{formatDateTime(h.at)}</td>
                  <td>{what(h)}</td>
                  <td>{h.actor}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      {audit.data && audit.data.items.length > 0 && (
        <details>
          <summary>{t('cases.audit.heading')}</summary>
          <TableScroll labelledBy="audit-caption">
            <table>
              <caption id="audit-caption">{t('cases.audit.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('cases.history.when')}</th>
                  <th scope="col">{t('cases.history.what')}</th>
                  <th scope="col">{t('cases.history.who')}</th>
                </tr>
              </thead>
              <tbody>
                {audit.data.items.map((e, i) => (
                  <tr key={i}>
                    <td className="nowrap">{formatDateTime(e.at)}</td>
                    <td>{i18n.tMaybe(`cases.audit.${e.entityType}.${e.action}`) ?? `${e.entityType} ${e.action}`}</td>
                    <td>{e.actor}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        </details>
      )}
    </section>
  );
}
