/**
 * The two writes on a group's members: "Utse" appoints someone (the server checks the jäv
 * declaration, chairs, overlapping seats, composition and rotation, and its sentence is shown
 * as it is; a broken composition or rotation rule asks for a reason to appoint anyway), and
 * "Avsluta i förtid" ends a seat with a reason.
 */
import { useState } from 'react';
import { useForm, type FieldErrors } from 'react-hook-form';
import { EndMembershipBody, MembershipBody } from '../../modules/people/schemas';
import type { Group, Membership } from '../api';
import { $api, type ApiBody } from '../client';
import { ErrorAlert } from '../components/Alerts';
import { SelectField, TextAreaField, TextField } from '../components/Fields';
import { FormErrorSummary } from '../components/FormErrors';
import { bind, errorItems, withChecks } from '../components/form-fields';
import { applyServerErrors, schemaResolver } from '../forms';
import { useI18n, type MessageKey } from '../i18n';
import type { Seat } from '../mandates/mandates';
import { useGeo } from '../organisation/groups';
import { CareSectorField, type CareSector } from './CareSector';
import { asApiError, MEMBERSHIP_ROLES, periodText, roleLabel, today, useFormSummary } from './people';

const FIELD_LABEL: Record<string, MessageKey> = {
  personId: 'members.field.person',
  role: 'members.field.role',
  startDate: 'members.field.startDate',
  endDate: 'members.field.endDate',
  represents: 'people.members.col.represents',
  careSector: 'people.members.careSector',
  overrideReason: 'people.members.overrideLabel',
};

type AppointValues = Record<
  'personId' | 'role' | 'startDate' | 'endDate' | 'represents' | 'careSector' | 'overrideReason',
  string
>;
type AppointBody = ApiBody<'/groups/{id}/memberships', 'post'>;

/** The body: optional parts left out when empty; the care sector only for a chair. */
function appointBody(v: AppointValues): AppointBody {
  return {
    personId: v.personId,
    role: v.role as AppointBody['role'],
    startDate: v.startDate,
    ...(v.endDate ? { endDate: v.endDate } : {}),
    ...(v.represents ? { represents: v.represents } : {}),
    ...(v.careSector && v.role === 'ordforande' ? { careSector: v.careSector as CareSector } : {}),
    ...(v.overrideReason.trim() ? { overrideReason: v.overrideReason } : {}),
  };
}

/** A form's outcome in its error summary: a refusal's sentence, or "fix these" with the fields. */
function useOutcome<V extends Record<string, unknown>>(prefix: string, label: (k: string) => string) {
  const { t } = useI18n();
  const summary = useFormSummary();
  return {
    summary,
    invalid: (errors: FieldErrors<V>) => summary.showText(t('form.fixErrors'), errorItems(errors, prefix, label)),
    /** The server's own sentence first (it says why), the fields it names below. */
    refused: (err: unknown, errors: FieldErrors<V>) => summary.show(asApiError(err), errorItems(errors, prefix, label)),
  };
}

export function AppointForm({ group, onAppointed }: { group: Group; onAppointed: (m: Membership) => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const [q, setQ] = useState('');
  const [showOverride, setShowOverride] = useState(false);
  const geo = useGeo(t);
  const label = (k: string) => (FIELD_LABEL[k] ? t(FIELD_LABEL[k]) : k);
  const outcome = useOutcome<AppointValues>('appoint', label);
  const empty: AppointValues = {
    personId: '',
    role: 'ledamot',
    startDate: today(),
    endDate: '',
    represents: '',
    careSector: '',
    overrideReason: '',
  };
  const form = useForm<AppointValues>({
    resolver: withChecks(schemaResolver(MembershipBody, appointBody, i18n.lang), (v) => ({
      personId: !v.personId && t('members.error.personMissing'),
      startDate: !v.startDate && t('members.error.startMissing'),
    })),
    defaultValues: empty,
  });
  const appoint = $api.useMutation('post', '/groups/{id}/memberships');
  const people = $api.useQuery('get', '/people', { params: { query: { q: q.trim() || undefined, limit: 50 } } });
  // Bodies other than regions a seat can be held for (SKS: the directors' networks, SKR).
  const bodies = $api.useQuery('get', '/represented-bodies');
  const candidates = people.data?.items ?? [];
  const role = form.watch('role');

  const submit = form.handleSubmit(async (v) => {
    try {
      const created = await appoint.mutateAsync({ params: { path: { id: group.id } }, body: appointBody(v) });
      outcome.summary.clear();
      form.reset({ ...v, personId: '', overrideReason: '' });
      setQ('');
      setShowOverride(false);
      onAppointed(created);
    } catch (err) {
      applyServerErrors(err, form.setError);
      if (asApiError(err).errors.some((e) => e.path.replace(/^\//, '') === 'overrideReason')) setShowOverride(true);
      outcome.refused(err, form.formState.errors);
    }
  }, outcome.invalid);

  return (
    <div className="panel">
      <h3 id="appoint-heading">{t('members.appointHeading')}</h3>
      <p>{t('members.appointHelp')}</p>
      <form className="form" aria-labelledby="appoint-heading" onSubmit={(e) => void submit(e)} noValidate>
        {outcome.summary.summary && <FormErrorSummary {...outcome.summary.summary} />}
        <TextField
          id="appoint-q"
          label={t('members.field.search')}
          hint={t('members.hint.search')}
          type="search"
          value={q}
          onChange={setQ}
          autoComplete="off"
        />
        <SelectField
          id="appoint-personId"
          label={t('members.field.person')}
          {...bind(form, 'personId')}
          hint={
            people.isFetching
              ? t('common.loading')
              : t(candidates.length === 1 ? 'members.hint.matches.one' : 'members.hint.matches', { count: candidates.length })
          }
        >
          <option value="">{t('members.choosePerson')}</option>
          {candidates.map((p) => (
            <option key={p.id} value={p.id}>
              {p.profession ? `${p.name}, ${p.profession}` : p.name}
            </option>
          ))}
        </SelectField>
        {people.error && <ErrorAlert error={people.error} />}
        <SelectField id="appoint-role" label={t('members.field.role')} {...bind(form, 'role')}>
          {MEMBERSHIP_ROLES.map((r) => (
            <option key={r} value={r}>
              {roleLabel(i18n, r)}
            </option>
          ))}
        </SelectField>
        <CareSectorField role={role} {...bind(form, 'careSector')} />
        <TextField id="appoint-startDate" label={t('members.field.startDate')} type="date" {...bind(form, 'startDate')} />
        <TextField
          id="appoint-endDate"
          label={t('members.field.endDate')}
          hint={t('members.hint.endDate')}
          type="date"
          {...bind(form, 'endDate')}
        />
        <SelectField
          id="appoint-represents"
          label={t('people.members.col.represents')}
          hint={t('people.members.representsHint')}
          {...bind(form, 'represents')}
        >
          <option value="">{t('people.members.representsDefault')}</option>
          {[...(geo.data?.ownersOf('region') ?? []), ...(geo.data?.ownersOf('healthcare-region') ?? [])].map((o) => (
            <option key={o.owner} value={o.owner}>
              {o.name}
            </option>
          ))}
          {(bodies.data?.items.length ?? 0) > 0 && (
            <optgroup label={t('people.members.representsBodies')}>
              {bodies.data?.items.map((b) => (
                <option key={b.id} value={b.id}>
                  {b.name}
                </option>
              ))}
            </optgroup>
          )}
        </SelectField>
        {showOverride && (
          <TextAreaField
            id="appoint-overrideReason"
            label={t('people.members.overrideLabel')}
            hint={t('people.members.overrideHint')}
            {...bind(form, 'overrideReason')}
          />
        )}
        <button type="submit" disabled={form.formState.isSubmitting}>
          {t('members.submit')}
        </button>
      </form>
    </div>
  );
}

type EndValues = { membership: string; endDate: string; reason: string };

export function EndForm({ seats, onEnded }: { seats: Seat[]; onEnded: (m: Seat) => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const labels: Record<string, string> = {
    membership: t('people.members.seat'),
    endDate: t('members.field.endDate'),
    reason: t('people.members.endReason'),
  };
  const outcome = useOutcome<EndValues>('end', (k) => labels[k] ?? k);
  const form = useForm<EndValues>({
    resolver: withChecks(
      schemaResolver(EndMembershipBody, (v: EndValues) => ({ endDate: v.endDate, reason: v.reason }), i18n.lang),
      (v) => ({ membership: !v.membership && t('people.members.chooseSeat') }),
    ),
    defaultValues: { membership: '', endDate: today(), reason: '' },
  });
  const end = $api.useMutation('post', '/memberships/{id}/end');

  const submit = form.handleSubmit(async (v) => {
    const seat = seats.find((s) => s.id === v.membership);
    if (!seat) return form.setValue('membership', '');
    try {
      const ended = await end.mutateAsync({
        params: { path: { id: seat.id } },
        body: { endDate: v.endDate, reason: v.reason, version: seat.version },
      });
      outcome.summary.clear();
      form.reset({ ...v, membership: '', reason: '' });
      onEnded(ended);
    } catch (err) {
      applyServerErrors(err, form.setError);
      outcome.refused(err, form.formState.errors);
    }
  }, outcome.invalid);

  return (
    <details className="panel">
      <summary>{t('people.members.endHeading')}</summary>
      <form className="form" aria-label={t('people.members.endHeading')} onSubmit={(e) => void submit(e)} noValidate>
        {outcome.summary.summary && <FormErrorSummary {...outcome.summary.summary} />}
        <SelectField id="end-membership" label={t('people.members.seat')} {...bind(form, 'membership')}>
          <option value="">{t('people.members.chooseSeat')}</option>
          {seats.map((s) => (
            <option key={s.id} value={s.id}>
              {`${s.personName} – ${roleLabel(i18n, s.role).toLowerCase()} (${periodText(i18n, s.startDate, s.endDate)})`}
            </option>
          ))}
        </SelectField>
        <TextField id="end-endDate" label={t('people.members.endDate')} type="date" {...bind(form, 'endDate')} />
        <TextAreaField id="end-reason" label={t('people.members.endReason')} {...bind(form, 'reason')} />
        <button type="submit" disabled={form.formState.isSubmitting}>
          {t('people.members.endSubmit')}
        </button>
      </form>
    </details>
  );
}
