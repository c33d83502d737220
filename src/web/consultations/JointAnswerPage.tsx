/**
 * A healthcare region's joint answer: the member regions' input side by side, the RPO's
 * compiled sections, the management group's approval, and the documents.
 */
import { useState, type FormEvent } from 'react';
import { Link } from '../app/router';
import { ErrorAlert, Loading } from '../components/Alerts';
import { TextAreaField, TextField } from '../components/Fields';
import { Page } from '../components/Page';
import { RequireUser } from '../components/RequireUser';
import { $api, call, client, invalidate } from '../client';
import { useI18n, useT } from '../i18n';
import { answerPath, CONSULTATIONS_PATH, downloadHref, todaySweden, type JointAnswer, type Section } from './model';
import { jointStatusLabel, StatusBadge, SubmitError, useSubmit } from './shared';

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
  const params = { path: { id } };
  const reload = () => void invalidate('/consultation-joint-answers/{id}');
  const [approvalRef, setApprovalRef] = useState('');
  const [approvedOn, setApprovedOn] = useState(todaySweden());
  const approve = useSubmit();
  const send = useSubmit();
  const title = j
    ? t('consultations.joint.titleFor', { region: j.healthcareRegionName, round: j.round?.title ?? '' })
    : t('consultations.joint.title');

  async function doApprove(e: FormEvent) {
    e.preventDefault();
    if (
      await approve.run(
        async () =>
          void (await call(
            client.POST('/consultation-joint-answers/{id}/approve', {
              params,
              body: { approvalRef, approvedOn, version: j!.version },
            }),
          )),
      )
    )
      reload();
  }
  async function doSend(e: FormEvent) {
    e.preventDefault();
    if (
      await send.run(
        async () =>
          void (await call(
            client.POST('/consultation-joint-answers/{id}/send', {
              params,
              body: { sentOn: todaySweden(), version: j!.version },
            }),
          )),
      )
    )
      reload();
  }

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
            <JointSection key={s.id} joint={j} section={s} onDone={reload} />
          ))}
          {j.allowedActions.includes('approve') && (
            <form className="form panel" onSubmit={(e) => void doApprove(e)} aria-labelledby="approve-heading">
              <h2 id="approve-heading">{t('consultations.joint.approveHeading')}</h2>
              <SubmitError error={approve.error} />
              <TextField
                id="approval-ref"
                label={t('consultations.joint.approvalRef')}
                value={approvalRef}
                onChange={setApprovalRef}
                required
              />
              <TextField
                id="approved-on"
                type="date"
                label={t('consultations.joint.approvedOn')}
                value={approvedOn}
                onChange={setApprovedOn}
                required
              />
              <button type="submit" disabled={approve.busy}>
                {t('consultations.joint.approve')}
              </button>
            </form>
          )}
          {j.allowedActions.includes('send') && (
            <form className="form" onSubmit={(e) => void doSend(e)}>
              <SubmitError error={send.error} />
              <button type="submit" disabled={send.busy}>
                {t('consultations.joint.send')}
              </button>
            </form>
          )}
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

function JointSection({ joint, section, onDone }: { joint: JointAnswer; section: Section; onDone: () => void }) {
  const t = useT();
  const [body, setBody] = useState(section.body);
  const submit = useSubmit();
  async function save(e: FormEvent) {
    e.preventDefault();
    if (
      await submit.run(
        async () =>
          void (await call(
            client.PUT('/consultation-joint-answers/{id}/sections/{sectionId}', {
              params: { path: { id: joint.id, sectionId: section.id } },
              body: { body, version: section.version },
            }),
          )),
      )
    )
      onDone();
  }
  const hid = `joint-section-${section.position}`;
  return (
    <article className="card" aria-labelledby={hid}>
      <h3 id={hid}>
        {section.position}. {section.heading}
      </h3>
      {joint.permissions.edit ? (
        <form className="form" onSubmit={(e) => void save(e)}>
          <SubmitError error={submit.error} />
          <TextAreaField
            id={`${hid}-body`}
            label={t('consultations.draft.text', { heading: section.heading })}
            value={body}
            onChange={setBody}
            rows={4}
          />
          <button type="submit" disabled={submit.busy}>
            {t('consultations.draft.save', { heading: section.heading })}
          </button>
        </form>
      ) : (
        <p>{section.body || t('consultations.draft.empty')}</p>
      )}
    </article>
  );
}
