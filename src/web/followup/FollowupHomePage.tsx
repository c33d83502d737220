/** Mål, indikatorer och uppföljning: the goal tree from the patient promises and the indicator list. */
import { apiHref, OPEN_DATA_FILE_ROWS } from '../api';
import { useState } from 'react';
import { Link, navigate } from '../app/router';
import { $api } from '../client';
import { ErrorAlert, Loading } from '../components/Alerts';
import { SelectField } from '../components/Fields';
import { Page } from '../components/Page';
import { TableScroll } from '../components/TableScroll';
import { useAsync } from '../components/useAsync';
import { useSession } from '../auth/session';
import { useI18n } from '../i18n';
import { loadRegions } from '../organisation/reference';
import { useStatusRegions } from './permissions';
import type { GoalNode } from './types';

export const FOLLOWUP_PATH = '/planer-och-uppfoljning';
export const indicatorHref = (id: string) => `${FOLLOWUP_PATH}/indikatorer/${id}`;

function GoalList({ nodes }: { nodes: GoalNode[] }) {
  const { t } = useI18n();
  return (
    <ul>
      {nodes.map((n) => (
        <li key={n.id}>
          {n.kind === 'promise' ? <strong>{n.title}</strong> : n.title}
          {n.kind === 'promise' && <span className="muted"> ({t('followup.goal.promise')})</span>}
          {n.indicators.length > 0 && (
            <ul>
              {n.indicators.map((i) => (
                <li key={i.id}>
                  <Link to={indicatorHref(i.id)}>{i.name}</Link>
                </li>
              ))}
            </ul>
          )}
          {n.children.length > 0 && <GoalList nodes={n.children} />}
        </li>
      ))}
    </ul>
  );
}

/** For people who may change implementation statuses: a way into their region's status page. */
function StatusRegionPicker() {
  const { t } = useI18n();
  const access = useStatusRegions();
  const regions = useAsync(() => loadRegions(), []);
  const codes = access.regions;
  const [code, setCode] = useState('');
  if (!access.ready || codes.length === 0 || !regions.data) return null;
  const mine = regions.data.filter((r) => codes.includes(r.code));
  const chosen = code || mine[0]!.code;
  return (
    <form
      className="form"
      aria-labelledby="status-region-heading"
      onSubmit={(e) => {
        e.preventDefault();
        navigate(`/inforande/regioner/${chosen}/status`);
      }}
    >
      <h2 id="status-region-heading">{t('followup.home.statusHeading')}</h2>
      <SelectField id="status-region" label={t('followup.home.statusRegion')} value={chosen} onChange={setCode}>
        {mine.map((r) => (
          <option key={r.code} value={r.code}>
            {r.name}
          </option>
        ))}
      </SelectField>
      <p className="button-row">
        <button type="submit">{t('followup.home.statusGo')}</button>
      </p>
    </form>
  );
}

export function FollowupHomePage() {
  const { t } = useI18n();
  const { isAdmin } = useSession();
  const goals = $api.useQuery('get', '/goals');
  const indicators = $api.useQuery('get', '/indicators');
  return (
    <Page title={t('followup.home.title')} crumbs={[{ to: '/', label: t('nav.start') }]} lead={<p>{t('followup.home.lead')}</p>}>
      <ul className="link-list">
        <li>
          <Link to="/inforande">{t('followup.home.heatmap')}</Link>
        </li>
        <li>
          <Link to={`${FOLLOWUP_PATH}/planer`}>{t('followup.home.plans')}</Link>
        </li>
        <li>
          <Link to={`${FOLLOWUP_PATH}/arsrapporter-och-ataganden`}>{t('followup.home.obligations')}</Link>
        </li>
        <li>
          <Link to={`${FOLLOWUP_PATH}/mal`}>{t('followup.home.goalsEdit')}</Link>
        </li>
        <li>
          <a href={apiHref('/open-data/indicator-values', { query: { format: 'csv', limit: OPEN_DATA_FILE_ROWS } })}>
            {t('followup.home.openData')}
          </a>
        </li>
        {isAdmin && (
          <li>
            <Link to={`${FOLLOWUP_PATH}/nationella-kallor`}>{t('followup.sources.link')}</Link>
          </li>
        )}
      </ul>
      <StatusRegionPicker />
      <section aria-labelledby="indicators-heading">
        <h2 id="indicators-heading">{t('followup.home.indicators')}</h2>
        {(indicators.data?.writableOwners.length ?? 0) > 0 && (
          <p>
            <Link className="button button-secondary" to={`${FOLLOWUP_PATH}/indikatorer/ny`}>
              {t('followup.home.newIndicator')}
            </Link>
          </p>
        )}
        {indicators.error && <ErrorAlert error={indicators.error} />}
        {indicators.isPending && <Loading />}
        {indicators.data && (
          <TableScroll labelledBy="indicators-caption">
            <table>
              <caption id="indicators-caption">{t('followup.indicator.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('followup.indicator.name')}</th>
                  <th scope="col">{t('followup.indicator.periodicity')}</th>
                  <th scope="col">{t('followup.indicator.source')}</th>
                  <th scope="col">{t('followup.indicator.target')}</th>
                </tr>
              </thead>
              <tbody>
                {indicators.data.items.map((i) => (
                  <tr key={i.id}>
                    <th scope="row">
                      <Link to={indicatorHref(i.id)}>{i.name}</Link>
                    </th>
                    <td>{t(`followup.indicator.periodicity.${i.periodicity}`)}</td>
                    <td>{i.sourceName ?? t(`followup.indicator.source.${i.source}`)}</td>
                    <td>{i.targetValue === null ? '–' : `${i.targetValue} ${i.unit}`}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        )}
      </section>
      <section aria-labelledby="goals-heading">
        <h2 id="goals-heading">{t('followup.home.goals')}</h2>
        {goals.error && <ErrorAlert error={goals.error} />}
        {goals.data && <GoalList nodes={goals.data.items} />}
      </section>
    </Page>
  );
}
