/**
 * Seed 002: "En sammanhållen uppföljningsrapport presenteras vid varje möte och utgör grunden till
 * rådets beslut". On a kunskapsråd's page: the consolidated follow-up report of the program areas
 * reporting to it, and the council's recurring obligations, as PDF or DOCX.
 */
import { apiHref } from '../api';
import { useI18n } from '../i18n';

const href = (groupId: string, format: 'pdf' | 'docx') =>
  apiHref('/groups/{id}/consolidated-followup-report', { path: { id: groupId }, query: { format } });

export function ConsolidatedReportSection({ groupId }: { groupId: string }) {
  const { t } = useI18n();
  return (
    <section aria-labelledby="consolidated-report-heading">
      <h2 id="consolidated-report-heading">{t('group.consolidatedReport.heading')}</h2>
      <p>{t('group.consolidatedReport.lead')}</p>
      <p className="link-row">
        <a href={href(groupId, 'pdf')}>{t('group.consolidatedReport.pdf')}</a> ·{' '}
        <a href={href(groupId, 'docx')}>{t('group.consolidatedReport.docx')}</a>
      </p>
    </section>
  );
}
