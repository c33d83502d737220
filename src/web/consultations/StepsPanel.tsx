/** The steps after routing, each offered only to whom the server allows it. */
import { useState, type FormEvent, type ReactNode } from 'react';
import { api } from '../api';
import { navigate } from '../app/router';
import { TextAreaField, TextField } from '../components/Fields';
import { useT } from '../i18n';
import { answerPath, todaySweden, type Answer } from './model';
import { SubmitError, useSubmit } from './shared';

function StepForm({
  id,
  title,
  button,
  onSubmit,
  children,
}: {
  id: string;
  title: string;
  button: string;
  onSubmit: () => Promise<void>;
  children?: ReactNode;
}) {
  const submit = useSubmit();
  async function go(e: FormEvent) {
    e.preventDefault();
    // the step's form goes away once the answer has moved on: keep keyboard focus in the panel
    if (await submit.run(onSubmit)) document.getElementById('steps-heading')?.focus();
  }
  return (
    <form className="form" onSubmit={(e) => void go(e)} aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>{title}</h3>
      <SubmitError error={submit.error} />
      {children}
      <button type="submit" disabled={submit.busy}>
        {button}
      </button>
    </form>
  );
}

export function StepsPanel({ answer, onDone }: { answer: Answer; onDone: () => void }) {
  const t = useT();
  const p = answer.permissions;
  const [note, setNote] = useState('');
  const [returnNote, setReturnNote] = useState('');
  const [decisionRef, setDecisionRef] = useState('');
  const [decidedOn, setDecidedOn] = useState(todaySweden());
  const [sentOn, setSentOn] = useState(todaySweden());
  const [reason, setReason] = useState('');
  const post = async (path: string, body: Record<string, unknown>) => {
    await api.post(`/api/v1/consultation-answers/${answer.id}/${path}`, { version: answer.version, ...body });
    onDone();
  };
  const any = p.startDraft || p.markDraftReady || p.prepare || p.return || p.decide || p.send || p.supersede;
  if (!any) return null;
  return (
    <section className="panel" aria-labelledby="steps-heading">
      <h2 id="steps-heading" tabIndex={-1}>
        {t('consultations.steps.heading')}
      </h2>
      {p.startDraft && (
        <StepForm
          id="step-draft"
          title={t('consultations.steps.startDraft')}
          button={t('consultations.steps.startDraftButton')}
          onSubmit={() => post('start-draft', {})}
        />
      )}
      {p.markDraftReady && (
        <StepForm
          id="step-ready"
          title={t('consultations.steps.draftReady')}
          button={t('consultations.steps.draftReadyButton')}
          onSubmit={() => post('draft-ready', {})}
        />
      )}
      {p.prepare && (
        <StepForm
          id="step-prepare"
          title={t('consultations.steps.prepare')}
          button={t('consultations.steps.prepareButton')}
          onSubmit={() => post('prepare', note ? { note } : {})}
        >
          <TextAreaField
            id="prepare-note"
            label={t('consultations.steps.prepareNote')}
            value={note}
            onChange={setNote}
            rows={2}
          />
        </StepForm>
      )}
      {p.decide && (
        <StepForm
          id="step-decide"
          title={t('consultations.steps.decide')}
          button={t('consultations.steps.decideButton')}
          onSubmit={() => post('decide', { decisionRef, decidedOn })}
        >
          <TextField
            id="decide-ref"
            label={t('consultations.steps.decisionRef')}
            hint={t('consultations.steps.decisionRefHint')}
            value={decisionRef}
            onChange={setDecisionRef}
            required
          />
          <TextField
            id="decide-date"
            type="date"
            label={t('consultations.steps.decidedOn')}
            value={decidedOn}
            onChange={setDecidedOn}
            required
          />
        </StepForm>
      )}
      {p.return && (
        <StepForm
          id="step-return"
          title={t('consultations.steps.return')}
          button={t('consultations.steps.returnButton')}
          onSubmit={() => post('return', { note: returnNote })}
        >
          <TextAreaField
            id="return-note"
            label={t('consultations.steps.returnNote')}
            value={returnNote}
            onChange={setReturnNote}
            rows={2}
            required
          />
        </StepForm>
      )}
      {p.send && (
        <StepForm
          id="step-send"
          title={t('consultations.steps.send')}
          button={t('consultations.steps.sendButton')}
          onSubmit={() => post('send', { sentOn })}
        >
          <TextField
            id="send-date"
            type="date"
            label={t('consultations.steps.sentOn')}
            value={sentOn}
            onChange={setSentOn}
            required
          />
        </StepForm>
      )}
      {p.supersede && (
        <StepForm
          id="step-supersede"
          title={t('consultations.steps.supersede')}
          button={t('consultations.steps.supersedeButton')}
          onSubmit={async () => {
            const next = await api.post<Answer>(`/api/v1/consultation-answers/${answer.id}/supersede`, {
              version: answer.version,
              reason,
            });
            navigate(answerPath(next.id));
          }}
        >
          <p className="hint">{t('consultations.steps.supersedeHint')}</p>
          <TextAreaField
            id="supersede-reason"
            label={t('consultations.steps.reason')}
            value={reason}
            onChange={setReason}
            rows={2}
            required
          />
        </StepForm>
      )}
    </section>
  );
}
