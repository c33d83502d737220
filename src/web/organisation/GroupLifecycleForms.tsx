/** Closing a group and merging it into another: the lifecycle's two actions, offered from allowedActions. */
import { useState, type FormEvent } from 'react';
import type { Group } from '../api';
import { call, client } from '../client';
import { SelectField, TextAreaField, TextField } from '../components/Fields';
import { useI18n } from '../i18n';
import { errorsFor } from './GroupFields';
import { bySwedishName, kindLabel } from './groups';
import { today } from '../clock';
import { asApiError, FormError, useFormError } from './formError';

export function CloseForm({ group, onSaved, onReload }: { group: Group; onSaved: () => void; onReload: () => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const [endDate, setEndDate] = useState(today());
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const formError = useFormError();

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    try {
      await call(
        client.POST('/groups/{id}/close', {
          params: { path: { id: group.id } },
          body: { endDate, ...(reason.trim() ? { reason: reason.trim() } : {}) },
          headers: { 'If-Match': `"${group.version}"` },
        }),
      );
      onSaved();
    } catch (err) {
      const apiError = asApiError(err);
      const { byField, items } = errorsFor(i18n, 'close', apiError);
      setErrors(byField);
      formError.show(apiError, items);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="form" onSubmit={(e) => void submit(e)} noValidate>
      <FormError state={formError} onReload={onReload} />
      <p>{t('edit.closeHelp')}</p>
      <TextField
        id="close-endDate"
        label={t('group.field.endDate')}
        type="date"
        value={endDate}
        onChange={setEndDate}
        error={errors.endDate}
      />
      <TextAreaField
        id="close-reason"
        label={t('group.field.reason')}
        value={reason}
        onChange={setReason}
        error={errors.reason}
        rows={3}
      />
      <button type="submit" className="button-danger" disabled={busy}>
        {t('edit.closeSubmit', { name: group.name })}
      </button>
    </form>
  );
}

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
  const [into, setInto] = useState('');
  const [endDate, setEndDate] = useState(today());
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const formError = useFormError();

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!into) {
      const message = t('edit.mergeChoose');
      setErrors({ intoGroupId: message });
      formError.showText(t('form.fixErrors'), [{ fieldId: 'merge-intoGroupId', label: t('group.field.intoGroupId'), message }]);
      return;
    }
    setBusy(true);
    try {
      await call(
        client.POST('/groups/{id}/merge', {
          params: { path: { id: group.id } },
          body: { intoGroupId: into, endDate },
          headers: { 'If-Match': `"${group.version}"` },
        }),
      );
      onSaved();
    } catch (err) {
      const apiError = asApiError(err);
      const { byField, items } = errorsFor(i18n, 'merge', apiError);
      setErrors(byField);
      formError.show(apiError, items);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="form" onSubmit={(e) => void submit(e)} noValidate>
      <FormError state={formError} onReload={onReload} />
      <p>{t('edit.mergeHelp')}</p>
      <SelectField
        id="merge-intoGroupId"
        label={t('group.field.intoGroupId')}
        value={into}
        onChange={setInto}
        error={errors.intoGroupId}
      >
        <option value="">{t('edit.mergeChooseOption')}</option>
        {[...candidates].sort(bySwedishName).map((c) => (
          <option key={c.id} value={c.id}>
            {c.name} ({kindLabel(i18n, c.kind).toLowerCase()})
          </option>
        ))}
      </SelectField>
      <TextField
        id="merge-endDate"
        label={t('group.field.endDate')}
        type="date"
        value={endDate}
        onChange={setEndDate}
        error={errors.endDate}
      />
      <button type="submit" className="button-danger" disabled={busy}>
        {t('edit.mergeSubmit')}
      </button>
    </form>
  );
}
