/** Closing a group and merging it into another: the lifecycle's two actions, offered from allowedActions. */
import { useForm, type FieldValues, type UseFormReturn } from 'react-hook-form';
import { CloseGroupBody, MergeGroupBody } from '../../modules/organisation/schemas';
import type { Group } from '../api';
import { $api } from '../client';
import { SelectField, TextAreaField, TextField } from '../components/Fields';
import { bind, errorItems, withChecks } from '../components/form-fields';
import { applyServerErrors, schemaResolver } from '../forms';
import { useI18n } from '../i18n';
import { fieldLabel } from './GroupFields';
import { bySwedishName, kindLabel } from './groups';
import { today } from '../clock';
import { asApiError, FormError, useFormError } from './formError';

/**
 * A group form's submit: the route's schema (and the page's own "fill in" sentences) first, with
 * the summary naming fields by their labels; a refusal's field errors land on the fields, and a
 * 409 offers to reload the group (FormError).
 */
export function useGroupSubmit<V extends FieldValues>(
  prefix: string,
  form: UseFormReturn<V>,
  formError: ReturnType<typeof useFormError>,
  send: (v: V) => Promise<unknown>,
) {
  const i18n = useI18n();
  const label = (k: string) => fieldLabel(i18n, k);
  const submit = form.handleSubmit(
    async (v) => {
      try {
        await send(v);
      } catch (err) {
        const apiError = asApiError(err);
        applyServerErrors(apiError, form.setError);
        formError.show(apiError, errorItems(form.formState.errors, prefix, label));
      }
    },
    (errors) => formError.showText(i18n.t('form.fixErrors'), errorItems(errors, prefix, label)),
  );
  return submit;
}

type CloseValues = { endDate: string; reason: string };

export function CloseForm({ group, onSaved, onReload }: { group: Group; onSaved: () => void; onReload: () => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const toBody = (v: CloseValues) => ({ endDate: v.endDate, ...(v.reason.trim() ? { reason: v.reason.trim() } : {}) });
  const form = useForm<CloseValues>({
    resolver: schemaResolver(CloseGroupBody, toBody, i18n.lang),
    defaultValues: { endDate: today(), reason: '' },
  });
  const close = $api.useMutation('post', '/groups/{id}/close');
  const formError = useFormError();
  const submit = useGroupSubmit('close', form, formError, async (v) => {
    await close.mutateAsync({
      params: { path: { id: group.id } },
      body: toBody(v),
      headers: { 'If-Match': `"${group.version}"` },
    });
    onSaved();
  });

  return (
    <form className="form" onSubmit={(e) => void submit(e)} noValidate>
      <FormError state={formError} onReload={onReload} />
      <p>{t('edit.closeHelp')}</p>
      <TextField id="close-endDate" label={t('group.field.endDate')} type="date" {...bind(form, 'endDate')} />
      <TextAreaField id="close-reason" label={t('group.field.reason')} {...bind(form, 'reason')} rows={3} />
      <button type="submit" className="button-danger" disabled={form.formState.isSubmitting}>
        {t('edit.closeSubmit', { name: group.name })}
      </button>
    </form>
  );
}

type MergeValues = { intoGroupId: string; endDate: string };

export function MergeForm({
  group,
  candidates,
  onSaved,
  onReload,
}: {
  group: Group;
  candidates: Group[];
  onSaved: () => void;
  onReload: () => void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const form = useForm<MergeValues>({
    resolver: withChecks(
      schemaResolver(MergeGroupBody, (v: MergeValues) => v, i18n.lang),
      (v) => ({
        intoGroupId: !v.intoGroupId && t('edit.mergeChoose'),
      }),
    ),
    defaultValues: { intoGroupId: '', endDate: today() },
  });
  const merge = $api.useMutation('post', '/groups/{id}/merge');
  const formError = useFormError();
  const submit = useGroupSubmit('merge', form, formError, async (v) => {
    await merge.mutateAsync({ params: { path: { id: group.id } }, body: v, headers: { 'If-Match': `"${group.version}"` } });
    onSaved();
  });

  return (
    <form className="form" onSubmit={(e) => void submit(e)} noValidate>
      <FormError state={formError} onReload={onReload} />
      <p>{t('edit.mergeHelp')}</p>
      <SelectField id="merge-intoGroupId" label={t('group.field.intoGroupId')} {...bind(form, 'intoGroupId')}>
        <option value="">{t('edit.mergeChooseOption')}</option>
        {[...candidates].sort(bySwedishName).map((c) => (
          <option key={c.id} value={c.id}>
            {c.name} ({kindLabel(i18n, c.kind).toLowerCase()})
          </option>
        ))}
      </SelectField>
      <TextField id="merge-endDate" label={t('group.field.endDate')} type="date" {...bind(form, 'endDate')} />
      <button type="submit" className="button-danger" disabled={form.formState.isSubmitting}>
        {t('edit.mergeSubmit')}
      </button>
    </form>
  );
}
