/**
 * Deltagare och uppdrag: the process support records that a person with patient experience was
 * recruited and introduced, and each assignment with its time spent (seed 000: "Programområdets
 * processtöd ansvarar för rekrytering, introduktion och att uppdraget, tidsåtgång och
 * ersättning dokumenteras").
 */
import { useId, useState, type FormEvent } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { ApiError } from '../api';
import { $api, call, client, invalidate, type Schema } from '../client';
import { allPages } from '../components/allPages';
import { useSession } from '../auth/session';
import { ErrorAlert, Loading } from '../components/Alerts';
import { SelectField, TextAreaField, TextField } from '../components/Fields';
import { FormErrorSummary } from '../components/FormErrors';
import { Page } from '../components/Page';
import { RequireUser } from '../components/RequireUser';
import { TableScroll } from '../components/TableScroll';
import { useI18n, useT } from '../i18n';
import { asApiError, serverFieldErrors, today, useFormSummary } from '../people/people';
import { personCompensationHref, usePartCrumbs, type Participant, type TimeUnit } from './compensation';
import { Link } from '../app/router';

export function ParticipantsPage() {
  const t = useT();
  return (
    <RequireUser title={t('compensation.participants.title')} crumbs={usePartCrumbs(t)}>
      <Participants />
    </RequireUser>
  );
}

function Participants() {
  const { t, formatDate } = useI18n();
  const { user } = useSession();
  const list = $api.useQuery('get', '/compensation/participants');
  const choices = useQuery({
    queryKey: ['get', '/groups', 'participant-choices', user?.id],
    queryFn: async ({ signal }) => {
      const owners = [
        ...new Set(
          (user?.roles ?? [])
            .filter((r) => r.scopeType === 'region' || r.scopeType === 'healthcare-region')
            .map((r) => r.scopeId ?? ''),
        ),
      ];
      const system = user?.roles.some((r) => r.scopeType === 'system');
      const groupsWhere = (query: { owner?: string; level?: 'region' }) =>
        allPages((cursor) =>
          call(
            client.GET('/groups', {
              params: { query: { ...query, status: 'active', limit: 500, ...(cursor ? { cursor } : {}) } },
              signal,
            }),
          ),
        );
      const groups = system
        ? await groupsWhere({ level: 'region' })
        : (await Promise.all(owners.map((o) => groupsWhere({ owner: o })))).flat();
      const people = await allPages((cursor) =>
        call(client.GET('/people', { params: { query: { limit: 500, ...(cursor ? { cursor } : {}) } }, signal })),
      );
      return { groups, people };
    },
  });
  const [message, setMessage] = useState<{ text: string; n: number } | null>(null);
  const done = (text: string) => {
    setMessage((m) => ({ text, n: (m?.n ?? 0) + 1 }));
    void invalidate('/compensation/');
  };
  const captionId = useId();
  const manageable = (list.data?.items ?? []).filter((p) => p.permissions.manage);
  return (
    <Page
      title={t('compensation.participants.title')}
      crumbs={usePartCrumbs(t)}
      lead={<p>{t('compensation.participants.lead')}</p>}
    >
      {message && (
        <div key={message.n} className="alert alert-success" role="status">
          <p>{message.text}</p>
        </div>
      )}
      {list.error && <ErrorAlert error={list.error} />}
      {list.isPending && <Loading />}
      {list.data &&
        (list.data.items.length === 0 ? (
          <p>{t('compensation.participants.empty')}</p>
        ) : (
          <TableScroll labelledBy={captionId}>
            <table className="data-table">
              <caption id={captionId}>{t('compensation.participants.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('compensation.col.person')}</th>
                  <th scope="col">{t('compensation.col.group')}</th>
                  <th scope="col">{t('compensation.participants.recruited')}</th>
                  <th scope="col">{t('compensation.participants.introduced')}</th>
                  <th scope="col">{t('compensation.participants.notes')}</th>
                </tr>
              </thead>
              <tbody>
                {list.data.items.map((p) => (
                  <tr key={p.id}>
                    <th scope="row">
                      <Link to={personCompensationHref(p.personId)}>{p.personName}</Link>
                    </th>
                    <td>{p.groupName}</td>
                    <td>{t('compensation.participants.when', { date: formatDate(p.recruitedOn), by: p.recruitedBy })}</td>
                    <td>
                      {p.introducedOn
                        ? t('compensation.participants.when', { date: formatDate(p.introducedOn), by: p.introducedBy ?? '' })
                        : t('compensation.participants.notIntroduced')}
                      {!p.introducedOn && p.permissions.manage && (
                        <IntroduceForm participant={p} onDone={() => done(t('compensation.participants.introducedSaved'))} />
                      )}
                    </td>
                    <td>{p.notes ?? '–'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        ))}
      {manageable.length > 0 && <AssignmentForm participants={manageable} onDone={done} />}
      {choices.error && <ErrorAlert error={choices.error} />}
      {choices.data && <RecruitForm groups={choices.data.groups} people={choices.data.people} onDone={done} />}
    </Page>
  );
}

function RecruitForm({
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
  const [personId, setPersonId] = useState('');
  const [groupId, setGroupId] = useState('');
  const [recruitedOn, setRecruitedOn] = useState(today());
  const [recruitedBy, setRecruitedBy] = useState(user?.name ?? '');
  const [introducedOn, setIntroducedOn] = useState('');
  const [notes, setNotes] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const summary = useFormSummary();
  const labels: Record<string, string> = {
    personId: t('compensation.col.person'),
    groupId: t('compensation.col.group'),
    recruitedOn: t('compensation.participants.recruitedOn'),
    recruitedBy: t('compensation.participants.recruitedBy'),
    introducedOn: t('compensation.participants.introducedOn'),
    introducedBy: t('compensation.participants.recruitedBy'),
    notes: t('compensation.participants.notes'),
  };
  async function submit(e: FormEvent) {
    e.preventDefault();
    try {
      await call(
        client.POST('/compensation/participants', {
          body: {
            personId,
            groupId,
            recruitedOn,
            recruitedBy,
            ...(introducedOn ? { introducedOn, introducedBy: recruitedBy } : {}),
            ...(notes.trim() ? { notes: notes.trim() } : {}),
          },
        }),
      );
      setErrors({});
      summary.clear();
      onDone(t('compensation.participants.saved'));
    } catch (err) {
      const apiError = asApiError(err);
      const { byField, items } = serverFieldErrors(apiError, 'recruit', (k) => labels[k] ?? k);
      setErrors(byField);
      summary.show(apiError, items);
    }
  }
  return (
    <form className="form" onSubmit={(e) => void submit(e)} noValidate aria-labelledby="recruit-heading">
      <h2 id="recruit-heading">{t('compensation.participants.recruit')}</h2>
      {summary.summary && <FormErrorSummary {...summary.summary} />}
      <SelectField id="recruit-personId" label={labels.personId!} value={personId} onChange={setPersonId} error={errors.personId}>
        <option value="">{t('compensation.choose')}</option>
        {people.map((p) => (
          <option key={p.id} value={p.id}>
            {p.name}
          </option>
        ))}
      </SelectField>
      <SelectField id="recruit-groupId" label={labels.groupId!} value={groupId} onChange={setGroupId} error={errors.groupId}>
        <option value="">{t('compensation.choose')}</option>
        {groups.map((g) => (
          <option key={g.id} value={g.id}>
            {g.name}
          </option>
        ))}
      </SelectField>
      <TextField
        id="recruit-recruitedOn"
        type="date"
        label={labels.recruitedOn!}
        value={recruitedOn}
        onChange={setRecruitedOn}
        error={errors.recruitedOn}
      />
      <TextField
        id="recruit-recruitedBy"
        label={labels.recruitedBy!}
        value={recruitedBy}
        onChange={setRecruitedBy}
        error={errors.recruitedBy}
      />
      <TextField
        id="recruit-introducedOn"
        type="date"
        label={labels.introducedOn!}
        value={introducedOn}
        onChange={setIntroducedOn}
        error={errors.introducedOn}
      />
      <TextAreaField
        id="recruit-notes"
        label={labels.notes!}
        hint={t('compensation.participants.notesHint')}
        value={notes}
        onChange={setNotes}
        rows={2}
      />
      <button type="submit">{t('compensation.participants.recruitSubmit')}</button>
    </form>
  );
}

const UNITS: TimeUnit[] = ['meeting', 'half-day', 'full-day', 'hours'];

function AssignmentForm({ participants, onDone }: { participants: Participant[]; onDone: (text: string) => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const [participantId, setParticipantId] = useState(participants[0]?.id ?? '');
  const [kind, setKind] = useState<'meeting' | 'work'>('meeting');
  const [date, setDate] = useState(today());
  const [timeUnit, setTimeUnit] = useState<TimeUnit>('half-day');
  const [hours, setHours] = useState('');
  const [description, setDescription] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const summary = useFormSummary();
  const labels: Record<string, string> = {
    participantId: t('compensation.col.person'),
    kind: t('compensation.assignment.kind'),
    date: t('compensation.col.date'),
    timeUnit: t('compensation.assignment.time'),
    minutes: t('compensation.assignment.hours'),
    description: t('compensation.col.assignment'),
  };
  async function submit(e: FormEvent) {
    e.preventDefault();
    const h = Number(hours.replace(',', '.'));
    const minutes = timeUnit === 'hours' && Number.isFinite(h) && h > 0 ? Math.round(h * 60) : undefined;
    try {
      await call(
        client.POST('/compensation/participants/{id}/assignments', {
          params: { path: { id: participantId } },
          body: { kind, date, timeUnit, ...(minutes !== undefined ? { minutes } : {}), description: description.trim() },
        }),
      );
      setErrors({});
      summary.clear();
      setDescription('');
      onDone(t('compensation.assignment.saved'));
    } catch (err) {
      const apiError = asApiError(err);
      const { byField, items } = serverFieldErrors(apiError, 'assignment', (k) => labels[k] ?? k);
      setErrors(byField);
      summary.show(apiError, items);
    }
  }
  return (
    <form className="form" onSubmit={(e) => void submit(e)} noValidate aria-labelledby="assignment-heading">
      <h2 id="assignment-heading">{t('compensation.assignment.title')}</h2>
      {summary.summary && <FormErrorSummary {...summary.summary} />}
      <SelectField id="assignment-participantId" label={labels.participantId!} value={participantId} onChange={setParticipantId}>
        {participants.map((p) => (
          <option key={p.id} value={p.id}>
            {`${p.personName} – ${p.groupName}`}
          </option>
        ))}
      </SelectField>
      <SelectField id="assignment-kind" label={labels.kind!} value={kind} onChange={(v) => setKind(v as 'meeting' | 'work')}>
        <option value="meeting">{t('compensation.kind.meeting')}</option>
        <option value="work">{t('compensation.kind.work')}</option>
      </SelectField>
      <TextField id="assignment-date" type="date" label={labels.date!} value={date} onChange={setDate} error={errors.date} />
      <SelectField
        id="assignment-timeUnit"
        label={labels.timeUnit!}
        value={timeUnit}
        onChange={(v) => setTimeUnit(v as TimeUnit)}
      >
        {UNITS.map((u) => (
          <option key={u} value={u}>
            {t(`compensation.unit.${u}`)}
          </option>
        ))}
      </SelectField>
      {timeUnit === 'hours' && (
        <TextField
          id="assignment-minutes"
          label={labels.minutes!}
          inputMode="decimal"
          value={hours}
          onChange={setHours}
          error={errors.minutes}
        />
      )}
      <TextField
        id="assignment-description"
        label={labels.description!}
        value={description}
        onChange={setDescription}
        error={errors.description}
      />
      <button type="submit">{t('compensation.assignment.submit')}</button>
    </form>
  );
}

function IntroduceForm({ participant: p, onDone }: { participant: Participant; onDone: () => void }) {
  const { t } = useI18n();
  const { user } = useSession();
  const [open, setOpen] = useState(false);
  const [date, setDate] = useState(today());
  const [by, setBy] = useState(user?.name ?? '');
  const [error, setError] = useState<ApiError | null>(null);
  async function submit(e: FormEvent) {
    e.preventDefault();
    try {
      await call(
        client.PATCH('/compensation/participants/{id}', {
          params: { path: { id: p.id } },
          body: {
            recruitedOn: p.recruitedOn,
            recruitedBy: p.recruitedBy,
            introducedOn: date,
            introducedBy: by,
            notes: p.notes,
            version: p.version,
          },
        }),
      );
      onDone();
    } catch (err) {
      setError(asApiError(err));
    }
  }
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
      {error && <ErrorAlert error={error} />}
      <TextField
        id={`intro-date-${p.id}`}
        type="date"
        label={t('compensation.participants.introducedOnShort')}
        value={date}
        onChange={setDate}
      />
      <TextField id={`intro-by-${p.id}`} label={t('compensation.participants.recruitedBy')} value={by} onChange={setBy} />
      <button type="submit">{t('compensation.participants.introduceSubmit')}</button>
    </form>
  );
}
