/**
 * Beslut och protokoll (insyn): the decisions of justerade protokoll in every forum, for anyone,
 * signed in or not. The server masks paragraphs about secret cases and shows nothing of minutes
 * before justering; each decision links to its justerat protokoll.
 */
import { useState } from 'react';
import { useLocation } from '../app/router';
import { $api } from '../client';
import { ErrorAlert, Loading } from '../components/Alerts';
import { Page } from '../components/Page';
import { TableScroll } from '../components/TableScroll';
import { useI18n } from '../i18n';
import { DecisionHead, DecisionSearch } from './DecisionSearch';
import { kindText, PUBLIC_DECISIONS_PATH, PUBLIC_DECISIONS_FEED } from './meetings';

const PAGE_SIZE = 50;

export function PublicDecisionsPage() {
  const { t } = useI18n();
  const { search } = useLocation();
  const q = search.get('q') ?? '';
  // Each "Visa fler" adds the next page's cursor; the first page has none.
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined]);
  return (
    <Page
      title={t('meetings.public.title')}
      crumbs={[{ to: '/', label: t('nav.start') }]}
      lead={<p>{t('meetings.public.lead')}</p>}
    >
      <DecisionSearch id="public-decisions-q" path={PUBLIC_DECISIONS_PATH} q={q} onSearch={() => setCursors([undefined])} />
      <TableScroll labelledBy="public-decisions-caption">
        <table>
          <caption id="public-decisions-caption">
            {q ? t('meetings.public.captionSearch', { q }) : t('meetings.public.caption')}
          </caption>
          <DecisionHead last={t('meetings.public.minutes')} />
          {cursors.map((cursor, i) => (
            <DecisionRows
              key={`${q}|${cursor ?? ''}`}
              q={q}
              cursor={cursor}
              first={i === 0}
              last={i === cursors.length - 1}
              onMore={(next) => setCursors((c) => [...c, next])}
            />
          ))}
        </table>
      </TableScroll>
      <p>
        <a href={PUBLIC_DECISIONS_FEED} type="application/atom+xml">
          {t('meetings.public.feed')}
        </a>
      </p>
    </Page>
  );
}

function DecisionRows({
  q,
  cursor,
  first,
  last,
  onMore,
}: {
  q: string;
  cursor: string | undefined;
  first: boolean;
  last: boolean;
  onMore: (cursor: string) => void;
}) {
  const i18n = useI18n();
  const { t, formatDate } = i18n;
  const list = $api.useQuery('get', '/public/decisions', {
    params: { query: { ...(q ? { q } : {}), ...(cursor ? { cursor } : {}), limit: PAGE_SIZE } },
  });
  const items = list.data?.items ?? [];
  const status = list.isPending ? (
    <Loading />
  ) : list.error ? (
    <ErrorAlert error={list.error} />
  ) : first && items.length === 0 ? (
    <p>{q ? t('meetings.public.noneFound') : t('meetings.public.none')}</p>
  ) : null;
  return (
    <tbody>
      {items.map((d) => (
        <tr key={d.paragraphId}>
          <th scope="row">
            {d.reference}
            <br />
            <span className="hint">{t('meetings.public.approved', { date: formatDate(d.approvedAt.slice(0, 10)) })}</span>
          </th>
          <td>{d.secret ? <em>{d.title}</em> : d.title}</td>
          <td>
            {d.secret ? (
              <em>{t('meetings.public.secret')}</em>
            ) : (
              <>
                <strong>{kindText(i18n, d.decisionKind)}:</strong> {d.decisionText}
              </>
            )}
          </td>
          <td className="nowrap mono">{d.caseNumber ?? '–'}</td>
          <td>
            <a
              href={d.minutesHref}
              aria-label={t('meetings.public.minutesLink', { forum: d.forumName, date: formatDate(d.meetingDate) })}
            >
              {t('meetings.public.minutesPdf')}
            </a>
          </td>
        </tr>
      ))}
      {(status || (last && list.data?.nextCursor)) && (
        <tr>
          <td colSpan={5}>
            {status}
            {last && list.data?.nextCursor && (
              <button type="button" className="button-secondary" onClick={() => onMore(list.data.nextCursor!)}>
                {t('meetings.public.more')}
              </button>
            )}
          </td>
        </tr>
      )}
    </tbody>
  );
}
