import { Link } from '../app/router';
import { TableScroll } from '../components/TableScroll';
import { useI18n } from '../i18n';
import { today } from '../people/people';
import {
  daysBetween,
  docLabel,
  PHASE_BADGE,
  phaseLabel,
  roundAnswersHref,
  supportHref,
  trackLabel,
  type ConsultationRound,
} from './knowledge';

/**
 * Rounds with their deadlines. The "Svar" column links to the answers area (remisser), which
 * owns the regions' answers; this area only registers the national round.
 */
export function RoundsTable({
  rounds,
  id,
  caption,
  showSupport,
}: {
  rounds: ConsultationRound[];
  id: string;
  caption: string;
  showSupport: boolean;
}) {
  const i18n = useI18n();
  const { t, formatDate } = i18n;
  const now = today();
  return (
    <TableScroll labelledBy={`${id}-caption`}>
      <table>
        <caption id={`${id}-caption`}>{caption}</caption>
        <thead>
          <tr>
            {showSupport && <th scope="col">{t('knowledge.rounds.support')}</th>}
            <th scope="col">{t('knowledge.rounds.version')}</th>
            <th scope="col">{t('knowledge.rounds.track')}</th>
            <th scope="col">{t('knowledge.rounds.period')}</th>
            <th scope="col">{t('knowledge.rounds.phase')}</th>
            <th scope="col">{t('knowledge.rounds.documents')}</th>
            <th scope="col">{t('knowledge.rounds.answers')}</th>
          </tr>
        </thead>
        <tbody>
          {rounds.map((r) => {
            const left = daysBetween(now, r.closesOn);
            return (
              <tr key={r.id}>
                {showSupport && (
                  <th scope="row">
                    <Link to={supportHref(r.supportId)}>{r.supportTitle}</Link>
                  </th>
                )}
                <td>{r.versionLabel}</td>
                <td>
                  {trackLabel(i18n, r.track)}
                  {(r.trackOverridden || r.datesOverridden) && r.overrideReason && (
                    <span className="stat-note">{t('knowledge.rounds.overridden', { reason: r.overrideReason })}</span>
                  )}
                </td>
                <td className="nowrap">
                  {formatDate(r.opensOn)} – {formatDate(r.closesOn)}
                  {r.phase !== 'stangd' && r.phase !== 'avbruten' && left >= 0 && (
                    <span className="stat-note">
                      {t(left === 1 ? 'knowledge.rounds.daysLeft.one' : 'knowledge.rounds.daysLeft', { count: left })}
                    </span>
                  )}
                </td>
                <td>
                  <span className={`badge ${PHASE_BADGE[r.phase] ?? ''}`}>{phaseLabel(i18n, r.phase)}</span>
                </td>
                <td>
                  {r.documents.length === 0 ? (
                    t('knowledge.noValue')
                  ) : (
                    <ul className="plain-list">
                      {r.documents.map((d) => (
                        <li key={d.id}>
                          <a href={d.url ?? d.downloadUrl ?? '#'}>{d.title}</a>{' '}
                          <span className="muted">({docLabel(i18n, d.kind)})</span>
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
                <td>
                  {/* The answers area (src/web/consultations) fills this in: the regions' answers to the round. */}
                  <Link to={roundAnswersHref(r.id)} aria-label={`${t('knowledge.rounds.answersSlot')}: ${r.title}`}>
                    {t('knowledge.rounds.answers')}
                  </Link>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableScroll>
  );
}
