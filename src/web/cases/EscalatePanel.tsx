/** Lyft: a case handled by a tactical forum (LPO ordförandeforum, LSG samordnarforum) is raised to the kunskapsråd, with a reason. */
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { EscalationBody } from '../../modules/cases/schemas';
import { $api } from '../client';
import { ErrorAlert } from '../components/Alerts';
import { SelectField, TextAreaField } from '../components/Fields';
import { applyServerErrors, schemaResolver } from '../forms';
import { useI18n } from '../i18n';
import type { Say } from './CasePage';
import type { CaseDetail, CaseOptions } from './cases';
import { bind } from '../components/form-fields';

interface Values {
  forumGroupId: string;
  reason: string;
}

export function EscalatePanel({ c, options, onDone }: { c: CaseDetail; options: CaseOptions; onDone: Say }) {
  const { t } = useI18n();
  const councils = options.forums.filter((f) => f.kind === 'council' && f.id !== c.forumGroupId);
  const currentIsTactical = options.forums.some((f) => f.id === c.forumGroupId && f.kind === 'forum');
  const toBody = (v: Values) => ({ version: c.version, forumGroupId: v.forumGroupId, reason: v.reason });
  const form = useForm<Values>({
    resolver: schemaResolver(EscalationBody, toBody),
    defaultValues: { forumGroupId: councils[0]?.id ?? '', reason: '' },
  });
  const [error, setError] = useState<unknown>(null);
  const escalate = $api.useMutation('post', '/cases/{id}/escalation');
  if (!currentIsTactical) return null;

  const submit = form.handleSubmit(async (v) => {
    setError(null);
    try {
      const after = await escalate.mutateAsync({ params: { path: { id: c.id } }, body: toBody(v) });
      form.reset({ forumGroupId: v.forumGroupId, reason: '' });
      onDone(t('cases.escalate.done', { forum: after.forumName ?? '' }));
    } catch (err) {
      applyServerErrors(err, form.setError);
      setError(err);
    }
  });

  return (
    <section className="panel" aria-labelledby="escalate-heading">
      <h2 id="escalate-heading">{t('cases.escalate.heading')}</h2>
      <p>{t('cases.escalate.lead')}</p>
      {councils.length === 0 ? (
        <p className="muted">{t('cases.escalate.noCouncil')}</p>
      ) : (
        <form className="form" onSubmit={(e) => void submit(e)} noValidate>
          {error !== null && <ErrorAlert error={error} />}
          <SelectField
            id="escalate-council"
            label={t('cases.escalate.council')}
            {...bind(form, 'forumGroupId')}
            options={councils.map((f) => ({ value: f.id, label: f.name }))}
          />
          <TextAreaField id="escalate-reason" label={t('cases.escalate.reason')} {...bind(form, 'reason')} rows={2} />
          <button type="submit" disabled={form.formState.isSubmitting}>
            {t('cases.escalate.submit')}
          </button>
        </form>
      )}
    </section>
  );
}
