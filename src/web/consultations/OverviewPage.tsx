/**
 * Remisser: the open national rounds with their deadlines and every region's state (state
 * only: the answers stay with their region), and the way to a region's own board.
 */
import { useState, type FormEvent } from 'react';
import { $api } from '../client';
import { Link, navigate } from '../app/router';
import { ErrorAlert, Loading } from '../components/Alerts';
import { SelectField } from '../components/Fields';
import { Page } from '../components/Page';
import { RequireUser } from '../components/RequireUser';
import { TableScroll } from '../components/TableScroll';
import { useAsync } from '../components/useAsync';
import { rememberRegion, useMyRegions } from '../auth/regions';
import { useI18n, useT } from '../i18n';
import { loadRegions } from '../organisation/reference';
import { boardPath, jointPath } from './model';
import { jointStatusLabel, StatusBadge, trackLabel } from './shared';

export function ConsultationsPage() {
  const t = useT();
  return (
    <RequireUser title={t('area.consultations')} crumbs={[{ to: '/', label: t('nav.start') }]}>
      <Consultations />
    </RequireUser>
  );
}

function Consultations() {
  const i18n = useI18n();
  const { t, formatDate } = i18n;
  const overview = $api.useQuery('get', '/consultation-overview');
  const regions = useAsync(() => loadRegions(), []);
  const { regions: myRegions, preferredRegion } = useMyRegions();
  const [region, setRegion] = useState(preferredRegion ?? myRegions[0] ?? '10');
  const rounds = overview.data?.rounds ?? [];

  function openBoard(e: FormEvent) {
    e.preventDefault();
    rememberRegion(region);
    navigate(boardPath(region));
  }

  return (
    <Page title={t('area.consultations')} crumbs={[{ to: '/', label: t('nav.start') }]} lead={<p>{t('consultations.lead')}</p>}>
      <form className="filters form" onSubmit={openBoard} aria-labelledby="board-heading">
        <h2 id="board-heading" className="h-small">
          {t('consultations.board.heading')}
        </h2>
        <SelectField id="board-region" label={t('consultations.board.region')} value={region} onChange={setRegion}>
          {(regions.data ?? []).map((r) => (
            <option key={r.code} value={r.code}>
              {r.name}
            </option>
          ))}
        </SelectField>
        <button type="submit">{t('consultations.board.open')}</button>
      </form>
      <h2 id="open-rounds">{t('consultations.open.heading')}</h2>
      {overview.error && <ErrorAlert error={overview.error} />}
      {overview.isPending && <Loading />}
      {overview.data && rounds.length === 0 && <p>{t('consultations.open.none')}</p>}
      {rounds.length > 0 && (
        <TableScroll labelledBy="open-caption">
          <table>
            <caption id="open-caption">{t('consultations.open.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('consultations.field.round')}</th>
                <th scope="col">{t('consultations.field.track')}</th>
                <th scope="col">{t('consultations.field.opens')}</th>
                <th scope="col">{t('consultations.field.closes')}</th>
                <th scope="col">{t('consultations.field.regionStates')}</th>
                <th scope="col">{t('consultations.field.jointAnswers')}</th>
              </tr>
            </thead>
            <tbody>
              {rounds.map((r) => (
                <tr key={r.id}>
                  <th scope="row">
                    {r.title}
                    {r.supportTitle && <div className="muted">{r.supportTitle}</div>}
                  </th>
                  <td>{trackLabel(i18n, r.track)}</td>
                  <td className="nowrap">{formatDate(r.opensOn)}</td>
                  <td className="nowrap">{formatDate(r.closesOn)}</td>
                  <td>
                    {r.regions.length === 0 ? (
                      <span className="muted">{t('consultations.open.noRegions')}</span>
                    ) : (
                      <ul className="plain-list">
                        {r.regions.map((x) => (
                          <li key={x.region}>
                            {x.regionName}: <StatusBadge status={x.status} />
                          </li>
                        ))}
                      </ul>
                    )}
                  </td>
                  <td>
                    <ul className="plain-list">
                      {r.jointAnswers.map((j) => (
                        <li key={j.id}>
                          <Link to={jointPath(j.id)}>{j.healthcareRegionName}</Link>: {jointStatusLabel(i18n, j.status)}
                        </li>
                      ))}
                    </ul>
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
