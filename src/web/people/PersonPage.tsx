import { useEffect, useRef, useState } from 'react';
import type { JavDeclaration } from '../api';
import { $api, invalidate } from '../client';
import { Link, useLocation } from '../app/router';
import { ErrorAlert, Loading, Notice } from '../components/Alerts';
import { Page } from '../components/Page';
import { RequireUser } from '../components/RequireUser';
import { TableScroll } from '../components/TableScroll';
import { useI18n, useT } from '../i18n';
import { groupHref, useGeo } from '../organisation/groups';
import { DeclarationForm } from './DeclarationForm';
import { usePeopleCrumbs } from './PeoplePage';
import {
  categoryLabel,
  DECLARATION_BADGE,
  declarationStatusLabel,
  employerTypeLabel,
  periodText,
  roleLabel,
  today,
} from './people';

export function PersonPage({ id }: { id: string }) {
  const t = useT();
  const crumbs = usePeopleCrumbs();
  return (
    <RequireUser title={t('person.one')} crumbs={crumbs}>
      <PersonView id={id} />
    </RequireUser>
  );
}

function PersonView({ id }: { id: string }) {
  const i18n = useI18n();
  const { t, formatDate } = i18n;
  const { search } = useLocation();
  const crumbs = usePeopleCrumbs();
  const geo = useGeo(t);
  const person = $api.useQuery('get', '/people/{id}', { params: { path: { id } } });
  const [message, setMessage] = useState<{ text: string; n: number } | null>(null);
  const [declaring, setDeclaring] = useState(false);
  const p = person.data;
  const now = today();

  return (
    <Page title={p?.name ?? (person.error ? t('person.one') : t('common.loading'))} crumbs={crumbs}>
      {person.error && <ErrorAlert error={person.error} />}
      {person.isPending && <Loading />}
      {p && (
        <>
          {message ? (
            <SavedMessage key={message.n} text={message.text} />
          ) : (
            search.get('skapad') === '1' && (
              <Notice kind="success" live>
                <p>{t('person.created')}</p>
              </Notice>
            )
          )}
          <dl className="facts">
            <div>
              <dt>{t('person.field.profession')}</dt>
              <dd>{p.profession ?? <span className="muted">{t('person.notStated')}</span>}</dd>
            </div>
            <div>
              <dt>{t('person.field.employer')}</dt>
              <dd>
                {p.employer ?? <span className="muted">{t('person.notStated')}</span>}
                {p.employerType && <span className="muted"> ({employerTypeLabel(i18n, p.employerType).toLowerCase()})</span>}
              </dd>
            </div>
            {p.email && (
              <div>
                <dt>{t('person.field.email')}</dt>
                <dd>
                  <a href={`mailto:${p.email}`}>{p.email}</a>
                </dd>
              </div>
            )}
            {p.hsaId && (
              <div>
                <dt>{t('person.field.hsaId')}</dt>
                <dd className="mono">{p.hsaId}</dd>
              </div>
            )}
            <div>
              <dt>{t('person.field.homeOwner')}</dt>
              <dd>{geo.data ? geo.data.ownerName(p.homeOwner) : p.homeOwner}</dd>
            </div>
          </dl>
          <ul className="link-list" aria-label={t('records.title')}>
            <li>
              <Link to={`/personer-och-uppdrag/personer/${encodeURIComponent(p.id)}/ersattning`}>
                {t('compensation.person.title')}
              </Link>
            </li>
            <li>
              <Link to={`/personer-och-uppdrag/personer/${encodeURIComponent(p.id)}/registerutdrag`}>{t('records.title')}</Link>
            </li>
          </ul>

          <section aria-labelledby="current-heading">
            <h2 id="current-heading">{t('person.currentHeading')}</h2>
            {p.currentDeclaration.ok ? (
              <Notice kind="success">
                <p>
                  {t('person.currentOk', {
                    date: formatDate(p.currentDeclaration.validUntil),
                  })}
                </p>
              </Notice>
            ) : (
              <Notice kind="warning">
                <p>
                  <strong>{t('person.currentMissing')}</strong> {p.currentDeclaration.message ?? ''}
                </p>
              </Notice>
            )}
          </section>

          <section aria-labelledby="assignments-heading">
            <h2 id="assignments-heading">{t('person.assignmentsHeading')}</h2>
            {p.memberships.length === 0 ? (
              <p>{t('person.noAssignments')}</p>
            ) : (
              <TableScroll labelledBy="assignments-caption">
                <table>
                  <caption id="assignments-caption" className="visually-hidden">
                    {t('person.assignmentsHeading')}
                  </caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('members.col.group')}</th>
                      <th scope="col">{t('members.col.role')}</th>
                      <th scope="col">{t('members.col.period')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {p.memberships.map((m) => (
                      <tr key={m.id}>
                        <th scope="row">
                          <Link to={groupHref(m.groupId)}>{m.groupName}</Link>
                        </th>
                        <td>{roleLabel(i18n, m.role)}</td>
                        <td>
                          {periodText(i18n, m.startDate, m.endDate)}
                          {m.endDate && m.endDate < now && <span className="badge badge-none">{t('members.ended')}</span>}
                          {m.declarationLapsed && <span className="badge badge-weak">{t('people.members.lapsed')}</span>}
                          {m.endedEarlyReason && (
                            <span className="muted"> {t('people.members.endedEarly', { reason: m.endedEarlyReason ?? '' })}</span>
                          )}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableScroll>
            )}
          </section>

          <section aria-labelledby="declarations-heading">
            <h2 id="declarations-heading">{t('person.declarationsHeading')}</h2>
            {p.declarations.length === 0 ? (
              <p>{t('person.noDeclarations')}</p>
            ) : (
              <ol className="declarations">
                {[...p.declarations]
                  .sort((a, b) => b.submittedAt.localeCompare(a.submittedAt))
                  .map((d) => (
                    <DeclarationItem key={d.id} declaration={d} areaName={geo.data?.areaName} />
                  ))}
              </ol>
            )}
            {p.permissions.declare && (
              <p>
                <button
                  type="button"
                  className={declaring ? 'button-secondary' : undefined}
                  aria-expanded={declaring}
                  {...(declaring ? { 'aria-controls': 'declare-panel' } : {})}
                  onClick={() => setDeclaring((d) => !d)}
                >
                  {t('jav.form.open')}
                </button>
              </p>
            )}
            {p.permissions.declare && declaring && (
              <div id="declare-panel" className="edit-panel">
                <h3>{t('jav.form.heading')}</h3>
                <DeclarationForm
                  personId={p.id}
                  onCancel={() => setDeclaring(false)}
                  onSubmitted={() => {
                    setDeclaring(false);
                    setMessage((m) => ({ text: t('jav.form.submitted'), n: (m?.n ?? 0) + 1 }));
                    void invalidate('/people/{id}');
                  }}
                />
              </div>
            )}
          </section>
        </>
      )}
    </Page>
  );
}

function DeclarationItem({
  declaration: d,
  areaName,
}: {
  declaration: JavDeclaration;
  areaName: ((id: string) => string) | undefined;
}) {
  const i18n = useI18n();
  const { t, formatDate } = i18n;
  return (
    <li className="declaration">
      <p>
        <span className={`badge ${DECLARATION_BADGE[d.status] ?? 'badge-none'}`}>{declarationStatusLabel(i18n, d.status)}</span>{' '}
        {t('jav.submittedOn', { date: formatDate(d.submittedAt) })}
        {d.reviewedAt && <>, {t('jav.reviewedOn', { date: formatDate(d.reviewedAt) })}</>}
        {d.validUntil && <>, {t('jav.validUntil', { date: formatDate(d.validUntil) })}</>}
      </p>
      {d.nothingToDeclare === true && <p>{t('jav.nothingToDeclare')}</p>}
      {d.interests && d.interests.length > 0 && (
        <ul>
          {d.interests.map((x, i) => (
            <li key={i}>
              <strong>{categoryLabel(i18n, x.category)}:</strong> {x.description}
              {x.organisation && ` (${x.organisation})`}
            </li>
          ))}
        </ul>
      )}
      {d.restrictions && d.restrictions.length > 0 && (
        <p>
          {t('jav.restrictions')}:{' '}
          {d.restrictions
            .map((r) => [r.programAreaId && (areaName?.(r.programAreaId) ?? r.programAreaId), r.knowledgeSupport, r.note])
            .map((parts) => parts.filter(Boolean).join(', '))
            .join('; ')}
        </p>
      )}
      {d.reviewComment && (
        <p>
          {t('jav.reviewComment')}: {d.reviewComment}
        </p>
      )}
    </li>
  );
}

/** Says that a declaration was submitted, and takes focus: the form that made it has closed. */
function SavedMessage({ text }: { text: string }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  return (
    <div ref={ref} className="alert alert-success" role="status" tabIndex={-1}>
      <p>{text}</p>
    </div>
  );
}
