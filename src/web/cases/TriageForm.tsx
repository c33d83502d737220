/**
 * The beredningsforum's decision on one case: the decision path and the forum that decides,
 * or bundling (paketering) into a main case of the same region.
 */
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { TriageBody } from '../../modules/cases/schemas';
import { $api, type ApiBody } from '../client';
import { ErrorAlert } from '../components/Alerts';
import { SelectField, TextAreaField } from '../components/Fields';
import { applyServerErrors, schemaResolver } from '../forms';
import { useT } from '../i18n';
import type { CaseDetail, CaseOptions } from './cases';
import { bind, focusFirstError, orNull, withChecks } from '../components/form-fields';

type DecisionPath = ApiBody<'/cases/{id}/triage', 'post'>['decisionPath'];
const PATHS: readonly DecisionPath[] = ['forum-decision', 'delegated', 'information', 'bundled'];

interface Values {
  decisionPath: DecisionPath;
  forumGroupId: string;
  mainCaseId: string;
  note: string;
}

export function TriageForm({ c, options, onDone }: { c: CaseDetail; options: CaseOptions; onDone: (c: CaseDetail) => void }) {
  const t = useT();
  const prefix = `triage-${c.id.slice(0, 8)}`;
  const ids = { forumGroupId: `${prefix}-forum`, mainCaseId: `${prefix}-main` };
  const toBody = (v: Values) => ({
    version: c.version,
    decisionPath: v.decisionPath,
    ...(v.decisionPath === 'bundled' ? { mainCaseId: v.mainCaseId } : { forumGroupId: v.forumGroupId || null }),
    note: orNull(v.note),
  });
  const form = useForm<Values>({
    resolver: withChecks(schemaResolver(TriageBody, toBody), (v) => ({
      forumGroupId: v.decisionPath === 'forum-decision' && !v.forumGroupId && t('cases.triage.forumMissing'),
      mainCaseId: v.decisionPath === 'bundled' && !v.mainCaseId && t('cases.triage.mainMissing'),
    })),
    defaultValues: {
      decisionPath: (c.decisionPath as DecisionPath | null) ?? 'forum-decision',
      forumGroupId: c.forumGroupId ?? '',
      mainCaseId: c.mainCaseId ?? '',
      note: c.triageNote ?? '',
    },
  });
  const path = form.watch('decisionPath');
  const candidates = $api.useQuery(
    'get',
    '/cases',
    { params: { query: { region: c.region, limit: 500 } } },
    { enabled: path === 'bundled' },
  );
  const triage = $api.useMutation('post', '/cases/{id}/triage');
  const [error, setError] = useState<unknown>(null);

  const submit = form.handleSubmit(async (v) => {
    setError(null);
    try {
      onDone(await triage.mutateAsync({ params: { path: { id: c.id } }, body: toBody(v) }));
    } catch (err) {
      applyServerErrors(err, form.setError);
      setError(err);
    }
  }, focusFirstError(ids));

  return (
    <form
      className="form"
      onSubmit={(e) => void submit(e)}
      noValidate
      aria-label={t('cases.triage.submit', { number: c.caseNumber })}
    >
      {error !== null && <ErrorAlert error={error} />}
      <SelectField
        id={`${prefix}-path`}
        label={t('cases.triage.path')}
        value={path}
        onChange={(v) => form.setValue('decisionPath', v as DecisionPath)}
        options={PATHS.map((p) => ({ value: p, label: t(`cases.path.${p}`) }))}
      />
      {path === 'bundled' ? (
        <SelectField
          id={ids.mainCaseId}
          label={t('cases.triage.main')}
          {...bind(form, 'mainCaseId')}
          options={(candidates.data?.items ?? [])
            .filter((o) => o.id !== c.id && !o.decided)
            .map((o) => ({ value: o.id, label: `${o.caseNumber}: ${o.subject}` }))}
          placeholder={t('cases.triage.chooseMain')}
        />
      ) : (
        <SelectField
          id={ids.forumGroupId}
          label={t('cases.triage.forum')}
          {...bind(form, 'forumGroupId')}
          options={options.forums.map((f) => ({ value: f.id, label: f.name }))}
          placeholder={t('cases.chooseForum')}
        />
      )}
      <TextAreaField id={`${prefix}-note`} label={t('cases.triage.note')} {...bind(form, 'note')} rows={2} />
      <button type="submit" disabled={form.formState.isSubmitting}>
        {t('cases.triage.submit', { number: c.caseNumber })}
      </button>
    </form>
  );
}
