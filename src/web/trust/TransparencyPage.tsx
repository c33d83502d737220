import { apiHref, OPEN_DATA_FILE_ROWS } from '../api';
import { Link } from '../app/router';
import { Page } from '../components/Page';
import { useT } from '../i18n';
import { thisYear } from '../clock';

/**
 * Insyn: everything Navet publishes without sign-in, in one place — who sits where, the
 * diary, the catalogue, the calendars, implementation and open data, and the API.
 */
export function TransparencyPage() {
  const t = useT();
  const year = thisYear();
  const pages: [string, string, string][] = [
    ['/vem-sitter-var', t('trust.insyn.register'), t('trust.insyn.register.text')],
    ['/arenden-och-beslut/diarium', t('trust.insyn.diary'), t('trust.insyn.diary.text')],
    ['/beslut-och-protokoll', t('trust.insyn.decisions'), t('trust.insyn.decisions.text')],
    ['/kunskapsstod', t('trust.insyn.catalogue'), t('trust.insyn.catalogue.text')],
    ['/kunskapsstod/remissomgangar', t('trust.insyn.rounds'), t('trust.insyn.rounds.text')],
    ['/inforande', t('trust.insyn.heatmap'), t('trust.insyn.heatmap.text')],
    ['/organisation', t('trust.insyn.structure'), t('trust.insyn.structure.text')],
  ];
  const files: [string, string][] = [
    [
      apiHref('/open-data/implementation-statuses', { query: { format: 'csv', limit: OPEN_DATA_FILE_ROWS } }),
      t('trust.insyn.file.implementation'),
    ],
    [
      apiHref('/open-data/indicator-values', { query: { format: 'csv', limit: OPEN_DATA_FILE_ROWS } }),
      t('trust.insyn.file.indicators'),
    ],
    [apiHref('/consultation-calendar.ics', { query: { year } }), t('trust.insyn.file.calendar', { year })],
  ];
  return (
    <Page title={t('area.transparency')} crumbs={[{ to: '/', label: t('nav.start') }]}>
      <p className="lead">{t('trust.insyn.intro')}</p>
      <h2>{t('trust.insyn.pagesHeading')}</h2>
      <ul className="link-list">
        {pages.map(([href, label, text]) => (
          <li key={href}>
            <Link to={href}>{label}</Link> — {text}
          </li>
        ))}
      </ul>
      <h2>{t('trust.insyn.filesHeading')}</h2>
      <ul className="link-list">
        {files.map(([href, label]) => (
          <li key={href}>
            <a href={href}>{label}</a>
          </li>
        ))}
      </ul>
      <h2>{t('trust.insyn.apiHeading')}</h2>
      <p>{t('trust.insyn.api')}</p>
      <ul className="link-list">
        <li>
          <a href="/api/docs">{t('footer.apiDocs')}</a>
        </li>
        <li>
          <a href="/api/openapi.json">{t('footer.openapi')}</a>
        </li>
      </ul>
    </Page>
  );
}
