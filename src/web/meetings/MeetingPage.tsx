/**
 * A meeting's page, made to be used during the meeting: the agenda (built from cases put
 * forward, reordered with buttons), attendance, the minutes written paragraph by paragraph with
 * jäv shown per paragraph, justering, and the downloads.
 */
import { useState, type FormEvent, type ReactNode } from 'react';
import { api, type ApiError } from '../api';
import { Link } from '../app/router';
import { caseHref } from '../cases/cases';
import { ErrorAlert, Loading, Notice } from '../components/Alerts';
import { Checkbox, SelectField, TextAreaField, TextField } from '../components/Fields';
import { Page } from '../components/Page';
import { RequireUser } from '../components/RequireUser';
import { TableScroll } from '../components/TableScroll';
import { useAsync } from '../components/useAsync';
import { useI18n, useT } from '../i18n';
import { asApiError } from '../people/people';
import {
  forumHref,
  kindText,
  MEETING_BADGE,
  MEETINGS_PATH,
  roleText,
  statusText,
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
  const t = useT();
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
              </>
            )}
            {a.kind === 'standing' && <span className="hint"> {t('meetings.agenda.standing')}</span>}
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
            <SelectField id="agenda-case" label={t('meetings.agenda.case')} value={caseId} onChange={setCaseId}>
              <option value="">{t('meetings.agenda.chooseCase')}</option>
              {d.candidateCases.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.caseNumber} {c.subject}
                </option>
              ))}
            </SelectField>
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
    </section>
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
    </section>
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
          <SelectField id="paragraph-item" label={t('meetings.minutes.item')} value={itemId} onChange={setItemId} required>
            <option value="">{t('meetings.minutes.chooseItem')}</option>
            {unminuted.map((a) => (
              <option key={a.id} value={a.id}>
                {a.title}
                {a.caseNumber ? ` (${a.caseNumber})` : ''}
              </option>
            ))}
          </SelectField>
          <SelectField id="paragraph-kind" label={t('meetings.minutes.kind')} value={kind} onChange={setKind}>
            {(['beslut', 'information', 'aterremitterad', 'bordlagd'] as const).map((k) => (
              <option key={k} value={k}>
                {kindText(i18n, k)}
              </option>
            ))}
          </SelectField>
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
              () => api.patch(`/api/v1/paragraphs/${p.id}`, { decisionKind: kind, decisionText: text, version: p.version }),
              t('meetings.minutes.saved'),
            );
          }}
        >
          <SelectField id={`${base}-kind`} label={t('meetings.minutes.kind')} value={kind} onChange={setKind}>
            {(['beslut', 'information', 'aterremitterad', 'bordlagd'] as const).map((k) => (
              <option key={k} value={k}>
                {kindText(i18n, k)}
              </option>
            ))}
          </SelectField>
          <TextAreaField id={`${base}-text`} label={t('meetings.minutes.text')} value={text} onChange={setText} rows={3} />
          <button type="submit">{t('meetings.minutes.save', { number: p.number })}</button>
        </form>
      ) : (
        <p>
          <strong>{kindText(i18n, p.decisionKind)}:</strong> {p.decisionText || '–'}
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
            );
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
