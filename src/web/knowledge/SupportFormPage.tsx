/**
 * Nytt kunskapsstöd / Ändra: the support's facts; a new one also gets its first version with
 * the consequence description. Only system administrators write the national catalogue.
 */
import { useState, type FormEvent } from 'react';
import { api, type Group } from '../api';
import { navigate } from '../app/router';
import { useSession } from '../auth/session';
import { ErrorAlert, Loading, Notice } from '../components/Alerts';
import { CheckboxGroup, SelectField, TextAreaField, TextField } from '../components/Fields';
import { FormErrorSummary } from '../components/FormErrors';
import { Page } from '../components/Page';
import { useAsync } from '../components/useAsync';
import { useI18n } from '../i18n';
import { loadGroups } from '../organisation/groups';
import { loadProgramAreas } from '../organisation/reference';
import { asApiError, serverFieldErrors, useFormSummary } from '../people/people';
import { ConsequenceEditor, emptyConsequences, toConsequenceBody } from './ConsequenceEditor';
import {
  knowledgeCrumbs,
  PRODUCER_KINDS,
  producerKindLabel,
  SUPPORT_TYPES,
  supportHref,
  typeLabel,
  type KnowledgeSupport,
  type SupportDetail,
} from './knowledge';

interface Values {
  type: string;
  title: string;
  producerKind: string;
  producerGroupId: string;
  producerName: string;
  sender: string;
  url: string;
  summary: string;
  targetGroups: string;
  programAreaIds: string[];
  nextRevisionDate: string;
  validFrom: string;
  validUntil: string;
}

const EMPTY: Values = {
  type: 'vardprogram',
  title: '',
  producerKind: 'npo',
  producerGroupId: '',
  producerName: '',
  sender: 'Nationellt system för kunskapsstyrning hälso- och sjukvård',
  url: '',
  summary: '',
  targetGroups: '',
  programAreaIds: [],
  nextRevisionDate: '',
  validFrom: '',
  validUntil: '',
};

const fromSupport = (s: KnowledgeSupport): Values => ({
  type: s.type,
  title: s.title,
  producerKind: s.producerKind,
  producerGroupId: s.producerGroupId ?? '',
  producerName: s.producerName ?? '',
  sender: s.sender ?? '',
  url: s.url ?? '',
  summary: s.summary ?? '',
  targetGroups: s.targetGroups.join('\n'),
  programAreaIds: s.programAreaIds,
  nextRevisionDate: s.nextRevisionDate ?? '',
  validFrom: s.validFrom ?? '',
  validUntil: s.validUntil ?? '',
});

export function NewSupportPage() {
  return <SupportForm />;
}

export function EditSupportPage({ id }: { id: string }) {
  const detail = useAsync(
    (signal) => api.get<SupportDetail>(`/api/v1/knowledge-supports/${encodeURIComponent(id)}`, undefined, signal),
    [id],
  );
  const i18n = useI18n();
  if (detail.error) {
    return (
      <Page title={i18n.t('knowledge.title')} crumbs={knowledgeCrumbs(i18n)}>
        <ErrorAlert error={detail.error} />
      </Page>
    );
  }
  if (!detail.data) {
    return (
      <Page title={i18n.t('knowledge.title')} crumbs={knowledgeCrumbs(i18n)}>
        <Loading />
      </Page>
    );
  }
  return <SupportForm existing={detail.data.support} />;
}

function SupportForm({ existing }: { existing?: KnowledgeSupport }) {
  const i18n = useI18n();
  const { t } = i18n;
  const { isAdmin } = useSession();
  const [v, setV] = useState<Values>(existing ? fromSupport(existing) : EMPTY);
  const [versionLabel, setVersionLabel] = useState('1.0');
  const [consequences, setConsequences] = useState(emptyConsequences());
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const summary = useFormSummary();
  const areas = useAsync(() => loadProgramAreas(), []);
  const groups = useAsync((signal) => loadGroups({ level: 'national', status: 'active' }, signal), []);
  const set = (k: keyof Values) => (value: string) => setV((p) => ({ ...p, [k]: value }));
  const label = (k: string) => i18n.tMaybe(`knowledge.field.${k.split('-')[0]}`) ?? k;
  const title = existing ? t('knowledge.form.editTitle', { title: existing.title }) : t('knowledge.form.newTitle');
  const crumbs = [...knowledgeCrumbs(i18n), ...(existing ? [{ to: supportHref(existing.id), label: existing.title }] : [])];

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    const body = {
      type: v.type,
      title: v.title.trim(),
      producerKind: v.producerKind,
      producerGroupId: v.producerGroupId || null,
      producerName: v.producerName.trim() || null,
      sender: v.sender.trim() || null,
      url: v.url.trim() || null,
      summary: v.summary.trim() || null,
      targetGroups: v.targetGroups
        .split('\n')
        .map((x) => x.trim())
        .filter(Boolean),
      programAreaIds: v.programAreaIds,
      nextRevisionDate: v.nextRevisionDate || null,
      validFrom: v.validFrom || null,
      validUntil: v.validUntil || null,
    };
    try {
      const saved = existing
        ? await api.patch<KnowledgeSupport>(`/api/v1/knowledge-supports/${existing.id}`, { ...body, version: existing.version })
        : await api.post<KnowledgeSupport>('/api/v1/knowledge-supports', {
            ...body,
            firstVersion: { label: versionLabel.trim() || '1.0', consequences: toConsequenceBody(consequences) },
          });
      navigate(supportHref(saved.id));
    } catch (err) {
      const apiError = asApiError(err);
      const { byField, items } = serverFieldErrors(apiError, 'ks', label);
      setErrors(byField);
      summary.show(apiError, items);
    } finally {
      setBusy(false);
    }
  }

  if (!isAdmin) {
    return (
      <Page title={title} crumbs={crumbs}>
        <Notice>
          <p>{t('knowledge.form.adminOnly')}</p>
        </Notice>
      </Page>
    );
  }

  const consequenceErrors = Object.fromEntries(
    Object.entries(errors)
      .filter(([k]) => k.startsWith('firstVersion-consequences-'))
      .map(([k, m]) => [k.replace('firstVersion-consequences-', ''), m]),
  );

  return (
    <Page title={title} crumbs={crumbs}>
      <form className="form" onSubmit={(e) => void submit(e)} noValidate>
        {summary.summary && <FormErrorSummary {...summary.summary} />}
        <SelectField id="ks-type" label={t('knowledge.field.type')} value={v.type} onChange={set('type')} error={errors.type}>
          {SUPPORT_TYPES.map((x) => (
            <option key={x} value={x}>
              {typeLabel(i18n, x)}
            </option>
          ))}
        </SelectField>
        <TextField
          id="ks-title"
          label={t('knowledge.field.title')}
          value={v.title}
          onChange={set('title')}
          error={errors.title}
          autoComplete="off"
          required
        />
        <SelectField
          id="ks-producerKind"
          label={t('knowledge.field.producerKind')}
          value={v.producerKind}
          onChange={set('producerKind')}
        >
          {PRODUCER_KINDS.map((x) => (
            <option key={x} value={x}>
              {producerKindLabel(i18n, x)}
            </option>
          ))}
        </SelectField>
        <SelectField
          id="ks-producerGroupId"
          label={t('knowledge.field.producerGroupId')}
          value={v.producerGroupId}
          onChange={set('producerGroupId')}
          error={errors.producerGroupId}
        >
          <option value="">{t('knowledge.form.noGroup')}</option>
          {(groups.data ?? []).map((g: Group) => (
            <option key={g.id} value={g.id}>
              {g.name}
            </option>
          ))}
        </SelectField>
        <TextField
          id="ks-producerName"
          label={t('knowledge.field.producerName')}
          value={v.producerName}
          onChange={set('producerName')}
          error={errors.producerName}
        />
        <TextField
          id="ks-sender"
          label={t('knowledge.field.sender')}
          value={v.sender}
          onChange={set('sender')}
          error={errors.sender}
        />
        <TextField
          id="ks-url"
          inputMode="url"
          label={t('knowledge.field.url')}
          value={v.url}
          onChange={set('url')}
          error={errors.url}
        />
        <TextAreaField
          id="ks-summary"
          label={t('knowledge.field.summary')}
          value={v.summary}
          onChange={set('summary')}
          error={errors.summary}
          rows={4}
        />
        <TextAreaField
          id="ks-targetGroups"
          label={t('knowledge.field.targetGroups')}
          hint={t('knowledge.field.targetGroups.hint')}
          value={v.targetGroups}
          onChange={set('targetGroups')}
          rows={3}
        />
        <CheckboxGroup
          id="ks-programAreaIds"
          legend={t('knowledge.field.programAreaIds')}
          options={(areas.data ?? []).map((a) => ({ value: a.id, label: a.name }))}
          value={v.programAreaIds}
          onChange={(ids) => setV((p) => ({ ...p, programAreaIds: ids }))}
          error={errors.programAreaIds}
        />
        <div className="filter-grid">
          <TextField
            id="ks-nextRevisionDate"
            type="date"
            label={t('knowledge.field.nextRevisionDate')}
            value={v.nextRevisionDate}
            onChange={set('nextRevisionDate')}
            error={errors.nextRevisionDate}
          />
          <TextField
            id="ks-validFrom"
            type="date"
            label={t('knowledge.field.validFrom')}
            value={v.validFrom}
            onChange={set('validFrom')}
            error={errors.validFrom}
          />
          <TextField
            id="ks-validUntil"
            type="date"
            label={t('knowledge.field.validUntil')}
            value={v.validUntil}
            onChange={set('validUntil')}
            error={errors.validUntil}
          />
        </div>
        {!existing && (
          <section aria-labelledby="ks-first-heading">
            <h2 id="ks-first-heading">{t('knowledge.form.firstVersion')}</h2>
            <TextField
              id="ks-firstVersion-label"
              label={t('knowledge.field.label')}
              value={versionLabel}
              onChange={setVersionLabel}
              error={errors['firstVersion-label']}
            />
            <ConsequenceEditor
              idPrefix="ks-firstVersion-consequences"
              value={consequences}
              onChange={setConsequences}
              errors={consequenceErrors}
            />
          </section>
        )}
        <button type="submit" disabled={busy}>
          {existing ? t('knowledge.form.save') : t('knowledge.form.create')}
        </button>
      </form>
    </Page>
  );
}
