import { useEffect, useState, type FormEvent } from 'react';
import type { Group } from '../api';
import { $api } from '../client';
import { Link, navigate, useLocation } from '../app/router';
import { useSession } from '../auth/session';
import { ErrorAlert, Loading } from '../components/Alerts';
import { SelectField } from '../components/Fields';
import { Page } from '../components/Page';
import { useAsync } from '../components/useAsync';
import { useI18n } from '../i18n';
import {
  groupHref,
  KINDS,
  kindLabel,
  kindPlural,
  LEVELS,
  levelLabel,
  loadGroups,
  isGroupActive,
  mayCreateGroups,
  relationLabel,
  STATUS_BADGE,
  statusLabel,
  useGeo,
  type Geo,
} from './groups';
import { MirroringReport } from './Mirroring';
import { useOrgCrumbs } from './OrganisationPage';

/**
 * The structure of one owner (the nation, a healthcare region or a region): its groups by
 * kind, with closed and merged groups apart as history. The choice lives in the address
 * (?agare=10&q=…) so a view can be linked to.
 */
export function StructurePage() {
  const i18n = useI18n();
  const { t, formatDate } = i18n;
  const crumbs = useOrgCrumbs();
  const { user } = useSession();
  const { search } = useLocation();
  const geo = useGeo(t);
  const owner = search.get('agare') ?? '';
  const q = (search.get('q') ?? '').trim();
  const levelParam = search.get('niva') ?? '';
  const level = (owner && geo.data?.levelOf(owner)) || levelParam;

  const [levelInput, setLevelInput] = useState(level);
  const [ownerInput, setOwnerInput] = useState(owner);
  const [qInput, setQInput] = useState(q);
  // the form follows the address (back/forward, links from other pages)
  useEffect(() => {
    setLevelInput(level);
    setOwnerInput(owner);
    setQInput(q);
  }, [level, owner, q]);

  // the address decides what is fetched (the level shown in the form may come from the owner)
  const groups = useAsync(
    (signal) =>
      owner || q || levelParam
        ? loadGroups({ owner: owner || undefined, level: owner ? undefined : levelParam || undefined, q: q || undefined }, signal)
        : Promise.resolve(null),
    [owner, q, levelParam],
  );
  const gaps = $api.useQuery(
    'get',
    '/mirroring/gaps',
    { params: { query: { owner } } },
    { enabled: !!owner && owner !== 'national' },
  );

  function submit(e: FormEvent) {
    e.preventDefault();
    const params = new URLSearchParams();
    if (ownerInput) params.set('agare', ownerInput);
    else if (levelInput) params.set('niva', levelInput);
    if (qInput.trim()) params.set('q', qInput.trim());
    const qs = params.toString();
    navigate(`/organisation/struktur${qs ? `?${qs}` : ''}`, { replace: false });
  }

  const ownerName = owner && geo.data ? geo.data.ownerName(owner) : '';
  const title = ownerName ? t('structure.titleFor', { name: ownerName }) : t('structure.title');
  const ownerOptions = geo.data?.ownersOf(levelInput) ?? [];

  return (
    <Page title={title} crumbs={crumbs} lead={<p>{t('structure.lead')}</p>}>
      {geo.error && <ErrorAlert error={geo.error} />}
      <form role="search" className="filters" onSubmit={submit} aria-labelledby="structure-filter-heading">
        <h2 id="structure-filter-heading" className="h-small">
          {t('structure.filterHeading')}
        </h2>
        <div className="filter-grid filter-grid-wide">
          <SelectField
            id="structure-level"
            label={t('group.field.level')}
            value={levelInput}
            onChange={(v) => {
              setLevelInput(v);
              // the nation is the only owner at national level
              setOwnerInput(v === 'national' ? 'national' : '');
            }}
          >
            <option value="">{t('structure.allLevels')}</option>
            {LEVELS.map((l) => (
              <option key={l} value={l}>
                {levelLabel(i18n, l)}
              </option>
            ))}
          </SelectField>
          <SelectField
            id="structure-owner"
            label={t('group.field.owner')}
            value={ownerInput}
            onChange={setOwnerInput}
            disabled={!levelInput}
            hint={levelInput ? undefined : t('structure.ownerHint')}
          >
            <option value="">{t('structure.allOwners')}</option>
            {ownerOptions.map((o) => (
              <option key={o.owner} value={o.owner}>
                {o.name}
              </option>
            ))}
          </SelectField>
          <div className="field">
            <label htmlFor="structure-q">{t('structure.searchLabel')}</label>
            <input id="structure-q" type="search" value={qInput} onChange={(e) => setQInput(e.target.value)} autoComplete="off" />
          </div>
        </div>
        <button type="submit">{t('structure.show')}</button>
      </form>

      <p className="link-row">
        {owner && (
          <Link to={`/organisation/organisationsschema?agare=${encodeURIComponent(owner)}`}>
            {t('structure.chartLink', { name: ownerName })}
          </Link>
        )}
        {mayCreateGroups(user) && (
          <Link
            to={`/organisation/grupper/ny${owner ? `?agare=${encodeURIComponent(owner)}` : ''}`}
            className="button button-small"
          >
            {t('structure.newGroup')}
          </Link>
        )}
      </p>

      {groups.error && <ErrorAlert error={groups.error} />}
      {groups.loading && !groups.data && <Loading />}
      {groups.data === null && !groups.loading && <p>{t('structure.choose')}</p>}
      {groups.data && geo.data && (
        <GroupList groups={groups.data} geo={geo.data} showOwner={!owner} q={q} formatDate={formatDate} />
      )}
      {gaps.data && geo.data && groups.data && !q && (
        <section aria-labelledby="gaps-heading">
          <h2 id="gaps-heading">{t('structure.gapsHeading')}</h2>
          {gaps.data.missing.length === 0 ? (
            <p>{t('structure.gapsNone')}</p>
          ) : gaps.data.missing.length === geo.data.areas.length ? (
            <p>{t('structure.gapsAll', { count: gaps.data.missing.length })}</p>
          ) : (
            <>
              <p>{t('structure.gapsSome', { count: gaps.data.missing.length })}</p>
              <ul className="plain-list columns-list">
                {gaps.data.missing.map((m) => (
                  <li key={m.programAreaId}>{m.name}</li>
                ))}
              </ul>
            </>
          )}
          <MirroringReport report={gaps.data} geo={geo.data} />
          <p>
            <Link to="/organisation/speglingsmatris">{t('structure.matrixLink')}</Link>
          </p>
        </section>
      )}
    </Page>
  );
}

function GroupList({
  groups,
  geo,
  showOwner,
  q,
  formatDate,
}: {
  groups: Group[];
  geo: Geo;
  showOwner: boolean;
  q: string;
  formatDate: (iso: string | null | undefined) => string;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const byId = new Map(groups.map((g) => [g.id, g]));
  const active = groups.filter((g) => isGroupActive(g.status));
  const history = groups.filter((g) => !isGroupActive(g.status));
  const kinds = [...KINDS, ...new Set(active.map((g) => g.kind).filter((k) => !(KINDS as readonly string[]).includes(k)))];

  return (
    <>
      <p role="status" className="result-count">
        {q ? t('structure.matchCount', { count: groups.length, q }) : t('structure.count', { count: active.length })}
      </p>
      {kinds.map((kind) => {
        const list = active.filter((g) => g.kind === kind);
        if (list.length === 0) return null;
        const headingId = `kind-${kind}`;
        return (
          <section key={kind} aria-labelledby={headingId} className="kind-section">
            <h2 id={headingId}>
              {kindPlural(i18n, kind)} <span className="count">({list.length})</span>
            </h2>
            <ul className="group-list">
              {list.map((g) => {
                const parent = g.parentGroupId ? byId.get(g.parentGroupId) : undefined;
                return (
                  <li key={g.id}>
                    <Link to={groupHref(g.id)} className="group-name">
                      {g.name}
                    </Link>
                    {g.shortName && g.shortName !== g.name && <span className="muted"> ({g.shortName})</span>}
                    {g.isSubGroup && <span className="badge badge-none">{t('group.subGroup')}</span>}
                    {g.isDemo && <span className="badge badge-demo">{t('common.demo')}</span>}
                    <span className="group-meta">
                      {showOwner && <span>{geo.ownerName(g.owner)}</span>}
                      {g.kind !== 'program-area' && g.programAreaIds.length > 0 && (
                        <span>{g.programAreaIds.map(geo.areaName).join(', ')}</span>
                      )}
                      {parent && (
                        <span>
                          {relationLabel(i18n, g.parentRelation)} {parent.name}
                        </span>
                      )}
                      {g.hostDescription && <span>{t('group.hostShort', { host: g.hostDescription })}</span>}
                    </span>
                  </li>
                );
              })}
            </ul>
          </section>
        );
      })}
      {history.length > 0 && (
        <section aria-labelledby="history-heading" className="kind-section">
          <h2 id="history-heading">
            {t('structure.history')} <span className="count">({history.length})</span>
          </h2>
          <ul className="group-list">
            {history.map((g) => (
              <li key={g.id}>
                <Link to={groupHref(g.id)} className="group-name">
                  {g.name}
                </Link>{' '}
                <span className={`badge ${STATUS_BADGE[g.status] ?? 'badge-none'}`}>{statusLabel(i18n, g.status)}</span>
                <span className="group-meta">
                  <span>{kindLabel(i18n, g.kind)}</span>
                  {showOwner && <span>{geo.ownerName(g.owner)}</span>}
                  {g.endDate && <span>{t('group.endedOn', { date: formatDate(g.endDate) })}</span>}
                  {g.mergedIntoGroupId && byId.get(g.mergedIntoGroupId) && (
                    <span>{t('group.mergedIntoName', { name: byId.get(g.mergedIntoGroupId)!.name })}</span>
                  )}
                </span>
              </li>
            ))}
          </ul>
        </section>
      )}
      {groups.length === 0 && <p>{q ? t('structure.noMatch') : t('structure.empty')}</p>}
    </>
  );
}
