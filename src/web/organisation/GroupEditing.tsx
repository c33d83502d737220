/**
 * The edit controls of a group page, shown when the server says `permissions.edit`: the
 * group's fields (PATCH with If-Match), the mandate (a new revision based on the one read),
 * closing and merging. A 409 says someone else changed the group and offers a reload.
 */
import { useState, type FormEvent, type ReactNode } from 'react';
import type { Group, GroupDetail } from '../api';
import { call, client } from '../client';
import { SelectField, TextAreaField } from '../components/Fields';
import { FormErrorSummary } from '../components/FormErrors';
import { Markdown } from '../components/Markdown';
import { useAsync } from '../components/useAsync';
import { useI18n } from '../i18n';
import { errorsFor, fieldsOf, GroupFields, toBody, type GroupFieldValues } from './GroupFields';
import { bySwedishName, isGroupActive, loadGroups, type Geo } from './groups';
import { CloseForm, MergeForm } from './GroupLifecycleForms';
import { asApiError, FormError, useFormError } from './formError';

type Panel = 'edit' | 'mandate' | 'close' | 'merge';

export function GroupEditing({
  detail,
  geo,
  onChanged,
  onDone,
}: {
  detail: GroupDetail;
  geo: Geo;
  /** reload the group */
  onChanged: () => void;
  /** a change was saved: the page says so (and reloads) */
  onDone: (text: string) => void;
}) {
  const { t } = useI18n();
  const [open, setOpen] = useState<Panel | null>(null);
  const g = detail.group;
  const ownerGroups = useAsync((signal) => loadGroups({ owner: g.owner, status: 'active' }, signal), [g.owner, g.version]);

  function done(text: string) {
    setOpen(null);
    onDone(text);
  }

  const panels: { id: Panel; label: string }[] = [
    { id: 'edit', label: t('edit.group') },
    { id: 'mandate', label: t('edit.mandate') },
    ...g.allowedActions.map((a) => ({ id: a, label: t(a === 'close' ? 'edit.close' : 'edit.merge') })),
  ];

  return (
    <section aria-labelledby="edit-heading" className="panel">
      <h2 id="edit-heading">{t('edit.heading')}</h2>
      <div className="button-row edit-toggles">
        {panels.map((p) => (
          <button
            key={p.id}
            type="button"
            className="button-secondary"
            aria-expanded={open === p.id}
            aria-controls={`panel-${p.id}`}
            onClick={() => setOpen((o) => (o === p.id ? null : p.id))}
          >
            {p.label}
          </button>
        ))}
      </div>
      {open === 'edit' && (
        <EditPanel id="panel-edit" title={t('edit.group')}>
          <EditGroupForm
            key={g.version}
            group={g}
            geo={geo}
            ownerGroups={ownerGroups.loading ? undefined : ownerGroups.data}
            onSaved={() => done(t('edit.saved'))}
            onReload={onChanged}
            onCancel={() => setOpen(null)}
          />
        </EditPanel>
      )}
      {open === 'mandate' && (
        <EditPanel id="panel-mandate" title={t('edit.mandate')}>
          <MandateForm detail={detail} onSaved={() => done(t('mandate.saved'))} onReload={onChanged} />
        </EditPanel>
      )}
      {open === 'close' && (
        <EditPanel id="panel-close" title={t('edit.close')}>
          <CloseForm group={g} onSaved={() => done(t('edit.closed'))} onReload={onChanged} />
        </EditPanel>
      )}
      {open === 'merge' && (
        <EditPanel id="panel-merge" title={t('edit.merge')}>
          <MergeForm
            group={g}
            candidates={(ownerGroups.data ?? []).filter((o) => o.id !== g.id && o.level === g.level && isGroupActive(o.status))}
            onSaved={() => done(t('edit.merged'))}
            onReload={onChanged}
          />
        </EditPanel>
      )}
    </section>
  );
}

function EditPanel({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <div id={id} className="edit-panel">
      <h3>{title}</h3>
      {children}
    </div>
  );
}

/** Only changed fields go in the PATCH, so an old quirk elsewhere in the group never blocks an edit. */
function changes(before: GroupFieldValues, after: GroupFieldValues, mirrorBefore: string, mirrorAfter: string) {
  const a = toBody(before);
  const b = toBody(after);
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(b) as (keyof typeof b)[]) {
    if (JSON.stringify(a[key]) !== JSON.stringify(b[key])) out[key] = b[key];
  }
  if (out.parentGroupId !== undefined && b.parentGroupId) out.parentRelation = b.parentRelation;
  if (mirrorBefore !== mirrorAfter) out.mirrorsGroupId = mirrorAfter || null;
  return out;
}

function EditGroupForm({
  group,
  geo,
  ownerGroups,
  onSaved,
  onReload,
  onCancel,
}: {
  group: Group;
  geo: Geo;
  ownerGroups: Group[] | undefined;
  onSaved: () => void;
  onReload: () => void;
  onCancel: () => void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const initial = fieldsOf(group);
  const [values, setValues] = useState<GroupFieldValues>(initial);
  const [mirror, setMirror] = useState(group.mirrorsGroupId ?? '');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const formError = useFormError();
  const above =
    geo.levelOf(group.owner) === 'region'
      ? (geo.regions.find((r) => r.code === group.owner)?.healthcareRegionIds ?? [])
      : ['national'];
  const mirrorCandidates = useAsync(
    async (signal) => {
      if (group.level === 'national') return [];
      const lists = await Promise.all(above.map((owner) => loadGroups({ owner, status: 'active' }, signal)));
      return lists
        .flat()
        .filter((c) => group.kind !== 'program-area' || c.kind === 'program-area')
        .sort(bySwedishName);
    },
    [group.id],
  );

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!values.name.trim()) {
      setErrors({ name: t('group.error.nameMissing') });
      formError.showText(t('form.fixErrors'), [
        { fieldId: 'edit-name', label: t('group.field.name'), message: t('group.error.nameMissing') },
      ]);
      return;
    }
    const body = changes(initial, values, group.mirrorsGroupId ?? '', mirror);
    if (Object.keys(body).length === 0) {
      formError.showText(t('edit.nothingChanged'), []);
      return;
    }
    setBusy(true);
    try {
      await call(
        client.PATCH('/groups/{id}', {
          params: { path: { id: group.id } },
          body,
          headers: { 'If-Match': `"${group.version}"` },
        }),
      );
      onSaved();
    } catch (err) {
      const apiError = asApiError(err);
      const { byField, items } = errorsFor(i18n, 'edit', apiError);
      setErrors(byField);
      formError.show(apiError, items);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="form" onSubmit={(e) => void submit(e)} noValidate>
      <FormError state={formError} onReload={onReload} />
      <GroupFields
        prefix="edit"
        values={values}
        onChange={(patch) => setValues((prev) => ({ ...prev, ...patch }))}
        errors={errors}
        geo={geo}
        ownerGroups={ownerGroups}
        selfId={group.id}
        kind={group.kind}
      />
      {group.level !== 'national' && (
        <SelectField
          id="edit-mirrorsGroupId"
          label={t('group.field.mirrorsGroupId')}
          hint={t('group.hint.mirror')}
          value={mirror}
          onChange={setMirror}
          error={errors.mirrorsGroupId}
          disabled={!mirrorCandidates.data}
        >
          <option value="">{t('group.noMirror')}</option>
          {(mirrorCandidates.data ?? []).map((c) => (
            <option key={c.id} value={c.id}>
              {above.length > 1 ? `${c.name} (${geo.ownerName(c.owner)})` : c.name}
            </option>
          ))}
        </SelectField>
      )}
      <div className="button-row">
        <button type="submit" disabled={busy}>
          {t('edit.save')}
        </button>
        <button type="button" className="button-secondary" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}

function MandateForm({ detail, onSaved, onReload }: { detail: GroupDetail; onSaved: () => void; onReload: () => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  // the draft survives a reload after a conflict; only the revision it is based on moves on
  const [text, setText] = useState(detail.mandate?.text ?? '');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [conflict, setConflict] = useState(false);
  const [busy, setBusy] = useState(false);
  const formError = useFormError();

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    try {
      await call(
        client.PUT('/groups/{id}/mandate', {
          params: { path: { id: detail.group.id } },
          body: { text, basedOnRevision: detail.mandate?.revision ?? 0 },
        }),
      );
      onSaved();
    } catch (err) {
      const apiError = asApiError(err);
      setConflict(apiError.status === 409);
      if (apiError.status === 409) {
        formError.showText(t('mandate.conflict'), []);
      } else {
        const { byField, items } = errorsFor(i18n, 'mandate', apiError);
        setErrors(byField);
        formError.show(apiError, items);
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="form form-wide" onSubmit={(e) => void submit(e)} noValidate>
      {formError.summary && (
        <FormErrorSummary text={formError.summary.text} items={formError.summary.items} n={formError.summary.n} />
      )}
      {conflict && (
        <p>
          <button
            type="button"
            className="button-secondary"
            onClick={() => {
              setConflict(false);
              formError.clear();
              onReload();
            }}
          >
            {t('mandate.reloadKeepDraft')}
          </button>
        </p>
      )}
      <p className="muted">{detail.mandate ? t('mandate.basedOn', { revision: detail.mandate.revision }) : t('mandate.first')}</p>
      <TextAreaField
        id="mandate-text"
        label={t('group.field.mandate')}
        hint={t('mandate.hint')}
        value={text}
        onChange={setText}
        error={errors.text}
        rows={14}
      />
      <details className="preview">
        <summary>{t('mandate.preview')}</summary>
        <div className="preview-body">
          <Markdown text={text} className="mandate" />
        </div>
      </details>
      <button type="submit" disabled={busy}>
        {t('mandate.save')}
      </button>
    </form>
  );
}
