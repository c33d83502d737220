import { Link } from '../app/router';
import { ErrorAlert, Loading } from '../components/Alerts';
import { Page } from '../components/Page';
import { useAsync } from '../components/useAsync';
import { useI18n } from '../i18n';
import { loadGroups } from './groups';
import { useOrgCrumbs } from './OrganisationPage';
import { SplitNote } from './RegionPage';
import { byKey, loadAllMunicipalities, loadHealthcareRegions, loadProgramAreas, loadRegions } from './reference';
import { TableScroll } from '../components/TableScroll';

/** The whole country at a glance: counts and which region belongs to which healthcare region. */
export function SwedenPage() {
  const { t, formatNumber } = useI18n();
  const crumbs = useOrgCrumbs();
  const state = useAsync(
    () =>
      Promise.all([
        loadHealthcareRegions(),
        loadRegions(),
        loadAllMunicipalities(),
        loadProgramAreas(),
        loadGroups({ level: 'national', kind: 'collaboration-group' }),
      ]),
    [],
  );

  return (
    <Page title={t('org.sweden.title')} crumbs={crumbs} lead={<p>{t('org.sweden.lead')}</p>}>
      {state.error && <ErrorAlert error={state.error} />}
      {state.loading && !state.data && <Loading />}
      {state.data &&
        (() => {
          const [hrs, regions, municipalities, programAreas, groups] = state.data;
          const hrById = byKey(hrs, 'id');
          const npoCount = programAreas.filter((p) => p.kind === 'npo').length;
          const counts: { label: string; value: number; to: string; note?: string }[] = [
            { label: t('org.count.hr'), value: hrs.length, to: '/organisation/sjukvardsregioner' },
            { label: t('org.count.regions'), value: regions.length, to: '/organisation/regioner' },
            { label: t('org.count.municipalities'), value: municipalities.length, to: '/organisation/regioner' },
            {
              label: t('org.count.programAreas'),
              value: programAreas.length,
              to: '/organisation/programomraden',
              ...(npoCount !== programAreas.length
                ? { note: t('org.count.programAreasNote', { npo: npoCount, other: programAreas.length - npoCount }) }
                : {}),
            },
            { label: t('org.count.groups'), value: groups.length, to: '/organisation/samverkansgrupper' },
          ];
          const split = regions.filter((r) => r.healthcareRegionIds.length > 1);
          return (
            <>
              <h2>{t('org.sweden.countsHeading')}</h2>
              <dl className="stats">
                {counts.map((c) => (
                  <div key={c.label} className="stat">
                    <dt>
                      <Link to={c.to}>{c.label}</Link>
                    </dt>
                    <dd>
                      <span className="stat-value">{formatNumber(c.value)}</span>
                      {c.note && <span className="stat-note">{c.note}</span>}
                    </dd>
                  </div>
                ))}
              </dl>

              <h2>{t('org.sweden.matrixHeading')}</h2>
              <TableScroll labelledBy="matrix-caption">
                <table className="matrix">
                  <caption id="matrix-caption">{t('org.sweden.matrixCaption')}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('org.col.region')}</th>
                      {hrs.map((hr) => (
                        <th key={hr.id} scope="col">
                          <Link to={`/organisation/sjukvardsregioner/${hr.id}`}>{hr.name}</Link>
                        </th>
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    {regions.map((r) => (
                      <tr key={r.code}>
                        <th scope="row">
                          <Link to={`/organisation/regioner/${r.code}`}>{r.shortName || r.name}</Link>
                          {r.healthcareRegionIds.length > 1 && <span className="muted"> {t('org.sweden.splitMark')}</span>}
                        </th>
                        {hrs.map((hr) => {
                          const member = hr.regionCodes.includes(r.code);
                          return (
                            <td key={hr.id} className={member ? 'member' : undefined}>
                              {member && (
                                <>
                                  <span aria-hidden="true">●</span>
                                  <span className="visually-hidden">{t('org.sweden.member')}</span>
                                </>
                              )}
                            </td>
                          );
                        })}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableScroll>
              {split.map((r) => (
                <SplitNote key={r.code} code={r.code} regionName={r.name} hrIds={r.healthcareRegionIds} hrById={hrById} />
              ))}
            </>
          );
        })()}
    </Page>
  );
}
