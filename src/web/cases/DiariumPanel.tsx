/**
 * Diarium: the region's official diarienummer and the case's classification in the region's
 * klassificeringsstruktur (its active entries). Navet's case number stays the internal reference.
 */
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { PatchBody } from '../../modules/cases/schemas';
import { $api } from '../client';
import { ErrorAlert } from '../components/Alerts';
import { SelectField, TextField } from '../components/Fields';
import { bind, orNull } from '../components/form-fields';
import { applyServerErrors, schemaResolver } from '../forms';
import { useI18n } from '../i18n';
import type { Say } from './CasePage';
import type { CaseDetail } from './cases';

interface Values {
  diarienummer: string;
  classificationId: string;
}

const toBody = (c: CaseDetail) => (v: Values) => ({
  version: c.version,
  diarienummer: orNull(v.diarienummer),
  classificationId: v.classificationId || null,
});

export function DiariumPanel({ c, onDone }: { c: CaseDetail; onDone: Say }) {
  const { t } = useI18n();
  const structure = $api.useQuery('get', '/case-classifications', { params: { query: { region: c.region } } });
  const form = useForm<Values>({
    resolver: schemaResolver(PatchBody, toBody(c)),
    defaultValues: { diarienummer: c.diarienummer ?? '', classificationId: c.classificationId ?? '' },
  });
  const [error, setError] = useState<unknown>(null);
  const save = $api.useMutation('patch', '/cases/{id}');
  const entries = structure.data?.items ?? [];
  // The case's own entry stays choosable when it has been made inactive since.
  const options = entries.map((e) => ({ value: e.id, label: `${e.code} ${e.title}` }));
  if (c.classificationId && !entries.some((e) => e.id === c.classificationId)) {
    options.unshift({ value: c.classificationId, label: `${c.classificationCode ?? ''} ${c.classificationTitle ?? ''}` });
  }

  const submit = form.handleSubmit(async (v) => {
    setError(null);
    try {
      await save.mutateAsync({ params: { path: { id: c.id } }, body: toBody(c)(v) });
      onDone(t('cases.diarium.saved'));
    } catch (err) {
      applyServerErrors(err, form.setError);
      setError(err);
    }
  });

  return (
    <section className="panel" aria-labelledby="diarium-heading">
      <h2 id="diarium-heading">{t('cases.diarium.heading')}</h2>
      <p>{t('cases.diarium.lead')}</p>
      <form className="form" onSubmit={(e) => void submit(e)} noValidate>
        {error !== null && <ErrorAlert error={error} />}
        <TextField
          id="diarium-number"
          label={t('cases.field.diarienummer')}
          hint={t('cases.diarium.diarienummer.hint')}
          autoComplete="off"
          {...bind(form, 'diarienummer')}
        />
        {structure.error && <ErrorAlert error={structure.error} />}
        {structure.data && options.length === 0 ? (
          <p className="hint">{t('cases.diarium.noStructure')}</p>
        ) : (
          <SelectField
            id="diarium-classification"
            label={t('cases.field.classification')}
            {...bind(form, 'classificationId')}
            options={options}
            placeholder={t('cases.diarium.chooseClassification')}
          />
        )}
        <button type="submit" disabled={form.formState.isSubmitting}>
          {t('cases.diarium.submit')}
        </button>
      </form>
    </section>
  );
}
