/**
 * The edit controls of a group page, shown when the server says `permissions.edit`: the
 * group's fields (PATCH with If-Match), the mandate (a new revision based on the one read),
 * closing and merging. A 409 says someone else changed the group and offers a reload.
 */
import { useState, type ReactNode } from 'react';
import { useForm } from 'react-hook-form';
import { MandateBody, UpdateGroupBody } from '../../modules/organisation/schemas';
import type { Group, GroupDetail } from '../api';
import { $api } from '../client';
import { SelectField, TextAreaField } from '../components/Fields';
import { FormErrorSummary } from '../components/FormErrors';
import { bind, flatErrors, withChecks } from '../components/form-fields';
import { Markdown } from '../components/Markdown';
import { useAsync } from '../components/useAsync';
import { schemaResolver } from '../forms';
import { useI18n } from '../i18n';
import { fieldsOf, GroupFields, toBody, type GroupFieldValues } from './GroupFields';
import { bySwedishName, isGroupActive, loadGroups, type Geo } from './groups';
import { CloseForm, MergeForm, useGroupSubmit } from './GroupLifecycleForms';
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

type EditValues = GroupFieldValues & { mirrorsGroupId: string };

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
  const mirrorBefore = group.mirrorsGroupId ?? '';
  const diff = (v: EditValues) => changes(initial, v, mirrorBefore, v.mirrorsGroupId);
  const form = useForm<EditValues>({
    // the PATCH carries what changed and the version read (so the schema sees a body even when nothing changed)
    resolver: withChecks(
      schemaResolver(UpdateGroupBody, (v: EditValues) => ({ ...diff(v), version: group.version }), i18n.lang),
      (v) => ({
        name: !v.name.trim() && t('group.error.nameMissing'),
      }),
    ),
    defaultValues: { ...initial, mirrorsGroupId: mirrorBefore },
  });
  const patch = $api.useMutation('patch', '/groups/{id}');
  const formError = useFormError();
  const submit = useGroupSubmit('edit', form, formError, async (v) => {
    const body = diff(v);
    if (Object.keys(body).length === 0) return formError.showText(t('edit.nothingChanged'), []);
    await patch.mutateAsync({
      params: { path: { id: group.id } },
      body: body,
      headers: { 'If-Match': `"${group.version}"` },
    });
    onSaved();
  });
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
  // the shared group fields take each field's message as text (a list entry's under the list)
  const errors = Object.fromEntries(flatErrors(form.formState.errors).map(([k, m]) => [k.split('.')[0]!, m]));

  return (
    <form className="form" onSubmit={(e) => void submit(e)} noValidate>
      <FormError state={formError} onReload={onReload} />
      <GroupFields
        prefix="edit"
        values={form.watch()}
        onChange={(p) => {
          for (const [k, v] of Object.entries(p)) form.setValue(k as keyof GroupFieldValues, v, { shouldDirty: true });
        }}
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
          {...bind(form, 'mirrorsGroupId')}
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
        <button type="submit" disabled={form.formState.isSubmitting}>
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
  const basedOnRevision = detail.mandate?.revision ?? 0;
  const form = useForm<{ text: string }>({
    resolver: schemaResolver(MandateBody, (v: { text: string }) => ({ text: v.text, basedOnRevision }), i18n.lang),
    defaultValues: { text: detail.mandate?.text ?? '' },
  });
  const [conflict, setConflict] = useState(false);
  const save = $api.useMutation('put', '/groups/{id}/mandate');
  const formError = useFormError();
  const submit = useGroupSubmit('mandate', form, formError, async (v) => {
    setConflict(false);
    try {
      await save.mutateAsync({ params: { path: { id: detail.group.id } }, body: { text: v.text, basedOnRevision } });
    } catch (err) {
      if (asApiError(err).status !== 409) throw err;
      // someone saved a newer revision: keep the draft, offer to base it on theirs
      setConflict(true);
      return formError.showText(t('mandate.conflict'), []);
    }
    onSaved();
  });
  const text = form.watch('text');

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
        {...bind(form, 'text')}
        rows={14}
      />
      <details className="preview">
        <summary>{t('mandate.preview')}</summary>
        <div className="preview-body">
          <Markdown text={text} className="mandate" />
        </div>
      </details>
      <button type="submit" disabled={form.formState.isSubmitting}>
        {t('mandate.save')}
      </button>
    </form>
  );
}
