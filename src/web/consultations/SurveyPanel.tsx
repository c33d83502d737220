/**
 * The gap-analysis survey: the lead group builds it (questions about today's practice, resources
 * and consequences; text, scale 1–5 or yes/no) and sends it to the units concerned. The personal
 * links are shown right after sending, and e-mailed where an address was given and e-mail is
 * configured. Then the progress: who has answered, and the answers per question; while the survey
 * is open the lead group reminds, re-issues a unit's link, adds units and closes it
 * (SurveyManage.tsx), and every new link is shown again here.
 */
import { useState } from 'react';
import { TextField } from '../components/Fields';
import { TableScroll } from '../components/TableScroll';
import { useI18n, useT } from '../i18n';
import type { Answer } from './model';
import { SurveyBuilder, type SurveyLinks } from './SurveyBuilder';
import { NewLinkButton, SurveyManage, useEmailEnabled } from './SurveyManage';

export function SurveyPanel({ answer }: { answer: Answer }) {
  const [links, setLinks] = useState<SurveyLinks | null>(null);
  // Sending refetches the answer: the builder gives way to the progress, which shows the links once.
  if (answer.allowedActions.includes('send-survey') && !links) return <SurveyBuilder answer={answer} onSent={setLinks} />;
  if (!answer.survey) return links ? <SentLinks links={links} /> : null;
  return <SurveyProgress answer={answer} links={links} onLinks={setLinks} />;
}

function SentLinks({ links }: { links: SurveyLinks }) {
  const t = useT();
  const emailEnabled = useEmailEnabled();
  return (
    <section className="panel" aria-labelledby="links-heading">
      <h2 id="links-heading">{t('consultations.survey.linksHeading')}</h2>
      <div className="alert alert-success" role="status">
        <p>{t(emailEnabled ? 'consultations.survey.linksLead' : 'consultations.survey.linksLeadNoMail')}</p>
      </div>
      <ul className="plain-list">
        {links.map((l) => (
          <li key={l.link}>
            <TextField
              id={`link-${l.unit}`}
              label={`${l.unit}${l.email && emailEnabled ? ` (${t('consultations.survey.mailed', { email: l.email })})` : ''}`}
              value={l.link}
              onChange={() => undefined}
              readOnly
            />
          </li>
        ))}
      </ul>
    </section>
  );
}

function SurveyProgress({
  answer,
  links,
  onLinks,
}: {
  answer: Answer;
  links: SurveyLinks | null;
  onLinks: (links: SurveyLinks) => void;
}) {
  const i18n = useI18n();
  const { t, formatDate, formatDateTime } = i18n;
  const s = answer.survey!;
  // the lead group, while the survey is open (closing is the survey's one lifecycle action)
  const manage = s.allowedActions.includes('close');
  return (
    <section aria-labelledby="progress-heading">
      {links && <SentLinks links={links} />}
      <h2 id="progress-heading">{t('consultations.survey.progressHeading', { title: s.title })}</h2>
      <p>
        {t('consultations.survey.progress', { responded: s.responded, total: s.recipients.length })}{' '}
        {t(`consultations.survey.state.${s.status}`, { date: formatDate(s.closesOn) })}
      </p>
      <TableScroll labelledBy="recipients-caption">
        <table>
          <caption id="recipients-caption">{t('consultations.survey.recipientsCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('consultations.survey.unit')}</th>
              <th scope="col">{t('consultations.survey.answered')}</th>
              {manage && <th scope="col">{t('consultations.survey.linkCol')}</th>}
            </tr>
          </thead>
          <tbody>
            {s.recipients.map((r) => (
              <tr key={r.id}>
                <th scope="row">{r.unit}</th>
                <td>{r.respondedAt ? formatDateTime(r.respondedAt) : t('consultations.survey.notYet')}</td>
                {manage && (
                  <td>
                    <NewLinkButton survey={s} recipient={r} onLinks={onLinks} />
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      {manage && <SurveyManage survey={s} onLinks={onLinks} />}
      <h3>{t('consultations.survey.summaryHeading')}</h3>
      <ol>
        {s.questions.map((q) => {
          const sum = s.summary.find((x) => x.questionId === q.id);
          return (
            <li key={q.id}>
              <p>
                <strong>{q.text}</strong> <span className="muted">({t(`consultations.survey.kind.${q.kind}`)})</span>
              </p>
              {q.kind === 'text' && (
                <ul>
                  {(sum?.texts ?? []).map((x, i) => (
                    <li key={i}>
                      <strong>{x.unit}:</strong> {x.text}
                    </li>
                  ))}
                </ul>
              )}
              {q.kind === 'scale' && sum && (
                <p>{t('consultations.survey.average', { average: sum.average ?? '–', answered: sum.answered })}</p>
              )}
              {q.kind === 'yes-no' && sum && <p>{t('consultations.survey.yesNo', { yes: sum.yes ?? 0, no: sum.no ?? 0 })}</p>}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
