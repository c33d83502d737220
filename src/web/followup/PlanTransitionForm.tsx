/** The plan's next step, as the server offers it (the plan's allowedActions): förankra or fastställ. */
import { useState, type FormEvent } from 'react';
import { call, client } from '../client';
import { TextField } from '../components/Fields';
import { useI18n } from '../i18n';
import { FormProblem, useFormState } from './form';
import type { Plan } from './types';

/** Förankra (agreed, with whom) or fastställ (established, decision reference and date). */
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
  const [agreedWith, setAgreedWith] = useState('');
  const [decisionRef, setDecisionRef] = useState('');
  const [establishedOn, setEstablishedOn] = useState('');
  const label = (k: string) => i18n.tMaybe(`followup.planTransition.${k}`) ?? k;
  const form = useFormState('transition', label);
  if (!to) return null;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const local: Record<string, string> = {};
    if (to === 'agreed' && !agreedWith.trim()) local.agreedWith = t('followup.planTransition.needed');
    if (to === 'established' && !decisionRef.trim()) local.decisionRef = t('followup.planTransition.needed');
    if (to === 'established' && !establishedOn) local.establishedOn = t('followup.planTransition.needed');
    if (Object.keys(local).length) return form.local(t('form.fixErrors'), local);
    let saved: Plan | undefined;
    const ok = await form.run(async () => {
      saved = await call(
        client.POST('/plans/{id}/transition', {
          params: { path: { id: plan.id } },
          body: to === 'agreed' ? { to, agreedWith: agreedWith.trim() } : { to, decisionRef: decisionRef.trim(), establishedOn },
          headers: { 'If-Match': `"${plan.version}"` },
        }),
      );
    });
    if (ok && saved) onSaved(saved);
  };
  return (
    <form className="form" onSubmit={(e) => void submit(e)} noValidate aria-labelledby="transition-heading">
      <h2 id="transition-heading">{t(`followup.planTransition.heading.${to}`)}</h2>
      <p>{t(`followup.planTransition.lead.${to}`)}</p>
      <FormProblem state={form} onReload={onReload} />
      {to === 'agreed' ? (
        <TextField
          id="transition-agreedWith"
          label={label('agreedWith')}
          value={agreedWith}
          onChange={setAgreedWith}
          error={form.error('agreedWith')}
        />
      ) : (
        <>
          <TextField
            id="transition-decisionRef"
            label={label('decisionRef')}
            value={decisionRef}
            onChange={setDecisionRef}
            error={form.error('decisionRef')}
          />
          <TextField
            id="transition-establishedOn"
            label={label('establishedOn')}
            type="date"
            value={establishedOn}
            onChange={setEstablishedOn}
            error={form.error('establishedOn')}
          />
        </>
      )}
      <p className="button-row">
        <button type="submit" disabled={form.busy}>
          {t(`followup.planTransition.submit.${to}`)}
        </button>
      </p>
    </form>
  );
}
