/** Beslutsloggen: decisions in approved minutes across the forums the user may read, searchable. */
import { Link, useLocation } from '../app/router';
import { caseHref } from '../cases/cases';
import { ErrorAlert, Loading } from '../components/Alerts';
import { Page } from '../components/Page';
import { RequireUser } from '../components/RequireUser';
import { TableScroll } from '../components/TableScroll';
import { $api } from '../client';
import { useI18n, useT } from '../i18n';
import { DecisionHead, DecisionSearch } from './DecisionSearch';
import { DECISIONS_PATH, extractHref, kindText, meetingHref, MEETINGS_PATH } from './meetings';

export function DecisionLogPage() {
  const t = useT();
  return (
    <RequireUser title={t('meetings.decisions.title')} crumbs={[{ to: MEETINGS_PATH, label: t('area.meetings') }]}>
      <DecisionLog />
    </RequireUser>
  );
}

function DecisionLog() {
  const i18n = useI18n();
  const { t, formatDate } = i18n;
  const { search } = useLocation();
  const q = search.get('q') ?? '';
  const list = $api.useQuery('get', '/decisions', { params: { query: { ...(q ? { q } : {}), limit: 200 } } });
  const items = list.data?.items ?? [];
  return (
    <Page
      title={t('meetings.decisions.title')}
      crumbs={[
        { to: '/', label: t('nav.start') },
        { to: MEETINGS_PATH, label: t('area.meetings') },
      ]}
      lead={<p>{t('meetings.decisions.lead')}</p>}
    >
      <DecisionSearch id="decisions-q" path={DECISIONS_PATH} q={q} />
      {list.error && <ErrorAlert error={list.error} />}
      {list.isPending && <Loading />}
      <p className="result-count" role="status">
        {list.data && t('meetings.decisions.count', { count: items.length })}
      </p>
      {items.length > 0 && (
        <TableScroll labelledBy="decisions-caption">
          <table>
            <caption id="decisions-caption">{t('meetings.decisions.caption')}</caption>
            <DecisionHead last={t('meetings.decisions.extract')} />
            <tbody>
              {items.map((d) => (
                <tr key={d.paragraphId}>
                  <td>
                    <Link to={meetingHref(d.meetingId)}>{d.reference}</Link>
                    <br />
                    <span className="hint">{formatDate(d.meetingDate)}</span>
                  </td>
                  <td>{d.title}</td>
                  <td>
                    <strong>{kindText(i18n, d.decisionKind)}:</strong> {d.decisionText}
                  </td>
                  <td>{d.caseId ? <Link to={caseHref(d.caseId)}>{d.caseNumber}</Link> : '–'}</td>
                  <td>
                    <a
                      href={extractHref(d.paragraphId, 'pdf')}
                      aria-label={t('meetings.download.extractPdf', { number: d.number })}
                    >
                      PDF
                    </a>{' '}
                    <a
                      href={extractHref(d.paragraphId, 'docx')}
                      aria-label={t('meetings.download.extractDocx', { number: d.number })}
                    >
                      DOCX
                    </a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </Page>
  );
}
