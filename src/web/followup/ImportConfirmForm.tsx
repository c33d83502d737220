import { useForm } from 'react-hook-form';
import { Checkbox } from '../components/Fields';
import { $api, type ApiBody } from '../client';
import { SubmitError, useFormSubmit } from '../form-submit';
import { useI18n } from '../i18n';
import type { ImportStatus } from './types';

export type ImportMode = 'valid-only' | 'all-or-nothing';

/**
 * The import's confirm step: a file with wrong rows imports only when "only the valid rows" is
 * chosen. The body is the file the dry run has just checked (ImportBody's schema is not bound
 * here: the indicators' schemas reach the implementation module's server code, which the web
 * build does not compile); the server's refusal still lands on the form.
 */
export function ConfirmImportForm({
  id,
  bad,
  checking,
  body,
  onStarted,
}: {
  id: string;
  bad: number;
  /** A dry run of a changed mapping is under way: its report decides, so wait for it. */
  checking: boolean;
  body: (mode: ImportMode) => ApiBody<'/indicators/{id}/imports', 'post'>;
  onStarted: (status: ImportStatus) => void;
}) {
  const { t } = useI18n();
  const toBody = (v: { validOnly: boolean }) => body(v.validOnly ? 'valid-only' : 'all-or-nothing');
  const form = useForm<{ validOnly: boolean }>({ defaultValues: { validOnly: false } });
  const start = $api.useMutation('post', '/indicators/{id}/imports');
  const submit = useFormSubmit(form, async (v) =>
    onStarted((await start.mutateAsync({ params: { path: { id } }, body: toBody(v) })) as ImportStatus),
  );
  const validOnly = form.watch('validOnly');
  return (
    <form className="form" noValidate onSubmit={submit}>
      <SubmitError error={start.error} />
      {bad > 0 && <p className="alert alert-warning">{t('followup.import.blocked')}</p>}
      {bad > 0 && (
        <Checkbox
          id="import-valid-only"
          label={t('followup.import.validOnly')}
          checked={validOnly}
          onChange={(checked) => form.setValue('validOnly', checked, { shouldDirty: true })}
        />
      )}
      <button type="submit" disabled={checking || form.formState.isSubmitting || start.isSuccess || (bad > 0 && !validOnly)}>
        {t('followup.import.submit')}
      </button>
    </form>
  );
}
