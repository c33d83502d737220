/** The case's particulars as a table of facts (status, dates, origin, secrecy, forum, assignment, decision). */
import type { ReactNode } from 'react';
import { Link } from '../app/router';
import { answerPath } from '../consultations/model';
import { useI18n } from '../i18n';
import { caseHref, originLabel, STATUS_BADGE, statusLabel, type CaseDetail } from './cases';

export function CaseSummary({ c }: { c: CaseDetail }) {
  const i18n = useI18n();
  const { t, formatDate } = i18n;
  const none = t('cases.none');
  const rows: [string, ReactNode][] = [
    [t('case.field.caseNumber'), <span className="mono">{c.caseNumber}</span>],
    [t('cases.field.diarienummer'), c.diarienummer ? <span className="mono">{c.diarienummer}</span> : none],
    [t('cases.field.classification'), c.classificationCode ? `${c.classificationCode} ${c.classificationTitle ?? ''}` : none],
    [t('case.field.status'), <span className={`badge ${STATUS_BADGE[c.status] ?? ''}`}>{statusLabel(i18n, c.status)}</span>],
    [t('case.field.receivedDate'), formatDate(c.receivedDate)],
    [t('case.field.origin'), originLabel(i18n, c.origin)],
    [t('case.field.sender'), c.sender],
    [t('cases.field.secrecy'), c.secret ? `${t('cases.secret')} – ${c.secrecyGround ?? ''}` : t('cases.notSecret')],
    [t('cases.field.decisionPath'), c.decisionPath ? (i18n.tMaybe(`cases.path.${c.decisionPath}`) ?? c.decisionPath) : none],
    [t('cases.field.forum'), c.forumName ?? none],
    [t('cases.field.mainCase'), c.mainCaseId ? <Link to={caseHref(c.mainCaseId)}>{c.mainCaseNumber}</Link> : none],
    ...(c.consultationAnswerId
      ? ([
          [
            t('cases.field.consultationAnswer'),
            <Link to={answerPath(c.consultationAnswerId)}>
              {t('cases.consultationAnswerOf', { round: c.consultationRoundTitle ?? '' })}
            </Link>,
          ],
        ] as [string, ReactNode][])
      : []),
    [t('cases.field.assignedGroup'), c.assignedGroupName ?? none],
    [t('cases.field.handler'), c.handlerName ?? none],
    [t('cases.field.dueDate'), c.dueDate ? formatDate(c.dueDate) : none],
    [t('cases.field.decisionRef'), c.decisionRef ?? none],
  ];
  if (c.triageNote) rows.push([t('cases.field.triageNote'), c.triageNote]);
  return (
    <section aria-labelledby="summary-heading">
      <h2 id="summary-heading" className="visually-hidden">
        {t('cases.summary.heading')}
      </h2>
      <table className="facts-table">
        <caption>{t('cases.summary.caption')}</caption>
        <tbody>
          {rows.map(([label, value]) => (
            <tr key={label}>
              <th scope="row">{label}</th>
              <td>{value}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
