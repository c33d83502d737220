import { useEffect, useRef, useState } from 'react';
import type { Group, GroupDetail, GroupSummary } from '../api';
import { $api, invalidate, type ApiResponse } from '../client';
import { Link, useLocation } from '../app/router';
import { ErrorAlert, Loading, Notice } from '../components/Alerts';
import { Markdown } from '../components/Markdown';
import { Page } from '../components/Page';
import { useAsync } from '../components/useAsync';
import { GroupMembers } from '../people/GroupMembers';
import { RepresentationSection } from '../mandates/RepresentationSection';
import { ConsolidatedReportSection } from './ConsolidatedReportSection';
import { useI18n } from '../i18n';
import { FactStatus, Sources, statusKey } from './Facts';
import { GroupEditing } from './GroupEditing';
import { Agreements, MirrorsText } from './Mirroring';
import {
  capitalize,
  groupHref,
  isGroupActive,
  kindLabel,
  levelLabel,
  loadGroup,
  relationLabel,
  STATUS_BADGE,
  statusLabel,
  structureHref,
  useGeo,
  type Geo,
} from './groups';
import { useOrgCrumbs } from './OrganisationPage';

/** Gruppsida: one group with its place in the mirrored structure, its mandate and its history. */
export function GroupPage({ id }: { id: string }) {
  const i18n = useI18n();
  const { t } = i18n;
  const { search } = useLocation();
  const detail = useAsync((signal) => loadGroup(id, signal), [id]);
  const [message, setMessage] = useState<{ text: string; n: number } | null>(null);
  const geo = useGeo(t);
  const revision = detail.data?.mandate?.revision ?? 0;
  const revisions = $api.useQuery(
    'get',
    '/groups/{id}/mandate/revisions',
    { params: { path: { id } } },
    { enabled: revision > 1 },
  );
  // a new revision of the mandate text lengthens the list
  useEffect(() => {
    if (revision > 1) void invalidate('/groups/{id}/mandate/revisions');
  }, [revision]);
  const g = detail.data?.group;
  const crumbs = [
    ...useOrgCrumbs(),
    {
      to: g ? structureHref(g.owner) : '/organisation/struktur',
      label: g && geo.data ? t('structure.titleFor', { name: geo.data.ownerName(g.owner) }) : t('structure.title'),
    },
  ];

  return (
    <Page title={g?.name ?? (detail.error ? t('group.one') : t('common.loading'))} crumbs={crumbs}>
      {detail.error && <ErrorAlert error={detail.error} />}
      {(detail.loading || geo.loading) && !(detail.data && geo.data) && <Loading />}
      {geo.error && <ErrorAlert error={geo.error} />}
      {detail.data && g && geo.data && (
        <>
          {message ? (
            <SavedMessage key={message.n} text={message.text} />
          ) : (
            search.get('skapad') === '1' && (
              <Notice kind="success" live>
                <p>{t('group.created')}</p>
              </Notice>
            )
          )}
          <GroupHead group={g} geo={geo.data} mergedInto={detail.data.mergedInto} />
          <Placement detail={detail.data} geo={geo.data} />
          <Hosting group={g} geo={geo.data} />
          <Agreements items={detail.data.agreements} geo={geo.data} headingId="agreements-heading" />

          <section aria-labelledby="mandate-heading">
            <h2 id="mandate-heading">{t('mandate.heading')}</h2>
            {detail.data.mandate ? (
              <>
                <Markdown text={detail.data.mandate.text} className="mandate" />
                <p className="muted meta-line">
                  {t('mandate.meta', {
                    revision: detail.data.mandate.revision,
                    by: detail.data.mandate.changedByLabel,
                    at: i18n.formatDateTime(detail.data.mandate.changedAt),
                  })}
                </p>
                {revisions.data && revisions.data.items.length > 1 && <Revisions items={revisions.data.items} />}
              </>
            ) : (
              <p>{t('mandate.none')}</p>
            )}
          </section>

          <GroupMembers group={g} />
          <RepresentationSection groupId={g.id} groupName={g.name} />
          {/* a kunskapsråd (kind council) follows its program areas through one report (seed 002) */}
          {g.kind === 'council' && <ConsolidatedReportSection groupId={g.id} />}

          {(g.isReference || g.sources.length > 0 || g.sourceQuote) && (
            <section aria-labelledby="sources-heading">
              <h2 id="sources-heading">{t('group.sourcesHeading')}</h2>
              <p>
                {t('org.col.factStatus')}: <FactStatus status={g.factStatus} />{' '}
                <span className="muted">{i18n.tMaybe(`fact.${statusKey(g.factStatus)}.help`) ?? ''}</span>
              </p>
              {g.sourceQuote && (
                <figure className="source-quote">
                  <blockquote lang="sv">
                    <p>{g.sourceQuote}</p>
                  </blockquote>
                  <figcaption>{t('group.quoteCaption')}</figcaption>
                </figure>
              )}
              <Sources sources={g.sources} basis={g.factBasis} open />
            </section>
          )}

          {g.permissions.edit && (
            <GroupEditing
              detail={detail.data}
              geo={geo.data}
              onChanged={detail.reload}
              onDone={(text) => {
                setMessage((m) => ({ text, n: (m?.n ?? 0) + 1 }));
                detail.reload();
              }}
            />
          )}
        </>
      )}
    </Page>
  );
}

/** Says that a change was saved, and takes focus: the form that made it has closed. */
function SavedMessage({ text }: { text: string }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.focus();
    ref.current?.scrollIntoView({ block: 'center' });
  }, []);
  return (
    <div ref={ref} className="alert alert-success" role="status" tabIndex={-1}>
      <p>{text}</p>
    </div>
  );
}

function GroupHead({ group: g, geo, mergedInto }: { group: Group; geo: Geo; mergedInto: GroupSummary | null }) {
  const i18n = useI18n();
  const { t, formatDate } = i18n;
  const lead =
    g.owner === 'national'
      ? t('group.leadNational', { kind: kindLabel(i18n, g.kind), level: levelLabel(i18n, g.level).toLowerCase() })
      : t('group.lead', {
          kind: kindLabel(i18n, g.kind),
          level: levelLabel(i18n, g.level).toLowerCase(),
          owner: geo.ownerName(g.owner),
        });
  return (
    <>
      <p className="lead">
        {lead} <span className={`badge ${STATUS_BADGE[g.status] ?? 'badge-none'}`}>{statusLabel(i18n, g.status)}</span>
        {g.isSubGroup && <span className="badge badge-none">{t('group.subGroup')}</span>}
        {g.isDemo && <span className="badge badge-demo">{t('common.demo')}</span>}
        {g.historical && <span className="badge badge-old">{t('group.historical')}</span>}
      </p>
      {!isGroupActive(g.status) && !g.mergedIntoGroupId && (
        <Notice kind="warning">
          <p>
            {t('group.closedNotice', { date: formatDate(g.endDate) })}
            {g.closedReason && ` ${t('group.closedReason', { reason: g.closedReason })}`}
          </p>
        </Notice>
      )}
      {g.mergedIntoGroupId && (
        <Notice kind="warning">
          <p>
            {t('group.mergedNotice', { date: formatDate(g.endDate) })}{' '}
            {mergedInto && <Link to={groupHref(mergedInto.id)}>{mergedInto.name}</Link>}
          </p>
        </Notice>
      )}
      <dl className="facts">
        <div>
          <dt>{t('group.field.kind')}</dt>
          <dd>{kindLabel(i18n, g.kind)}</dd>
        </div>
        <div>
          <dt>{t('group.field.level')}</dt>
          <dd>{levelLabel(i18n, g.level)}</dd>
        </div>
        <div>
          <dt>{t('group.field.owner')}</dt>
          <dd>
            <Link to={structureHref(g.owner)}>{geo.ownerName(g.owner)}</Link>
          </dd>
        </div>
        {g.shortName && g.shortName !== g.name && (
          <div>
            <dt>{t('group.field.shortName')}</dt>
            <dd>{g.shortName}</dd>
          </div>
        )}
        <div>
          <dt>{t('group.field.startDate')}</dt>
          <dd>{g.startDate ? formatDate(g.startDate) : <span className="muted">{t('group.unknownDate')}</span>}</dd>
        </div>
        {g.endDate && (
          <div>
            <dt>{t('group.field.endDate')}</dt>
            <dd>{formatDate(g.endDate)}</dd>
          </div>
        )}
        {g.contactEmail && (
          <div>
            <dt>{t('group.field.contactEmail')}</dt>
            <dd>
              <a href={`mailto:${g.contactEmail}`}>{g.contactEmail}</a>
            </dd>
          </div>
        )}
      </dl>
      <h2>{t('group.field.programAreaIds')}</h2>
      {g.programAreaIds.length === 0 ? (
        <p>{t('group.noAreas')}</p>
      ) : (
        <ul className="tag-list">
          {g.programAreaIds.map((a) => (
            <li key={a}>{geo.areaName(a)}</li>
          ))}
        </ul>
      )}
    </>
  );
}

function SummaryLink({ group, geo, showOwner = true }: { group: GroupSummary; geo: Geo; showOwner?: boolean }) {
  const i18n = useI18n();
  return (
    <>
      <Link to={groupHref(group.id)}>{group.name}</Link>
      <span className="muted">
        {' '}
        ({showOwner ? `${geo.ownerName(group.owner)}, ` : ''}
        {kindLabel(i18n, group.kind).toLowerCase()}
        {!isGroupActive(group.status) ? `, ${statusLabel(i18n, group.status).toLowerCase()}` : ''})
      </span>
    </>
  );
}

/** Mirror up and down, parent with the relation in words, and the groups below. */
function Placement({ detail, geo }: { detail: GroupDetail; geo: Geo }) {
  const i18n = useI18n();
  const { t } = i18n;
  const g = detail.group;
  return (
    <section aria-labelledby="placement-heading">
      <h2 id="placement-heading">{t('group.placementHeading')}</h2>
      <dl className="relations">
        <div>
          <dt>{t('group.parent')}</dt>
          <dd>
            {detail.parent ? (
              <>
                <span className="relation">{capitalize(relationLabel(i18n, g.parentRelation))}</span>{' '}
                <SummaryLink group={detail.parent} geo={geo} showOwner={detail.parent.owner !== g.owner} />
              </>
            ) : (
              <span className="muted">{t('group.noParentText')}</span>
            )}
          </dd>
        </div>
        <div>
          <dt>{t('group.children', { count: detail.children.length })}</dt>
          <dd>
            {detail.children.length === 0 ? (
              <span className="muted">{t('group.noChildren')}</span>
            ) : (
              <ul>
                {detail.children.map((c) => (
                  <li key={c.id}>
                    <SummaryLink group={c} geo={geo} showOwner={c.owner !== g.owner} />
                  </li>
                ))}
              </ul>
            )}
          </dd>
        </div>
        {g.level !== 'national' && (
          <div>
            <dt>{t('group.mirrors')}</dt>
            <dd>
              <MirrorsText detail={detail} geo={geo} />
            </dd>
          </div>
        )}
        {(g.level !== 'region' || detail.mirroredBy.length > 0) && (
          <div>
            <dt>{t('group.mirroredBy', { count: detail.mirroredBy.length })}</dt>
            <dd>
              {detail.mirroredBy.length === 0 ? (
                <span className="muted">{t('group.mirroredByNone')}</span>
              ) : (
                <ul>
                  {detail.mirroredBy.map((m) => (
                    <li key={m.id}>
                      <SummaryLink group={m} geo={geo} />
                    </li>
                  ))}
                </ul>
              )}
            </dd>
          </div>
        )}
      </dl>
    </section>
  );
}

/** Värdskap: an NPO's host healthcare region comes from its program area; local hosts are text. */
function Hosting({ group: g, geo }: { group: Group; geo: Geo }) {
  const { t } = useI18n();
  const national = g.level === 'national' && g.kind === 'program-area';
  const areas = national ? geo.areas.filter((a) => g.programAreaIds.includes(a.id)) : [];
  if (!g.hostDescription && areas.length === 0) return null;
  return (
    <section aria-labelledby="host-heading">
      <h2 id="host-heading">{t('group.hostHeading')}</h2>
      {g.hostDescription && <p>{g.hostDescription}</p>}
      {areas.map((a) => (
        <p key={a.id}>
          {a.hostHealthcareRegionId ? (
            <Link to={`/organisation/sjukvardsregioner/${a.hostHealthcareRegionId}`}>
              {geo.ownerName(a.hostHealthcareRegionId)}
            </Link>
          ) : (
            (a.hostOther ?? <span className="muted">{t('org.npo.hostUnknown')}</span>)
          )}
          {a.hostHealthcareRegionId && a.hostOther && <span className="muted"> ({a.hostOther})</span>}{' '}
          <FactStatus status={a.hostStatus} />
        </p>
      ))}
    </section>
  );
}

function Revisions({ items }: { items: ApiResponse<'/groups/{id}/mandate/revisions'>['items'] }) {
  const { t, formatDateTime } = useI18n();
  return (
    <details className="revisions">
      <summary>{t('mandate.revisions', { count: items.length })}</summary>
      <ol reversed>
        {items.map((m) => (
          <li key={m.revision}>
            <p className="meta-line">
              {t('mandate.meta', { revision: m.revision, by: m.changedByLabel, at: formatDateTime(m.changedAt) })}
            </p>
            <details>
              <summary>{t('mandate.showRevision', { revision: m.revision })}</summary>
              <Markdown text={m.text} className="mandate mandate-old" />
            </details>
          </li>
        ))}
      </ol>
    </details>
  );
}
