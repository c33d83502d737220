/**
 * The region's official diarienummer on its answer, set by those who register consultations in
 * the region (`permissions.setDiarienummer`); Navet's case number stays the internal reference.
 */
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { DiarienummerBody } from '../../modules/consultation/schemas';
import { $api } from '../client';
import { ErrorAlert } from '../components/Alerts';
import { TextField } from '../components/Fields';
import { bind, orNull } from '../components/form-fields';
import { applyServerErrors, schemaResolver } from '../forms';
import { useT } from '../i18n';
import { answerChanged, type Answer } from './model';

interface Values {
  diarienummer: string;
}

export function DiarienummerForm({ answer }: { answer: Answer }) {
  const t = useT();
  const toBody = (v: Values) => ({ version: answer.version, diarienummer: orNull(v.diarienummer) });
  const form = useForm<Values>({
    resolver: schemaResolver(DiarienummerBody, toBody),
    defaultValues: { diarienummer: answer.diarienummer ?? '' },
  });
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const save = $api.useMutation('put', '/consultation-answers/{id}/diarienummer', { onSuccess: () => answerChanged() });
  const submit = form.handleSubmit(async (v) => {
    setError(null);
    setSaved(false);
    try {
      await save.mutateAsync({ params: { path: { id: answer.id } }, body: toBody(v) });
      setSaved(true);
    } catch (err) {
      applyServerErrors(err, form.setError);
      setError(err);
    }
  });
  return (
    <form
      className="form inline-form"
      onSubmit={(e) => void submit(e)}
      noValidate
      aria-label={t('consultations.diarienummer.edit')}
    >
      {error !== null && <ErrorAlert error={error} />}
      {saved && (
        <p role="status" className="hint">
          {t('consultations.diarienummer.saved')}
        </p>
      )}
      <TextField
        id="answer-diarienummer"
        label={t('consultations.field.diarienummer')}
        hint={t('consultations.diarienummer.hint')}
        autoComplete="off"
        {...bind(form, 'diarienummer')}
      />
      <button type="submit" disabled={form.formState.isSubmitting}>
        {t('consultations.diarienummer.edit')}
      </button>
    </form>
  );
}
