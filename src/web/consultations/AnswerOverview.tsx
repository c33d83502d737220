/** The answer's "Översikt" step: its facts, the round's track, the internal milestones and the documents out. */
import { Link } from '../app/router';
import { caseHref } from '../cases/cases';
import { Notice } from '../components/Alerts';
import { TableScroll } from '../components/TableScroll';
import { useI18n } from '../i18n';
import { DiarienummerForm } from './DiarienummerForm';
import { downloadHref, jointPath, type Answer } from './model';
import { jointStatusLabel, milestoneLabel, StatusBadge, trackLabel } from './shared';
import { TrackSteps } from './TrackSteps';

export function AnswerOverview({ a }: { a: Answer }) {
  const i18n = useI18n();
  const { t, formatDate } = i18n;
  return (
    <>
      {a.supersededReason !== null && (
        <Notice kind="warning">
          <p>{t('consultations.answer.superseded', { reason: a.supersededReason ?? '' })}</p>
        </Notice>
      )}
      <dl className="facts">
        <dt>{t('consultations.field.caseNumber')}</dt>
        <dd className="mono">
          <Link to={caseHref(a.caseId)}>{a.caseNumber}</Link>
        </dd>
        <dt>{t('consultations.field.diarienummer')}</dt>
        <dd className="mono">{a.diarienummer ?? t('consultations.diarienummer.none')}</dd>
        <dt>{t('consultations.field.status')}</dt>
        <dd>
          <StatusBadge status={a.status} />
        </dd>
        {a.round && (
          <>
            <dt>{t('consultations.field.track')}</dt>
            <dd>{trackLabel(i18n, a.round.track)}</dd>
            <dt>{t('consultations.field.sender')}</dt>
            <dd>{a.round.sender}</dd>
            <dt>{t('consultations.field.closes')}</dt>
            <dd>{formatDate(a.round.closesOn)}</dd>
          </>
        )}
        <AnswerGroups a={a} />
        {a.decisionRef && (
          <>
            <dt>{t('consultations.field.decision')}</dt>
            <dd>
              {a.decisionRef}, {formatDate(a.decidedOn)}
            </dd>
          </>
        )}
        {a.sentOn && (
          <>
            <dt>{t('consultations.field.sentOn')}</dt>
            <dd>{formatDate(a.sentOn)}</dd>
          </>
        )}
        {a.jointAnswers.map((j) => (
          <div key={j.id}>
            <dt>{t('consultations.field.jointAnswer')}</dt>
            <dd>
              <Link to={jointPath(j.id)}>{j.healthcareRegionName}</Link>: {jointStatusLabel(i18n, j.status)}
            </dd>
          </div>
        ))}
      </dl>
      {a.round && <TrackSteps roundId={a.round.id} />}

      <h2 id="milestones-heading">{t('consultations.milestones.heading')}</h2>
      <TableScroll labelledBy="milestones-caption">
        <table>
          <caption id="milestones-caption">{t('consultations.milestones.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('consultations.milestones.what')}</th>
              <th scope="col">{t('consultations.milestones.due')}</th>
              <th scope="col">{t('consultations.field.status')}</th>
            </tr>
          </thead>
          <tbody>
            {a.milestones.map((m) => (
              <tr key={m.kind}>
                <th scope="row">{milestoneLabel(i18n, m.kind)}</th>
                <td className="nowrap">{formatDate(m.dueOn)}</td>
                <td>
                  {m.met ? (
                    <span className="badge badge-ok">{t('consultations.milestones.met')}</span>
                  ) : m.late ? (
                    <strong className="badge badge-weak">{t('consultations.late')}</strong>
                  ) : (
                    <span className="badge badge-none">{t('consultations.milestones.coming')}</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>

      {a.permissions.setDiarienummer && <DiarienummerForm answer={a} />}
      <AnswerDownloads a={a} />
    </>
  );
}

/** Who prepares the answer and where it is decided (in the facts of Översikt and Fördelning). */
export function AnswerGroups({ a }: { a: Answer }) {
  const { t } = useI18n();
  return (
    <>
      <dt>{t('consultations.field.groups')}</dt>
      <dd>
        {a.groups.length === 0
          ? t('consultations.answer.notRouted')
          : a.groups.map((g) => (g.lead ? t('consultations.answer.leadGroup', { name: g.name }) : g.name)).join(', ')}
      </dd>
      <dt>{t('consultations.field.beredningGroup')}</dt>
      <dd>{a.beredningGroup?.name ?? t('consultations.none')}</dd>
      <dt>{t('consultations.field.decisionGroup')}</dt>
      <dd>{a.decisionGroup?.name ?? t('consultations.none')}</dd>
    </>
  );
}

export function AnswerDownloads({ a }: { a: Answer }) {
  const { t } = useI18n();
  return (
    <>
      <h2 id="downloads-heading">{t('consultations.downloads.heading')}</h2>
      <ul className="link-list" aria-labelledby="downloads-heading">
        <li>
          <a href={downloadHref(`/consultation-answers/${a.id}/document.docx`)} download>
            {t('consultations.downloads.docx')}
          </a>
        </li>
        <li>
          <a href={downloadHref(`/consultation-answers/${a.id}/document.pdf`)} download>
            {t('consultations.downloads.pdf')}
          </a>
        </li>
        <li>
          <a href={downloadHref(`/consultation-answers/${a.id}/comments.xlsx`)} download>
            {t('consultations.downloads.xlsx')}
          </a>
        </li>
      </ul>
    </>
  );
}
