/**
 * Mandat för en grupp: the members with role, region and period (flagged when a declaration
 * has lapsed), ending a seat early, the composition check with its gaps, the rotation schedule,
 * and the nominations with the decision form.
 */
import { useState, type FormEvent } from 'react';
import { api, type GroupDetail, type Page as ApiPage } from '../api';
import { Link } from '../app/router';
import { ErrorAlert, Loading, Notice } from '../components/Alerts';
import { SelectField, TextAreaField, TextField } from '../components/Fields';
import { FormErrorSummary } from '../components/FormErrors';
import { Page } from '../components/Page';
import { TableScroll } from '../components/TableScroll';
import { useAsync } from '../components/useAsync';
import { useI18n, type MessageKey } from '../i18n';
import { groupHref } from '../organisation/groups';
import { GroupMembers } from '../people/GroupMembers';
import { asApiError, periodText, personHref, roleLabel, serverFieldErrors, today, useFormSummary } from '../people/people';
import {
  GAPS_PATH,
  MANDATES_PATH,
  NOMINATION_BADGE,
  NOMINATING_ORG_TYPES,
  nominationStatusLabel,
  orgTypeLabel,
  type Composition,
  type Nomination,
  type RotationResponse,
  type Seat,
} from './mandates';
import { MEMBERSHIP_ROLES } from '../../shared/vocabularies';
import type { Person } from '../api';

export function GroupMandatesPage({ id }: { id: string }) {
  const i18n = useI18n();
  const { t } = i18n;
  const detail = useAsync((signal) => api.get<GroupDetail>(`/api/v1/groups/${encodeURIComponent(id)}`, undefined, signal), [id]);
  const [n, setN] = useState(0);
  const refresh = () => setN((x) => x + 1);
  const g = detail.data?.group;
  const title = g ? t('mandates.group.title', { name: g.name }) : t('mandates.group.titleLoading');
  const crumbs = [
    { to: '/', label: t('nav.start') },
    { to: MANDATES_PATH, label: t('area.people') },
    ...(g ? [{ to: groupHref(g.id), label: g.name }] : []),
  ];
  return (
    <Page title={title} crumbs={crumbs} lead={<p>{t('mandates.group.lead')}</p>}>
      {detail.error && <ErrorAlert error={detail.error} />}
      {detail.loading && !detail.data && <Loading />}
      {g && (
        <>
          <GroupMembers key={`m${n}`} group={g} onChange={refresh} />
          <CompositionSection key={`c${n}`} groupId={g.id} />
          <RotationSection key={`r${n}`} groupId={g.id} />
          <NominationsSection groupId={g.id} groupName={g.name} onDecided={refresh} />
        </>
      )}
    </Page>
  );
}

function CompositionSection({ groupId }: { groupId: string }) {
  const { t } = useI18n();
  const check = useAsync(
    (signal) => api.get<Composition>(`/api/v1/groups/${encodeURIComponent(groupId)}/composition`, undefined, signal),
    [groupId],
  );
  const c = check.data;
  return (
    <section aria-labelledby="composition-heading">
      <h2 id="composition-heading">{t('mandates.composition.heading')}</h2>
      {check.error && <ErrorAlert error={check.error} />}
      {c && c.rules.length === 0 && <p>{t('mandates.composition.noRules')}</p>}
      {c && c.rules.length > 0 && (
        <>
          {c.ok ? (
            <Notice kind="success">
              <p>{t('mandates.composition.ok')}</p>
            </Notice>
          ) : (
            <div className="alert alert-warning">
              <p>
                {t(c.gaps.length === 1 ? 'mandates.composition.gaps.one' : 'mandates.composition.gaps', { count: c.gaps.length })}
              </p>
              <ul>
                {c.gaps.map((gap) => (
                  <li key={`${gap.ruleId}-${gap.kind}-${gap.region ?? ''}`}>{gap.message}</li>
                ))}
              </ul>
            </div>
          )}
          <details>
            <summary>{t('mandates.composition.rules', { count: c.rules.length })}</summary>
            <ul>
              {c.rules.map((r) => (
                <li key={r.id}>
                  {r.description}
                  {r.sourceId && <span className="muted"> ({r.sourceId})</span>}
                </li>
              ))}
            </ul>
          </details>
          <p>
            <Link to={GAPS_PATH}>{t('mandates.gaps.link')}</Link>
          </p>
        </>
      )}
    </section>
  );
}

function RotationSection({ groupId }: { groupId: string }) {
  const i18n = useI18n();
  const { t } = i18n;
  const rot = useAsync(
    (signal) => api.get<RotationResponse>(`/api/v1/groups/${encodeURIComponent(groupId)}/rotation`, undefined, signal),
    [groupId],
  );
  if (!rot.data || rot.data.schedules.length === 0) return rot.error ? <ErrorAlert error={rot.error} /> : null;
  return (
    <section aria-labelledby="rotation-heading">
      <h2 id="rotation-heading">{t('mandates.rotation.heading')}</h2>
      {rot.data.schedules.map((s, i) => (
        <div key={s.ruleId}>
          <p>{s.description}</p>
          <TableScroll labelledBy={`rotation-caption-${i}`}>
            <table>
              <caption id={`rotation-caption-${i}`}>
                {t('mandates.rotation.caption', { roles: s.roles.map((r) => roleLabel(i18n, r).toLowerCase()).join(' och ') })}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t('mandates.rotation.period')}</th>
                  <th scope="col">{t('mandates.rotation.region')}</th>
                  <th scope="col">{t('mandates.rotation.holders')}</th>
                </tr>
              </thead>
              <tbody>
                {s.periods.map((p) => (
                  <tr key={p.startDate} className={p.current ? 'current' : undefined}>
                    <th scope="row">
                      {periodText(i18n, p.startDate, p.endDate)}
                      {p.current && <span className="badge badge-ok">{t('mandates.rotation.current')}</span>}
                    </th>
                    <td>{p.regionName}</td>
                    <td>
                      {p.holders.length === 0
                        ? '–'
                        : p.holders.map((h) => `${roleLabel(i18n, h.role)}: ${h.personName}`).join(', ')}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        </div>
      ))}
    </section>
  );
}

/** The appointing body's decision is offered where the server says the caller may take it. */
const mayDecide = (n: Nomination) => n.allowedActions.includes('approve') || n.allowedActions.includes('refuse');

function NominationsSection({ groupId, groupName, onDecided }: { groupId: string; groupName: string; onDecided: () => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const list = useAsync(
    (signal) => api.get<ApiPage<Nomination>>('/api/v1/nominations', { groupId, limit: 200 }, signal),
    [groupId],
  );
  const [message, setMessage] = useState<{ text: string; n: number } | null>(null);
  const items = list.data?.items ?? [];
  const say = (text: string) => setMessage((m) => ({ text, n: (m?.n ?? 0) + 1 }));
  return (
    <section aria-labelledby="nominations-heading">
      <h2 id="nominations-heading">{t('mandates.nominations.heading')}</h2>
      {message && (
        <div key={message.n} className="alert alert-success" role="status">
          <p>{message.text}</p>
        </div>
      )}
      {list.error && list.error.status !== 401 && <ErrorAlert error={list.error} />}
      {list.data && items.length === 0 && <p>{t('mandates.nominations.none')}</p>}
      {items.length > 0 && (
        <TableScroll labelledBy="nominations-caption">
          <table>
            <caption id="nominations-caption">{t('mandates.nominations.caption', { name: groupName })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('mandates.nomination.person')}</th>
                <th scope="col">{t('members.col.role')}</th>
                <th scope="col">{t('mandates.nomination.by')}</th>
                <th scope="col">{t('members.col.period')}</th>
                <th scope="col">{t('mandates.nomination.status')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((nom) => (
                <tr key={nom.id}>
                  <th scope="row">
                    <Link to={personHref(nom.personId)}>{nom.personName}</Link>
                  </th>
                  <td>{roleLabel(i18n, nom.role)}</td>
                  <td>
                    {nom.nominatingOrganisation}
                    <br />
                    <span className="muted">{nom.nominatedBy}</span>
                  </td>
                  <td>{periodText(i18n, nom.startDate, nom.endDate)}</td>
                  <td>
                    <span className={`badge ${NOMINATION_BADGE[nom.status]}`}>{nominationStatusLabel(i18n, nom.status)}</span>
                    {nom.decisionReference && (
                      <span className="muted">
                        {' '}
                        {nom.decisionReference}, {i18n.formatDate(nom.decisionDate)}
                      </span>
                    )}
                    {nom.decisionReason && <span className="muted"> – {nom.decisionReason}</span>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      {items.some(mayDecide) && (
        <DecideForm
          open={items.filter(mayDecide)}
          onDone={(nom) => {
            list.reload();
            onDecided();
            say(
              nom.membershipId !== null
                ? t('mandates.decide.approved', { name: nom.personName, role: roleLabel(i18n, nom.role).toLowerCase() })
                : t('mandates.decide.refused', { name: nom.personName }),
            );
          }}
        />
      )}
      {list.data && (
        <NominateForm
          groupId={groupId}
          onDone={(nom) => {
            list.reload();
            say(t('mandates.nominate.done', { name: nom.personName }));
          }}
        />
      )}
    </section>
  );
}

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

function NominateForm({ groupId, onDone }: { groupId: string; onDone: (n: Nomination) => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const [f, setF] = useState({
    q: '',
    personId: '',
    nominatingOrganisation: '',
    nominatingOrganisationType: 'region',
    nominatedBy: '',
    motivation: '',
    role: 'ledamot',
    startDate: today(),
    endDate: '',
  });
  const set = (k: keyof typeof f) => (v: string) => setF((x) => ({ ...x, [k]: v }));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const summary = useFormSummary();
  const people = useAsync(
    (signal) => api.get<ApiPage<Person>>('/api/v1/people', { q: f.q.trim() || undefined, limit: 50 }, signal),
    [f.q],
  );

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    try {
      const created = await api.post<Nomination>(`/api/v1/groups/${encodeURIComponent(groupId)}/nominations`, {
        personId: f.personId,
        nominatingOrganisation: f.nominatingOrganisation,
        nominatingOrganisationType: f.nominatingOrganisationType,
        nominatedBy: f.nominatedBy,
        ...(f.motivation.trim() ? { motivation: f.motivation } : {}),
        role: f.role,
        startDate: f.startDate,
        ...(f.endDate ? { endDate: f.endDate } : {}),
      });
      setErrors({});
      summary.clear();
      setF((x) => ({ ...x, personId: '', q: '', motivation: '' }));
      onDone(created);
    } catch (err) {
      const apiError = asApiError(err);
      const { byField, items } = serverFieldErrors(apiError, 'nominate', (k) => (NOMINATE_LABELS[k] ? t(NOMINATE_LABELS[k]) : k));
      setErrors(byField);
      summary.show(apiError, items);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="panel">
      <h3 id="nominate-heading">{t('mandates.nominate.heading')}</h3>
      <p>{t('mandates.nominate.help')}</p>
      <form className="form" aria-labelledby="nominate-heading" onSubmit={(e) => void submit(e)} noValidate>
        {summary.summary && <FormErrorSummary {...summary.summary} />}
        <TextField
          id="nominate-q"
          label={t('members.field.search')}
          type="search"
          value={f.q}
          onChange={set('q')}
          autoComplete="off"
        />
        <SelectField
          id="nominate-personId"
          label={t('members.field.person')}
          value={f.personId}
          onChange={set('personId')}
          error={errors.personId}
        >
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
          value={f.nominatingOrganisation}
          onChange={set('nominatingOrganisation')}
          error={errors.nominatingOrganisation}
        />
        <SelectField
          id="nominate-nominatingOrganisationType"
          label={t('mandates.nominate.orgType')}
          value={f.nominatingOrganisationType}
          onChange={set('nominatingOrganisationType')}
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
          value={f.nominatedBy}
          onChange={set('nominatedBy')}
          error={errors.nominatedBy}
        />
        <TextAreaField
          id="nominate-motivation"
          label={t('mandates.nominate.motivation')}
          value={f.motivation}
          onChange={set('motivation')}
        />
        <SelectField id="nominate-role" label={t('members.field.role')} value={f.role} onChange={set('role')} error={errors.role}>
          {MEMBERSHIP_ROLES.map((r) => (
            <option key={r} value={r}>
              {roleLabel(i18n, r)}
            </option>
          ))}
        </SelectField>
        <TextField
          id="nominate-startDate"
          label={t('members.field.startDate')}
          type="date"
          value={f.startDate}
          onChange={set('startDate')}
          error={errors.startDate}
        />
        <TextField
          id="nominate-endDate"
          label={t('members.field.endDate')}
          hint={t('mandates.nominate.endHint')}
          type="date"
          value={f.endDate}
          onChange={set('endDate')}
          error={errors.endDate}
        />
        <button type="submit" disabled={busy}>
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

function DecideForm({ open, onDone }: { open: Nomination[]; onDone: (n: Nomination) => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const [id, setId] = useState(open[0]?.id ?? '');
  const [decision, setDecision] = useState<'approved' | 'refused'>('approved');
  const [decisionDate, setDecisionDate] = useState(today());
  const [reference, setReference] = useState('');
  const [reason, setReason] = useState('');
  const [overrideReason, setOverrideReason] = useState('');
  const [showOverride, setShowOverride] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const summary = useFormSummary();
  const chosen = open.find((x) => x.id === id) ?? open[0];

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!chosen) return;
    setBusy(true);
    try {
      const done = await api.post<Nomination>(`/api/v1/nominations/${encodeURIComponent(chosen.id)}/decision`, {
        decision,
        decisionDate,
        reference,
        ...(reason.trim() ? { reason } : {}),
        ...(overrideReason.trim() ? { overrideReason } : {}),
        version: chosen.version,
      });
      setErrors({});
      summary.clear();
      setReference('');
      setReason('');
      setOverrideReason('');
      setShowOverride(false);
      onDone(done);
    } catch (err) {
      const apiError = asApiError(err);
      const { byField, items } = serverFieldErrors(apiError, 'decide', (k) => (DECIDE_LABELS[k] ? t(DECIDE_LABELS[k]) : k));
      if ('overrideReason' in byField) setShowOverride(true);
      setErrors(byField);
      summary.show(
        apiError,
        items.filter((x) => x.fieldId !== 'decide-represents' && x.fieldId !== 'decide-role'),
      );
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="panel">
      <h3 id="decide-heading">{t('mandates.decide.heading')}</h3>
      <p>{t('mandates.decide.help')}</p>
      <form className="form" aria-labelledby="decide-heading" onSubmit={(e) => void submit(e)} noValidate>
        {summary.summary && <FormErrorSummary {...summary.summary} />}
        <SelectField id="decide-nomination" label={t('mandates.decide.nomination')} value={chosen?.id ?? ''} onChange={setId}>
          {open.map((x) => (
            <option key={x.id} value={x.id}>
              {`${x.personName} – ${roleLabel(i18n, x.role).toLowerCase()} (${x.nominatingOrganisation})`}
            </option>
          ))}
        </SelectField>
        <SelectField
          id="decide-decision"
          label={t('mandates.decide.decision')}
          value={decision}
          onChange={(v) => setDecision(v === 'refused' ? 'refused' : 'approved')}
        >
          <option value="approved">{t('mandates.decide.approve')}</option>
          <option value="refused">{t('mandates.decide.refuse')}</option>
        </SelectField>
        <TextField
          id="decide-decisionDate"
          label={t('mandates.decide.date')}
          type="date"
          value={decisionDate}
          onChange={setDecisionDate}
          error={errors.decisionDate}
        />
        <TextField
          id="decide-reference"
          label={t('mandates.decide.reference')}
          hint={t('mandates.decide.referenceHint')}
          value={reference}
          onChange={setReference}
          error={errors.reference}
        />
        <TextAreaField
          id="decide-reason"
          label={t('mandates.decide.reason')}
          hint={t('mandates.decide.reasonHint')}
          value={reason}
          onChange={setReason}
          error={errors.reason}
        />
        {showOverride && (
          <TextAreaField
            id="decide-overrideReason"
            label={t('mandates.override.label')}
            hint={t('mandates.override.hint')}
            value={overrideReason}
            onChange={setOverrideReason}
            error={errors.overrideReason}
          />
        )}
        <button type="submit" disabled={busy}>
          {t('mandates.decide.submit')}
        </button>
      </form>
    </div>
  );
}

export type { Seat };
