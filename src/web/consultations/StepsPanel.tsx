/** The steps after routing, each offered only when the server lists it in the answer's allowedActions. */
import { useState, type FormEvent, type ReactNode } from 'react';
import { navigate } from '../app/router';
import { call, client } from '../client';
import { TextAreaField, TextField } from '../components/Fields';
import { useT } from '../i18n';
import { answerPath, todaySweden, type Answer, type AnswerAction } from './model';
import { SubmitError, useSubmit } from './shared';

/** The steps this panel offers (routing and the survey have their own panels). */
const STEPS: AnswerAction[] = ['start-draft', 'prepare', 'return', 'decide', 'send', 'supersede'];

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
  const may = (a: AnswerAction) => answer.allowedActions.includes(a);
  const markDraftReady = answer.permissions.markDraftReady;
  const [note, setNote] = useState('');
  const [returnNote, setReturnNote] = useState('');
  const [decisionRef, setDecisionRef] = useState('');
  const [decidedOn, setDecidedOn] = useState(todaySweden());
  const [sentOn, setSentOn] = useState(todaySweden());
  const [reason, setReason] = useState('');
  const params = { path: { id: answer.id } };
  const version = answer.version;
  const done = async (request: Promise<unknown>) => {
    await request;
    onDone();
  };
  const any = markDraftReady || STEPS.some(may);
  if (!any) return null;
  return (
    <section className="panel" aria-labelledby="steps-heading">
      <h2 id="steps-heading" tabIndex={-1}>
        {t('consultations.steps.heading')}
      </h2>
      {may('start-draft') && (
        <StepForm
          id="step-draft"
          title={t('consultations.steps.startDraft')}
          button={t('consultations.steps.startDraftButton')}
          onSubmit={() => done(call(client.POST('/consultation-answers/{id}/start-draft', { params, body: { version } })))}
        />
      )}
      {markDraftReady && (
        <StepForm
          id="step-ready"
          title={t('consultations.steps.draftReady')}
          button={t('consultations.steps.draftReadyButton')}
          onSubmit={() => done(call(client.POST('/consultation-answers/{id}/draft-ready', { params, body: { version } })))}
        />
      )}
      {may('prepare') && (
        <StepForm
          id="step-prepare"
          title={t('consultations.steps.prepare')}
          button={t('consultations.steps.prepareButton')}
          onSubmit={() =>
            done(
              call(client.POST('/consultation-answers/{id}/prepare', { params, body: { version, ...(note ? { note } : {}) } })),
            )
          }
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
      {may('decide') && (
        <StepForm
          id="step-decide"
          title={t('consultations.steps.decide')}
          button={t('consultations.steps.decideButton')}
          onSubmit={() =>
            done(call(client.POST('/consultation-answers/{id}/decide', { params, body: { version, decisionRef, decidedOn } })))
          }
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
      {may('return') && (
        <StepForm
          id="step-return"
          title={t('consultations.steps.return')}
          button={t('consultations.steps.returnButton')}
          onSubmit={() =>
            done(call(client.POST('/consultation-answers/{id}/return', { params, body: { version, note: returnNote } })))
          }
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
      {may('send') && (
        <StepForm
          id="step-send"
          title={t('consultations.steps.send')}
          button={t('consultations.steps.sendButton')}
          onSubmit={() => done(call(client.POST('/consultation-answers/{id}/send', { params, body: { version, sentOn } })))}
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
      {may('supersede') && (
        <StepForm
          id="step-supersede"
          title={t('consultations.steps.supersede')}
          button={t('consultations.steps.supersedeButton')}
          onSubmit={async () => {
            const next = await call(client.POST('/consultation-answers/{id}/supersede', { params, body: { version, reason } }));
            onDone();
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
