import { useRef, type ReactNode } from 'react';
import { useForm } from 'react-hook-form';
import { TransitionSupportBody } from '../../modules/knowledge/schemas';
import { ownerLabel, useOwnerNames } from './owners';
import { Link } from '../app/router';
import { $api } from '../client';
import { FormTextField } from '../components/FormFields';
import { schemaResolver } from '../forms';
import { SubmitError, useFormSubmit } from '../form-submit';
import { useI18n } from '../i18n';
import {
  actionLabel,
  editSupportHref,
  lifecycleMoves,
  type LifecycleAction,
  producerKindLabel,
  supportHref,
  type KnowledgeSupport,
  type SupportDetail,
} from './knowledge';
import { afterWrite } from './support-mutations';

/** The support's facts, the link to edit them, and its lifecycle's buttons. */
export function SupportFactsPanel({
  support: s,
  replacedBy,
  mayEdit,
  areaName,
  onDone,
}: {
  support: KnowledgeSupport;
  replacedBy: SupportDetail['replacedBy'];
  mayEdit: boolean;
  areaName: (id: string) => string;
  onDone: () => void;
}) {
  const i18n = useI18n();
  const { t, formatDate } = i18n;
  const none = t('knowledge.noValue');
  const ownerNames = useOwnerNames();
  return (
    <section aria-labelledby="facts-heading">
      <h2 id="facts-heading">{t('knowledge.support.facts')}</h2>
      <dl className="facts">
        <Fact label={t('knowledge.field.owner')}>{ownerLabel(i18n, s.owner, ownerNames)}</Fact>
        <Fact label={t('knowledge.field.producer')}>
          {s.producerGroupId ? (
            <Link to={`/organisation/grupper/${s.producerGroupId}`}>{s.producerGroupName}</Link>
          ) : (
            (s.producerName ?? none)
          )}
          <span className="stat-note">{producerKindLabel(i18n, s.producerKind)}</span>
        </Fact>
        <Fact label={t('knowledge.field.sender')}>{s.sender ?? none}</Fact>
        <Fact label={t('knowledge.field.programAreaIds')}>{s.programAreaIds.map(areaName).join(', ') || none}</Fact>
        <Fact label={t('knowledge.field.targetGroups')}>{s.targetGroups.join(', ') || none}</Fact>
        <Fact label={t('knowledge.field.url')}>{s.url ? <a href={s.url}>{t('knowledge.support.published')}</a> : none}</Fact>
        <Fact label={t('knowledge.field.validFrom')}>{s.validFrom ? formatDate(s.validFrom) : none}</Fact>
        <Fact label={t('knowledge.field.validUntil')}>{s.validUntil ? formatDate(s.validUntil) : none}</Fact>
        <Fact label={t('knowledge.field.nextRevisionDate')}>{s.nextRevisionDate ? formatDate(s.nextRevisionDate) : none}</Fact>
        {s.statusReason && <Fact label={t('knowledge.support.statusReason')}>{s.statusReason}</Fact>}
        {replacedBy && (
          <Fact label={t('knowledge.support.replacedBy')}>
            <Link to={supportHref(replacedBy.id)}>{replacedBy.title}</Link>
          </Fact>
        )}
      </dl>
      {s.summary && <p>{s.summary}</p>}
      {s.allowedActions.includes('edit') && (
        <p>
          <Link to={editSupportHref(s.id)}>{t('knowledge.support.edit')}</Link>
        </p>
      )}
      {mayEdit && <LifecycleForm support={s} onDone={onDone} />}
    </section>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

/** One button per lifecycle action the caller may take now; a reason goes with it to the history. */
function LifecycleForm({ support: s, onDone }: { support: KnowledgeSupport; onDone: () => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const moves = lifecycleMoves(s.allowedActions);
  // the button pressed names the action; the reason is the form's one field
  const chosen = useRef<LifecycleAction | undefined>(moves[0]);
  const toBody = (v: { reason: string }) => ({ action: chosen.current, reason: v.reason.trim() || null, version: s.version });
  const form = useForm<{ reason: string }>({
    resolver: schemaResolver(TransitionSupportBody, toBody),
    defaultValues: { reason: '' },
  });
  const move = $api.useMutation('post', '/knowledge-supports/{id}/transition', afterWrite(onDone));
  const submit = useFormSubmit(form, async (v) => {
    await move.mutateAsync({ params: { path: { id: s.id } }, body: toBody(v) });
    form.reset({ reason: '' });
  });
  if (moves.length === 0) return <p className="muted">{t('knowledge.lifecycle.final')}</p>;
  return (
    <form className="form panel" onSubmit={(e) => e.preventDefault()} aria-labelledby="lifecycle-heading">
      <h3 id="lifecycle-heading">{t('knowledge.lifecycle.heading')}</h3>
      <SubmitError error={move.error} />
      <FormTextField control={form.control} name="reason" id="lifecycle-reason" label={t('knowledge.field.reason')} />
      <div className="button-row">
        {moves.map((action) => (
          <button
            key={action}
            type="button"
            disabled={form.formState.isSubmitting}
            onClick={(e) => {
              chosen.current = action;
              submit(e);
            }}
          >
            {actionLabel(i18n, action)}
          </button>
        ))}
      </div>
    </form>
  );
}
