/** The steps after routing, each offered only when the server lists it in the answer's allowedActions. */
import type { ReactNode } from 'react';
import { useForm, type DefaultValues, type FieldValues, type UseFormReturn } from 'react-hook-form';
import type { TSchema } from 'typebox';
import { DecideBody, PrepareBody, ReturnBody, SendBody, SupersedeBody, VersionBody } from '../../modules/consultation/schemas';
import { navigate } from '../app/router';
import { $api } from '../client';
import { FormDecisionRefField } from '../components/DecisionRefField';
import { FormTextAreaField, FormTextField } from '../components/FormFields';
import { applyServerErrors, schemaResolver } from '../forms';
import { SubmitError, useSubmit } from '../form-submit';
import { useT } from '../i18n';
import { answerChanged, answerPath, todaySweden, type Answer, type AnswerAction } from './model';

/**
 * The steps this panel offers (routing and the survey have their own panels), by the page's
 * step they belong to: starting and finishing the draft under Utkast, the rest under Beslut.
 */
const PARTS = {
  draft: ['start-draft'],
  decision: ['prepare', 'return', 'decide', 'send', 'supersede'],
} as const satisfies Record<string, readonly AnswerAction[]>;
export type StepsPart = keyof typeof PARTS;

/** A step's form: its fields checked by the route's body schema, then sent. */
function StepForm<V extends FieldValues, B>({
  id,
  title,
  button,
  schema,
  defaults,
  toBody,
  send,
  children,
}: {
  id: string;
  title: string;
  button: string;
  schema: TSchema;
  defaults: V;
  toBody: (values: V) => B;
  send: (body: B) => Promise<unknown>;
  children?: (form: UseFormReturn<V>) => ReactNode;
}) {
  const submit = useSubmit();
  const form = useForm<V>({
    resolver: schemaResolver(schema, toBody),
    defaultValues: defaults as DefaultValues<V>,
  });
  const go = form.handleSubmit(async (v) => {
    // the step's form goes away once the answer has moved on: keep keyboard focus in the panel
    const ok = await submit.run(async () => {
      try {
        await send(toBody(v));
      } catch (err) {
        applyServerErrors(err, form.setError);
        throw err;
      }
    });
    if (ok) document.getElementById('steps-heading')?.focus();
  });
  return (
    <form className="form" onSubmit={(e) => void go(e)} aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>{title}</h3>
      <SubmitError error={submit.error} />
      {children?.(form)}
      <button type="submit" disabled={submit.busy}>
        {button}
      </button>
    </form>
  );
}

/** Every step changes the answer, the region's board and the overview. */
const refetchAnswers = { onSuccess: () => answerChanged() };

export function StepsPanel({ answer, part, onDone }: { answer: Answer; part: StepsPart; onDone: () => void }) {
  const t = useT();
  const mine: readonly AnswerAction[] = PARTS[part];
  const may = (a: AnswerAction) => mine.includes(a) && answer.allowedActions.includes(a);
  const markDraftReady = part === 'draft' && answer.permissions.markDraftReady;
  const params = { path: { id: answer.id } };
  const version = answer.version;
  const startDraft = $api.useMutation('post', '/consultation-answers/{id}/start-draft', refetchAnswers);
  const draftReady = $api.useMutation('post', '/consultation-answers/{id}/draft-ready', refetchAnswers);
  const prepare = $api.useMutation('post', '/consultation-answers/{id}/prepare', refetchAnswers);
  const decide = $api.useMutation('post', '/consultation-answers/{id}/decide', refetchAnswers);
  const sendBack = $api.useMutation('post', '/consultation-answers/{id}/return', refetchAnswers);
  const send = $api.useMutation('post', '/consultation-answers/{id}/send', refetchAnswers);
  const supersede = $api.useMutation('post', '/consultation-answers/{id}/supersede', refetchAnswers);
  const done = async (request: Promise<unknown>) => {
    await request;
    onDone();
  };
  const versionOnly = () => ({ version });
  const any = markDraftReady || mine.some(may);
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
          schema={VersionBody}
          defaults={{}}
          toBody={versionOnly}
          send={(body) => done(startDraft.mutateAsync({ params, body }))}
        />
      )}
      {markDraftReady && (
        <StepForm
          id="step-ready"
          title={t('consultations.steps.draftReady')}
          button={t('consultations.steps.draftReadyButton')}
          schema={VersionBody}
          defaults={{}}
          toBody={versionOnly}
          send={(body) => done(draftReady.mutateAsync({ params, body }))}
        />
      )}
      {may('prepare') && (
        <StepForm
          id="step-prepare"
          title={t('consultations.steps.prepare')}
          button={t('consultations.steps.prepareButton')}
          schema={PrepareBody}
          defaults={{ note: '' }}
          toBody={({ note }) => ({ version, ...(note ? { note } : {}) })}
          send={(body) => done(prepare.mutateAsync({ params, body }))}
        >
          {(form) => (
            <FormTextAreaField
              control={form.control}
              name="note"
              id="prepare-note"
              label={t('consultations.steps.prepareNote')}
              rows={2}
            />
          )}
        </StepForm>
      )}
      {may('decide') && (
        <StepForm
          id="step-decide"
          title={t('consultations.steps.decide')}
          button={t('consultations.steps.decideButton')}
          schema={DecideBody}
          defaults={{ decisionRef: '', decidedOn: todaySweden() }}
          toBody={(v) => ({ version, ...v })}
          send={(body) => done(decide.mutateAsync({ params, body }))}
        >
          {(form) => (
            <>
              <FormDecisionRefField
                control={form.control}
                name="decisionRef"
                id="decide-ref"
                label={t('consultations.steps.decisionRef')}
                required
              />
              <FormTextField
                control={form.control}
                name="decidedOn"
                id="decide-date"
                type="date"
                label={t('consultations.steps.decidedOn')}
                required
              />
            </>
          )}
        </StepForm>
      )}
      {may('return') && (
        <StepForm
          id="step-return"
          title={t('consultations.steps.return')}
          button={t('consultations.steps.returnButton')}
          schema={ReturnBody}
          defaults={{ note: '' }}
          toBody={({ note }) => ({ version, note })}
          send={(body) => done(sendBack.mutateAsync({ params, body }))}
        >
          {(form) => (
            <FormTextAreaField
              control={form.control}
              name="note"
              id="return-note"
              label={t('consultations.steps.returnNote')}
              rows={2}
              required
            />
          )}
        </StepForm>
      )}
      {may('send') && (
        <StepForm
          id="step-send"
          title={t('consultations.steps.send')}
          button={t('consultations.steps.sendButton')}
          schema={SendBody}
          defaults={{ sentOn: todaySweden() }}
          toBody={({ sentOn }) => ({ version, sentOn })}
          send={(body) => done(send.mutateAsync({ params, body }))}
        >
          {(form) => (
            <FormTextField
              control={form.control}
              name="sentOn"
              id="send-date"
              type="date"
              label={t('consultations.steps.sentOn')}
              required
            />
          )}
        </StepForm>
      )}
      {may('supersede') && (
        <StepForm
          id="step-supersede"
          title={t('consultations.steps.supersede')}
          button={t('consultations.steps.supersedeButton')}
          schema={SupersedeBody}
          defaults={{ reason: '' }}
          toBody={({ reason }) => ({ version, reason })}
          send={async (body) => {
            const next = await supersede.mutateAsync({ params, body });
            onDone();
            navigate(answerPath(next.id));
          }}
        >
          {(form) => (
            <>
              <p className="hint">{t('consultations.steps.supersedeHint')}</p>
              <FormTextAreaField
                control={form.control}
                name="reason"
                id="supersede-reason"
                label={t('consultations.steps.reason')}
                rows={2}
                required
              />
            </>
          )}
        </StepForm>
      )}
    </section>
  );
}
