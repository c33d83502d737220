/**
 * The beredningsforum's decision on one case: the decision path and the forum that decides,
 * or bundling (paketering) into a main case of the same region.
 */
import { useState, type FormEvent } from 'react';
import { api, ApiError, type Page as ApiPage } from '../api';
import { ErrorAlert } from '../components/Alerts';
import { SelectField, TextAreaField } from '../components/Fields';
import { useAsync } from '../components/useAsync';
import { useT } from '../i18n';
import { asApiError } from '../people/people';
import type { CaseDetail, CaseOptions } from './cases';

const PATHS = ['forum-decision', 'delegated', 'information', 'bundled'] as const;
type DecisionPath = (typeof PATHS)[number];

export function TriageForm({ c, options, onDone }: { c: CaseDetail; options: CaseOptions; onDone: (c: CaseDetail) => void }) {
  const t = useT();
  const prefix = `triage-${c.id.slice(0, 8)}`;
  const [path, setPath] = useState<DecisionPath>((c.decisionPath as DecisionPath | null) ?? 'forum-decision');
  const [forum, setForum] = useState(c.forumGroupId ?? '');
  const [main, setMain] = useState(c.mainCaseId ?? '');
  const [note, setNote] = useState(c.triageNote ?? '');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const candidates = useAsync(
    (signal) =>
      path === 'bundled'
        ? api.get<ApiPage<{ id: string; caseNumber: string; subject: string; status: string }>>(
            '/api/v1/cases',
            { region: c.region, limit: 500 },
            signal,
          )
        : Promise.resolve(undefined),
    [path, c.region],
  );

  async function submit(e: FormEvent) {
    e.preventDefault();
    const missing: Record<string, string> = {};
    if (path === 'forum-decision' && !forum) missing.forum = t('cases.triage.forumMissing');
    if (path === 'bundled' && !main) missing.main = t('cases.triage.mainMissing');
    setErrors(missing);
    const first = Object.keys(missing)[0];
    if (first) {
      document.getElementById(`${prefix}-${first}`)?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const after = await api.post<CaseDetail>(`/api/v1/cases/${c.id}/triage`, {
        version: c.version,
        decisionPath: path,
        ...(path === 'bundled' ? { mainCaseId: main } : { forumGroupId: forum || null }),
        note: note.trim() || null,
      });
      onDone(after);
    } catch (err) {
      const apiError = asApiError(err);
      setError(apiError);
      const byField: Record<string, string> = {};
      for (const fe of apiError.errors) {
        if (fe.path.includes('forumGroupId')) byField.forum = fe.message;
        if (fe.path.includes('mainCaseId')) byField.main = fe.message;
      }
      setErrors(byField);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form
      className="form"
      onSubmit={(e) => void submit(e)}
      noValidate
      aria-label={t('cases.triage.submit', { number: c.caseNumber })}
    >
      {error && <ErrorAlert error={error} />}
      <SelectField
        id={`${prefix}-path`}
        label={t('cases.triage.path')}
        value={path}
        onChange={(v) => setPath(v as DecisionPath)}
        options={PATHS.map((p) => ({ value: p, label: t(`cases.path.${p}`) }))}
      />
      {path === 'bundled' ? (
        <SelectField
          id={`${prefix}-main`}
          label={t('cases.triage.main')}
          value={main}
          onChange={setMain}
          error={errors.main}
          options={(candidates.data?.items ?? [])
            .filter((o) => o.id !== c.id && !['beslutad', 'under-genomforande', 'avslutad'].includes(o.status))
            .map((o) => ({ value: o.id, label: `${o.caseNumber}: ${o.subject}` }))}
          placeholder={t('cases.triage.chooseMain')}
        />
      ) : (
        <SelectField
          id={`${prefix}-forum`}
          label={t('cases.triage.forum')}
          value={forum}
          onChange={setForum}
          error={errors.forum}
          options={options.forums.map((f) => ({ value: f.id, label: f.name }))}
          placeholder={t('cases.chooseForum')}
        />
      )}
      <TextAreaField id={`${prefix}-note`} label={t('cases.triage.note')} value={note} onChange={setNote} rows={2} />
      <button type="submit" disabled={busy}>
        {t('cases.triage.submit', { number: c.caseNumber })}
      </button>
    </form>
  );
}
