/** Small shared pieces of the consultation pages: status words, badges, milestone text. */
import { useI18n, type I18n } from '../i18n';
import type { AnswerStatus, JointStatus, Milestone } from './model';

export const statusLabel = (i18n: I18n, s: AnswerStatus | null) =>
  s ? (i18n.tMaybe(`consultations.status.${s}`) ?? s) : i18n.t('consultations.status.none');
export const jointStatusLabel = (i18n: I18n, s: JointStatus) => i18n.tMaybe(`consultations.jointStatus.${s}`) ?? s;
export const trackLabel = (i18n: I18n, s: string) => i18n.tMaybe(`consultations.track.${s}`) ?? s;
export const milestoneLabel = (i18n: I18n, k: string) => i18n.tMaybe(`consultations.milestone.${k}`) ?? k;

export const STATUS_BADGE: Record<AnswerStatus, string> = {
  registrerad: 'badge-none',
  fordelad: 'badge-partial',
  'enkat-pagar': 'badge-partial',
  utkast: 'badge-partial',
  beredd: 'badge-partial',
  beslutad: 'badge-ok',
  skickad: 'badge-ok',
  ersatt: 'badge-old',
};

export function StatusBadge({ status }: { status: AnswerStatus | null }) {
  const i18n = useI18n();
  return <span className={`badge ${status ? STATUS_BADGE[status] : 'badge-none'}`}>{statusLabel(i18n, status)}</span>;
}

export function MilestoneText({ m }: { m: Milestone | null }) {
  const i18n = useI18n();
  if (!m) return <span className="muted">{i18n.t('consultations.milestone.none')}</span>;
  return (
    <span>
      {milestoneLabel(i18n, m.kind)} {i18n.formatDate(m.dueOn)}
      {m.late && (
        <>
          {' '}
          <strong className="badge badge-weak">{i18n.t('consultations.late')}</strong>
        </>
      )}
    </span>
  );
}
