/**
 * The gap-analysis survey: the lead group builds it (questions about today's practice, resources
 * and consequences; text, scale 1–5 or yes/no) and sends it to the units concerned. The personal
 * links are shown once, right after sending, and e-mailed where an address was given. Then the
 * progress: who has answered, and the answers per question.
 */
import { useState, type FormEvent } from 'react';
import { call, client } from '../client';
import { CheckboxGroup, SelectField, TextAreaField, TextField } from '../components/Fields';
import { TableScroll } from '../components/TableScroll';
import { useI18n, useT } from '../i18n';
import type { Answer, Question } from './model';
import { SubmitError, useSubmit } from './shared';

const DEFAULT_QUESTIONS: Question[] = [
  {
    id: 'q1',
    kind: 'text',
    topic: 'praxis',
    text: 'Hur arbetar ni i dag jämfört med rekommendationerna? Var finns de största skillnaderna?',
    required: true,
  },
  {
    id: 'q2',
    kind: 'scale',
    topic: 'resurser',
    text: 'Hur stora resurser krävs för att följa rekommendationerna (1 = inga, 5 = mycket stora)?',
    required: true,
  },
  {
    id: 'q3',
    kind: 'yes-no',
    topic: 'konsekvenser',
    text: 'Kräver rekommendationerna förändringar i organisation eller kompetens hos er?',
    required: false,
  },
  {
    id: 'q4',
    kind: 'text',
    topic: 'konsekvenser',
    text: 'Vilka konsekvenser ser ni för patienterna och för verksamheten?',
    required: false,
  },
];

export function SurveyPanel({ answer, onDone }: { answer: Answer; onDone: () => void }) {
  const [links, setLinks] = useState<{ unit: string; email: string | null; link: string }[] | null>(null);
  if (answer.allowedActions.includes('send-survey'))
    return (
      <SurveyBuilder
        answer={answer}
        onSent={(l) => {
          setLinks(l);
          onDone();
        }}
      />
    );
  if (!answer.survey) return null;
  return <SurveyProgress answer={answer} links={links} />;
}

function SurveyBuilder({
  answer,
  onSent,
}: {
  answer: Answer;
  onSent: (links: { unit: string; email: string | null; link: string }[]) => void;
}) {
  const t = useT();
  const survey = answer.milestones.find((m) => m.kind === 'survey-closes');
  const [title, setTitle] = useState(`Gapanalys: ${answer.round?.title ?? ''}`.slice(0, 300));
  const [intro, setIntro] = useState('');
  const [closesOn, setClosesOn] = useState(survey?.dueOn ?? '');
  const [questions, setQuestions] = useState<Question[]>(DEFAULT_QUESTIONS);
  const [recipients, setRecipients] = useState('');
  const [sent, setSent] = useState<{ unit: string; email: string | null; link: string }[] | null>(null);
  const submit = useSubmit();

  const setQ = (i: number, q: Partial<Question>) => setQuestions(questions.map((x, j) => (j === i ? { ...x, ...q } : x)));
  const addQ = () =>
    setQuestions([
      ...questions,
      { id: `q${Math.random().toString(36).slice(2, 10)}`, kind: 'text', topic: 'ovrigt', text: '', required: false },
    ]);

  async function send(e: FormEvent) {
    e.preventDefault();
    await submit.run(async () => {
      const list = recipients
        .split('\n')
        .map((l) => l.trim())
        .filter(Boolean)
        .map((l) => {
          const [unit, email] = l.split(';').map((x) => x.trim());
          return { unit: unit ?? '', ...(email ? { email } : {}) };
        });
      const res = await call(
        client.POST('/consultation-answers/{id}/survey', {
          params: { path: { id: answer.id } },
          body: { title, intro: intro || null, closesOn, questions, recipients: list, version: answer.version },
        }),
      );
      setSent(res.links);
      onSent(res.links);
    });
  }

  if (sent) return <SentLinks links={sent} />;
  return (
    <form className="form form-wide panel" onSubmit={(e) => void send(e)} aria-labelledby="survey-heading">
      <h2 id="survey-heading">{t('consultations.survey.heading')}</h2>
      <p className="hint">{t('consultations.survey.lead')}</p>
      <SubmitError error={submit.error} />
      <TextField id="survey-title" label={t('consultations.survey.title')} value={title} onChange={setTitle} required />
      <TextAreaField id="survey-intro" label={t('consultations.survey.intro')} value={intro} onChange={setIntro} rows={2} />
      <TextField
        id="survey-closes"
        type="date"
        label={t('consultations.survey.closesOn')}
        value={closesOn}
        onChange={setClosesOn}
        required
      />
      {questions.map((q, i) => (
        <fieldset key={q.id} className="panel">
          <legend>{t('consultations.survey.question', { n: i + 1 })}</legend>
          <TextAreaField
            id={`survey-q-${i}-text`}
            label={t('consultations.survey.questionText')}
            value={q.text}
            onChange={(v) => setQ(i, { text: v })}
            rows={2}
          />
          <div className="filter-grid">
            <SelectField
              id={`survey-q-${i}-kind`}
              label={t('consultations.survey.kind')}
              value={q.kind}
              onChange={(v) => setQ(i, { kind: v as Question['kind'] })}
            >
              {(['text', 'scale', 'yes-no'] as const).map((k) => (
                <option key={k} value={k}>
                  {t(`consultations.survey.kind.${k}`)}
                </option>
              ))}
            </SelectField>
            <SelectField
              id={`survey-q-${i}-topic`}
              label={t('consultations.survey.topic')}
              value={q.topic}
              onChange={(v) => setQ(i, { topic: v as Question['topic'] })}
            >
              {(['praxis', 'resurser', 'konsekvenser', 'ovrigt'] as const).map((k) => (
                <option key={k} value={k}>
                  {t(`consultations.survey.topic.${k}`)}
                </option>
              ))}
            </SelectField>
          </div>
          <CheckboxGroup
            id={`survey-q-${i}-required`}
            legend={t('consultations.survey.requiredLegend')}
            options={[{ value: 'required', label: t('consultations.survey.required') }]}
            value={q.required ? ['required'] : []}
            onChange={(v) => setQ(i, { required: v.includes('required') })}
          />
          <button
            type="button"
            className="button-secondary button-small"
            onClick={() => setQuestions(questions.filter((_, j) => j !== i))}
          >
            {t('consultations.survey.removeQuestion', { n: i + 1 })}
          </button>
        </fieldset>
      ))}
      <p>
        <button type="button" className="button-secondary" onClick={addQ}>
          {t('consultations.survey.addQuestion')}
        </button>
      </p>
      <TextAreaField
        id="survey-recipients"
        label={t('consultations.survey.recipients')}
        hint={t('consultations.survey.recipientsHint')}
        value={recipients}
        onChange={setRecipients}
        rows={4}
      />
      <button type="submit" disabled={submit.busy}>
        {t('consultations.survey.send')}
      </button>
    </form>
  );
}

function SentLinks({ links }: { links: { unit: string; email: string | null; link: string }[] }) {
  const t = useT();
  return (
    <section className="panel" aria-labelledby="links-heading">
      <h2 id="links-heading">{t('consultations.survey.linksHeading')}</h2>
      <div className="alert alert-success" role="status">
        <p>{t('consultations.survey.linksLead')}</p>
      </div>
      <ul className="plain-list">
        {links.map((l) => (
          <li key={l.link}>
            <TextField
              id={`link-${l.unit}`}
              label={`${l.unit}${l.email ? ` (${t('consultations.survey.mailed', { email: l.email })})` : ''}`}
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
}: {
  answer: Answer;
  links: { unit: string; email: string | null; link: string }[] | null;
}) {
  const i18n = useI18n();
  const { t, formatDate, formatDateTime } = i18n;
  const s = answer.survey!;
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
            </tr>
          </thead>
          <tbody>
            {s.recipients.map((r) => (
              <tr key={r.id}>
                <th scope="row">{r.unit}</th>
                <td>{r.respondedAt ? formatDateTime(r.respondedAt) : t('consultations.survey.notYet')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
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
