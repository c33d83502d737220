import { Link } from '../app/router';
import { Page } from '../components/Page';
import { useT, type MessageKey } from '../i18n';

export const ORGANISATION_PAGES: { to: string; title: MessageKey; summary: MessageKey }[] = [
  { to: '/organisation/struktur', title: 'structure.title', summary: 'structure.summary' },
  { to: '/organisation/organisationsschema', title: 'chart.title', summary: 'chart.summary' },
  { to: '/organisation/speglingsmatris', title: 'matrix.title', summary: 'matrix.summary' },
  { to: '/organisation/vardskap', title: 'hosting.title', summary: 'hosting.summary' },
  { to: '/organisation/sverige', title: 'org.sweden.title', summary: 'org.sweden.summary' },
  { to: '/organisation/sjukvardsregioner', title: 'org.hr.title', summary: 'org.hr.summary' },
  { to: '/organisation/regioner', title: 'org.regions.title', summary: 'org.regions.summary' },
  { to: '/organisation/programomraden', title: 'org.npo.title', summary: 'org.npo.summary' },
  { to: '/organisation/samverkansgrupper', title: 'org.nsg.title', summary: 'org.nsg.summary' },
];

export function OrganisationPage() {
  const t = useT();
  return (
    <Page title={t('area.organisation')} crumbs={[{ to: '/', label: t('nav.start') }]}>
      <p className="lead">{t('org.lead')}</p>
      <ul className="cards">
        {ORGANISATION_PAGES.map((p) => (
          <li key={p.to} className="card">
            <h2 className="card-title">
              <Link to={p.to}>{t(p.title)}</Link>
            </h2>
            <p>{t(p.summary)}</p>
          </li>
        ))}
      </ul>
    </Page>
  );
}

export function useOrgCrumbs() {
  const t = useT();
  return [
    { to: '/', label: t('nav.start') },
    { to: '/organisation', label: t('area.organisation') },
  ];
}
