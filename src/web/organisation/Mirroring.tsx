import type { GroupDetail, GroupSummary } from '../api';
import type { ApiResponse } from '../client';
import { Link } from '../app/router';
import { Notice } from '../components/Alerts';
import { useI18n } from '../i18n';
import { groupHref, kindLabel, type Geo } from './groups';

type Agreement = GroupDetail['agreements'][number];

/**
 * "Speglar": one definition with the matrix and the org chart (docs/organisation.md). A group
 * mirrors only through its mirror link to a group one level up; a program-area group without one
 * covers its areas but mirrors nothing, which is a gap.
 */
export function MirrorsText({ detail, geo }: { detail: GroupDetail; geo: Geo }) {
  const i18n = useI18n();
  const { t } = i18n;
  const g = detail.group;
  const areaNames = (ids: string[]) => ids.map((id) => geo.areaName(id)).join(', ');
  const link = detail.mirrors && <MirrorLink group={detail.mirrors} geo={geo} kind={kindLabel(i18n, detail.mirrors.kind)} />;
  if (g.kind === 'program-area') {
    if (detail.mirrors && detail.mirroredProgramAreaIds.length > 0)
      return (
        <>
          <p>{link}</p>
          <p>{t('group.mirrorsAreas', { areas: areaNames(detail.mirroredProgramAreaIds) })}</p>
        </>
      );
    return (
      <p>
        {t('group.mirrorsGap', { areas: areaNames(g.programAreaIds) })}
        {detail.mirrors && <> {t('group.mirrorsOtherArea', { name: detail.mirrors.name })}</>}
      </p>
    );
  }
  if (detail.mirrors) return <p>{link}</p>;
  if (g.noCounterpartReason)
    return (
      <>
        <p>{t('group.noCounterpart')}</p>
        <figure className="source-quote">
          <blockquote>
            <p>{g.noCounterpartReason}</p>
          </blockquote>
        </figure>
      </>
    );
  return <p className="muted">{t('group.mirrorsNone')}</p>;
}

function MirrorLink({ group, geo, kind }: { group: GroupSummary; geo: Geo; kind: string }) {
  return (
    <>
      <Link to={groupHref(group.id)}>{group.name}</Link>
      <span className="muted">
        {' '}
        ({geo.ownerName(group.owner)}, {kind.toLowerCase()})
      </span>
    </>
  );
}

/** Time-limited agreements, with a warning inside the reminder window and once ended. */
export function Agreements({ items, geo, headingId }: { items: Agreement[]; geo: Geo; headingId: string }) {
  const { t, formatDate } = useI18n();
  if (items.length === 0) return null;
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>{t('agreement.heading')}</h2>
      {items.map((a) => (
        <article key={a.id} className="agreement">
          <h3>{a.name}</h3>
          {a.state !== 'valid' && (
            <Notice kind="warning">
              <p>
                {a.state === 'ended'
                  ? t('agreement.ended', { date: formatDate(a.validUntil) })
                  : t('agreement.endingSoon', { date: formatDate(a.validUntil), count: a.daysLeft })}
              </p>
            </Notice>
          )}
          <dl className="facts">
            <div>
              <dt>{t('agreement.decided')}</dt>
              <dd>
                {formatDate(a.decidedOn)}
                {a.decidedBy && (
                  <>
                    {', '}
                    <Link to={groupHref(a.decidedBy.id)}>{a.decidedBy.name}</Link>
                  </>
                )}
              </dd>
            </div>
            <div>
              <dt>{t('agreement.validUntil')}</dt>
              <dd>{formatDate(a.validUntil)}</dd>
            </div>
            <div>
              <dt>{t('agreement.areas', { count: a.programAreaIds.length })}</dt>
              <dd>{a.programAreaIds.map((id) => geo.areaName(id)).join(', ')}</dd>
            </div>
            <div>
              <dt>{t('agreement.groups', { count: a.groups.length })}</dt>
              <dd>
                <ul className="plain-list">
                  {a.groups.map((g) => (
                    <li key={g.id}>
                      <Link to={groupHref(g.id)}>{g.name}</Link>
                    </li>
                  ))}
                </ul>
              </dd>
            </div>
          </dl>
          {a.quote && (
            <figure className="source-quote">
              <blockquote>
                <p>{a.quote}</p>
              </blockquote>
            </figure>
          )}
          {a.sourceId && <p className="muted">{t('agreement.source', { source: a.sourceId })}</p>}
        </article>
      ))}
    </section>
  );
}

type Report = ApiResponse<'/mirroring/gaps'>;

/** The rest of the mirroring report for one owner: groups without a mirror link, counts, collaboration groups, processteams. */
export function MirroringReport({ report, geo }: { report: Report; geo: Geo }) {
  const { t } = useI18n();
  return (
    <>
      {report.unlinked.length > 0 && (
        <>
          <p>{t('structure.unlinked', { count: report.unlinked.length })}</p>
          <ul className="plain-list columns-list">
            {report.unlinked.map((u) => (
              <li key={u.programAreaId}>
                <Link to={groupHref(u.groupIds[0]!)}>{u.name}</Link>
              </li>
            ))}
          </ul>
        </>
      )}
      {report.expectedCounts.map((c) => (
        <p key={c.rule}>{t('structure.expected', { recorded: c.recorded, expected: c.expected, source: c.sourceId ?? '' })}</p>
      ))}
      {report.collaborationGroups.length > 0 && (
        <>
          <h3>{t('structure.collabHeading')}</h3>
          <ul className="plain-list">
            {report.collaborationGroups.map((c) => (
              <li key={c.groupId}>
                <Link to={groupHref(c.groupId)}>{c.name}</Link>:{' '}
                {c.state === 'mirrored' && c.mirrors ? (
                  <>
                    {t('structure.collab.mirrored')} <Link to={groupHref(c.mirrors.id)}>{c.mirrors.name}</Link>
                  </>
                ) : (
                  t(`structure.collab.${c.state === 'mirrored' ? 'unlinked' : c.state}`)
                )}
              </li>
            ))}
          </ul>
        </>
      )}
      {report.processTeams.length > 0 && (
        <>
          <h3>{t('structure.teamsHeading')}</h3>
          <ul className="plain-list">
            {report.processTeams.map((p) => (
              <li key={`${p.groupId}-${p.missing}`}>
                <Link to={groupHref(p.groupId)}>{p.name}</Link> {t(`structure.team.${p.missing}`)}
              </li>
            ))}
          </ul>
        </>
      )}
      <Agreements items={report.agreements} geo={geo} headingId="owner-agreements-heading" />
    </>
  );
}
