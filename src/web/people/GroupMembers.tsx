/**
 * The members of a group on its page: role, person, region and period, current seats first,
 * flagged when the holder's jäv declaration has lapsed. With `permissions.edit` the "Utse" form
 * appoints someone and "Avsluta i förtid" ends a seat; the server checks the jäv declaration,
 * chairs, overlapping seats, composition and rotation, and its sentence is shown as it is.
 */
import { useState, type FormEvent } from 'react';
import type { Group, Membership } from '../api';
import { $api, call, client, invalidate, type ApiBody } from '../client';
import { Link, useLocation } from '../app/router';
import { TextAreaField } from '../components/Fields';
import { groupMandatesHref, isSeat, type PublicSeat, type Seat } from '../mandates/mandates';
import { useGeo } from '../organisation/groups';
import { ErrorAlert, Loading } from '../components/Alerts';
import { SelectField, TextField } from '../components/Fields';
import { FormErrorSummary, type FormErrorItem } from '../components/FormErrors';
import { TableScroll } from '../components/TableScroll';
import { CareSectorField, CareSectorText, type CareSector } from './CareSector';
import { useI18n, type MessageKey } from '../i18n';
import {
  asApiError,
  MEMBERSHIP_ROLES,
  periodText,
  personHref,
  roleLabel,
  serverFieldErrors,
  today,
  useFormSummary,
} from './people';

export function GroupMembers({ group, onChange }: { group: Group; onChange?: () => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const { path } = useLocation();
  const geo = useGeo(t);
  const members = $api.useQuery('get', '/groups/{id}/memberships', { params: { path: { id: group.id } } });
  const reload = () => void invalidate('/groups/{id}/memberships');
  const onMandatesPage = path === groupMandatesHref(group.id);
  const [message, setMessage] = useState<{ text: string; n: number } | null>(null);
  const now = today();
  const items = [...((members.data?.items ?? []) as (Seat | PublicSeat)[])].sort(
    (a, b) =>
      Number(!!a.endDate && a.endDate < now) - Number(!!b.endDate && b.endDate < now) ||
      MEMBERSHIP_ROLES.indexOf(a.role as (typeof MEMBERSHIP_ROLES)[number]) -
        MEMBERSHIP_ROLES.indexOf(b.role as (typeof MEMBERSHIP_ROLES)[number]) ||
      a.personName.localeCompare(b.personName, 'sv'),
  );

  // Anonymous readers get the public register's facts only (no ids, region represented or reasons).
  const seats = items.filter(isSeat);
  const signedIn = items.length === 0 || seats.length > 0;

  return (
    <section aria-labelledby="members-heading">
      <h2 id="members-heading">{t('group.members')}</h2>
      {members.error && <ErrorAlert error={members.error} />}
      {members.isPending && <Loading />}
      {message && (
        <div key={message.n} className="alert alert-success" role="status">
          <p>{message.text}</p>
        </div>
      )}
      {members.data &&
        (items.length === 0 ? (
          <p>{t('members.none')}</p>
        ) : (
          <TableScroll labelledBy="members-caption">
            <table className="members">
              <caption id="members-caption">{t('members.caption', { count: items.length })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('members.col.role')}</th>
                  <th scope="col">{t('members.col.person')}</th>
                  {signedIn && <th scope="col">{t('people.members.col.represents')}</th>}
                  <th scope="col">{t('members.col.period')}</th>
                </tr>
              </thead>
              <tbody>
                {items.map((m) => (
                  <tr key={isSeat(m) ? m.id : `${m.role}|${m.personName}|${m.startDate}`}>
                    <td>
                      {roleLabel(i18n, m.role)}
                      {isSeat(m) && <CareSectorText sector={m.careSector} />}
                    </td>
                    <th scope="row">
                      {isSeat(m) ? <Link to={personHref(m.personId)}>{m.personName}</Link> : m.personName}
                      {isSeat(m) && m.declarationLapsed && <span className="badge badge-weak">{t('people.members.lapsed')}</span>}
                    </th>
                    {signedIn && <td>{isSeat(m) && m.represents ? (geo.data?.ownerName(m.represents) ?? m.represents) : ''}</td>}
                    <td>
                      {periodText(i18n, m.startDate, m.endDate)}
                      {m.endDate && m.endDate < now && <span className="badge badge-none">{t('members.ended')}</span>}
                      {isSeat(m) && m.endedEarlyReason && (
                        <span className="muted"> {t('people.members.endedEarly', { reason: m.endedEarlyReason })}</span>
                      )}
                      {isSeat(m) && m.overrideReason && (
                        <span className="muted"> {t('people.members.override', { reason: m.overrideReason })}</span>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        ))}
      {!onMandatesPage && (
        <p>
          <Link to={groupMandatesHref(group.id)}>{t('people.members.mandatesLink')}</Link>
        </p>
      )}
      {group.permissions.edit && seats.some((m) => !m.endDate || m.endDate >= now) && (
        <EndForm
          seats={seats.filter((m) => !m.endDate || m.endDate >= now)}
          onEnded={(m) => {
            reload();
            onChange?.();
            setMessage((prev) => ({ n: (prev?.n ?? 0) + 1, text: t('people.members.endedDone', { name: m.personName }) }));
          }}
        />
      )}
      {group.permissions.edit && (
        <AppointForm
          group={group}
          onAppointed={(m) => {
            reload();
            onChange?.();
            setMessage((prev) => ({
              n: (prev?.n ?? 0) + 1,
              text: t('members.appointed', { name: m.personName, role: roleLabel(i18n, m.role).toLowerCase() }),
            }));
          }}
        />
      )}
    </section>
  );
}

const FIELD_LABEL: Record<string, MessageKey> = {
  personId: 'members.field.person',
  role: 'members.field.role',
  startDate: 'members.field.startDate',
  endDate: 'members.field.endDate',
  represents: 'people.members.col.represents',
  overrideReason: 'people.members.overrideLabel',
};

function AppointForm({ group, onAppointed }: { group: Group; onAppointed: (m: Membership) => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const [q, setQ] = useState('');
  const [personId, setPersonId] = useState('');
  const [role, setRole] = useState('ledamot');
  const [startDate, setStartDate] = useState(today());
  const [endDate, setEndDate] = useState('');
  const [represents, setRepresents] = useState('');
  const [careSector, setCareSector] = useState('');
  const [overrideReason, setOverrideReason] = useState('');
  const [showOverride, setShowOverride] = useState(false);
  const geo = useGeo(t);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const summary = useFormSummary();
  const people = $api.useQuery('get', '/people', { params: { query: { q: q.trim() || undefined, limit: 50 } } });
  const candidates = people.data?.items ?? [];

  async function submit(e: FormEvent) {
    e.preventDefault();
    const missing: Record<string, string> = {};
    if (!personId) missing.personId = t('members.error.personMissing');
    if (!startDate) missing.startDate = t('members.error.startMissing');
    if (Object.keys(missing).length > 0) {
      setErrors(missing);
      summary.showText(t('form.fixErrors'), items(missing));
      return;
    }
    setBusy(true);
    try {
      const created = await call(
        client.POST('/groups/{id}/memberships', {
          params: { path: { id: group.id } },
          body: {
            personId,
            role: role as ApiBody<'/groups/{id}/memberships', 'post'>['role'],
            startDate,
            ...(endDate ? { endDate } : {}),
            ...(represents ? { represents } : {}),
            ...(careSector && role === 'ordforande' ? { careSector: careSector as CareSector } : {}),
            ...(showOverride && overrideReason.trim() ? { overrideReason } : {}),
          },
        }),
      );
      setErrors({});
      summary.clear();
      setPersonId('');
      setQ('');
      setOverrideReason('');
      setShowOverride(false);
      onAppointed(created);
    } catch (err) {
      const apiError = asApiError(err);
      const { byField, items: fieldItems } = serverFieldErrors(apiError, 'appoint', (k) =>
        FIELD_LABEL[k] ? t(FIELD_LABEL[k]) : k,
      );
      if ('overrideReason' in byField) setShowOverride(true);
      setErrors(byField);
      summary.show(apiError, fieldItems);
    } finally {
      setBusy(false);
    }
  }

  function items(byField: Record<string, string>): FormErrorItem[] {
    return Object.entries(byField).map(([k, message]) => ({
      fieldId: `appoint-${k}`,
      label: FIELD_LABEL[k] ? t(FIELD_LABEL[k]) : k,
      message,
    }));
  }

  return (
    <div className="panel">
      <h3 id="appoint-heading">{t('members.appointHeading')}</h3>
      <p>{t('members.appointHelp')}</p>
      <form className="form" aria-labelledby="appoint-heading" onSubmit={(e) => void submit(e)} noValidate>
        {summary.summary && <FormErrorSummary {...summary.summary} />}
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
          value={personId}
          onChange={setPersonId}
          error={errors.personId}
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
        <SelectField id="appoint-role" label={t('members.field.role')} value={role} onChange={setRole} error={errors.role}>
          {MEMBERSHIP_ROLES.map((r) => (
            <option key={r} value={r}>
              {roleLabel(i18n, r)}
            </option>
          ))}
        </SelectField>
        <CareSectorField role={role} value={careSector} onChange={setCareSector} error={errors.careSector} />
        <TextField
          id="appoint-startDate"
          label={t('members.field.startDate')}
          type="date"
          value={startDate}
          onChange={setStartDate}
          error={errors.startDate}
        />
        <TextField
          id="appoint-endDate"
          label={t('members.field.endDate')}
          hint={t('members.hint.endDate')}
          type="date"
          value={endDate}
          onChange={setEndDate}
          error={errors.endDate}
        />
        <SelectField
          id="appoint-represents"
          label={t('people.members.col.represents')}
          hint={t('people.members.representsHint')}
          value={represents}
          onChange={setRepresents}
          error={errors.represents}
        >
          <option value="">{t('people.members.representsDefault')}</option>
          {[...(geo.data?.ownersOf('region') ?? []), ...(geo.data?.ownersOf('healthcare-region') ?? [])].map((o) => (
            <option key={o.owner} value={o.owner}>
              {o.name}
            </option>
          ))}
        </SelectField>
        {showOverride && (
          <TextAreaField
            id="appoint-overrideReason"
            label={t('people.members.overrideLabel')}
            hint={t('people.members.overrideHint')}
            value={overrideReason}
            onChange={setOverrideReason}
            error={errors.overrideReason}
          />
        )}
        <button type="submit" disabled={busy}>
          {t('members.submit')}
        </button>
      </form>
    </div>
  );
}

function EndForm({ seats, onEnded }: { seats: Seat[]; onEnded: (m: Seat) => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const [id, setId] = useState('');
  const [endDate, setEndDate] = useState(today());
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const summary = useFormSummary();
  const seat = seats.find((s) => s.id === id);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!seat) {
      setErrors({ membership: t('people.members.chooseSeat') });
      summary.showText(t('form.fixErrors'), [
        { fieldId: 'end-membership', label: t('people.members.seat'), message: t('people.members.chooseSeat') },
      ]);
      return;
    }
    setBusy(true);
    try {
      const ended = await call(
        client.POST('/memberships/{id}/end', {
          params: { path: { id: seat.id } },
          body: { endDate, reason, version: seat.version },
        }),
      );
      setErrors({});
      summary.clear();
      setId('');
      setReason('');
      onEnded(ended);
    } catch (err) {
      const apiError = asApiError(err);
      const labels: Record<string, string> = { endDate: t('members.field.endDate'), reason: t('people.members.endReason') };
      const { byField, items } = serverFieldErrors(apiError, 'end', (k) => labels[k] ?? k);
      setErrors(byField);
      summary.show(apiError, items);
    } finally {
      setBusy(false);
    }
  }

  return (
    <details className="panel">
      <summary>{t('people.members.endHeading')}</summary>
      <form className="form" aria-label={t('people.members.endHeading')} onSubmit={(e) => void submit(e)} noValidate>
        {summary.summary && <FormErrorSummary {...summary.summary} />}
        <SelectField id="end-membership" label={t('people.members.seat')} value={id} onChange={setId} error={errors.membership}>
          <option value="">{t('people.members.chooseSeat')}</option>
          {seats.map((s) => (
            <option key={s.id} value={s.id}>
              {`${s.personName} – ${roleLabel(i18n, s.role).toLowerCase()} (${periodText(i18n, s.startDate, s.endDate)})`}
            </option>
          ))}
        </SelectField>
        <TextField
          id="end-endDate"
          label={t('people.members.endDate')}
          type="date"
          value={endDate}
          onChange={setEndDate}
          error={errors.endDate}
        />
        <TextAreaField
          id="end-reason"
          label={t('people.members.endReason')}
          value={reason}
          onChange={setReason}
          error={errors.reason}
        />
        <button type="submit" disabled={busy}>
          {t('people.members.endSubmit')}
        </button>
      </form>
    </details>
  );
}
