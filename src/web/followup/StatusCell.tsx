import { useI18n } from '../i18n';
import { STATUS_STYLE, STATUSES, type Status } from './types';

/** One heatmap cell: colour, a two-letter label and the full status for screen readers. */
export function StatusCell({ status }: { status: Status | null }) {
  const { t } = useI18n();
  if (!status) {
    return (
      <td className="cell-state" style={{ textAlign: 'center', color: '#4a4a4a' }}>
        <span aria-hidden="true">·</span>
        <span className="visually-hidden">{t('followup.heatmap.none')}</span>
      </td>
    );
  }
  const s = STATUS_STYLE[status];
  return (
    <td
      className="cell-state"
      style={{ background: s.bg, color: s.fg, textAlign: 'center', fontWeight: 600 }}
      title={t(`followup.status.${status}`)}
    >
      <span aria-hidden="true">{s.short}</span>
      <span className="visually-hidden">{t(`followup.status.${status}`)}</span>
    </td>
  );
}

export function StatusLegend() {
  const { t } = useI18n();
  return (
    <section aria-labelledby="followup-legend" className="matrix-legend">
      <h2 id="followup-legend" className="h-small">
        {t('followup.heatmap.legend')}
      </h2>
      <ul className="inline-list">
        {STATUSES.map((st) => (
          <li key={st}>
            <span
              style={{
                background: STATUS_STYLE[st].bg,
                color: STATUS_STYLE[st].fg,
                padding: '0 0.4em',
                fontWeight: 600,
                border: '1px solid #999',
              }}
            >
              {STATUS_STYLE[st].short}
            </span>{' '}
            {t(`followup.status.${st}`)}
          </li>
        ))}
      </ul>
    </section>
  );
}
