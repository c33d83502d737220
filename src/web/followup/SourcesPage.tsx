/**
 * Hämta från nationella källor: find a Kolada nyckeltal or a national quality indicator
 * (Kvalitetsindikatorkatalogen, Vården i siffror) by its title and bring it into Navet with one
 * action: the country and every region, by gender, five years back for Kolada, with the source on
 * every value. The fetch runs in the job queue; the page links to the indicator, whose page shows
 * the values as they land. A connector that is not configured says so in the server's words.
 */
import { useState, type FormEvent, type ReactNode } from 'react';
import { Link } from '../app/router';
import { $api, invalidate } from '../client';
import { ErrorAlert, Loading, Notice } from '../components/Alerts';
import { TextField } from '../components/Fields';
import { Page } from '../components/Page';
import { RequireUser } from '../components/RequireUser';
import { TableScroll } from '../components/TableScroll';
import { useI18n, useT } from '../i18n';
import { FOLLOWUP_PATH, indicatorHref } from './FollowupHomePage';

export const SOURCES_PATH = `${FOLLOWUP_PATH}/nationella-kallor`;

export function SourcesPage() {
  const t = useT();
  const crumbs = [
    { to: '/', label: t('nav.start') },
    { to: FOLLOWUP_PATH, label: t('followup.home.title') },
  ];
  return (
    <RequireUser title={t('followup.sources.title')} crumbs={crumbs}>
      <Page title={t('followup.sources.title')} crumbs={crumbs} lead={<p>{t('followup.sources.lead')}</p>}>
        <KoladaSection />
        <QualitySection />
      </Page>
    </RequireUser>
  );
}

/** The words to search for, kept until "Sök" is pressed (two characters at least, as the API asks). */
function SearchForm({ id, label, onSearch }: { id: string; label: string; onSearch: (q: string) => void }) {
  const t = useT();
  const [draft, setDraft] = useState('');
  const [error, setError] = useState<string | undefined>();
  function submit(e: FormEvent) {
    e.preventDefault();
    const q = draft.trim();
    if (q.length < 2) return setError(t('followup.sources.tooShort'));
    setError(undefined);
    onSearch(q);
  }
  return (
    <form className="inline-form" role="search" onSubmit={submit}>
      <TextField id={id} type="search" label={label} value={draft} onChange={setDraft} error={error} />
      <button type="submit">{t('followup.sources.search')}</button>
    </form>
  );
}

function Started({ indicatorId }: { indicatorId: string }) {
  const t = useT();
  return (
    <Notice kind="success" live>
      <p>
        {t('followup.sources.started')} <Link to={indicatorHref(indicatorId)}>{t('followup.sources.open')}</Link>
      </p>
    </Notice>
  );
}

/** One source's search and fetch: the section, its search, what it found and the started fetch. */
function SourceSection({
  id,
  heading,
  lead,
  searchLabel,
  caption,
  columns,
  found,
  fetching,
  children,
}: {
  id: string;
  heading: string;
  lead: string;
  searchLabel: string;
  caption: (q: string) => string;
  columns: string[];
  /** What the search found, for the words searched for (`q`); `onSearch` starts a new search. */
  found: {
    q: string;
    onSearch: (q: string) => void;
    error: unknown;
    isFetching: boolean;
    count: number | undefined;
    attribution: string | undefined;
  };
  fetching: { error: unknown; indicatorId: string | undefined };
  children: ReactNode;
}) {
  const t = useT();
  return (
    <section aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{heading}</h2>
      <p>{lead}</p>
      <SearchForm id={`${id}-q`} label={searchLabel} onSearch={found.onSearch} />
      {found.error !== null && found.error !== undefined && <ErrorAlert error={found.error} />}
      {found.isFetching && <Loading />}
      {fetching.error !== null && fetching.error !== undefined && <ErrorAlert error={fetching.error} />}
      {fetching.indicatorId && <Started indicatorId={fetching.indicatorId} />}
      {found.count === 0 && <p>{t('followup.sources.none')}</p>}
      {!!found.count && (
        <TableScroll labelledBy={`${id}-caption`}>
          <table>
            <caption id={`${id}-caption`}>{caption(found.q)}</caption>
            <thead>
              <tr>
                {columns.map((c) => (
                  <th key={c} scope="col">
                    {c}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>{children}</tbody>
          </table>
        </TableScroll>
      )}
      {found.attribution && <p className="hint">{found.attribution}</p>}
    </section>
  );
}

/** "Hämta" on a row: named by the row's title for screen readers. */
function FetchButton({ title, busy, onFetch }: { title: string; busy: boolean; onFetch: () => void }) {
  const t = useT();
  return (
    <button
      type="button"
      className="button-small"
      disabled={busy}
      aria-label={t('followup.sources.fetchNamed', { title })}
      onClick={onFetch}
    >
      {t('followup.sources.fetch')}
    </button>
  );
}

function KoladaSection() {
  const t = useT();
  const [q, setQ] = useState('');
  const found = $api.useQuery('get', '/indicator-sources/kolada/kpis', { params: { query: { q } } }, { enabled: q.length >= 2 });
  const fetchKpi = $api.useMutation('post', '/indicator-sources/kolada/imports', { onSuccess: () => invalidate('/indicators') });
  return (
    <SourceSection
      id="kolada"
      heading={t('followup.sources.kolada')}
      lead={t('followup.sources.koladaLead')}
      searchLabel={t('followup.sources.koladaSearch')}
      caption={(words) => t('followup.sources.koladaCaption', { q: words })}
      columns={[
        t('followup.sources.kpiId'),
        t('followup.sources.kpiTitle'),
        t('followup.sources.byGender'),
        t('followup.sources.action'),
      ]}
      found={{
        q,
        onSearch: setQ,
        error: found.error,
        isFetching: found.isFetching,
        count: found.data?.items.length,
        attribution: found.data?.attribution,
      }}
      fetching={{ error: fetchKpi.error, indicatorId: fetchKpi.data?.indicatorId }}
    >
      {found.data?.items.map((k) => (
        <tr key={k.id}>
          <td className="mono">{k.id}</td>
          <th scope="row">{k.title}</th>
          <td>{k.dividedByGender ? t('followup.sources.yes') : t('followup.sources.no')}</td>
          <td>
            <FetchButton title={k.title} busy={fetchKpi.isPending} onFetch={() => fetchKpi.mutate({ body: { kpiId: k.id } })} />
          </td>
        </tr>
      ))}
    </SourceSection>
  );
}

function QualitySection() {
  const { t } = useI18n();
  const [q, setQ] = useState('');
  const found = $api.useQuery(
    'get',
    '/indicator-sources/quality-indicators/measures',
    { params: { query: { q } } },
    { enabled: q.length >= 2 },
  );
  const fetchMeasure = $api.useMutation('post', '/indicator-sources/quality-indicators/imports', {
    onSuccess: () => invalidate('/indicators'),
  });
  return (
    <SourceSection
      id="quality"
      heading={t('followup.sources.quality')}
      lead={t('followup.sources.qualityLead')}
      searchLabel={t('followup.sources.qualitySearch')}
      caption={(words) => t('followup.sources.qualityCaption', { q: words })}
      columns={[t('followup.sources.kpiTitle'), t('followup.sources.measurementSource'), t('followup.sources.action')]}
      found={{
        q,
        onSearch: setQ,
        error: found.error,
        isFetching: found.isFetching,
        count: found.data?.items.length,
        attribution: found.data?.attribution,
      }}
      fetching={{ error: fetchMeasure.error, indicatorId: fetchMeasure.data?.indicatorId }}
    >
      {found.data?.items.map((m) => (
        <tr key={m.measureId}>
          <th scope="row">
            {m.title}
            {m.definition && <span className="hint"> {m.definition}</span>}
          </th>
          <td>{m.measurementSource ?? '–'}</td>
          <td>
            <FetchButton
              title={m.title}
              busy={fetchMeasure.isPending}
              onFetch={() => fetchMeasure.mutate({ body: { measureId: m.measureId } })}
            />
          </td>
        </tr>
      ))}
    </SourceSection>
  );
}
