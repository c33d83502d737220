/**
 * The case's status and the lifecycle actions the server offers the caller now
 * (`allowedActions`): one button per action, with the reason, the deciding forum (when putting
 * forward) and where the decision is written (when deciding). The page never decides which
 * moves exist; the server's refusal (e.g. open action items) is shown as it says it.
 */
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { TransitionBody } from '../../modules/cases/schemas';
import { $api } from '../client';
import { ErrorAlert, Notice } from '../components/Alerts';
import { SelectField, TextAreaField, TextField } from '../components/Fields';
import { applyServerErrors, schemaResolver } from '../forms';
import { useI18n } from '../i18n';
import type { Say } from './CasePage';
import { statusLabel, type CaseDetail, type CaseLifecycleAction, type CaseOptions } from './cases';
import { bind, orNull } from '../components/form-fields';

interface Values {
  reason: string;
  forumGroupId: string;
  decisionRef: string;
}

/** Actions that stop the way forward (återremiss, bordläggning) are offered as secondary buttons. */
const SECONDARY: ReadonlySet<CaseLifecycleAction> = new Set(['send-back', 'postpone']);

const toBody = (v: Values) => ({
  ...(orNull(v.reason) ? { reason: v.reason.trim() } : {}),
  ...(orNull(v.decisionRef) ? { decisionRef: v.decisionRef.trim() } : {}),
});

export function StatusPanel({ c, options, onDone }: { c: CaseDetail; options: CaseOptions | undefined; onDone: Say }) {
  const i18n = useI18n();
  const { t } = i18n;
  const actions = c.allowedActions;
  const form = useForm<Values>({
    resolver: schemaResolver(TransitionBody, toBody),
    defaultValues: { reason: '', forumGroupId: c.forumGroupId ?? '', decisionRef: '' },
  });
  const [error, setError] = useState<unknown>(null);
  const move = $api.useMutation('post', '/cases/{id}/transitions');

  const run = (action: CaseLifecycleAction) =>
    form.handleSubmit(async (v) => {
      setError(null);
      try {
        const after = await move.mutateAsync({
          params: { path: { id: c.id } },
          body: {
            version: c.version,
            action,
            ...(orNull(v.reason) ? { reason: v.reason.trim() } : {}),
            // Where the decision is written goes with the decision; the forum with putting forward
            // to another forum than the case's own.
            ...(action === 'decide' && orNull(v.decisionRef) ? { decisionRef: v.decisionRef.trim() } : {}),
            ...(action === 'put-forward' && v.forumGroupId && v.forumGroupId !== c.forumGroupId
              ? { forumGroupId: v.forumGroupId }
              : {}),
          },
        });
        form.reset({ reason: '', forumGroupId: after.forumGroupId ?? '', decisionRef: '' });
        onDone(t('cases.transition.done', { status: statusLabel(i18n, after.status).toLowerCase() }));
      } catch (err) {
        applyServerErrors(err, form.setError);
        setError(err);
      }
    })();

  return (
    <section className="panel" aria-labelledby="status-heading">
      <h2 id="status-heading">{t('cases.status.heading')}</h2>
      <p>{t('cases.status.current', { status: statusLabel(i18n, c.status).toLowerCase() })}</p>
      {c.locked && <p>{t('cases.status.closedNote')}</p>}
      {c.openActions > 0 && actions.includes('close') && (
        <Notice kind="warning">
          <p>
            {c.openActions === 1
              ? t('cases.transition.openActionsNote.one')
              : t('cases.transition.openActionsNote', { count: c.openActions })}
          </p>
        </Notice>
      )}
      {error !== null && <ErrorAlert error={error} />}
      {actions.length === 0 && !c.locked && <p className="muted">{t('cases.status.noMoves')}</p>}
      {actions.length > 0 && (
        <form className="form" onSubmit={(e) => e.preventDefault()} aria-labelledby="status-heading">
          <TextAreaField
            id="transition-reason"
            label={t('cases.transition.reason')}
            hint={t('cases.transition.reason.hint')}
            {...bind(form, 'reason')}
            rows={2}
          />
          {actions.includes('put-forward') && options && (
            <SelectField
              id="transition-forum"
              label={t('cases.transition.forum')}
              {...bind(form, 'forumGroupId')}
              options={options.forums.map((f) => ({ value: f.id, label: f.name }))}
              placeholder={t('cases.chooseForum')}
            />
          )}
          {actions.includes('decide') && (
            <TextField
              id="transition-decisionRef"
              label={t('cases.transition.decisionRef')}
              {...bind(form, 'decisionRef')}
              autoComplete="off"
            />
          )}
          <div className="button-row">
            {actions.map((a) => (
              <button
                key={a}
                type="button"
                className={SECONDARY.has(a) ? 'button-secondary' : undefined}
                disabled={form.formState.isSubmitting}
                onClick={() => void run(a)}
              >
                {i18n.tMaybe(`cases.action.${a}`) ?? a}
              </button>
            ))}
          </div>
        </form>
      )}
    </section>
  );
}
