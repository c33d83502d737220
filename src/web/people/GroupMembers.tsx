/**
 * The members of a group on its page: role, person and period, current seats first. With
 * `permissions.edit` the "Utse" form appoints someone; the server checks the jäv declaration,
 * the number of chairs and overlapping seats, and its sentence is shown as it is.
 */
import { useState, type FormEvent } from 'react';
import { api, type Group, type Membership, type Page as ApiPage, type Person } from '../api';
import { Link } from '../app/router';
import { ErrorAlert, Loading } from '../components/Alerts';
import { SelectField, TextField } from '../components/Fields';
import { FormErrorSummary, type FormErrorItem } from '../components/FormErrors';
import { TableScroll } from '../components/TableScroll';
import { useAsync } from '../components/useAsync';
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

export function GroupMembers({ group }: { group: Group }) {
  const i18n = useI18n();
  const { t } = i18n;
  const members = useAsync(
    (signal) => api.get<ApiPage<Membership>>(`/api/v1/groups/${encodeURIComponent(group.id)}/memberships`, undefined, signal),
    [group.id],
  );
  const [message, setMessage] = useState<{ text: string; n: number } | null>(null);
  const now = today();
  const items = [...(members.data?.items ?? [])].sort(
    (a, b) =>
      Number(!!a.endDate && a.endDate < now) - Number(!!b.endDate && b.endDate < now) ||
      MEMBERSHIP_ROLES.indexOf(a.role as (typeof MEMBERSHIP_ROLES)[number]) -
        MEMBERSHIP_ROLES.indexOf(b.role as (typeof MEMBERSHIP_ROLES)[number]) ||
      a.personName.localeCompare(b.personName, 'sv'),
  );

  return (
    <section aria-labelledby="members-heading">
      <h2 id="members-heading">{t('group.members')}</h2>
      {members.error && <ErrorAlert error={members.error} />}
      {members.loading && !members.data && <Loading />}
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
                  <th scope="col">{t('members.col.period')}</th>
                </tr>
              </thead>
              <tbody>
                {items.map((m) => (
                  <tr key={m.id}>
                    <td>{roleLabel(i18n, m.role)}</td>
                    <th scope="row">
                      <Link to={personHref(m.personId)}>{m.personName}</Link>
                    </th>
                    <td>
                      {periodText(i18n, m.startDate, m.endDate)}
                      {m.endDate && m.endDate < now && <span className="badge badge-none">{t('members.ended')}</span>}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        ))}
      {group.permissions.edit && group.status === 'active' && (
        <AppointForm
          group={group}
          onAppointed={(m) => {
            members.reload();
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
};

function AppointForm({ group, onAppointed }: { group: Group; onAppointed: (m: Membership) => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const [q, setQ] = useState('');
  const [personId, setPersonId] = useState('');
  const [role, setRole] = useState('ledamot');
  const [startDate, setStartDate] = useState(today());
  const [endDate, setEndDate] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const summary = useFormSummary();
  const people = useAsync(
    (signal) => api.get<ApiPage<Person>>('/api/v1/people', { q: q.trim() || undefined, limit: 50 }, signal),
    [q],
  );
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
      const created = await api.post<Membership>(`/api/v1/groups/${encodeURIComponent(group.id)}/memberships`, {
        personId,
        role,
        startDate,
        ...(endDate ? { endDate } : {}),
      });
      setErrors({});
      summary.clear();
      setPersonId('');
      setQ('');
      onAppointed(created);
    } catch (err) {
      const apiError = asApiError(err);
      const { byField, items: fieldItems } = serverFieldErrors(apiError, 'appoint', (k) =>
        FIELD_LABEL[k] ? t(FIELD_LABEL[k]) : k,
      );
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
            people.loading
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
        <button type="submit" disabled={busy}>
          {t('members.submit')}
        </button>
      </form>
    </div>
  );
}
