/**
 * Beslut och protokoll (insyn): the decisions of justerade protokoll in every forum, for anyone,
 * signed in or not. The server masks paragraphs about secret cases and shows nothing of minutes
 * before justering; each decision links to its justerat protokoll.
 */
import { useState, type FormEvent } from 'react';
import { navigate, useLocation } from '../app/router';
import { $api } from '../client';
import { ErrorAlert, Loading } from '../components/Alerts';
import { TextField } from '../components/Fields';
import { Page } from '../components/Page';
import { TableScroll } from '../components/TableScroll';
import { useI18n } from '../i18n';
import { kindText, PUBLIC_DECISIONS_PATH, PUBLIC_DECISIONS_FEED } from './meetings';

const PAGE_SIZE = 50;

export function PublicDecisionsPage() {
  const { t } = useI18n();
  const { search } = useLocation();
  const q = search.get('q') ?? '';
  const [draft, setDraft] = useState(q);
  // Each "Visa fler" adds the next page's cursor; the first page has none.
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined]);
  function submit(e: FormEvent) {
    e.preventDefault();
    setCursors([undefined]);
    const text = draft.trim();
    navigate(text ? `${PUBLIC_DECISIONS_PATH}?q=${encodeURIComponent(text)}` : PUBLIC_DECISIONS_PATH, { replace: true });
  }
  return (
    <Page
      title={t('meetings.public.title')}
      crumbs={[{ to: '/', label: t('nav.start') }]}
      lead={<p>{t('meetings.public.lead')}</p>}
    >
      <form className="inline-form" role="search" onSubmit={submit}>
        <TextField
          id="public-decisions-q"
          type="search"
          label={t('meetings.decisions.search')}
          hint={t('meetings.decisions.searchHint')}
          value={draft}
          onChange={setDraft}
        />
        <button type="submit">{t('meetings.decisions.submit')}</button>
      </form>
      <TableScroll labelledBy="public-decisions-caption">
        <table>
          <caption id="public-decisions-caption">
            {q ? t('meetings.public.captionSearch', { q }) : t('meetings.public.caption')}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('meetings.decisions.reference')}</th>
              <th scope="col">{t('meetings.decisions.subject')}</th>
              <th scope="col">{t('meetings.decisions.decision')}</th>
              <th scope="col">{t('meetings.decisions.case')}</th>
              <th scope="col">{t('meetings.public.minutes')}</th>
            </tr>
          </thead>
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
