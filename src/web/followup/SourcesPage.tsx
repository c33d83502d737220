/**
 * Hämta från nationella källor: find a Kolada nyckeltal or a national quality indicator
 * (Kvalitetsindikatorkatalogen, Vården i siffror) by its title and bring it into Navet with one
 * action: the country and every region, by gender, five years back for Kolada, with the source on
 * every value. The fetch runs in the job queue; the page links to the indicator, whose page shows
 * the values as they land. A connector that is not configured says so in the server's words.
 */
import { useState, type FormEvent } from 'react';
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

function KoladaSection() {
  const t = useT();
  const [q, setQ] = useState('');
  const found = $api.useQuery('get', '/indicator-sources/kolada/kpis', { params: { query: { q } } }, { enabled: q.length >= 2 });
  const fetchKpi = $api.useMutation('post', '/indicator-sources/kolada/imports', { onSuccess: () => invalidate('/indicators') });
  return (
    <section aria-labelledby="kolada-heading">
      <h2 id="kolada-heading">{t('followup.sources.kolada')}</h2>
      <p>{t('followup.sources.koladaLead')}</p>
      <SearchForm id="kolada-q" label={t('followup.sources.koladaSearch')} onSearch={setQ} />
      {found.error && <ErrorAlert error={found.error} />}
      {found.isFetching && <Loading />}
      {fetchKpi.error && <ErrorAlert error={fetchKpi.error} />}
      {fetchKpi.data && <Started indicatorId={fetchKpi.data.indicatorId} />}
      {found.data && found.data.items.length === 0 && <p>{t('followup.sources.none')}</p>}
      {found.data && found.data.items.length > 0 && (
        <TableScroll labelledBy="kolada-caption">
          <table>
            <caption id="kolada-caption">{t('followup.sources.koladaCaption', { q })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('followup.sources.kpiId')}</th>
                <th scope="col">{t('followup.sources.kpiTitle')}</th>
                <th scope="col">{t('followup.sources.byGender')}</th>
                <th scope="col">{t('followup.sources.action')}</th>
              </tr>
            </thead>
            <tbody>
              {found.data.items.map((k) => (
                <tr key={k.id}>
                  <td className="mono">{k.id}</td>
                  <th scope="row">{k.title}</th>
                  <td>{k.dividedByGender ? t('followup.sources.yes') : t('followup.sources.no')}</td>
                  <td>
                    <button
                      type="button"
                      className="button-small"
                      disabled={fetchKpi.isPending}
                      aria-label={t('followup.sources.fetchNamed', { title: k.title })}
                      onClick={() => fetchKpi.mutate({ body: { kpiId: k.id } })}
                    >
                      {t('followup.sources.fetch')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      {found.data && <p className="hint">{found.data.attribution}</p>}
    </section>
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
    <section aria-labelledby="quality-heading">
      <h2 id="quality-heading">{t('followup.sources.quality')}</h2>
      <p>{t('followup.sources.qualityLead')}</p>
      <SearchForm id="quality-q" label={t('followup.sources.qualitySearch')} onSearch={setQ} />
      {found.error && <ErrorAlert error={found.error} />}
      {found.isFetching && <Loading />}
      {fetchMeasure.error && <ErrorAlert error={fetchMeasure.error} />}
      {fetchMeasure.data && <Started indicatorId={fetchMeasure.data.indicatorId} />}
      {found.data && found.data.items.length === 0 && <p>{t('followup.sources.none')}</p>}
      {found.data && found.data.items.length > 0 && (
        <TableScroll labelledBy="quality-caption">
          <table>
            <caption id="quality-caption">{t('followup.sources.qualityCaption', { q })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('followup.sources.kpiTitle')}</th>
                <th scope="col">{t('followup.sources.measurementSource')}</th>
                <th scope="col">{t('followup.sources.action')}</th>
              </tr>
            </thead>
            <tbody>
              {found.data.items.map((m) => (
                <tr key={m.measureId}>
                  <th scope="row">
                    {m.title}
                    {m.definition && <span className="hint"> {m.definition}</span>}
                  </th>
                  <td>{m.measurementSource ?? '–'}</td>
                  <td>
                    <button
                      type="button"
                      className="button-small"
                      disabled={fetchMeasure.isPending}
                      aria-label={t('followup.sources.fetchNamed', { title: m.title })}
                      onClick={() => fetchMeasure.mutate({ body: { measureId: m.measureId } })}
                    >
                      {t('followup.sources.fetch')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      {found.data && <p className="hint">{found.data.attribution}</p>}
    </section>
  );
}
