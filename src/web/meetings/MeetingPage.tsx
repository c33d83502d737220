/**
 * A meeting's page, made to be used during the meeting: the agenda (built from cases put
 * forward, reordered with buttons), attendance, the minutes written paragraph by paragraph with
 * jäv shown per paragraph, justering, and the downloads.
 */
import { useState, type FormEvent, type ReactNode } from 'react';
import { api, type ApiError, type Page as ApiPage, type Person } from '../api';
import { Link } from '../app/router';
import { caseHref, STATUS_BADGE, statusLabel } from '../cases/cases';
import { ErrorAlert, Loading, Notice } from '../components/Alerts';
import { Checkbox, CheckboxGroup, SelectField, TextAreaField, TextField } from '../components/Fields';
import { Page } from '../components/Page';
import { RequireUser } from '../components/RequireUser';
import { TableScroll } from '../components/TableScroll';
import { useAsync } from '../components/useAsync';
import { useI18n, useT } from '../i18n';
import { loadProgramAreas } from '../organisation/reference';
import { asApiError } from '../people/people';
import {
  forumHref,
  kindText,
  MEETING_BADGE,
  MEETINGS_PATH,
  roleText,
  statusText,
  type Attachment,
  type MeetingDetail,
  type Paragraph,
} from './meetings';

type Run = (fn: () => Promise<unknown>, done?: string) => Promise<boolean>;

export function MeetingPage({ id }: { id: string }) {
  const t = useT();
  return (
    <RequireUser title={t('meetings.meeting.title')} crumbs={[{ to: MEETINGS_PATH, label: t('area.meetings') }]}>
      <MeetingView id={id} />
    </RequireUser>
  );
}

function MeetingView({ id }: { id: string }) {
  const i18n = useI18n();
  const { t, formatDate } = i18n;
  const state = useAsync((signal) => api.get<MeetingDetail>(`/api/v1/meetings/${id}`, undefined, signal), [id]);
  const [error, setError] = useState<ApiError | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [fresh, setFresh] = useState<MeetingDetail | null>(null);
  // After an action the page shows the new state and the message together, so the next action
  // always starts from the current version.
  const refresh = async () => setFresh(await api.get<MeetingDetail>(`/api/v1/meetings/${id}`));
  const run: Run = async (fn, done) => {
    setError(null);
    setMessage(null);
    try {
      await fn();
      await refresh();
      if (done) setMessage(done);
      return true;
    } catch (err) {
      setError(asApiError(err));
      await refresh().catch(() => undefined);
      return false;
    }
  };
  const d = fresh ?? state.data;
  const title = d
    ? t('meetings.meeting.heading', { forum: d.meeting.forumName, date: formatDate(d.meeting.date) })
    : t('meetings.meeting.title');
  const crumbs = [
    { to: '/', label: t('nav.start') },
    { to: MEETINGS_PATH, label: t('area.meetings') },
    ...(d ? [{ to: forumHref(d.meeting.forumId), label: d.meeting.forumName }] : []),
  ];
  return (
    <Page title={title} crumbs={crumbs}>
      {state.error && !d && <ErrorAlert error={state.error} />}
      {state.loading && !d && <Loading />}
      <div aria-live="polite">
        {error && <ErrorAlert error={error} />}
        {message && (
          <Notice kind="success">
            <p>{message}</p>
          </Notice>
        )}
      </div>
      {d && <Body d={d} run={run} />}
    </Page>
  );
}

function Body({ d, run }: { d: MeetingDetail; run: Run }) {
  const i18n = useI18n();
  const { t, formatDate } = i18n;
  const m = d.meeting;
  const open = d.permissions.manage && m.minutesStatus === 'utkast' && m.status !== 'installt';
  const [reason, setReason] = useState('');
  return (
    <>
      <dl className="facts">
        <dt>{t('meetings.field.date')}</dt>
        <dd>
          {formatDate(m.date)}, {m.startTime}–{m.endTime}
        </dd>
        <dt>{t('meetings.field.place')}</dt>
        <dd>{m.place ?? '–'}</dd>
        {m.onlineUrl && (
          <>
            <dt>{t('meetings.field.online')}</dt>
            <dd>
              <a href={m.onlineUrl}>{m.onlineUrl}</a>
            </dd>
          </>
        )}
        <dt>{t('meetings.field.status')}</dt>
        <dd>
          <span className={`badge ${MEETING_BADGE[m.status]}`}>{statusText(i18n, m.status)}</span>
          {m.cancelReason ? ` ${m.cancelReason}` : ''}
        </dd>
        <dt>{t('meetings.field.minutes')}</dt>
        <dd>
          <span className={`badge ${MEETING_BADGE[m.minutesStatus]}`} data-testid="minutes-status">
            {statusText(i18n, m.minutesStatus)}
          </span>
        </dd>
      </dl>
      <p className="link-row">
        <a href={`/api/v1/meetings/${m.id}/minutes?format=pdf`}>{t('meetings.download.minutesPdf')}</a>
        <a href={`/api/v1/meetings/${m.id}/minutes?format=docx`}>{t('meetings.download.minutesDocx')}</a>
      </p>
      {d.permissions.manage && (m.status === 'planerat' || m.status === 'kallat') && (
        <div className="link-row">
          <button
            type="button"
            onClick={() =>
              void run(() => api.post(`/api/v1/meetings/${m.id}/notice`, { version: m.version }), t('meetings.notice.sent'))
            }
          >
            {m.status === 'kallat' ? t('meetings.notice.resend') : t('meetings.notice.send')}
          </button>
          {d.paragraphs.length === 0 && (
            <form
              className="inline-form"
              onSubmit={(e) => {
                e.preventDefault();
                void run(
                  () => api.post(`/api/v1/meetings/${m.id}/cancel`, { reason, version: m.version }),
                  t('meetings.cancel.done'),
                );
              }}
            >
              <TextField id="cancel-reason" label={t('meetings.cancel.reason')} value={reason} onChange={setReason} required />
              <button type="submit" className="button-secondary">
                {t('meetings.cancel.submit')}
              </button>
            </form>
          )}
        </div>
      )}
      <Agenda d={d} run={run} open={open} />
      <Attendance d={d} run={run} open={open} />
      <Minutes d={d} run={run} open={open} />
      <Justering d={d} run={run} />
    </>
  );
}

function Agenda({ d, run, open }: { d: MeetingDetail; run: Run; open: boolean }) {
  const i18n = useI18n();
  const { t } = i18n;
  const [caseId, setCaseId] = useState('');
  const [title, setTitle] = useState('');
  const ids = d.agenda.map((a) => a.id);
  const move = (i: number, by: number) => {
    const next = [...ids];
    const [x] = next.splice(i, 1);
    next.splice(i + by, 0, x!);
    return run(() => api.put(`/api/v1/meetings/${d.meeting.id}/agenda/order`, { itemIds: next, version: d.meeting.version }));
  };
  return (
    <section aria-labelledby="agenda-heading">
      <h2 id="agenda-heading">{t('meetings.agenda.heading')}</h2>
      {d.agenda.length === 0 && <p>{t('meetings.agenda.empty')}</p>}
      <ol className="agenda">
        {d.agenda.map((a, i) => (
          <li key={a.id}>
            {a.title}
            {a.caseId && (
              <>
                {' '}
                (<Link to={caseHref(a.caseId)}>{a.caseNumber}</Link>)
                {a.caseStatus && (
                  <>
                    {' '}
                    <span className={`badge ${STATUS_BADGE[a.caseStatus] ?? ''}`} data-testid="agenda-case-status">
                      {statusLabel(i18n, a.caseStatus)}
                    </span>
                  </>
                )}
              </>
            )}
            {a.kind === 'standing' && <span className="hint"> {t('meetings.agenda.standing')}</span>}
            <Attachments items={d.attachments.filter((x) => x.agendaItemId === a.id)} d={d} run={run} />
            {open && (
              <span className="row-actions">
                <button
                  type="button"
                  className="button-secondary"
                  disabled={i === 0}
                  onClick={() => void move(i, -1)}
                  aria-label={t('meetings.agenda.up', { title: a.title })}
                >
                  ↑
                </button>
                <button
                  type="button"
                  className="button-secondary"
                  disabled={i === d.agenda.length - 1}
                  onClick={() => void move(i, 1)}
                  aria-label={t('meetings.agenda.down', { title: a.title })}
                >
                  ↓
                </button>
                <button
                  type="button"
                  className="button-secondary"
                  onClick={() => void run(() => api.delete(`/api/v1/meetings/${d.meeting.id}/agenda/${a.id}`))}
                  aria-label={t('meetings.agenda.remove', { title: a.title })}
                >
                  {t('meetings.agenda.removeShort')}
                </button>
              </span>
            )}
          </li>
        ))}
      </ol>
      {open && (
        <div className="stack">
          <form
            className="inline-form"
            onSubmit={(e) => {
              e.preventDefault();
              if (caseId)
                void run(
                  () => api.post(`/api/v1/meetings/${d.meeting.id}/agenda`, { caseId }),
                  t('meetings.agenda.caseAdded'),
                ).then((ok) => ok && setCaseId(''));
            }}
          >
            <SelectField
              id="agenda-case"
              label={t('meetings.agenda.case')}
              value={caseId}
              onChange={setCaseId}
              options={d.candidateCases.map((c) => ({ value: c.id, label: `${c.caseNumber} ${c.subject}` }))}
              placeholder={t('meetings.agenda.chooseCase')}
            />
            <button type="submit">{t('meetings.agenda.addCase')}</button>
          </form>
          <form
            className="inline-form"
            onSubmit={(e) => {
              e.preventDefault();
              void run(() => api.post(`/api/v1/meetings/${d.meeting.id}/agenda`, { title }), t('meetings.agenda.itemAdded')).then(
                (ok) => ok && setTitle(''),
              );
            }}
          >
            <TextField id="agenda-title" label={t('meetings.agenda.other')} value={title} onChange={setTitle} required />
            <button type="submit">{t('meetings.agenda.addItem')}</button>
          </form>
        </div>
      )}
      {d.reportGroups.length > 0 && d.agenda.length > 0 && <AttachReport d={d} run={run} />}
    </section>
  );
}

/** The snapshots attached to one agenda item, with download links (and removal for the keepers). */
function Attachments({ items, d, run }: { items: Attachment[]; d: MeetingDetail; run: Run }) {
  const { t, formatDateTime } = useI18n();
  if (items.length === 0) return null;
  const removable = d.reportGroups.length > 0;
  return (
    <ul className="attachments" aria-label={t('meetings.attachments.heading')}>
      {items.map((x) => (
        <li key={x.id}>
          <a href={x.href} download>
            {x.fileName}
          </a>{' '}
          <span className="hint">
            {t('meetings.attachments.meta', {
              format: x.format.toUpperCase(),
              size: Math.max(1, Math.round(x.sizeBytes / 1024)),
              date: formatDateTime(x.createdAt),
              who: x.createdBy,
            })}
          </span>
          {removable && (
            <button
              type="button"
              className="button-secondary"
              aria-label={t('meetings.attachments.remove', { name: x.fileName })}
              onClick={() => void run(() => api.delete(`/api/v1/meeting-attachments/${x.id}`), t('meetings.attachments.removed'))}
            >
              {t('meetings.agenda.removeShort')}
            </button>
          )}
        </li>
      ))}
    </ul>
  );
}

/** Attach a group's follow-up report to an agenda item (by default the standing item). */
function AttachReport({ d, run }: { d: MeetingDetail; run: Run }) {
  const t = useT();
  const standing = d.agenda.find((a) => a.kind === 'standing') ?? d.agenda[0]!;
  const [itemId, setItemId] = useState(standing.id);
  const [groupId, setGroupId] = useState('');
  const [format, setFormat] = useState<'pdf' | 'docx'>('pdf');
  const [missing, setMissing] = useState(false);
  return (
    <form
      className="form"
      aria-labelledby="attach-report-heading"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (!groupId) {
          setMissing(true);
          document.getElementById('attach-group')?.focus();
          return;
        }
        setMissing(false);
        void run(
          () => api.post(`/api/v1/meetings/${d.meeting.id}/attachments`, { agendaItemId: itemId, groupId, format }),
          t('meetings.attachments.added'),
        );
      }}
    >
      <h3 id="attach-report-heading">{t('meetings.attachments.attachHeading')}</h3>
      <p className="hint">{t('meetings.attachments.lead')}</p>
      <SelectField
        id="attach-item"
        label={t('meetings.attachments.item')}
        value={itemId}
        onChange={setItemId}
        options={d.agenda.map((a) => ({ value: a.id, label: `${a.title}${a.caseNumber ? ` (${a.caseNumber})` : ''}` }))}
      />
      <SelectField
        id="attach-group"
        label={t('meetings.attachments.group')}
        value={groupId}
        onChange={setGroupId}
        error={missing ? t('meetings.attachments.groupMissing') : undefined}
        options={d.reportGroups.map((g) => ({ value: g.id, label: g.name }))}
        placeholder={t('meetings.attachments.chooseGroup')}
      />
      <SelectField
        id="attach-format"
        label={t('meetings.attachments.format')}
        value={format}
        onChange={(v) => setFormat(v as 'pdf' | 'docx')}
      >
        <option value="pdf">PDF</option>
        <option value="docx">Word (DOCX)</option>
      </SelectField>
      <button type="submit">{t('meetings.attachments.submit')}</button>
    </form>
  );
}

function Attendance({ d, run, open }: { d: MeetingDetail; run: Run; open: boolean }) {
  const i18n = useI18n();
  const { t } = i18n;
  const people = [
    ...d.attendance,
    ...d.members
      .filter((m) => !d.attendance.some((a) => a.personId === m.personId))
      .map((m) => ({ ...m, status: 'kallad' as const })),
  ];
  const [draft, setDraft] = useState<Record<string, string>>({});
  const value = (p: { personId: string; status: string }) => draft[p.personId] ?? p.status;
  function save(e: FormEvent) {
    e.preventDefault();
    const entries = people.map((p) => ({ personId: p.personId, status: value(p) }));
    void run(() => api.put(`/api/v1/meetings/${d.meeting.id}/attendance`, { entries }), t('meetings.attendance.saved')).then(
      (ok) => ok && setDraft({}),
    );
  }
  return (
    <section aria-labelledby="attendance-heading">
      <h2 id="attendance-heading">{t('meetings.attendance.heading')}</h2>
      <form onSubmit={save}>
        <TableScroll labelledBy="attendance-caption">
          <table>
            <caption id="attendance-caption">{t('meetings.attendance.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('meetings.attendance.name')}</th>
                <th scope="col">{t('meetings.attendance.role')}</th>
                <th scope="col">{t('meetings.attendance.status')}</th>
              </tr>
            </thead>
            <tbody>
              {people.map((p) => (
                <tr key={p.personId}>
                  <th scope="row">{p.name}</th>
                  <td>{roleText(i18n, p.role)}</td>
                  <td>
                    {open ? (
                      <select
                        aria-label={t('meetings.attendance.statusFor', { name: p.name })}
                        value={value(p)}
                        onChange={(e) => setDraft({ ...draft, [p.personId]: e.target.value })}
                      >
                        {(['kallad', 'narvarande', 'franvarande'] as const).map((s) => (
                          <option key={s} value={s}>
                            {statusText(i18n, s)}
                          </option>
                        ))}
                      </select>
                    ) : (
                      statusText(i18n, p.status)
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
        {open && people.length > 0 && <button type="submit">{t('meetings.attendance.save')}</button>}
      </form>
      {open && <AddAdjungerad d={d} run={run} known={people.map((p) => p.personId)} />}
    </section>
  );
}

/**
 * Calls someone who is not a member (adjungerad) to the meeting: found by name in the people
 * register, recorded as called; the notice reaches them when it is sent (or sent again).
 */
function AddAdjungerad({ d, run, known }: { d: MeetingDetail; run: Run; known: string[] }) {
  const t = useT();
  const [q, setQ] = useState('');
  const [personId, setPersonId] = useState('');
  const [missing, setMissing] = useState(false);
  const people = useAsync(
    (signal) =>
      q.trim().length >= 2
        ? api.get<ApiPage<Person>>('/api/v1/people', { q: q.trim(), limit: 50 }, signal)
        : Promise.resolve(undefined),
    [q],
  );
  const candidates = (people.data?.items ?? []).filter((p) => !known.includes(p.id));
  return (
    <form
      className="form"
      aria-labelledby="adjungerad-heading"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (!personId) {
          setMissing(true);
          document.getElementById('adjungerad-person')?.focus();
          return;
        }
        setMissing(false);
        void run(
          () =>
            api.put(`/api/v1/meetings/${d.meeting.id}/attendance`, {
              entries: [{ personId, status: 'kallad', role: 'adjungerad' }],
            }),
          d.meeting.status === 'kallat' ? t('meetings.adjungerad.addedAfterNotice') : t('meetings.adjungerad.added'),
        ).then((ok) => {
          if (ok) {
            setPersonId('');
            setQ('');
          }
        });
      }}
    >
      <h3 id="adjungerad-heading">{t('meetings.adjungerad.heading')}</h3>
      <p className="hint">{t('meetings.adjungerad.lead')}</p>
      <TextField
        id="adjungerad-search"
        label={t('meetings.adjungerad.search')}
        hint={t('meetings.adjungerad.searchHint')}
        value={q}
        onChange={(v) => {
          setQ(v);
          setPersonId('');
        }}
        autoComplete="off"
      />
      <SelectField
        id="adjungerad-person"
        label={t('meetings.adjungerad.person')}
        value={personId}
        onChange={setPersonId}
        error={missing ? t('meetings.adjungerad.personMissing') : undefined}
        options={candidates.map((p) => ({ value: p.id, label: `${p.name}${p.employer ? `, ${p.employer}` : ''}` }))}
        placeholder={
          q.trim().length < 2
            ? t('meetings.adjungerad.typeFirst')
            : people.loading
              ? t('meetings.adjungerad.searching')
              : t('meetings.adjungerad.found', { count: candidates.length })
        }
      />
      <button type="submit">{t('meetings.adjungerad.submit')}</button>
    </form>
  );
}

function Minutes({ d, run, open }: { d: MeetingDetail; run: Run; open: boolean }) {
  const i18n = useI18n();
  const { t } = i18n;
  const unminuted = d.agenda.filter((a) => !d.paragraphs.some((p) => p.agendaItemId === a.id));
  const [itemId, setItemId] = useState('');
  const [kind, setKind] = useState('beslut');
  const [text, setText] = useState('');
  return (
    <section aria-labelledby="minutes-heading">
      <h2 id="minutes-heading">{t('meetings.minutes.heading')}</h2>
      {d.paragraphs.length === 0 && <p>{t('meetings.minutes.empty')}</p>}
      {d.paragraphs.map((p) => (
        <ParagraphView key={`${p.id}-${p.version}`} p={p} d={d} run={run} open={open} />
      ))}
      {open && (
        <form
          className="form"
          aria-labelledby="new-paragraph-heading"
          onSubmit={(e) => {
            e.preventDefault();
            void run(
              () =>
                api.post(`/api/v1/meetings/${d.meeting.id}/paragraphs`, {
                  ...(itemId ? { agendaItemId: itemId } : {}),
                  decisionKind: kind,
                  decisionText: text,
                }),
              t('meetings.minutes.written'),
            ).then((ok) => {
              if (ok) {
                setText('');
                setItemId('');
              }
            });
          }}
        >
          <h3 id="new-paragraph-heading">{t('meetings.minutes.new')}</h3>
          <SelectField
            id="paragraph-item"
            label={t('meetings.minutes.item')}
            value={itemId}
            onChange={setItemId}
            required
            options={unminuted.map((a) => ({ value: a.id, label: `${a.title}${a.caseNumber ? ` (${a.caseNumber})` : ''}` }))}
            placeholder={t('meetings.minutes.chooseItem')}
          />
          <SelectField
            id="paragraph-kind"
            label={t('meetings.minutes.kind')}
            value={kind}
            onChange={setKind}
            options={(['beslut', 'information', 'aterremitterad', 'bordlagd'] as const).map((k) => ({
              value: k,
              label: kindText(i18n, k),
            }))}
          />
          <TextAreaField id="paragraph-text" label={t('meetings.minutes.text')} value={text} onChange={setText} rows={4} />
          <button type="submit">{t('meetings.minutes.write')}</button>
        </form>
      )}
    </section>
  );
}

function ParagraphView({ p, d, run, open }: { p: Paragraph; d: MeetingDetail; run: Run; open: boolean }) {
  const i18n = useI18n();
  const { t } = i18n;
  const [text, setText] = useState(p.decisionText);
  const [kind, setKind] = useState<string>(p.decisionKind);
  const [override, setOverride] = useState<Record<string, string>>({});
  const [areas, setAreas] = useState<string[]>(p.programAreaIds);
  const programAreas = useAsync(() => loadProgramAreas(), []);
  const areaName = (id: string) => programAreas.data?.find((a) => a.id === id)?.name ?? id;
  const [action, setAction] = useState({ title: '', owner: '', due: '' });
  const recused = p.participation.filter((x) => !x.takesPart);
  const overridden = p.participation.filter((x) => x.takesPart && x.overrideReason);
  const base = `paragraph-${p.number}`;
  return (
    <article className="paragraph" aria-labelledby={`${base}-heading`}>
      <h3 id={`${base}-heading`}>
        § {p.number} {p.title}
      </h3>
      {p.caseId && (
        <p>
          {t('meetings.minutes.case')} <Link to={caseHref(p.caseId)}>{p.caseNumber}</Link>
        </p>
      )}
      <Jav>
        {recused.length === 0 && overridden.length === 0 && <p>{t('meetings.jav.none')}</p>}
        {recused.map((x) => (
          <div key={x.personId} className="jav-row">
            <p>
              <strong>{t('meetings.jav.notTakingPart', { name: x.name })}</strong> {x.restriction}
            </p>
            {open && x.restriction && x.restriction !== 'Anmält jäv' && (
              <form
                className="inline-form"
                onSubmit={(e) => {
                  e.preventDefault();
                  void run(
                    () =>
                      api.put(`/api/v1/paragraphs/${p.id}/participation/${x.personId}`, {
                        takesPart: true,
                        overrideReason: override[x.personId] ?? '',
                      }),
                    t('meetings.jav.overridden'),
                  );
                }}
              >
                <TextField
                  id={`${base}-override-${x.personId}`}
                  label={t('meetings.jav.overrideReason', { name: x.name })}
                  value={override[x.personId] ?? ''}
                  onChange={(v) => setOverride({ ...override, [x.personId]: v })}
                />
                <button type="submit" className="button-secondary">
                  {t('meetings.jav.override')}
                </button>
              </form>
            )}
          </div>
        ))}
        {overridden.map((x) => (
          <p key={x.personId}>{t('meetings.jav.overrideShown', { name: x.name, reason: x.overrideReason ?? '' })}</p>
        ))}
      </Jav>
      {open ? (
        <form
          className="form"
          onSubmit={(e) => {
            e.preventDefault();
            void run(
              () =>
                api.patch(`/api/v1/paragraphs/${p.id}`, {
                  decisionKind: kind,
                  decisionText: text,
                  programAreaIds: areas,
                  version: p.version,
                }),
              t('meetings.minutes.saved'),
            );
          }}
        >
          <SelectField
            id={`${base}-kind`}
            label={t('meetings.minutes.kind')}
            value={kind}
            onChange={setKind}
            options={(['beslut', 'information', 'aterremitterad', 'bordlagd'] as const).map((k) => ({
              value: k,
              label: kindText(i18n, k),
            }))}
          />
          <TextAreaField id={`${base}-text`} label={t('meetings.minutes.text')} value={text} onChange={setText} rows={3} />
          <details className="program-areas">
            <summary>{t('meetings.minutes.programAreasSummary', { count: areas.length })}</summary>
            <CheckboxGroup
              id={`${base}-areas`}
              legend={t('meetings.minutes.programAreas')}
              hint={t('meetings.minutes.programAreasHint')}
              options={(programAreas.data ?? []).map((a) => ({ value: a.id, label: a.name }))}
              value={areas}
              onChange={setAreas}
            />
          </details>
          <button type="submit">{t('meetings.minutes.save', { number: p.number })}</button>
        </form>
      ) : (
        <p>
          <strong>{kindText(i18n, p.decisionKind)}:</strong> {p.decisionText || '–'}
        </p>
      )}
      {p.programAreaIds.length > 0 && (
        <p data-testid={`${base}-areas-shown`}>
          {t('meetings.minutes.programAreasShown', { areas: p.programAreaIds.map(areaName).join(', ') })}
        </p>
      )}
      {p.actions.length > 0 && (
        <ul>
          {p.actions.map((a) => (
            <li key={a.id}>{t('meetings.actions.item', { title: a.title, owner: a.ownerName ?? '–', due: a.dueDate ?? '–' })}</li>
          ))}
        </ul>
      )}
      {open && p.caseId && (
        <form
          className="inline-form"
          aria-label={t('meetings.actions.add', { number: p.number })}
          onSubmit={(e) => {
            e.preventDefault();
            void run(
              () =>
                api.post(`/api/v1/paragraphs/${p.id}/actions`, {
                  title: action.title,
                  ownerName: action.owner,
                  ...(action.due ? { dueDate: action.due } : {}),
                }),
              t('meetings.actions.added'),
            ).then((ok) => ok && setAction({ title: '', owner: '', due: '' }));
          }}
        >
          <TextField
            id={`${base}-action-title`}
            label={t('meetings.actions.title')}
            value={action.title}
            onChange={(v) => setAction({ ...action, title: v })}
            required
          />
          <TextField
            id={`${base}-action-owner`}
            label={t('meetings.actions.owner')}
            value={action.owner}
            onChange={(v) => setAction({ ...action, owner: v })}
            required
          />
          <TextField
            id={`${base}-action-due`}
            type="date"
            label={t('meetings.actions.due')}
            value={action.due}
            onChange={(v) => setAction({ ...action, due: v })}
          />
          <button type="submit" className="button-secondary">
            {t('meetings.actions.submit')}
          </button>
        </form>
      )}
      <p className="link-row">
        <a href={`/api/v1/paragraphs/${p.id}/extract?format=pdf`}>{t('meetings.download.extractPdf', { number: p.number })}</a>
        <a href={`/api/v1/paragraphs/${p.id}/extract?format=docx`}>{t('meetings.download.extractDocx', { number: p.number })}</a>
      </p>
      {d.meeting.minutesStatus === 'justerat' && <p className="hint">{p.reference}</p>}
    </article>
  );
}

function Jav({ children }: { children: ReactNode }) {
  const t = useT();
  return (
    <div className="jav">
      <h4 className="h-small">{t('meetings.jav.heading')}</h4>
      {children}
    </div>
  );
}

function Justering({ d, run }: { d: MeetingDetail; run: Run }) {
  const i18n = useI18n();
  const { t, formatDateTime } = i18n;
  const m = d.meeting;
  const [chosen, setChosen] = useState<string[]>(d.adjusters.map((a) => a.personId));
  const candidates = [...d.members, ...d.attendance.filter((a) => !d.members.some((x) => x.personId === a.personId))];
  return (
    <section aria-labelledby="justering-heading">
      <h2 id="justering-heading">{t('meetings.justering.heading')}</h2>
      {d.adjusters.length > 0 && (
        <ul>
          {d.adjusters.map((a) => (
            <li key={a.personId}>
              {a.name}:{' '}
              {a.approvedAt
                ? t('meetings.justering.approvedAt', { date: formatDateTime(a.approvedAt) })
                : t('meetings.justering.waiting')}
            </li>
          ))}
        </ul>
      )}
      {d.permissions.manage && m.minutesStatus === 'utkast' && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void run(
              () => api.put(`/api/v1/meetings/${m.id}/adjusters`, { personIds: chosen, version: m.version }),
              t('meetings.justering.adjustersSaved'),
            );
          }}
        >
          <fieldset>
            <legend>{t('meetings.justering.choose')}</legend>
            {candidates.map((c) => (
              <Checkbox
                key={c.personId}
                id={`adjuster-${c.personId}`}
                label={c.name}
                checked={chosen.includes(c.personId)}
                onChange={(on) => setChosen(on ? [...chosen, c.personId] : chosen.filter((x) => x !== c.personId))}
              />
            ))}
          </fieldset>
          <div className="link-row">
            <button type="submit" className="button-secondary">
              {t('meetings.justering.saveAdjusters')}
            </button>
            <button
              type="button"
              onClick={() =>
                void run(
                  () => api.post(`/api/v1/meetings/${m.id}/minutes/submit`, { version: m.version }),
                  t('meetings.justering.submitted'),
                )
              }
            >
              {t('meetings.justering.submit')}
            </button>
          </div>
        </form>
      )}
      {d.permissions.manage && m.minutesStatus === 'for-justering' && (
        <button
          type="button"
          className="button-secondary"
          onClick={() =>
            void run(
              () => api.post(`/api/v1/meetings/${m.id}/minutes/reopen`, { version: m.version }),
              t('meetings.justering.reopened'),
            )
          }
        >
          {t('meetings.justering.reopen')}
        </button>
      )}
      {d.permissions.approve && (
        <button
          type="button"
          onClick={() => void run(() => api.post(`/api/v1/meetings/${m.id}/minutes/approve`), t('meetings.justering.approved'))}
        >
          {t('meetings.justering.approve')}
        </button>
      )}
      {m.minutesStatus === 'justerat' && (
        <Notice kind="info">
          <p>{t('meetings.justering.locked')}</p>
        </Notice>
      )}
    </section>
  );
}
