/**
 * One region's answer to a round, the whole "en väg in" flow as steps (issue 17): Översikt
 * (facts, milestones, documents out), Fördelning (routing), Enkät (the gap-analysis survey and
 * its progress), Utkast (the draft section by section with comments) and Beslut (beredning,
 * decision, sending, superseding). The step is in the URL (`?flik=`); the steps done and the
 * one the answer is in follow its lifecycle (answer-steps.ts).
 * The server says what the caller may do (allowedActions, permissions); the page only offers that.
 */
import { ErrorAlert, Loading } from '../components/Alerts';
import { Page } from '../components/Page';
import { RequireUser } from '../components/RequireUser';
import { StepNav, useStep } from '../components/StepNav';
import { useI18n, useT, type MessageKey } from '../i18n';
import { AnswerGroups, AnswerOverview } from './AnswerOverview';
import { ANSWER_STEPS, answerStepDone, answerStepNow, type AnswerStep } from './answer-steps';
import { DraftPanel } from './DraftPanel';
import { answerChanged, boardPath, CONSULTATIONS_PATH, useAnswer, type Answer } from './model';
import { RoutingForm } from './RoutingForm';
import { StepsPanel } from './StepsPanel';
import { SurveyPanel } from './SurveyPanel';

export function AnswerPage({ id }: { id: string }) {
  const t = useT();
  return (
    <RequireUser title={t('consultations.answer.title')} crumbs={[{ to: CONSULTATIONS_PATH, label: t('area.consultations') }]}>
      <AnswerView id={id} />
    </RequireUser>
  );
}

const STEP_LABEL: Record<AnswerStep, MessageKey> = {
  oversikt: 'consultations.step.oversikt',
  fordelning: 'consultations.step.fordelning',
  enkat: 'consultations.step.enkat',
  utkast: 'consultations.step.utkast',
  beslut: 'consultations.step.beslut',
};

function AnswerView({ id }: { id: string }) {
  const { t } = useI18n();
  const answer = useAnswer(id);
  const step = useStep(ANSWER_STEPS);
  const a = answer.data;
  const crumbs = [
    { to: CONSULTATIONS_PATH, label: t('area.consultations') },
    ...(a ? [{ to: boardPath(a.region), label: a.regionName }] : []),
  ];
  const title = a
    ? t('consultations.answer.titleFor', { round: a.round?.title ?? '', region: a.regionName })
    : t('consultations.answer.title');

  return (
    <Page title={title} crumbs={crumbs}>
      {answer.error && <ErrorAlert error={answer.error} />}
      {answer.isPending && <Loading />}
      {a && (
        <>
          <StepNav
            label={t('consultations.step.label')}
            process
            current={step}
            steps={ANSWER_STEPS.map((s) => ({
              key: s,
              label: t(STEP_LABEL[s]),
              done: answerStepDone(s, a.status),
              now: answerStepNow(a.status) === s,
            }))}
          />
          <AnswerStepView a={a} step={step} />
        </>
      )}
    </Page>
  );
}

function AnswerStepView({ a, step }: { a: Answer; step: AnswerStep }) {
  const { t } = useI18n();
  const changed = () => void answerChanged();
  switch (step) {
    case 'oversikt':
      return <AnswerOverview a={a} />;
    case 'fordelning':
      return (
        <>
          <p className="lead">{t('consultations.step.fordelning.lead')}</p>
          <dl className="facts">
            <AnswerGroups a={a} />
          </dl>
          {a.allowedActions.includes('route') && <RoutingForm answer={a} onDone={changed} />}
        </>
      );
    case 'enkat':
      return (
        <>
          <p className="lead">{t(a.survey ? 'consultations.step.enkat.lead' : 'consultations.step.enkat.none')}</p>
          <SurveyPanel answer={a} />
        </>
      );
    case 'utkast':
      return (
        <>
          <p className="lead">{t('consultations.step.utkast.lead')}</p>
          <StepsPanel answer={a} part="draft" onDone={changed} />
          <DraftPanel answer={a} />
        </>
      );
    case 'beslut':
      return (
        <>
          <p className="lead">{t('consultations.step.beslut.lead')}</p>
          <StepsPanel answer={a} part="decision" onDone={changed} />
        </>
      );
  }
}
