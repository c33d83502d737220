/** The plan's next step, as the server offers it (the plan's allowedActions): förankra or fastställ. */
import { useForm } from 'react-hook-form';
import { TransitionPlanBody } from '../../modules/planning/schemas';
import { $api, type ApiBody } from '../client';
import { FormDecisionRefField } from '../components/DecisionRefField';
import { TextField } from '../components/Fields';
import { bind, withChecks } from '../components/form-fields';
import { schemaResolver } from '../forms';
import { useI18n } from '../i18n';
import { FORM_OPTIONS, FormProblem, useFormProblem, useProblemSubmit } from './form';
import type { Plan } from './types';

interface Values {
  agreedWith: string;
  decisionRef: string;
  establishedOn: string;
}

/**
 * Förankra (agreed, with whom) or fastställ (established, decision reference and date; the
 * reference is a § in Navet picked from the decision log, written out only for decisions taken elsewhere).
 */
export function PlanTransitionForm({
  plan,
  onSaved,
  onReload,
}: {
  plan: Plan;
  onSaved: (p: Plan) => void;
  onReload: () => void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  // The step the server offers the caller now (the plan's lifecycle), as the API's `to` names it.
  const step = plan.allowedActions[0];
  const to = step === 'agree' ? 'agreed' : step === 'establish' ? 'established' : null;
  const label = (k: string) => i18n.tMaybe(`followup.planTransition.${k}`) ?? k;
  const problem = useFormProblem('transition', label);
  const toBody = (v: Values): ApiBody<'/plans/{id}/transition', 'post'> =>
    to === 'agreed'
      ? { to, agreedWith: v.agreedWith.trim() }
      : { to: 'established', decisionRef: v.decisionRef.trim(), establishedOn: v.establishedOn };
  const needed = t('followup.planTransition.needed');
  const form = useForm<Values>({
    ...FORM_OPTIONS,
    resolver: withChecks(schemaResolver(TransitionPlanBody, toBody), (v) => ({
      agreedWith: to === 'agreed' && !v.agreedWith.trim() && needed,
      decisionRef: to === 'established' && !v.decisionRef.trim() && needed,
      establishedOn: to === 'established' && !v.establishedOn && needed,
    })),
    defaultValues: { agreedWith: '', decisionRef: '', establishedOn: '' },
  });
  const transition = $api.useMutation('post', '/plans/{id}/transition');
  const submit = useProblemSubmit(form, problem, async (v) =>
    onSaved(
      await transition.mutateAsync({
        params: { path: { id: plan.id } },
        body: toBody(v),
        headers: { 'If-Match': `"${plan.version}"` },
      }),
    ),
  );
  if (!to) return null;
  return (
    <form className="form" onSubmit={submit} noValidate aria-labelledby="transition-heading">
      <h2 id="transition-heading">{t(`followup.planTransition.heading.${to}`)}</h2>
      <p>{t(`followup.planTransition.lead.${to}`)}</p>
      <FormProblem state={problem} onReload={onReload} />
      {to === 'agreed' ? (
        <TextField id="transition-agreedWith" label={label('agreedWith')} {...bind(form, 'agreedWith')} />
      ) : (
        <>
          <FormDecisionRefField
            control={form.control}
            name="decisionRef"
            id="transition-decisionRef"
            label={label('decisionRef')}
          />
          <TextField id="transition-establishedOn" label={label('establishedOn')} type="date" {...bind(form, 'establishedOn')} />
        </>
      )}
      <p className="button-row">
        <button type="submit" disabled={form.formState.isSubmitting}>
          {t(`followup.planTransition.submit.${to}`)}
        </button>
      </p>
    </form>
  );
}
