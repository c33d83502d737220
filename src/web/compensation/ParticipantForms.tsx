/**
 * The process support's forms on Deltagare och uppdrag: recruiting a person with patient
 * experience, recording an assignment and noting the introduction. Each is validated by the
 * route's own body schema (src/modules/compensation/schemas.ts) and refetches the area after it.
 */
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { AssignmentBody, ParticipantBody, ParticipantPatch } from '../../modules/compensation/schemas';
import { $api, type Schema } from '../client';
import { useSession } from '../auth/session';
import { ErrorAlert } from '../components/Alerts';
import { SelectField } from '../components/Fields';
import { FormErrorSummary } from '../components/FormErrors';
import { FormTextAreaField, FormTextField } from '../components/FormFields';
import { bind, errorItems } from '../components/form-fields';
import { applyServerErrors, schemaResolver } from '../forms';
import { useI18n } from '../i18n';
import { asApiError, serverFieldErrors, today, useFormSummary } from '../people/people';
import { refetchArea, type Participant, type TimeUnit } from './compensation';

/** The summary's links for the fields the schema refused, before anything was sent. */
function invalidSummary(
  summary: ReturnType<typeof useFormSummary>,
  text: string,
  prefix: string,
  labels: Record<string, string>,
) {
  return (errors: Record<string, { message?: string | undefined } | undefined>) =>
    summary.showText(
      text,
      errorItems(errors, prefix, (k) => labels[k] ?? k),
    );
}

interface RecruitValues {
  personId: string;
  groupId: string;
  recruitedOn: string;
  recruitedBy: string;
  introducedOn: string;
  notes: string;
}

const toRecruitBody = (v: RecruitValues) => ({
  personId: v.personId,
  groupId: v.groupId,
  recruitedOn: v.recruitedOn,
  recruitedBy: v.recruitedBy,
  ...(v.introducedOn ? { introducedOn: v.introducedOn, introducedBy: v.recruitedBy } : {}),
  ...(v.notes.trim() ? { notes: v.notes.trim() } : {}),
});

export function RecruitForm({
  groups,
  people,
  onDone,
}: {
  groups: Schema<'Group'>[];
  people: Schema<'Person'>[];
  onDone: (text: string) => void;
}) {
  const { t } = useI18n();
  const { user } = useSession();
  const summary = useFormSummary();
  const form = useForm<RecruitValues>({
    resolver: schemaResolver(ParticipantBody, toRecruitBody),
    defaultValues: {
      personId: '',
      groupId: '',
      recruitedOn: today(),
      recruitedBy: user?.name ?? '',
      introducedOn: '',
      notes: '',
    },
  });
  const recruit = $api.useMutation('post', '/compensation/participants', refetchArea);
  const labels: Record<string, string> = {
    personId: t('compensation.col.person'),
    groupId: t('compensation.col.group'),
    recruitedOn: t('compensation.participants.recruitedOn'),
    recruitedBy: t('compensation.participants.recruitedBy'),
    introducedOn: t('compensation.participants.introducedOn'),
    introducedBy: t('compensation.participants.recruitedBy'),
    notes: t('compensation.participants.notes'),
  };
  const submit = form.handleSubmit(
    async (v) => {
      try {
        await recruit.mutateAsync({ body: toRecruitBody(v) });
        summary.clear();
        onDone(t('compensation.participants.saved'));
      } catch (err) {
        const apiError = asApiError(err);
        applyServerErrors(apiError, form.setError);
        summary.show(apiError, serverFieldErrors(apiError, 'recruit', (k) => labels[k] ?? k).items);
      }
    },
    invalidSummary(summary, t('form.fixErrors'), 'recruit', labels),
  );
  return (
    <form className="form" onSubmit={(e) => void submit(e)} noValidate aria-labelledby="recruit-heading">
      <h2 id="recruit-heading">{t('compensation.participants.recruit')}</h2>
      {summary.summary && <FormErrorSummary {...summary.summary} />}
      <SelectField id="recruit-personId" label={labels.personId!} {...bind(form, 'personId')}>
        <option value="">{t('compensation.choose')}</option>
        {people.map((p) => (
          <option key={p.id} value={p.id}>
            {p.name}
          </option>
        ))}
      </SelectField>
      <SelectField id="recruit-groupId" label={labels.groupId!} {...bind(form, 'groupId')}>
        <option value="">{t('compensation.choose')}</option>
        {groups.map((g) => (
          <option key={g.id} value={g.id}>
            {g.name}
          </option>
        ))}
      </SelectField>
      <FormTextField control={form.control} name="recruitedOn" id="recruit-recruitedOn" type="date" label={labels.recruitedOn!} />
      <FormTextField control={form.control} name="recruitedBy" id="recruit-recruitedBy" label={labels.recruitedBy!} />
      <FormTextField
        control={form.control}
        name="introducedOn"
        id="recruit-introducedOn"
        type="date"
        label={labels.introducedOn!}
      />
      <FormTextAreaField
        control={form.control}
        name="notes"
        id="recruit-notes"
        label={labels.notes!}
        hint={t('compensation.participants.notesHint')}
        rows={2}
      />
      <button type="submit" disabled={form.formState.isSubmitting}>
        {t('compensation.participants.recruitSubmit')}
      </button>
    </form>
  );
}

const UNITS: TimeUnit[] = ['meeting', 'half-day', 'full-day', 'hours'];

interface AssignmentValues {
  participantId: string;
  kind: 'meeting' | 'work';
  date: string;
  timeUnit: TimeUnit;
  /** Hours as typed ("1,5"); the body sends minutes. */
  minutes: string;
  description: string;
}

function toAssignmentBody(v: AssignmentValues) {
  const h = Number(v.minutes.replace(',', '.'));
  const minutes = v.timeUnit === 'hours' && Number.isFinite(h) && h > 0 ? Math.round(h * 60) : undefined;
  return {
    kind: v.kind,
    date: v.date,
    timeUnit: v.timeUnit,
    ...(minutes !== undefined ? { minutes } : {}),
    description: v.description.trim(),
  };
}

export function AssignmentForm({ participants, onDone }: { participants: Participant[]; onDone: (text: string) => void }) {
  const { t } = useI18n();
  const summary = useFormSummary();
  const form = useForm<AssignmentValues>({
    resolver: schemaResolver(AssignmentBody, toAssignmentBody),
    defaultValues: {
      participantId: participants[0]?.id ?? '',
      kind: 'meeting',
      date: today(),
      timeUnit: 'half-day',
      minutes: '',
      description: '',
    },
  });
  const add = $api.useMutation('post', '/compensation/participants/{id}/assignments', refetchArea);
  const labels: Record<string, string> = {
    participantId: t('compensation.col.person'),
    kind: t('compensation.assignment.kind'),
    date: t('compensation.col.date'),
    timeUnit: t('compensation.assignment.time'),
    minutes: t('compensation.assignment.hours'),
    description: t('compensation.col.assignment'),
  };
  const submit = form.handleSubmit(
    async (v) => {
      try {
        await add.mutateAsync({ params: { path: { id: v.participantId } }, body: toAssignmentBody(v) });
        summary.clear();
        form.setValue('description', '');
        onDone(t('compensation.assignment.saved'));
      } catch (err) {
        const apiError = asApiError(err);
        applyServerErrors(apiError, form.setError);
        summary.show(apiError, serverFieldErrors(apiError, 'assignment', (k) => labels[k] ?? k).items);
      }
    },
    invalidSummary(summary, t('form.fixErrors'), 'assignment', labels),
  );
  return (
    <form className="form" onSubmit={(e) => void submit(e)} noValidate aria-labelledby="assignment-heading">
      <h2 id="assignment-heading">{t('compensation.assignment.title')}</h2>
      {summary.summary && <FormErrorSummary {...summary.summary} />}
      <SelectField id="assignment-participantId" label={labels.participantId!} {...bind(form, 'participantId')} error={undefined}>
        {participants.map((p) => (
          <option key={p.id} value={p.id}>
            {`${p.personName} – ${p.groupName}`}
          </option>
        ))}
      </SelectField>
      <SelectField id="assignment-kind" label={labels.kind!} {...bind(form, 'kind')} error={undefined}>
        <option value="meeting">{t('compensation.kind.meeting')}</option>
        <option value="work">{t('compensation.kind.work')}</option>
      </SelectField>
      <FormTextField control={form.control} name="date" id="assignment-date" type="date" label={labels.date!} />
      <SelectField id="assignment-timeUnit" label={labels.timeUnit!} {...bind(form, 'timeUnit')} error={undefined}>
        {UNITS.map((u) => (
          <option key={u} value={u}>
            {t(`compensation.unit.${u}`)}
          </option>
        ))}
      </SelectField>
      {form.watch('timeUnit') === 'hours' && (
        <FormTextField
          control={form.control}
          name="minutes"
          id="assignment-minutes"
          label={labels.minutes!}
          inputMode="decimal"
        />
      )}
      <FormTextField control={form.control} name="description" id="assignment-description" label={labels.description!} />
      <button type="submit" disabled={form.formState.isSubmitting}>
        {t('compensation.assignment.submit')}
      </button>
    </form>
  );
}

interface IntroduceValues {
  introducedOn: string;
  introducedBy: string;
}

export function IntroduceForm({ participant: p, onDone }: { participant: Participant; onDone: () => void }) {
  const { t } = useI18n();
  const { user } = useSession();
  const [open, setOpen] = useState(false);
  const toBody = (v: IntroduceValues) => ({
    recruitedOn: p.recruitedOn,
    recruitedBy: p.recruitedBy,
    introducedOn: v.introducedOn,
    introducedBy: v.introducedBy,
    notes: p.notes,
    version: p.version,
  });
  const form = useForm<IntroduceValues>({
    resolver: schemaResolver(ParticipantPatch, toBody),
    defaultValues: { introducedOn: today(), introducedBy: user?.name ?? '' },
  });
  const introduce = $api.useMutation('patch', '/compensation/participants/{id}', refetchArea);
  const submit = form.handleSubmit(async (v) => {
    try {
      await introduce.mutateAsync({ params: { path: { id: p.id } }, body: toBody(v) });
      onDone();
    } catch (err) {
      applyServerErrors(err, form.setError);
    }
  });
  if (!open)
    return (
      <button type="button" className="button-secondary button-small" onClick={() => setOpen(true)}>
        {t('compensation.participants.introduce', { name: p.personName })}
      </button>
    );
  return (
    <form
      className="form"
      onSubmit={(e) => void submit(e)}
      aria-label={t('compensation.participants.introduce', { name: p.personName })}
    >
      {introduce.error && <ErrorAlert error={introduce.error} />}
      <FormTextField
        control={form.control}
        name="introducedOn"
        id={`intro-date-${p.id}`}
        type="date"
        label={t('compensation.participants.introducedOnShort')}
      />
      <FormTextField
        control={form.control}
        name="introducedBy"
        id={`intro-by-${p.id}`}
        label={t('compensation.participants.recruitedBy')}
      />
      <button type="submit" disabled={form.formState.isSubmitting}>
        {t('compensation.participants.introduceSubmit')}
      </button>
    </form>
  );
}
