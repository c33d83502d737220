import { useState } from 'react';
import { useForm, type FieldErrors } from 'react-hook-form';
import { CreateVersionBody } from '../../modules/knowledge/schemas';
import { Link } from '../app/router';
import { $api } from '../client';
import { ErrorAlert } from '../components/Alerts';
import { FormErrorSummary } from '../components/FormErrors';
import { FormTextAreaField, FormTextField } from '../components/FormFields';
import { applyServerErrors, schemaResolver } from '../forms';
import { TableScroll } from '../components/TableScroll';
import { useI18n, type I18n } from '../i18n';
import { asApiError, errorKey, serverFieldErrors, useFormSummary } from '../people/people';
import { ConsequenceEditor, emptyConsequences, toConsequenceBody, type ConsequenceValue } from './ConsequenceEditor';
import {
  actionLabel,
  dimensionLabel,
  lifecycleMoves,
  newRoundHref,
  significanceLabel,
  STATUS_BADGE,
  statusLabel,
  trackLabel,
  type KnowledgeSupport,
  type SupportVersion,
} from './knowledge';
import { afterWrite } from './support-mutations';

/** The support's versions, each with its consequence description and lifecycle, and a form for a new one. */
export function VersionsPanel({
  support,
  versions,
  onDone,
}: {
  support: KnowledgeSupport;
  versions: SupportVersion[];
  onDone: () => void;
}) {
  const { t } = useI18n();
  return (
    <section aria-labelledby="versions-heading">
      <h2 id="versions-heading">{t('knowledge.versions.heading')}</h2>
      {versions.length === 0 && <p>{t('knowledge.versions.none')}</p>}
      {versions.map((v) => (
        <VersionBlock key={v.id} v={v} onDone={onDone} />
      ))}
      {support.allowedActions.includes('createVersion') && <NewVersionForm supportId={support.id} onDone={onDone} />}
    </section>
  );
}

function ConsequenceTable({ v, i18n }: { v: SupportVersion; i18n: I18n }) {
  const { t } = i18n;
  return (
    <TableScroll labelledBy={`cons-${v.id}`}>
      <table>
        <caption id={`cons-${v.id}`}>{t('knowledge.consequence.caption', { label: v.label })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('knowledge.consequence.dimension')}</th>
            <th scope="col">{t('knowledge.consequence.significance')}</th>
            <th scope="col">{t('knowledge.consequence.text')}</th>
          </tr>
        </thead>
        <tbody>
          {v.consequences.map((c) => (
            <tr key={c.dimension}>
              <th scope="row">{dimensionLabel(i18n, c.dimension)}</th>
              <td>
                <span
                  className={`badge ${c.significance === 'significant' ? 'badge-weak' : c.significance === 'minor' ? 'badge-partial' : 'badge-ok'}`}
                >
                  {significanceLabel(i18n, c.significance)}
                </span>
              </td>
              <td>{c.text ?? t('knowledge.noValue')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

function VersionBlock({ v, onDone }: { v: SupportVersion; onDone: () => void }) {
  const i18n = useI18n();
  const { t, formatDate } = i18n;
  const [cons, setCons] = useState<ConsequenceValue[]>(() =>
    v.consequences.map((c) => ({
      dimension: c.dimension as ConsequenceValue['dimension'],
      significance: c.significance as ConsequenceValue['significance'],
      text: c.text ?? '',
    })),
  );
  const move = $api.useMutation('post', '/knowledge-support-versions/{id}/transition', afterWrite(onDone));
  const edit = $api.useMutation('patch', '/knowledge-support-versions/{id}', afterWrite(onDone));
  const moves = lifecycleMoves(v.allowedActions);
  return (
    <article className="panel" aria-labelledby={`version-${v.id}`}>
      <h3 id={`version-${v.id}`}>
        {t('knowledge.field.label')} {v.label}{' '}
        <span className={`badge ${STATUS_BADGE[v.status] ?? ''}`}>{statusLabel(i18n, v.status)}</span>
      </h3>
      {v.changeSummary && <p>{v.changeSummary}</p>}
      <p className="muted">
        {v.decidedOn && `${t('knowledge.field.decidedOn')} ${formatDate(v.decidedOn)}. `}
        {v.publishedOn && `${t('knowledge.field.publishedOn')} ${formatDate(v.publishedOn)}. `}
        {t('knowledge.versions.proposedTrack', { track: trackLabel(i18n, v.proposedTrack) })}
      </p>
      <ConsequenceTable v={v} i18n={i18n} />
      {v.allowedActions.includes('createRound') && (
        <p>
          <Link to={newRoundHref(v.id)}>{t('knowledge.versions.createRound', { label: v.label })}</Link>
        </p>
      )}
      {moves.length > 0 && (
        <fieldset className="form">
          <legend>{t('knowledge.versions.transition', { label: v.label })}</legend>
          {move.error && <ErrorAlert error={move.error} />}
          <div className="button-row">
            {moves.map((action) => (
              <button
                key={action}
                type="button"
                disabled={move.isPending}
                onClick={() =>
                  void move
                    .mutateAsync({ params: { path: { id: v.id } }, body: { action, version: v.version } })
                    .catch(() => undefined)
                }
              >
                {actionLabel(i18n, action)}
              </button>
            ))}
          </div>
        </fieldset>
      )}
      {v.allowedActions.includes('editConsequences') && (
        <details>
          <summary>{t('knowledge.versions.edit', { label: v.label })}</summary>
          <form
            className="form"
            onSubmit={(e) => {
              e.preventDefault();
              void edit
                .mutateAsync({
                  params: { path: { id: v.id } },
                  body: { consequences: toConsequenceBody(cons), version: v.version },
                })
                .catch(() => undefined);
            }}
          >
            {edit.error && <ErrorAlert error={edit.error} />}
            <ConsequenceEditor idPrefix={`vcons-${v.id}`} value={cons} onChange={setCons} errors={{}} />
            <button type="submit" disabled={edit.isPending}>
              {t('knowledge.versions.save')}
            </button>
          </form>
        </details>
      )}
    </article>
  );
}

interface NewVersionValues {
  label: string;
  changeSummary: string;
  consequences: ConsequenceValue[];
}

const toVersionBody = (v: NewVersionValues) => ({
  label: v.label.trim(),
  changeSummary: v.changeSummary.trim() || null,
  consequences: toConsequenceBody(v.consequences),
});

/** The form's errors by errorKey ('consequences-0-text'): the schema's are flat paths, the server's nested. */
function errorsByKey(errors: FieldErrors, base = ''): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, e] of Object.entries(errors)) {
    if (!e) continue;
    const key = errorKey(base ? `${base}.${k}` : k);
    if (typeof e.message === 'string') out[key] ??= e.message;
    else if (typeof e === 'object') Object.assign(out, errorsByKey(e as FieldErrors, key.replaceAll('-', '.')));
  }
  return out;
}

function NewVersionForm({ supportId, onDone }: { supportId: string; onDone: () => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const summary = useFormSummary();
  const form = useForm<NewVersionValues>({
    resolver: schemaResolver(CreateVersionBody, toVersionBody),
    defaultValues: { label: '', changeSummary: '', consequences: emptyConsequences() },
  });
  const create = $api.useMutation('post', '/knowledge-supports/{id}/versions', afterWrite(onDone));
  const label = (k: string) => i18n.tMaybe(`knowledge.field.${k}`) ?? k;
  const submit = form.handleSubmit(
    async (v) => {
      try {
        await create.mutateAsync({ params: { path: { id: supportId } }, body: toVersionBody(v) });
        form.reset({ ...v, label: '', changeSummary: '' });
        summary.clear();
      } catch (err) {
        const apiError = asApiError(err);
        applyServerErrors(apiError, form.setError);
        summary.show(apiError, serverFieldErrors(apiError, 'nv', label).items);
      }
    },
    (errors) =>
      summary.showText(
        t('form.fixErrors'),
        Object.entries(errorsByKey(errors)).map(([k, message]) => ({ fieldId: `nv-${k}`, label: label(k), message })),
      ),
  );
  const errors = errorsByKey(form.formState.errors);
  const consErrors = Object.fromEntries(
    Object.entries(errors)
      .filter(([k]) => k.startsWith('consequences-'))
      .map(([k, m]) => [k.replace('consequences-', ''), m]),
  );
  return (
    <details className="panel">
      <summary>{t('knowledge.versions.new')}</summary>
      <form className="form" onSubmit={(e) => void submit(e)} noValidate>
        {summary.summary && <FormErrorSummary {...summary.summary} />}
        <FormTextField control={form.control} name="label" id="nv-label" label={t('knowledge.field.label')} />
        <FormTextAreaField
          control={form.control}
          name="changeSummary"
          id="nv-changeSummary"
          label={t('knowledge.field.changeSummary')}
          rows={2}
        />
        <ConsequenceEditor
          idPrefix="nv-consequences"
          value={form.watch('consequences')}
          onChange={(v) => form.setValue('consequences', v, { shouldDirty: true })}
          errors={consErrors}
        />
        <button type="submit" disabled={create.isPending}>
          {t('knowledge.versions.create')}
        </button>
      </form>
    </details>
  );
}
