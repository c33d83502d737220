/** The nomination forms of a group's mandates page: nominate a person, and the appointing body's decision. */
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { DecideBody, NominationBody } from '../../modules/mandates/schemas';
import { $api, invalidate, type ApiBody } from '../client';
import { bind, errorItems, withChecks } from '../components/form-fields';
import { applyServerErrors, schemaResolver } from '../forms';
import { SelectField, TextAreaField, TextField } from '../components/Fields';
import { FormErrorSummary } from '../components/FormErrors';
import { useI18n, type MessageKey } from '../i18n';
import { asApiError, roleLabel, serverFieldErrors, today, useFormSummary } from '../people/people';
import { NOMINATING_ORG_TYPES, orgTypeLabel, type Nomination, type Seat } from './mandates';
import { MEMBERSHIP_ROLES } from '../../shared/vocabularies';

const NOMINATE_LABELS: Record<string, MessageKey> = {
  personId: 'members.field.person',
  nominatingOrganisation: 'mandates.nominate.org',
  nominatingOrganisationType: 'mandates.nominate.orgType',
  nominatedBy: 'mandates.nominate.by',
  motivation: 'mandates.nominate.motivation',
  role: 'members.field.role',
  startDate: 'members.field.startDate',
  endDate: 'members.field.endDate',
};

type NominateBody = ApiBody<'/groups/{id}/nominations', 'post'>;

interface NominateValues {
  personId: string;
  nominatingOrganisation: string;
  nominatingOrganisationType: string;
  nominatedBy: string;
  motivation: string;
  role: string;
  startDate: string;
  endDate: string;
}

const toNominateBody = (f: NominateValues): NominateBody => ({
  personId: f.personId,
  nominatingOrganisation: f.nominatingOrganisation,
  nominatingOrganisationType: f.nominatingOrganisationType as NominateBody['nominatingOrganisationType'],
  nominatedBy: f.nominatedBy,
  ...(f.motivation.trim() ? { motivation: f.motivation } : {}),
  role: f.role as NominateBody['role'],
  startDate: f.startDate,
  ...(f.endDate ? { endDate: f.endDate } : {}),
});

export function NominateForm({ groupId, onDone }: { groupId: string; onDone: (n: Nomination) => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const label = (k: string) => (NOMINATE_LABELS[k] ? t(NOMINATE_LABELS[k]) : k);
  const [q, setQ] = useState('');
  const form = useForm<NominateValues>({
    resolver: withChecks(schemaResolver(NominationBody, toNominateBody), (v) => ({
      personId: !v.personId && t('members.error.personMissing'),
      startDate: !v.startDate && t('members.error.startMissing'),
    })),
    defaultValues: {
      personId: '',
      nominatingOrganisation: '',
      nominatingOrganisationType: 'region',
      nominatedBy: '',
      motivation: '',
      role: 'ledamot',
      startDate: today(),
      endDate: '',
    },
  });
  const nominate = $api.useMutation('post', '/groups/{id}/nominations', { onSuccess: () => invalidate('/nominations') });
  const summary = useFormSummary();
  const people = $api.useQuery('get', '/people', { params: { query: { q: q.trim() || undefined, limit: 50 } } });

  const submit = form.handleSubmit(
    async (v) => {
      try {
        const created = await nominate.mutateAsync({ params: { path: { id: groupId } }, body: toNominateBody(v) });
        summary.clear();
        form.reset({ ...v, personId: '', motivation: '' });
        setQ('');
        onDone(created);
      } catch (err) {
        const apiError = asApiError(err);
        applyServerErrors(apiError, form.setError);
        summary.show(apiError, serverFieldErrors(apiError, 'nominate', label).items);
      }
    },
    (errors) => summary.showText(t('form.fixErrors'), errorItems(errors, 'nominate', label)),
  );

  return (
    <div className="panel">
      <h3 id="nominate-heading">{t('mandates.nominate.heading')}</h3>
      <p>{t('mandates.nominate.help')}</p>
      <form className="form" aria-labelledby="nominate-heading" onSubmit={(e) => void submit(e)} noValidate>
        {summary.summary && <FormErrorSummary {...summary.summary} />}
        <TextField id="nominate-q" label={t('members.field.search')} type="search" value={q} onChange={setQ} autoComplete="off" />
        <SelectField id="nominate-personId" label={t('members.field.person')} {...bind(form, 'personId')}>
          <option value="">{t('members.choosePerson')}</option>
          {(people.data?.items ?? []).map((p) => (
            <option key={p.id} value={p.id}>
              {p.profession ? `${p.name}, ${p.profession}` : p.name}
            </option>
          ))}
        </SelectField>
        <TextField
          id="nominate-nominatingOrganisation"
          label={t('mandates.nominate.org')}
          hint={t('mandates.nominate.orgHint')}
          {...bind(form, 'nominatingOrganisation')}
        />
        <SelectField
          id="nominate-nominatingOrganisationType"
          label={t('mandates.nominate.orgType')}
          {...bind(form, 'nominatingOrganisationType')}
        >
          {NOMINATING_ORG_TYPES.map((o) => (
            <option key={o} value={o}>
              {orgTypeLabel(i18n, o)}
            </option>
          ))}
        </SelectField>
        <TextField
          id="nominate-nominatedBy"
          label={t('mandates.nominate.by')}
          hint={t('mandates.nominate.byHint')}
          {...bind(form, 'nominatedBy')}
        />
        <TextAreaField id="nominate-motivation" label={t('mandates.nominate.motivation')} {...bind(form, 'motivation')} />
        <SelectField id="nominate-role" label={t('members.field.role')} {...bind(form, 'role')}>
          {MEMBERSHIP_ROLES.map((r) => (
            <option key={r} value={r}>
              {roleLabel(i18n, r)}
            </option>
          ))}
        </SelectField>
        <TextField id="nominate-startDate" label={t('members.field.startDate')} type="date" {...bind(form, 'startDate')} />
        <TextField
          id="nominate-endDate"
          label={t('members.field.endDate')}
          hint={t('mandates.nominate.endHint')}
          type="date"
          {...bind(form, 'endDate')}
        />
        <button type="submit" disabled={form.formState.isSubmitting}>
          {t('mandates.nominate.submit')}
        </button>
      </form>
    </div>
  );
}

const DECIDE_LABELS: Record<string, MessageKey> = {
  decisionDate: 'mandates.decide.date',
  reference: 'mandates.decide.reference',
  reason: 'mandates.decide.reason',
  overrideReason: 'mandates.override.label',
  personId: 'members.field.person',
};

interface DecideValues {
  id: string;
  decision: string;
  decisionDate: string;
  reference: string;
  reason: string;
  overrideReason: string;
}

type DecideBodyType = ApiBody<'/nominations/{id}/decision', 'post'>;

const toDecideBody = (v: DecideValues, version: number | undefined): DecideBodyType => ({
  decision: v.decision as DecideBodyType['decision'],
  decisionDate: v.decisionDate,
  reference: v.reference,
  ...(v.reason.trim() ? { reason: v.reason } : {}),
  ...(v.overrideReason.trim() ? { overrideReason: v.overrideReason } : {}),
  ...(version ? { version } : {}),
});

/** The appointing body's decision on an open nomination, checked by the route's DecideBody. */
export function DecideForm({ open, onDone }: { open: Nomination[]; onDone: (n: Nomination) => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const label = (k: string) => (DECIDE_LABELS[k] ? t(DECIDE_LABELS[k]) : k);
  const [showOverride, setShowOverride] = useState(false);
  const versionOf = (id: string) => open.find((x) => x.id === id)?.version;
  const form = useForm<DecideValues>({
    resolver: (values, context, options) =>
      schemaResolver(DecideBody, (v: DecideValues) => toDecideBody(v, versionOf(v.id)), i18n.lang)(values, context, options),
    defaultValues: {
      id: open[0]?.id ?? '',
      decision: 'approved',
      decisionDate: today(),
      reference: '',
      reason: '',
      overrideReason: '',
    },
  });
  const decide = $api.useMutation('post', '/nominations/{id}/decision', { onSuccess: () => invalidate('/nominations') });
  const summary = useFormSummary();

  const submit = form.handleSubmit(
    async (v) => {
      const chosen = open.find((x) => x.id === v.id) ?? open[0];
      if (!chosen) return;
      try {
        const done = await decide.mutateAsync({
          params: { path: { id: chosen.id } },
          body: toDecideBody(v, chosen.version),
        });
        summary.clear();
        form.reset({ ...v, id: open.find((x) => x.id !== chosen.id)?.id ?? '', reference: '', reason: '', overrideReason: '' });
        setShowOverride(false);
        onDone(done);
      } catch (err) {
        const apiError = asApiError(err);
        const { byField, items } = serverFieldErrors(apiError, 'decide', label);
        if ('overrideReason' in byField) setShowOverride(true);
        applyServerErrors(apiError, form.setError);
        summary.show(
          apiError,
          items.filter((x) => x.fieldId !== 'decide-represents' && x.fieldId !== 'decide-role'),
        );
      }
    },
    (errors) => summary.showText(t('form.fixErrors'), errorItems(errors, 'decide', label)),
  );

  return (
    <div className="panel">
      <h3 id="decide-heading">{t('mandates.decide.heading')}</h3>
      <p>{t('mandates.decide.help')}</p>
      <form className="form" aria-labelledby="decide-heading" onSubmit={(e) => void submit(e)} noValidate>
        {summary.summary && <FormErrorSummary {...summary.summary} />}
        <SelectField id="decide-nomination" label={t('mandates.decide.nomination')} {...bind(form, 'id')}>
          {open.map((x) => (
            <option key={x.id} value={x.id}>
              {`${x.personName} – ${roleLabel(i18n, x.role).toLowerCase()} (${x.nominatingOrganisation})`}
            </option>
          ))}
        </SelectField>
        <SelectField id="decide-decision" label={t('mandates.decide.decision')} {...bind(form, 'decision')}>
          <option value="approved">{t('mandates.decide.approve')}</option>
          <option value="refused">{t('mandates.decide.refuse')}</option>
        </SelectField>
        <TextField id="decide-decisionDate" label={t('mandates.decide.date')} type="date" {...bind(form, 'decisionDate')} />
        <TextField
          id="decide-reference"
          label={t('mandates.decide.reference')}
          hint={t('mandates.decide.referenceHint')}
          {...bind(form, 'reference')}
        />
        <TextAreaField
          id="decide-reason"
          label={t('mandates.decide.reason')}
          hint={t('mandates.decide.reasonHint')}
          {...bind(form, 'reason')}
        />
        {showOverride && (
          <TextAreaField
            id="decide-overrideReason"
            label={t('mandates.override.label')}
            hint={t('mandates.override.hint')}
            {...bind(form, 'overrideReason')}
          />
        )}
        <button type="submit" disabled={form.formState.isSubmitting}>
          {t('mandates.decide.submit')}
        </button>
      </form>
    </div>
  );
}

export type { Seat };
