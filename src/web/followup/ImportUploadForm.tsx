import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { ApiError } from '../api';
import { ErrorAlert } from '../components/Alerts';
import { Checkbox } from '../components/Fields';
import { call, client } from '../client';
import { useFormSubmit } from '../form-submit';
import { useI18n } from '../i18n';
import type { Mapping } from './importFile';
import type { ImportStatus } from './types';

/** A large CSV file sent as the request body (the browser streams the file; nothing is read into memory here). */
export function UploadImportForm({
  id,
  file,
  mapping,
  onStarted,
}: {
  id: string;
  file: File;
  mapping: Mapping;
  onStarted: (status: ImportStatus) => void;
}) {
  const { t } = useI18n();
  const form = useForm<{ validOnly: boolean }>({ defaultValues: { validOnly: false } });
  const [error, setError] = useState<ApiError | null>(null);
  const submit = useFormSubmit(form, async (v) => {
    setError(null);
    try {
      const started = await call(
        client.POST('/indicators/{id}/imports/upload', {
          params: {
            path: { id },
            query: {
              fileName: file.name,
              area: mapping.area,
              period: mapping.period,
              value: mapping.value,
              ...(mapping.subArea ? { subArea: mapping.subArea } : {}),
              ...(mapping.gender ? { gender: mapping.gender } : {}),
              mode: v.validOnly ? 'valid-only' : 'all-or-nothing',
            },
          },
          body: file as never,
          bodySerializer: (b: unknown) => b as BodyInit,
          headers: { 'Content-Type': 'text/csv' },
        }),
      );
      onStarted(started);
    } catch (err) {
      setError(err instanceof ApiError ? err : new ApiError({ status: 0, title: 'network' }));
    }
  });
  const validOnly = form.watch('validOnly');
  return (
    <form className="form" noValidate onSubmit={submit}>
      {error && <ErrorAlert error={error} />}
      <Checkbox
        id="upload-valid-only"
        label={t('followup.import.validOnly')}
        checked={validOnly}
        onChange={(checked) => form.setValue('validOnly', checked, { shouldDirty: true })}
      />
      <button type="submit" disabled={form.formState.isSubmitting}>
        {t('followup.import.uploadSubmit')}
      </button>
    </form>
  );
}
