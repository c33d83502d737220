/**
 * A healthcare region's joint answer: the member regions' input side by side, the RPO's
 * compiled sections, the management group's approval, and the documents.
 */
import { Link } from '../app/router';
import { ErrorAlert, Loading } from '../components/Alerts';
import { Page } from '../components/Page';
import { RequireUser } from '../components/RequireUser';
import { $api } from '../client';
import { useI18n, useT } from '../i18n';
import { ApproveForm, JointSectionForm, SendForm } from './JointForms';
import { answerPath, CONSULTATIONS_PATH, downloadHref, type JointAnswer, type Section } from './model';
import { jointStatusLabel, StatusBadge } from './shared';

export function JointAnswerPage({ id }: { id: string }) {
  const t = useT();
  return (
    <RequireUser title={t('consultations.joint.title')} crumbs={[{ to: CONSULTATIONS_PATH, label: t('area.consultations') }]}>
      <JointView id={id} />
    </RequireUser>
  );
}

function JointView({ id }: { id: string }) {
  const i18n = useI18n();
  const { t, formatDate } = i18n;
  const joint = $api.useQuery('get', '/consultation-joint-answers/{id}', { params: { path: { id } } });
  const j = joint.data;
  const title = j
    ? t('consultations.joint.titleFor', { region: j.healthcareRegionName, round: j.round?.title ?? '' })
    : t('consultations.joint.title');

  return (
    <Page title={title} crumbs={[{ to: CONSULTATIONS_PATH, label: t('area.consultations') }]}>
      {joint.error && <ErrorAlert error={joint.error} />}
      {joint.isPending && <Loading />}
      {j && (
        <>
          <dl className="facts">
            <dt>{t('consultations.field.status')}</dt>
            <dd>{jointStatusLabel(i18n, j.status)}</dd>
            <dt>{t('consultations.joint.coordinating')}</dt>
            <dd>{j.coordinatingGroup.name}</dd>
            <dt>{t('consultations.joint.approving')}</dt>
            <dd>{j.approvingGroup.name}</dd>
            {j.round && (
              <>
                <dt>{t('consultations.field.closes')}</dt>
                <dd>{formatDate(j.round.closesOn)}</dd>
              </>
            )}
            {j.approvalRef && (
              <>
                <dt>{t('consultations.joint.approval')}</dt>
                <dd>
                  {j.approvalRef}, {formatDate(j.approvedOn)}
                </dd>
              </>
            )}
          </dl>
          <h2 id="inputs-heading">{t('consultations.joint.inputs')}</h2>
          <div className="cards cards-wide" aria-labelledby="inputs-heading" role="group">
            {j.inputs.map((x) => (
              <article className="card" key={x.region} aria-labelledby={`input-${x.region}`}>
                <h3 id={`input-${x.region}`}>{x.regionName}</h3>
                <p>
                  <StatusBadge status={x.status} /> {x.caseNumber && <span className="mono">{x.caseNumber}</span>}
                </p>
                {x.answerId && x.sections.length > 0 && (
                  <Link to={answerPath(x.answerId)}>{t('consultations.joint.openInput', { region: x.regionName })}</Link>
                )}
                {x.sections
                  .filter((s) => s.body.trim())
                  .map((s) => (
                    <div key={s.heading}>
                      <h4>{s.heading}</h4>
                      <p>{s.body}</p>
                    </div>
                  ))}
              </article>
            ))}
          </div>
          <h2>{t('consultations.joint.compiled')}</h2>
          {j.sections.map((s) => (
            <JointSection key={s.id} joint={j} section={s} />
          ))}
          {j.allowedActions.includes('approve') && <ApproveForm joint={j} />}
          {j.allowedActions.includes('send') && <SendForm joint={j} />}
          <h2 id="joint-downloads">{t('consultations.downloads.heading')}</h2>
          <ul className="link-list" aria-labelledby="joint-downloads">
            <li>
              <a href={downloadHref(`/consultation-joint-answers/${j.id}/document.docx`)} download>
                {t('consultations.downloads.docx')}
              </a>
            </li>
            <li>
              <a href={downloadHref(`/consultation-joint-answers/${j.id}/document.pdf`)} download>
                {t('consultations.downloads.pdf')}
              </a>
            </li>
          </ul>
        </>
      )}
    </Page>
  );
}

function JointSection({ joint, section }: { joint: JointAnswer; section: Section }) {
  const t = useT();
  const hid = `joint-section-${section.position}`;
  return (
    <article className="card" aria-labelledby={hid}>
      <h3 id={hid}>
        {section.position}. {section.heading}
      </h3>
      {joint.permissions.edit ? (
        <JointSectionForm joint={joint} section={section} hid={hid} />
      ) : (
        <p>{section.body || t('consultations.draft.empty')}</p>
      )}
    </article>
  );
}
