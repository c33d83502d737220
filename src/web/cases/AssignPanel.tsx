/**
 * Handläggning: the group and person who handle the case, its due date, and (for those the
 * server lets change it, `canChangeSecrecy`) the secrecy marking with its legal ground.
 */
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { PatchBody } from '../../modules/cases/schemas';
import { $api } from '../client';
import { ErrorAlert } from '../components/Alerts';
import { Checkbox, SelectField, TextField } from '../components/Fields';
import { applyServerErrors, schemaResolver } from '../forms';
import { useI18n } from '../i18n';
import type { Say } from './CasePage';
import type { CaseDetail, CaseOptions } from './cases';
import { bind, orNull } from '../components/form-fields';

interface Values {
  assignedGroupId: string;
  handlerPersonId: string;
  dueDate: string;
  secret: boolean;
  secrecyGround: string;
}

const toBody = (c: CaseDetail) => (v: Values) => ({
  version: c.version,
  assignedGroupId: v.assignedGroupId || null,
  handlerPersonId: v.handlerPersonId || null,
  dueDate: v.dueDate || null,
  // The marking is sent only by those the server lets change it; others leave it as it is.
  ...(c.canChangeSecrecy ? { secret: v.secret, secrecyGround: v.secret ? orNull(v.secrecyGround) : null } : {}),
});

export function AssignPanel({ c, options, onDone }: { c: CaseDetail; options: CaseOptions; onDone: Say }) {
  const { t } = useI18n();
  const form = useForm<Values>({
    resolver: schemaResolver(PatchBody, toBody(c)),
    defaultValues: {
      assignedGroupId: c.assignedGroupId ?? '',
      handlerPersonId: c.handlerPersonId ?? '',
      dueDate: c.dueDate ?? '',
      secret: c.secret,
      secrecyGround: c.secrecyGround ?? '',
    },
  });
  const [error, setError] = useState<unknown>(null);
  const save = $api.useMutation('patch', '/cases/{id}');
  const secret = form.watch('secret');

  const submit = form.handleSubmit(async (v) => {
    setError(null);
    try {
      await save.mutateAsync({ params: { path: { id: c.id } }, body: toBody(c)(v) });
      onDone(t('cases.assign.saved'));
    } catch (err) {
      applyServerErrors(err, form.setError);
      setError(err);
    }
  });

  return (
    <section className="panel" aria-labelledby="assign-heading">
      <h2 id="assign-heading">{t('cases.assign.heading')}</h2>
      <form className="form" onSubmit={(e) => void submit(e)} noValidate>
        {error !== null && <ErrorAlert error={error} />}
        <SelectField
          id="assign-group"
          label={t('cases.field.assignedGroup')}
          {...bind(form, 'assignedGroupId')}
          options={options.groups.map((g) => ({ value: g.id, label: g.name }))}
          placeholder={t('cases.chooseGroup')}
        />
        <SelectField
          id="assign-handler"
          label={t('cases.field.handler')}
          {...bind(form, 'handlerPersonId')}
          options={options.persons.map((p) => ({ value: p.id, label: p.name }))}
          placeholder={t('cases.choosePerson')}
        />
        <TextField id="assign-due" type="date" label={t('cases.field.dueDate')} {...bind(form, 'dueDate')} />
        {c.canChangeSecrecy ? (
          <Checkbox
            id="assign-secret"
            label={t('cases.secretCheckbox')}
            checked={secret}
            onChange={(v) => form.setValue('secret', v, { shouldDirty: true })}
          />
        ) : (
          <p className="hint" id="assign-secret-note">
            {t('cases.secrecy.notYours')}
          </p>
        )}
        {c.canChangeSecrecy && secret && (
          <TextField
            id="assign-ground"
            label={t('cases.secretGround')}
            hint={t('cases.secretGround.hint')}
            {...bind(form, 'secrecyGround')}
            autoComplete="off"
          />
        )}
        <button type="submit" disabled={form.formState.isSubmitting}>
          {t('cases.assign.submit')}
        </button>
      </form>
    </section>
  );
}
