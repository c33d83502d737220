import type { ReactNode, Ref } from 'react';
import { TableScroll } from '../components/TableScroll';
import { useI18n } from '../i18n';
import type { ValidationReport } from './types';

/** The check's report of a small file: problems with the file, the counts, the wrong rows (the first 500), and the confirm step. */
export function ImportReport({
  report,
  reportRef,
  children,
}: {
  report: ValidationReport;
  /** Focused when a new report arrives. */
  reportRef: Ref<HTMLElement>;
  children: ReactNode;
}) {
  const { t } = useI18n();
  const bad = report.problems.length;
  return (
    <section aria-labelledby="report-heading" ref={reportRef} tabIndex={-1}>
      <h2 id="report-heading">{t('followup.import.report')}</h2>
      {report.fileProblems.map((p) => (
        <p key={p} className="alert alert-error">
          {p}
        </p>
      ))}
      <p role="status">
        {t('followup.import.summary', { total: report.totalRows, valid: report.validRows, bad })}{' '}
        {bad === 0 && report.fileProblems.length === 0 && t('followup.import.allGood')}
      </p>
      {bad > 0 && (
        <TableScroll labelledBy="problems-caption">
          <table>
            <caption id="problems-caption">{t('followup.import.problemsCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('followup.import.row')}</th>
                <th scope="col">{t('followup.import.column')}</th>
                <th scope="col">{t('followup.import.value')}</th>
                <th scope="col">{t('followup.import.message')}</th>
              </tr>
            </thead>
            <tbody>
              {report.problems.slice(0, 500).map((p) => (
                <tr key={`${p.row}-${p.column}-${p.message}`}>
                  <th scope="row">{p.row}</th>
                  <td>{p.column}</td>
                  <td>{p.value}</td>
                  <td>{p.message}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      {children}
    </section>
  );
}
