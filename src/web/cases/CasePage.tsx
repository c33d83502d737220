/**
 * One case: its particulars, status with the transitions the caller may make (buttons only for
 * allowed ones), assignment, escalation to the kunskapsråd, triage, action items, documents,
 * links and the history. Every change sends the version the page was built on; a 409 reloads.
 */
import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { api, ApiError, type Page as ApiPage } from '../api';
import { Link } from '../app/router';
import { ErrorAlert, Loading, Notice } from '../components/Alerts';
import { Checkbox, SelectField, TextAreaField, TextField } from '../components/Fields';
import { Page } from '../components/Page';
import { RequireUser } from '../components/RequireUser';
import { TableScroll } from '../components/TableScroll';
import { useAsync } from '../components/useAsync';
import { useI18n, useT } from '../i18n';
import { asApiError } from '../people/people';
import {
  CASES_PATH,
  caseHref,
  formatBytes,
  originLabel,
  STATUS_BADGE,
  statusLabel,
  uploadCaseDocument,
  type CaseAction,
  type CaseDetail,
  type CaseDocument,
  type CaseLink,
  type CaseOptions,
  type CaseStatus,
  type CaseTransition,
} from './cases';
import { CasesNav } from './CasesNav';
import { TriageForm } from './TriageForm';

export function CasePage({ id }: { id: string }) {
  const t = useT();
  return (
    <RequireUser
      title={t('area.cases')}
      crumbs={[
        { to: '/', label: t('nav.start') },
        { to: CASES_PATH, label: t('area.cases') },
      ]}
    >
      <CaseView id={id} />
    </RequireUser>
  );
}

type Say = (text: string) => void;

function CaseView({ id }: { id: string }) {
  const i18n = useI18n();
  const { t } = i18n;
  const detail = useAsync((signal) => api.get<CaseDetail>(`/api/v1/cases/${encodeURIComponent(id)}`, undefined, signal), [id]);
  const c = detail.data;
  const options = useAsync(
    (signal) => (c ? api.get<CaseOptions>('/api/v1/cases/options', { region: c.region }, signal) : Promise.resolve(undefined)),
    [c?.region],
  );
  const [message, setMessage] = useState<{ text: string; n: number } | null>(null);
  const [historyTick, setHistoryTick] = useState(0);
  const say: Say = (text) => {
    setMessage((m) => ({ text, n: (m?.n ?? 0) + 1 }));
    detail.reload();
    setHistoryTick((n) => n + 1);
  };
  const crumbs = [
    { to: '/', label: t('nav.start') },
    { to: CASES_PATH, label: t('area.cases') },
  ];
  if (!c) {
    return (
      <Page title={t('area.cases')} crumbs={crumbs}>
        {detail.error ? <ErrorAlert error={detail.error} /> : <Loading />}
      </Page>
    );
  }
  const closed = c.status === 'avslutad';
  return (
    <Page title={`${c.caseNumber}: ${c.subject}`} crumbs={crumbs} lead={<p>{t('cases.page.lead')}</p>}>
      <CasesNav />
      {message && <Success key={message.n} text={message.text} />}
      {detail.error && <ErrorAlert error={detail.error} />}
      <Summary c={c} />
      <StatusPanel c={c} options={options.data} onDone={say} />
      {c.canTriage && options.data && (
        <section className="panel" aria-labelledby="triage-heading">
          <h2 id="triage-heading">{t('cases.nav.triage')}</h2>
          <TriageForm c={c} options={options.data} onDone={(cc) => say(t('cases.triage.done', { number: cc.caseNumber }))} />
        </section>
      )}
      {c.canHandle && !closed && options.data && <AssignPanel c={c} options={options.data} onDone={say} />}
      {c.canEscalate && options.data && <EscalatePanel c={c} options={options.data} onDone={say} />}
      <ActionsPanel c={c} options={options.data} onDone={say} tick={historyTick} />
      <DocumentsPanel c={c} onDone={say} tick={historyTick} />
      <LinksPanel c={c} onDone={say} tick={historyTick} />
      <HistoryPanel c={c} tick={historyTick} />
    </Page>
  );
}

/** Announces a completed change and takes focus, so it is read out after the form re-renders. */
function Success({ text }: { text: string }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <div ref={ref} className="alert alert-success" role="status" tabIndex={-1}>
      <p>{text}</p>
    </div>
  );
}

function Summary({ c }: { c: CaseDetail }) {
  const i18n = useI18n();
  const { t, formatDate } = i18n;
  const none = t('cases.none');
  const rows: [string, ReactNode][] = [
    [t('case.field.caseNumber'), <span className="mono">{c.caseNumber}</span>],
    [t('case.field.status'), <span className={`badge ${STATUS_BADGE[c.status] ?? ''}`}>{statusLabel(i18n, c.status)}</span>],
    [t('case.field.receivedDate'), formatDate(c.receivedDate)],
    [t('case.field.origin'), originLabel(i18n, c.origin)],
    [t('case.field.sender'), c.sender],
    [t('cases.field.secrecy'), c.secret ? `${t('cases.secret')} – ${c.secrecyGround ?? ''}` : t('cases.notSecret')],
    [t('cases.field.decisionPath'), c.decisionPath ? (i18n.tMaybe(`cases.path.${c.decisionPath}`) ?? c.decisionPath) : none],
    [t('cases.field.forum'), c.forumName ?? none],
    [t('cases.field.mainCase'), c.mainCaseId ? <Link to={caseHref(c.mainCaseId)}>{c.mainCaseNumber}</Link> : none],
    [t('cases.field.assignedGroup'), c.assignedGroupName ?? none],
    [t('cases.field.handler'), c.handlerName ?? none],
    [t('cases.field.dueDate'), c.dueDate ? formatDate(c.dueDate) : none],
    [t('cases.field.decisionRef'), c.decisionRef ?? none],
  ];
  if (c.triageNote) rows.push([t('cases.field.triageNote'), c.triageNote]);
  return (
    <section aria-labelledby="summary-heading">
      <h2 id="summary-heading" className="visually-hidden">
        {t('cases.summary.heading')}
      </h2>
      <table className="facts-table">
        <caption>{t('cases.summary.caption')}</caption>
        <tbody>
          {rows.map(([label, value]) => (
            <tr key={label}>
              <th scope="row">{label}</th>
              <td>{value}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function StatusPanel({ c, options, onDone }: { c: CaseDetail; options: CaseOptions | undefined; onDone: Say }) {
  const i18n = useI18n();
  const { t } = i18n;
  const [reason, setReason] = useState('');
  const [decisionRef, setDecisionRef] = useState('');
  const [forum, setForum] = useState(c.forumGroupId ?? '');
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const moves = c.allowedTransitions;

  async function move(to: CaseStatus) {
    setBusy(true);
    setError(null);
    try {
      const after = await api.post<CaseDetail>(`/api/v1/cases/${c.id}/transitions`, {
        version: c.version,
        to,
        ...(reason.trim() ? { reason: reason.trim() } : {}),
        ...(to === 'beslutad' && decisionRef.trim() ? { decisionRef: decisionRef.trim() } : {}),
        ...(to === 'for-beslut' && forum && forum !== c.forumGroupId ? { forumGroupId: forum } : {}),
      });
      setReason('');
      setDecisionRef('');
      onDone(t('cases.transition.done', { status: statusLabel(i18n, after.status).toLowerCase() }));
    } catch (err) {
      setError(asApiError(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="panel" aria-labelledby="status-heading">
      <h2 id="status-heading">{t('cases.status.heading')}</h2>
      <p>{t('cases.status.current', { status: statusLabel(i18n, c.status).toLowerCase() })}</p>
      {c.status === 'avslutad' && <p>{t('cases.status.closedNote')}</p>}
      {c.openActions > 0 && moves.includes('avslutad') && (
        <Notice kind="warning">
          <p>
            {c.openActions === 1
              ? t('cases.transition.openActionsNote.one')
              : t('cases.transition.openActionsNote', { count: c.openActions })}
          </p>
        </Notice>
      )}
      {error && <ErrorAlert error={error} />}
      {moves.length === 0 && c.status !== 'avslutad' && <p className="muted">{t('cases.status.noMoves')}</p>}
      {moves.length > 0 && (
        <form className="form" onSubmit={(e) => e.preventDefault()} aria-labelledby="status-heading">
          <TextAreaField
            id="transition-reason"
            label={t('cases.transition.reason')}
            hint={t('cases.transition.reason.hint')}
            value={reason}
            onChange={setReason}
            rows={2}
          />
          {moves.includes('for-beslut') && options && (
            <SelectField
              id="transition-forum"
              label={t('cases.transition.forum')}
              value={forum}
              onChange={setForum}
              options={options.forums.map((f) => ({ value: f.id, label: f.name }))}
              placeholder={t('cases.chooseForum')}
            />
          )}
          {moves.includes('beslutad') && (
            <TextField
              id="transition-decisionRef"
              label={t('cases.transition.decisionRef')}
              value={decisionRef}
              onChange={setDecisionRef}
              autoComplete="off"
            />
          )}
          <div className="button-row">
            {moves.map((to) => (
              <button
                key={to}
                type="button"
                className={to === 'aterremitterad' || to === 'bordlagd' ? 'button-secondary' : undefined}
                disabled={busy}
                onClick={() => void move(to)}
              >
                {i18n.tMaybe(`cases.move.${to}`) ?? to}
              </button>
            ))}
          </div>
        </form>
      )}
    </section>
  );
}

function AssignPanel({ c, options, onDone }: { c: CaseDetail; options: CaseOptions; onDone: Say }) {
  const { t } = useI18n();
  const [group, setGroup] = useState(c.assignedGroupId ?? '');
  const [handler, setHandler] = useState(c.handlerPersonId ?? '');
  const [due, setDue] = useState(c.dueDate ?? '');
  const [secret, setSecret] = useState(c.secret);
  const [ground, setGround] = useState(c.secrecyGround ?? '');
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const fieldError = (path: string) => error?.errors.find((e) => e.path.replace(/^\/?/, '') === path)?.message;

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await api.patch<CaseDetail>(`/api/v1/cases/${c.id}`, {
        version: c.version,
        assignedGroupId: group || null,
        handlerPersonId: handler || null,
        dueDate: due || null,
        // The marking is sent only by those the server lets change it; others leave it as it is.
        ...(c.canChangeSecrecy ? { secret, secrecyGround: secret ? ground.trim() || null : null } : {}),
      });
      onDone(t('cases.assign.saved'));
    } catch (err) {
      setError(asApiError(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="panel" aria-labelledby="assign-heading">
      <h2 id="assign-heading">{t('cases.assign.heading')}</h2>
      <form className="form" onSubmit={(e) => void submit(e)} noValidate>
        {error && <ErrorAlert error={error} />}
        <SelectField
          id="assign-group"
          label={t('cases.field.assignedGroup')}
          value={group}
          onChange={setGroup}
          error={fieldError('assignedGroupId')}
          options={options.groups.map((g) => ({ value: g.id, label: g.name }))}
          placeholder={t('cases.chooseGroup')}
        />
        <SelectField
          id="assign-handler"
          label={t('cases.field.handler')}
          value={handler}
          onChange={setHandler}
          error={fieldError('handlerPersonId')}
          options={options.persons.map((p) => ({ value: p.id, label: p.name }))}
          placeholder={t('cases.choosePerson')}
        />
        <TextField
          id="assign-due"
          type="date"
          label={t('cases.field.dueDate')}
          value={due}
          onChange={setDue}
          error={fieldError('dueDate')}
        />
        {c.canChangeSecrecy ? (
          <Checkbox id="assign-secret" label={t('cases.secretCheckbox')} checked={secret} onChange={setSecret} />
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
            value={ground}
            onChange={setGround}
            error={fieldError('secrecyGround')}
            autoComplete="off"
          />
        )}
        <button type="submit" disabled={busy}>
          {t('cases.assign.submit')}
        </button>
      </form>
    </section>
  );
}

function EscalatePanel({ c, options, onDone }: { c: CaseDetail; options: CaseOptions; onDone: Say }) {
  const { t } = useI18n();
  const councils = options.forums.filter((f) => f.kind === 'council' && f.id !== c.forumGroupId);
  const currentIsTactical = options.forums.some((f) => f.id === c.forumGroupId && f.kind === 'forum');
  const [council, setCouncil] = useState(councils[0]?.id ?? '');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  if (!currentIsTactical) return null;

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const after = await api.post<CaseDetail>(`/api/v1/cases/${c.id}/escalation`, {
        version: c.version,
        forumGroupId: council,
        reason,
      });
      setReason('');
      onDone(t('cases.escalate.done', { forum: after.forumName ?? '' }));
    } catch (err) {
      setError(asApiError(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="panel" aria-labelledby="escalate-heading">
      <h2 id="escalate-heading">{t('cases.escalate.heading')}</h2>
      <p>{t('cases.escalate.lead')}</p>
      {councils.length === 0 ? (
        <p className="muted">{t('cases.escalate.noCouncil')}</p>
      ) : (
        <form className="form" onSubmit={(e) => void submit(e)} noValidate>
          {error && <ErrorAlert error={error} />}
          <SelectField
            id="escalate-council"
            label={t('cases.escalate.council')}
            value={council}
            onChange={setCouncil}
            options={councils.map((f) => ({ value: f.id, label: f.name }))}
          />
          <TextAreaField id="escalate-reason" label={t('cases.escalate.reason')} value={reason} onChange={setReason} rows={2} />
          <button type="submit" disabled={busy}>
            {t('cases.escalate.submit')}
          </button>
        </form>
      )}
    </section>
  );
}

function ActionsPanel({
  c,
  options,
  onDone,
  tick,
}: {
  c: CaseDetail;
  options: CaseOptions | undefined;
  onDone: Say;
  tick: number;
}) {
  const i18n = useI18n();
  const { t, formatDate } = i18n;
  const actions = useAsync(
    (signal) => api.get<{ items: CaseAction[] }>(`/api/v1/cases/${c.id}/actions`, undefined, signal),
    [c.id, tick],
  );
  const [title, setTitle] = useState('');
  const [owner, setOwner] = useState('');
  const [ownerName, setOwnerName] = useState('');
  const [due, setDue] = useState('');
  const [titleError, setTitleError] = useState<string | undefined>();
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const items = actions.data?.items ?? [];
  const closed = c.status === 'avslutad';

  async function add(e: FormEvent) {
    e.preventDefault();
    if (!title.trim()) {
      setTitleError(t('cases.actions.titleMissing'));
      document.getElementById('action-title')?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    setTitleError(undefined);
    try {
      await api.post<CaseAction>(`/api/v1/cases/${c.id}/actions`, {
        title: title.trim(),
        ownerPersonId: owner || null,
        ownerName: owner ? null : ownerName.trim() || null,
        dueDate: due || null,
      });
      setTitle('');
      setOwner('');
      setOwnerName('');
      setDue('');
      onDone(t('cases.actions.added'));
    } catch (err) {
      setError(asApiError(err));
    } finally {
      setBusy(false);
    }
  }

  async function toggle(a: CaseAction) {
    setError(null);
    try {
      await api.post<CaseAction>(`/api/v1/case-actions/${a.id}/${a.status === 'open' ? 'complete' : 'reopen'}`, {
        version: a.version,
      });
      onDone(
        a.status === 'open'
          ? t('cases.actions.doneMessage', { title: a.title })
          : t('cases.actions.reopenedMessage', { title: a.title }),
      );
    } catch (err) {
      setError(asApiError(err));
      actions.reload();
    }
  }

  return (
    <section className="panel" aria-labelledby="actions-heading">
      <h2 id="actions-heading">{t('cases.actions.heading')}</h2>
      {actions.error && <ErrorAlert error={actions.error} />}
      {error && <ErrorAlert error={error} />}
      {actions.data && items.length === 0 && <p>{t('cases.actions.none')}</p>}
      {items.length > 0 && (
        <TableScroll labelledBy="actions-caption">
          <table>
            <caption id="actions-caption">{t('cases.actions.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('cases.actions.title')}</th>
                <th scope="col">{t('cases.actions.owner')}</th>
                <th scope="col">{t('cases.actions.due')}</th>
                <th scope="col">{t('cases.actions.status')}</th>
                {!closed && (
                  <th scope="col">
                    <span className="visually-hidden">{t('cases.actions.complete')}</span>
                  </th>
                )}
              </tr>
            </thead>
            <tbody>
              {items.map((a) => (
                <tr key={a.id}>
                  <th scope="row">
                    {a.title}
                    {a.source && <span className="stat-note">{t('cases.actions.fromMinutes')}</span>}
                  </th>
                  <td>{a.ownerName ?? t('cases.none')}</td>
                  <td className="nowrap">{a.dueDate ? formatDate(a.dueDate) : t('cases.none')}</td>
                  <td>
                    <span className={`badge ${a.status === 'open' ? 'badge-weak' : 'badge-ok'}`}>
                      {t(`cases.actions.status.${a.status}`)}
                    </span>
                  </td>
                  {!closed && (
                    <td>
                      <button
                        type="button"
                        className="button-small button-secondary"
                        aria-label={
                          a.status === 'open'
                            ? t('cases.actions.completeNamed', { title: a.title })
                            : t('cases.actions.reopenNamed', { title: a.title })
                        }
                        onClick={() => void toggle(a)}
                      >
                        {a.status === 'open' ? t('cases.actions.complete') : t('cases.actions.reopen')}
                      </button>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      {c.canHandle && !closed && (
        <form className="form" onSubmit={(e) => void add(e)} noValidate aria-label={t('cases.actions.add')}>
          <TextField
            id="action-title"
            label={t('cases.actions.title')}
            value={title}
            onChange={setTitle}
            error={titleError}
            autoComplete="off"
          />
          <SelectField
            id="action-owner"
            label={t('cases.actions.ownerPerson')}
            value={owner}
            onChange={setOwner}
            options={(options?.persons ?? []).map((p) => ({ value: p.id, label: p.name }))}
            placeholder={t('cases.choosePerson')}
          />
          {!owner && (
            <TextField
              id="action-ownerName"
              label={t('cases.actions.ownerName')}
              value={ownerName}
              onChange={setOwnerName}
              autoComplete="off"
            />
          )}
          <TextField id="action-due" type="date" label={t('cases.actions.due')} value={due} onChange={setDue} />
          <button type="submit" disabled={busy}>
            {t('cases.actions.add')}
          </button>
        </form>
      )}
    </section>
  );
}

function DocumentsPanel({ c, onDone, tick }: { c: CaseDetail; onDone: Say; tick: number }) {
  const i18n = useI18n();
  const { t, formatDateTime } = i18n;
  const docs = useAsync(
    (signal) => api.get<{ items: CaseDocument[] }>(`/api/v1/cases/${c.id}/documents`, undefined, signal),
    [c.id, tick],
  );
  const fileRef = useRef<HTMLInputElement>(null);
  const [fileError, setFileError] = useState<string | undefined>();
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const items = docs.data?.items ?? [];

  async function upload(e: FormEvent) {
    e.preventDefault();
    const file = fileRef.current?.files?.[0];
    if (!file) {
      setFileError(t('cases.docs.fileMissing'));
      fileRef.current?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    setFileError(undefined);
    try {
      const d = await uploadCaseDocument(c.id, file);
      if (fileRef.current) fileRef.current.value = '';
      onDone(t('cases.docs.uploaded.ok', { name: d.fileName }));
    } catch (err) {
      setError(asApiError(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="panel" aria-labelledby="docs-heading">
      <h2 id="docs-heading">{t('cases.docs.heading')}</h2>
      {c.secret && <p>{t('cases.docs.secretNote')}</p>}
      {docs.error && <ErrorAlert error={docs.error} />}
      {docs.data && items.length === 0 && <p>{t('cases.docs.none')}</p>}
      {items.length > 0 && (
        <TableScroll labelledBy="docs-caption">
          <table>
            <caption id="docs-caption">{t('cases.docs.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('cases.docs.name')}</th>
                <th scope="col">{t('cases.docs.size')}</th>
                <th scope="col">{t('cases.docs.uploaded')}</th>
                <th scope="col">{t('cases.docs.checksum')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((d) => (
                <tr key={d.id}>
                  <th scope="row">
                    <a
                      href={`/api/v1/case-documents/${d.id}/content`}
                      download={d.fileName}
                      aria-label={t('cases.docs.download', { name: d.fileName })}
                    >
                      {d.fileName}
                    </a>
                  </th>
                  <td className="nowrap">{formatBytes(d.sizeBytes, i18n)}</td>
                  <td>
                    {formatDateTime(d.uploadedAt)}
                    <span className="stat-note">{d.uploadedBy}</span>
                  </td>
                  <td>
                    {d.sha256 ? (
                      <span className="id mono" title={d.sha256}>
                        {d.sha256.slice(0, 16)}…
                      </span>
                    ) : (
                      t('cases.docs.checksumHidden')
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      {c.canHandle && c.status !== 'avslutad' && (
        <form className="form" onSubmit={(e) => void upload(e)} noValidate aria-label={t('cases.docs.upload')}>
          {error && <ErrorAlert error={error} />}
          <div className={`field${fileError ? ' field-invalid' : ''}`}>
            <label htmlFor="doc-file">{t('cases.docs.file')}</label>
            <p className="hint" id="doc-file-hint">
              {t('cases.docs.file.hint')}
            </p>
            {fileError && (
              <p className="field-error" id="doc-file-error">
                {fileError}
              </p>
            )}
            <input
              id="doc-file"
              type="file"
              ref={fileRef}
              accept=".pdf,.docx,.xlsx,.odt,.png,.jpg,.jpeg,.txt,.csv"
              aria-describedby={`doc-file-hint${fileError ? ' doc-file-error' : ''}`}
              aria-invalid={fileError ? true : undefined}
            />
          </div>
          <button type="submit" disabled={busy}>
            {t('cases.docs.upload')}
          </button>
        </form>
      )}
    </section>
  );
}

function LinksPanel({ c, onDone, tick }: { c: CaseDetail; onDone: Say; tick: number }) {
  const i18n = useI18n();
  const { t } = i18n;
  const links = useAsync(
    (signal) => api.get<{ items: CaseLink[] }>(`/api/v1/cases/${c.id}/links`, undefined, signal),
    [c.id, tick],
  );
  const others = useAsync(
    (signal) =>
      c.canHandle
        ? api.get<ApiPage<{ id: string; caseNumber: string; subject: string }>>(
            '/api/v1/cases',
            { region: c.region, limit: 500 },
            signal,
          )
        : Promise.resolve(undefined),
    [c.region, c.canHandle],
  );
  // Names of knowledge supports and consultation rounds (other modules' lists; the link itself
  // is only type + id, so a list that cannot be read leaves the id and a free-text field).
  const targets = useAsync(async (signal) => {
    const names = new Map<string, string>();
    const supports: { id: string; title: string }[] = [];
    const rounds: { id: string; title: string }[] = [];
    try {
      const page = await api.get<ApiPage<{ id: string; title: string }>>('/api/v1/knowledge-supports', { limit: 500 }, signal);
      for (const k of page.items) {
        supports.push(k);
        names.set(k.id, k.title);
      }
    } catch {
      // not available: free-text id
    }
    try {
      const page = await api.get<{ items: { id: string; title: string; supportTitle: string }[] }>(
        '/api/v1/consultation-rounds',
        { limit: 200 },
        signal,
      );
      for (const r of page.items) {
        const title = r.title || r.supportTitle;
        rounds.push({ id: r.id, title });
        names.set(r.id, title);
      }
    } catch {
      // not available: free-text id
    }
    return { names, supports, rounds };
  }, []);
  const [type, setType] = useState<CaseLink['targetType']>('case');
  const [target, setTarget] = useState('');
  const [note, setNote] = useState('');
  const [targetError, setTargetError] = useState<string | undefined>();
  const [error, setError] = useState<ApiError | null>(null);
  const items = links.data?.items ?? [];
  const targetText = (l: CaseLink) =>
    l.targetType === 'case'
      ? `${l.targetCaseNumber ?? l.targetId}${l.targetSubject ? `: ${l.targetSubject}` : ''}`
      : (targets.data?.names.get(l.targetId) ?? l.targetId);
  const choices =
    type === 'knowledge-support' ? targets.data?.supports : type === 'consultation' ? targets.data?.rounds : undefined;

  async function add(e: FormEvent) {
    e.preventDefault();
    if (!target.trim()) {
      setTargetError(t('cases.links.targetMissing'));
      document.getElementById('link-target')?.focus();
      return;
    }
    setError(null);
    setTargetError(undefined);
    try {
      await api.post(`/api/v1/cases/${c.id}/links`, { targetType: type, targetId: target.trim(), note: note.trim() || null });
      setTarget('');
      setNote('');
      onDone(t('cases.links.add'));
    } catch (err) {
      setError(asApiError(err));
    }
  }

  async function remove(l: CaseLink) {
    setError(null);
    try {
      await api.delete(`/api/v1/case-links/${l.id}`);
      onDone(t('cases.links.removeNamed', { target: targetText(l) }));
    } catch (err) {
      setError(asApiError(err));
    }
  }

  return (
    <section className="panel" aria-labelledby="links-heading">
      <h2 id="links-heading">{t('cases.links.heading')}</h2>
      {links.error && <ErrorAlert error={links.error} />}
      {error && <ErrorAlert error={error} />}
      {links.data && items.length === 0 && <p>{t('cases.links.none')}</p>}
      {items.length > 0 && (
        <TableScroll labelledBy="links-caption">
          <table>
            <caption id="links-caption">{t('cases.links.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('cases.links.type')}</th>
                <th scope="col">{t('cases.links.target')}</th>
                <th scope="col">{t('cases.links.note')}</th>
                {c.canHandle && (
                  <th scope="col">
                    <span className="visually-hidden">{t('cases.links.remove')}</span>
                  </th>
                )}
              </tr>
            </thead>
            <tbody>
              {items.map((l) => (
                <tr key={l.id}>
                  <td>
                    {t(`cases.links.type.${l.targetType}`)}
                    {l.relation === 'bundled' && <span className="stat-note">{t('cases.links.relation.bundled')}</span>}
                  </td>
                  <th scope="row">
                    {l.targetType === 'case' ? (
                      <Link to={caseHref(l.targetId)}>{targetText(l)}</Link>
                    ) : targets.data?.names.has(l.targetId) ? (
                      targetText(l)
                    ) : (
                      <span className="mono">{l.targetId}</span>
                    )}
                  </th>
                  <td>{l.note ?? ''}</td>
                  {c.canHandle && (
                    <td>
                      {l.relation !== 'bundled' && (
                        <button
                          type="button"
                          className="button-small button-secondary"
                          aria-label={t('cases.links.removeNamed', { target: targetText(l) })}
                          onClick={() => void remove(l)}
                        >
                          {t('cases.links.remove')}
                        </button>
                      )}
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      {c.canHandle && (
        <form className="form" onSubmit={(e) => void add(e)} noValidate aria-label={t('cases.links.add')}>
          <SelectField
            id="link-type"
            label={t('cases.links.type')}
            value={type}
            onChange={(v) => {
              setType(v as CaseLink['targetType']);
              setTarget('');
            }}
            options={(['case', 'knowledge-support', 'consultation'] as const).map((k) => ({
              value: k,
              label: t(`cases.links.type.${k}`),
            }))}
          />
          {type === 'case' ? (
            <SelectField
              id="link-target"
              label={t('cases.links.targetCase')}
              value={target}
              onChange={setTarget}
              error={targetError}
              options={(others.data?.items ?? [])
                .filter((o) => o.id !== c.id)
                .map((o) => ({ value: o.id, label: `${o.caseNumber}: ${o.subject}` }))}
              placeholder={t('cases.links.chooseCase')}
            />
          ) : choices && choices.length > 0 ? (
            <SelectField
              id="link-target"
              label={t(type === 'knowledge-support' ? 'cases.links.targetSupport' : 'cases.links.targetRound')}
              value={target}
              onChange={setTarget}
              error={targetError}
              options={choices.map((o) => ({ value: o.id, label: o.title }))}
              placeholder={t('cases.links.choose')}
            />
          ) : (
            <TextField
              id="link-target"
              label={t('cases.links.targetId')}
              value={target}
              onChange={setTarget}
              error={targetError}
              autoComplete="off"
            />
          )}
          <TextField id="link-note" label={t('cases.links.note')} value={note} onChange={setNote} autoComplete="off" />
          <button type="submit">{t('cases.links.add')}</button>
        </form>
      )}
    </section>
  );
}

function HistoryPanel({ c, tick }: { c: CaseDetail; tick: number }) {
  const i18n = useI18n();
  const { t, formatDateTime } = i18n;
  const transitions = useAsync(
    (signal) => api.get<{ items: CaseTransition[] }>(`/api/v1/cases/${c.id}/transitions`, undefined, signal),
    [c.id, tick],
  );
  const audit = useAsync(
    (signal) =>
      api.get<{ items: { at: string; actor: string; entityType: string; action: string }[] }>(
        `/api/v1/cases/${c.id}/history`,
        undefined,
        signal,
      ),
    [c.id, tick],
  );
  const what = (h: CaseTransition) => {
    const status = (s: string) => statusLabel(i18n, s);
    const main =
      h.kind === 'escalation'
        ? t('cases.history.escalation', { forum: h.forumName ?? '' })
        : h.kind === 'bundle'
          ? t('cases.history.bundle', { to: status(h.to) })
          : t('cases.history.transition', { from: status(h.from), to: status(h.to) });
    return (
      <>
        {main}
        {h.reason && <span className="stat-note">{t('cases.history.reason', { reason: h.reason })}</span>}
        {h.decisionRef && <span className="stat-note">{t('cases.history.decisionRef', { ref: h.decisionRef })}</span>}
      </>
    );
  };
  const items = transitions.data?.items ?? [];
  return (
    <section className="panel" aria-labelledby="history-heading">
      <h2 id="history-heading">{t('cases.history.heading')}</h2>
      {transitions.error && <ErrorAlert error={transitions.error} />}
      {items.length > 0 && (
        <TableScroll labelledBy="history-caption">
          <table>
            <caption id="history-caption">{t('cases.history.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('cases.history.when')}</th>
                <th scope="col">{t('cases.history.what')}</th>
                <th scope="col">{t('cases.history.who')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((h) => (
                <tr key={h.id}>
                  <td className="nowrap">{formatDateTime(h.at)}</td>
                  <td>{what(h)}</td>
                  <td>{h.actor}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      {audit.data && audit.data.items.length > 0 && (
        <details>
          <summary>{t('cases.audit.heading')}</summary>
          <TableScroll labelledBy="audit-caption">
            <table>
              <caption id="audit-caption">{t('cases.audit.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('cases.history.when')}</th>
                  <th scope="col">{t('cases.history.what')}</th>
                  <th scope="col">{t('cases.history.who')}</th>
                </tr>
              </thead>
              <tbody>
                {audit.data.items.map((e, i) => (
                  <tr key={i}>
                    <td className="nowrap">{formatDateTime(e.at)}</td>
                    <td>{i18n.tMaybe(`cases.audit.${e.entityType}.${e.action}`) ?? `${e.entityType} ${e.action}`}</td>
                    <td>{e.actor}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        </details>
      )}
    </section>
  );
}
